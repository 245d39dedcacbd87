"""``rasd events``: a terminal table of stored canonical events, with the common filter options."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from rasd.cli.options import iso_date


def _bbox(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[float, ...] | None:
    if value is None:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError as exc:
        raise click.BadParameter("expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT") from exc
    if len(parts) != 4:
        raise click.BadParameter("expected MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")
    return parts


def filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--db and the event filters shared by ``rasd events`` and ``rasd export``."""
    options = [
        click.option(
            "--db", "db_url", envvar="RASD_DB", help="Database URL (default: $RASD_DB or the user's store)."
        ),
        click.option("--from", "date_from", callback=iso_date, help="Events on or after YYYY-MM-DD."),
        click.option("--to", "date_to", callback=iso_date, help="Events on or before YYYY-MM-DD."),
        click.option("--country", help="ISO2, ISO3 or English country name."),
        click.option("--event-type", help="ACLED event type, e.g. 'Battles'."),
        click.option("--actor", help="Substring of an actor's name."),
        click.option("--bbox", callback=_bbox, help="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def make_filter(kw: dict[str, Any]) -> Any:
    from rasd.store import EventFilter

    return EventFilter(
        date_from=kw["date_from"],
        date_to=kw["date_to"],
        country=kw["country"],
        event_type=kw["event_type"],
        actor=kw["actor"],
        bbox=kw["bbox"],
    )


def open_store(db_url: str | None) -> Any:
    from rasd.errors import StoreError
    from rasd.store import Store

    try:
        return Store(db_url)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _count(rng: Any) -> str:
    if rng is None:
        return ""
    return str(rng.value) if rng.min == rng.max else f"{rng.value} ({rng.min}-{rng.max})"


@click.command()
@filter_options
@click.option("--limit", default=50, show_default=True, help="How many events to show.")
def events(db_url: str | None, limit: int, **kw: Any) -> None:
    """Show stored canonical events, newest first."""
    from rich.console import Console
    from rich.table import Table

    store = open_store(db_url)
    try:
        page = store.query_events(make_filter(kw), limit=limit)
    finally:
        store.close()
    table = Table(title=f"{len(page.items)} of {page.total} events", show_lines=False)
    for col in ("date", "type", "actor 1", "actor 2", "place", "killed", "reports", "outlets"):
        table.add_column(col, overflow="fold")
    for ev in page.items:
        loc = ev.location
        place = "" if loc is None else loc.name + (f", {loc.country}" if loc.country else "")
        table.add_row(
            ev.event_date.isoformat() if ev.event_date else "?",
            f"{ev.event_type}\n[dim]{ev.sub_event_type}[/]",
            ev.actor1.name if ev.actor1 else "",
            ev.actor2.name if ev.actor2 else "",
            place,
            _count(ev.fatalities),
            str(ev.n_reports),
            ", ".join(ev.outlets),
        )
    Console().print(table)
