"""Human-readable rendering of results for a terminal (rich)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from rasd.records import Event, Result

if TYPE_CHECKING:
    from rasd.pipeline import DocAnalysis


def _count(e: Event) -> str:
    parts = []
    for k in ("fatalities", "injured", "displaced", "arrested"):
        c = getattr(e, k)
        if c is not None:
            parts.append(f"{k}={c.value if c.value is not None else '?'}" + (f" {c.unit}" if c.unit else ""))
    return ", ".join(parts)


class PrettyPrinter:
    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console()

    def show(self, result: Result, analysis: DocAnalysis | None = None) -> None:
        c = self.console
        if result.error:
            c.print(f"[bold red]{result.id}: {result.error}[/]")
            return
        c.rule(f"[bold]{result.id}[/] — {len(result.events)} event(s)")
        if analysis is not None and analysis.entities:
            ents = ", ".join(f"{e.text}/{e.label}" for e in analysis.entities[:40])
            c.print(f"[dim]entities:[/] {ents}")
        for i, e in enumerate(result.events, 1):
            t = Table(show_header=False, box=None, pad_edge=False)
            t.add_column(style="cyan", no_wrap=True)
            t.add_column()
            t.add_row(
                "type",
                f"{e.event_type} / {e.sub_event_type}"
                + (f"  [dim]PLOVER {e.plover.type}[/]" if e.plover else ""),
            )
            t.add_row(
                "date",
                f"{e.date.value} (precision {e.date.precision})"
                + (f" «{e.date.text}»" if e.date.text else ""),
            )
            for role, actor in (("actor1", e.actor1), ("actor2", e.actor2)):
                if actor:
                    said = f" «{actor.text}»" if actor.text else ""
                    t.add_row(role, f"{actor.name} [{actor.type}]{said}")
            if e.location:
                loc = e.location
                where = f"{loc.name}, {loc.admin1 or ''} {loc.country or ''} (precision {loc.precision})"
                if loc.sublocation:
                    where += f" — {loc.sublocation}"
                t.add_row("place", where)
            if _count(e):
                t.add_row("counts", _count(e))
            if e.sources:
                t.add_row("sources", "; ".join(f"{s.name} ({s.kind})" for s in e.sources))
            for why in e.explain:
                t.add_row("why", why)
            t.add_row("confidence", f"{e.confidence:.2f}")
            for sp in e.evidence:
                t.add_row("evidence", f"[{sp.start}:{sp.end}] {sp.text}")
            c.print(f"[bold]{i}.[/]")
            c.print(t)
