"""Where a record is: a country named first gives way to a town of it named in another telling."""

from __future__ import annotations

from fakes import analysis_of

from rasd.events import extract_events
from rasd.events.lexicon import load_lexicon

RULES = load_lexicon()
RULES.gate = None  # the rules alone


def places(text: str) -> list[str | None]:
    return [e.location.name if e.location else None for e in extract_events(analysis_of(text), RULES)]


# a title line first: the sentences below are the body (a headline is ordered after it)
TITLE = "أخبار اليوم\n\n"


def test_a_town_told_later_refines_a_country():
    text = TITLE + (
        "قتل 30 شخصا في تفجير انتحاري في العراق أمس. "
        "وقالت مصادر محلية إن الانتحاري فجر نفسه وسط سوق شعبي في بغداد."
    )
    assert places(text) == ["Baghdad"]


def test_a_second_town_of_that_country_is_another_happening():
    text = TITLE + (
        "قتل 30 شخصا في تفجير انتحاري في العراق أمس. "
        "وقالت مصادر محلية إن الانتحاري فجر نفسه وسط سوق شعبي في بغداد. "
        "كما فجر انتحاري آخر نفسه في الموصل أمس."
    )
    assert places(text) == ["Baghdad", "Mosul"]


def test_a_country_alone_stays_the_place():
    assert places(TITLE + "قتل 30 شخصا في تفجير انتحاري في العراق أمس.") == ["Iraq"]
