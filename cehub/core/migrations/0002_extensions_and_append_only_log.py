"""PostgreSQL extensions the product relies on, the shared cache table, and the rule that the
access log can only grow: UPDATE and DELETE raise in the database itself.

TRUNCATE is left to privileges (the application's role is not the table owner in production,
see docs/security.md) because the test runner empties tables with it between tests."""

from django.contrib.postgres.operations import (
    BtreeGistExtension,
    CreateExtension,
    TrigramExtension,
    UnaccentExtension,
)
from django.core.management import call_command
from django.db import migrations

APPEND_ONLY = """
CREATE FUNCTION cehub_refuse_access_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The access log is append-only: % is not allowed on %', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER access_event_append_only
    BEFORE UPDATE OR DELETE ON core_accessevent
    FOR EACH ROW EXECUTE FUNCTION cehub_refuse_access_log_change();
"""

DROP_APPEND_ONLY = """
DROP TRIGGER IF EXISTS access_event_append_only ON core_accessevent;
DROP FUNCTION IF EXISTS cehub_refuse_access_log_change();
"""


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        TrigramExtension(),
        UnaccentExtension(),
        BtreeGistExtension(),
        CreateExtension("fuzzystrmatch"),
        migrations.RunSQL(APPEND_ONLY, DROP_APPEND_ONLY),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]
