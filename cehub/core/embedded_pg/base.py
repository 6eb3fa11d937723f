"""Django database backend: the stock PostgreSQL backend, pointed at the embedded server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db.backends.postgresql import base

from .server import ensure_database, ensure_server

_ready_databases: set[tuple[str, str]] = set()


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self) -> dict[str, Any]:
        socket_dir = ensure_server(Path(self.settings_dict["PGDATA"]))
        name = self.settings_dict["NAME"]
        # The test runner creates its own database through the "postgres" one.
        if name and name != "postgres" and (socket_dir, name) not in _ready_databases:
            ensure_database(socket_dir, name)
            _ready_databases.add((socket_dir, name))
        self.settings_dict["HOST"] = socket_dir
        self.settings_dict["USER"] = "postgres"
        return super().get_connection_params()
