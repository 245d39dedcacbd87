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


# --- a place named as a party's leader, backer or origin is not the scene (arguments.in_relation)


def test_the_town_a_convoy_came_from_is_not_where_it_was_struck():
    text = TITLE + "قصفت طائرات التحالف أمس رتلا للحوثيين قادما من صنعاء قرب مدينة تعز."
    assert places(text) == ["Taiz"]


def test_a_backer_alone_in_its_sentence_gives_way_to_the_place_told_before():
    text = TITLE + (
        "دارت اشتباكات عنيفة أمس في مدينة تعز بين المقاومة الشعبية والحوثيين. "
        "وقصفت طائرات حربية مواقع الجماعة المتحالفة مع إيران مساء أمس."
    )
    assert places(text) == ["Taiz", "Taiz"]


def test_where_the_smuggled_arms_came_from_is_not_where_the_arrests_were():
    text = TITLE + (
        "أحبطت قوات الأمن أمس عملية تهريب أسلحة في بغداد. "
        "وألقت قوات الأمن القبض على خمسة أشخاص مع أسلحة قادمة من الموصل."
    )
    assert set(places(text)) == {"Baghdad"}


def test_a_relation_word_before_a_place_with_its_own_preposition_keeps_the_place():
    # "القرى الموالية بريف حماة": the loyal villages are in rural Hama
    text = TITLE + "قتل 12 مدنيا أمس في قصف استهدف القرى الموالية بريف حلب."
    assert places(text) == ["Aleppo"]


def test_a_backer_named_alone_in_the_whole_text_stays_the_place():
    assert places(TITLE + "قصفت طائرات حربية أمس مواقع الجماعة المتحالفة مع العراق.") == ["Iraq"]


def test_a_town_named_as_whom_a_gathering_stood_with_is_not_the_scene():
    # "تجمع ... للتضامن مع الموصل": the rally was for Mosul, the bombing was where it met
    text = TITLE + (
        "قتل 30 شخصا أمس في تفجير انتحاري في مدينة بغداد. "
        "وقالت مصادر محلية إن الانتحاري فجر نفسه وسط تجمع لطلاب جاؤوا للتضامن مع الموصل."
    )
    assert places(text) == ["Baghdad"]
