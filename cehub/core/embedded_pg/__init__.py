"""A PostgreSQL database backend that starts the embedded server on first connection.

Used when ``DATABASE_URL`` is unset. The server is started lazily (not at settings import)
so that commands which never touch the database — ``mypy``, ``check`` — start nothing.
"""
