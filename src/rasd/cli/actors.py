"""``rasd actors [QUERY]``: list and search the actor/source knowledge base, or resolve a phrase."""

from __future__ import annotations

import json

import click


def _actor_row(a) -> dict:
    return {
        "id": a.id,
        "name": a.name,
        "type": a.type,
        "country": a.country,
        "aliases": list(a.aliases),
        "short": a.short,
        "wikidata": a.wikidata,
        "theatre": list(a.theatre),
    }


def _source_row(s) -> dict:
    return {"id": s.id, "name": s.name, "kind": s.kind, "country": s.country, "aliases": list(s.aliases)}


@click.command()
@click.argument("query", required=False, default="")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one array) instead of a table.")
@click.option(
    "--sources", is_flag=True, help="List/search sources (agencies, outlets, monitors) instead of actors."
)
@click.option("--resolve", "resolve", is_flag=True, help="Treat QUERY as a phrase of a text and resolve it.")
@click.option(
    "--country", default=None, help="Document country (ISO2) for --resolve: decides «التحالف», «قوات الأمن»."
)
def actors(query: str, as_json: bool, sources: bool, resolve: bool, country: str | None) -> None:
    """List or search the knowledge base: QUERY matches ids, names, countries and aliases
    (Arabic or English). With --resolve, show what a phrase resolves to."""
    from rasd.actors import load_kb

    kb = load_kb()
    if resolve:
        if not query:
            raise click.UsageError("--resolve needs a phrase")
        out = {
            "actor": (a.model_dump(mode="json") if (a := kb.resolve(query, country=country)) else None),
            "source": (
                s.model_dump(mode="json") if (s := kb.resolve_source(query, country=country)) else None
            ),
            "guess": kb.guess(query, country=country).model_dump(mode="json"),
        }
        click.echo(json.dumps(out, ensure_ascii=False, indent=None if as_json else 2))
        return
    rows = (
        [_source_row(s) for s in kb.search_sources(query)]
        if sources
        else [_actor_row(a) for a in kb.search(query)]
    )
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        click.echo(f"nothing in the knowledge base matches {query!r}", err=True)
        raise SystemExit(1)
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"{len(rows)} {'sources' if sources else 'actors'}" + (f" matching {query!r}" if query else "")
    )
    cols = ["id", "name", "kind" if sources else "type", "country", "aliases"]
    for c in cols:
        table.add_column(c, overflow="fold")
    for r in rows:
        aliases = ", ".join(r["aliases"][:6]) + (" …" if len(r["aliases"]) > 6 else "")
        table.add_row(r["id"], r["name"], r["kind" if sources else "type"] or "", r["country"] or "", aliases)
    Console().print(table)
