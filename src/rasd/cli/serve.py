"""``rasd serve``: the REST API and the dashboard over a store, served by uvicorn."""

from __future__ import annotations

import ipaddress
import os

import click


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, "localhost")."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything, so treat it as public


@click.command()
@click.option(
    "--db",
    "db_url",
    default=None,
    help="Store URL (sqlite:///x.db, postgresql://…). Default: $RASD_DB or the user data file.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on."
)
@click.option(
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
)
def serve(db_url: str | None, host: str, port: int, log_level: str) -> None:
    """Serve the REST API (docs at /docs) and the analyst's dashboard (at /).

    Writes (POST /documents, POST /extract) need the key in $RASD_API_KEY, sent as the X-API-Key
    header. Without a key the server only listens on a loopback address.
    """
    key = os.environ.get("RASD_API_KEY") or None
    if key is None and not is_loopback(host):
        raise click.UsageError(
            f"refusing to listen on {host}: it is reachable from other machines and RASD_API_KEY is not set. "
            "Set RASD_API_KEY (writes then need it in the X-API-Key header) or use --host 127.0.0.1."
        )
    import uvicorn
    from sqlalchemy.exc import SQLAlchemyError

    from rasd.api import create_app
    from rasd.errors import StoreError

    try:
        app = create_app(db_url=db_url, api_key=key)
    except (StoreError, SQLAlchemyError, ValueError) as exc:
        # A bad URL or unreachable server is a user error: one line, not a traceback.
        raise click.ClickException(f"cannot open the store {db_url or ''}: {exc}".replace("  ", " ")) from exc
    click.echo(f"Rasd dashboard: http://{host}:{port}/   API docs: http://{host}:{port}/docs", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
