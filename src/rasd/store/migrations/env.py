"""Alembic environment: runs on the connection the store hands over (no alembic.ini needed).

``rasd.store.migrate.upgrade`` puts an open connection into ``config.attributes["connection"]``;
running ``alembic`` by hand also works with ``-x url=...``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from rasd.store.schema import metadata

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
            "sqlalchemy.url"
        )
        engine = create_engine(url)
        with engine.connect() as conn:
            _migrate(conn)
        engine.dispose()
        return
    _migrate(connection)


def _migrate(connection) -> None:  # noqa: ANN001 - alembic hands a Connection
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run()
