"""English triggers and cues (triggers_en.yaml, cues_en.yaml) through the real text, place and
actor stages. Sentences are written for these tests in the style of ACLED notes and newswire.

Most tests read the typed mentions before the learned gate (trained on Arabic), so they test
the English lexicons themselves; the end-to-end tests use sentences with a verb, a place, a named
actor and a date, which pass the gate on strong evidence."""

from __future__ import annotations

import pytest

import rasd
from rasd.events.extract import find_mentions
from rasd.records import Document

PUBLISHED = "2022-03-15"


@pytest.fixture(scope="module")
def pipe() -> rasd.Pipeline:
    return rasd.Pipeline()


def _mentions(pipe: rasd.Pipeline, text: str):
    analysis = pipe.analyze(Document(text=text, published=PUBLISHED), entities=False)
    mentions, _ = find_mentions(analysis, pipe.lexicon)
    return mentions


def _kinds(pipe: rasd.Pipeline, text: str) -> set[tuple[str, str]]:
    return {(m.event_type, m.sub_event_type) for m in _mentions(pipe, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 12 March 2022, coalition warplanes carried out three air strikes on a camp near Marib.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "On 12 March 2022, a drone strike hit a vehicle on the road south of Sirte.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "On 13 March 2022, Russian forces shelled residential areas of Kharkiv with artillery.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "On 13 March 2022, militants fired mortars at a military base near Kirkuk.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "On 11 March 2022, an IED planted by unidentified militants exploded in a market in Baidoa.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "On 11 March 2022, a landmine exploded in Hays district, injuring two farmers.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "On 10 March 2022, a suicide bomber blew himself up at a checkpoint in Mogadishu.",
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        (
            "On 10 March 2022, army troops clashed with rebels near the town of Bunia.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 9 March 2022, gunmen attacked a village near Maiduguri and killed 7 civilians.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 9 March 2022, unidentified gunmen kidnapped a teacher on the road to Kaduna.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (
            "On 8 March 2022, police arrested 5 opposition activists in Khartoum.",
            ("Strategic developments", "Arrests"),
        ),
        (
            "On 8 March 2022, hundreds of teachers staged a peaceful protest in front of parliament in Tunis.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "On 7 March 2022, police fired tear gas to disperse protesters in Omdurman.",
            ("Protests", "Protest with intervention"),
        ),
        (
            "On 7 March 2022, rioters burned tires and threw stones at police in Beirut.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 6 March 2022, fighting forced 300 families to flee their homes in Tawergha.",
            ("Displacement", "Displacement"),
        ),
        (
            "On 6 March 2022, rebel fighters took control of the town of Mutshanga after heavy fighting.",
            ("Battles", "Non-state actor overtakes territory"),
        ),
        (
            "On 5 March 2022, a mob lynched a man accused of theft in Kano.",
            ("Riots", "Mob violence"),
        ),
    ],
)
def test_each_family_is_typed(pipe: rasd.Pipeline, text: str, expected: tuple[str, str]) -> None:
    assert expected in _kinds(pipe, text)


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March 2022, the army said its aircraft did not carry out air strikes on the town.",
        "Officials said the militants will attack the base in the coming days.",
        "The group threatened to attack government positions in the north.",
        "The ministry denied that police arrested any journalists in the capital.",
        "Residents fear that warplanes might bomb the village again.",
    ],
)
def test_irrealis_sentences_report_no_violence_or_arrest(pipe: rasd.Pipeline, text: str) -> None:
    assert _kinds(pipe, text) == set()


def test_month_may_is_not_the_modal(pipe: rasd.Pipeline) -> None:
    kinds = _kinds(pipe, "On 9 May 2022, government forces shelled Kafr Nabl in Idlib.")
    assert ("Explosions/Remote violence", "Shelling/artillery/missile attack") in kinds


def test_counts_of_killed_and_wounded_go_to_the_event(pipe: rasd.Pipeline) -> None:
    (m,) = [
        m
        for m in _mentions(
            pipe,
            "On 14 March 2022, militants attacked a market in Gao, killing 3 civilians and wounding 12.",
        )
        if m.event_type == "Violence against civilians"
    ]
    assert m.counts["fatalities"].value == 3
    assert m.counts["injured"].value == 12


def test_arrest_counts_and_targets(pipe: rasd.Pipeline) -> None:
    (m,) = _mentions(pipe, "On 14 March 2022, security forces arrested 17 people in Aden.")
    assert m.sub_event_type == "Arrests" and m.counts["arrested"].value == 17


def test_attack_on_soldiers_is_a_battle(pipe: rasd.Pipeline) -> None:
    kinds = _kinds(pipe, "On 14 March 2022, militants ambushed a patrol and killed 4 soldiers near Menaka.")
    assert ("Battles", "Armed clash") in kinds
    assert ("Violence against civilians", "Attack") not in kinds


def test_labour_strike_is_a_protest_but_an_air_strike_is_not(pipe: rasd.Pipeline) -> None:
    assert ("Protests", "Peaceful protest") in _kinds(
        pipe, "On 2 March 2022, dock workers went on strike in Basra over unpaid wages."
    )
    assert ("Protests", "Peaceful protest") not in _kinds(
        pipe, "On 2 March 2022, a drone strike killed two fighters near Idlib."
    )


def test_hyphenated_forms_match(pipe: rasd.Pipeline) -> None:
    kinds = _kinds(pipe, "On 3 March 2022, a Saudi-led air-strike hit a farm in Saada.")
    assert ("Explosions/Remote violence", "Air/drone strike") in kinds


def test_court_execution_is_not_an_attack(pipe: rasd.Pipeline) -> None:
    kinds = _kinds(pipe, "On 3 March 2022, a court in Riyadh sentenced two men to execution.")
    assert ("Violence against civilians", "Attack") not in kinds


def test_end_to_end_shelling_record(pipe: rasd.Pipeline) -> None:
    text = "On 13 March 2022, Russian forces shelled Kharkiv, killing 3 civilians and wounding 12."
    events = pipe.extract(Document(text=text, published=PUBLISHED))
    (ev,) = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert ev.location is not None and ev.location.name == "Kharkiv"
    assert ev.date.value == "2022-03-13"
    assert ev.fatalities.value == 3 and ev.injured.value == 12
    assert ev.actor1 is not None and "Russia" in ev.actor1.name


def test_intervention_told_in_the_next_sentence_marks_the_protest():
    import rasd

    text = (
        "On 3 March 2022, about 200 students held a demonstration outside the ministry in Baghdad. "
        "Police dispersed them with tear gas."
    )
    (e,) = [e for e in rasd.extract(text, published="2022-03-03") if e.event_type == "Protests"]
    assert e.sub_event_type == "Protest with intervention"
