"""Contract checks that the pydantic models alone cannot express: offsets against the text.

``check_result(result_json, text)`` returns a list of human-readable problems (empty when the
record follows ``../shared/spec/EVENTS.md``). Tests and ``rasd extract`` debugging use it.
"""

from __future__ import annotations

from pydantic import ValidationError

from rasd.records import Event


def check_event(event: dict, text: str) -> list[str]:
    problems: list[str] = []
    try:
        ev = Event.model_validate(event)
    except ValidationError as exc:
        return [f"invalid record: {err['loc']}: {err['msg']}" for err in exc.errors()]
    if not ev.evidence:
        problems.append("no evidence span")
    for sp in ev.evidence:
        if not (0 <= sp.start <= sp.end <= len(text)) or text[sp.start : sp.end] != sp.text:
            problems.append(f"evidence [{sp.start}:{sp.end}] does not equal the input text there")
    loc = ev.location
    if loc is not None:
        if loc.lat is not None and not (-90 <= loc.lat <= 90 and -180 <= (loc.lon or 0) <= 180):
            problems.append("location lat/lon out of range")
        if not loc.country or len(loc.country) != 2:
            problems.append("location country must be an ISO 3166 alpha-2 code")
    for name in ("fatalities", "injured", "displaced", "arrested"):
        c = getattr(ev, name)
        if c is not None and c.value is None and c.qualifier != "unknown":
            problems.append(f"{name}: value null needs qualifier 'unknown'")
    if ev.event_type == "Displacement" and ev.displaced is None:
        problems.append("Displacement needs a displaced count")
    return problems


def check_result(result: dict, text: str) -> list[str]:
    problems = []
    if set(result) - {"id", "events", "error"} or "events" not in result:
        problems.append(f"result keys must be id, events (+error), got {sorted(result)}")
    for i, e in enumerate(result.get("events", [])):
        problems.extend(f"event {i}: {p}" for p in check_event(e, text))
    return problems
