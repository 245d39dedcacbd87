"""Realis: keep only what the text reports as having happened or going on.

A trigger is dropped when, in the same clause and a few tokens before it, a negation, a
future/intent, a modal, a threat, a demand or a condition governs it; when the sentence is a
question; or when the trigger sits in a total over a long period.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter

from rasd.events.context import SentenceView
from rasd.events.lexicon import (
    CROWD,
    HELD_POPULATION,
    IRREALIS,
    IRREALIS_CUES,
    REGAIN_OR_CONTROL,
    RESULT_OR_CONTROL,
    Lexicon,
)
from rasd.events.triggers import TriggerHit

_CLAUSE_BREAKS = frozenset({"،", ",", "؛", ";", ":", "«", "»", '"', "“", "”", "(", ")", "."})
_QUOTES = frozenset({"«", "»", '"', "“", "”"})
_NAME_QUOTE = re.compile(r"[«\"“][^«»\"“”،,.:؛;()]{1,30}[»\"”]")


_BREAK_CHAR = re.compile("[" + re.escape("".join(sorted(_CLAUSE_BREAKS))) + "]")
_START = attrgetter("start")


def _break_offsets(view: SentenceView, doc_text: str) -> list[int]:
    """Offsets of the clause breaks from the sentence's first token to its last, in order: the
    characters of _CLAUSE_BREAKS, except quotes around a short name («داعش», "قسد"), which do
    not break a clause. Found once per sentence; the questions below are bisections in them."""
    if view.breaks is None:
        toks = view.tokens
        named = _name_quote_offsets(view, doc_text)
        found = _BREAK_CHAR.finditer(doc_text, toks[0].start, toks[-1].end) if toks else ()
        view.breaks = [m.start() for m in found if not (m.group() in _QUOTES and m.start() in named)]
    return view.breaks


def _break_in(view: SentenceView, doc_text: str, lo: int, hi: int) -> bool:
    """Is there a clause break at an offset in [lo, hi)?"""
    offsets = _break_offsets(view, doc_text)
    k = bisect_left(offsets, lo)
    return k < len(offsets) and offsets[k] < hi


def _clause_start(view: SentenceView, first: int, lo: int, doc_text: str) -> int:
    """The first token of the clause of token ``first``, looking back no further than ``lo``:
    the token after the nearest i < first with a clause break at it or in the gap after it
    (from token i's start to token i + 1's end). The nearest such i is the one of the last break
    before token ``first`` ends: the last token starting at or before that break."""
    offsets = _break_offsets(view, doc_text)
    k = bisect_left(offsets, view.tokens[first].end) - 1
    if k < 0:
        return lo
    i = min(bisect_right(view.tokens, offsets[k], key=_START) - 1, first - 1)
    return i + 1 if i >= lo else lo


def _name_quote_offsets(view: SentenceView, doc_text: str) -> frozenset[int]:
    if view.name_quotes is None:
        text = doc_text[view.start : view.end]
        found: set[int] = set()
        for m in _NAME_QUOTE.finditer(text):
            found |= {view.start + m.start(), view.start + m.end() - 1}
        view.name_quotes = frozenset(found)
    return view.name_quotes


def irrealis_reason(hit: TriggerHit, view: SentenceView, lex: Lexicon, doc_text: str) -> str | None:
    """Why ``hit`` did not happen, or None when it did."""
    if (
        hit.entry.family == "takeover"
        and hit.first > 0
        and view.keys[hit.first - 1] & lex.cue("control_state")
    ):
        return "state of control"  # "مناطق سيطرة الجيش", "الخاضعة لسيطرة": who holds ground, not a change
    if (
        hit.entry.family == "takeover"
        and hit.first > 0
        and view.keys[hit.first - 1] & lex.cue("realis.relative")
    ):
        return "state of control"  # "المطارات التي استولى عليها المتطرفون": describes the ground
    if hit.entry.family == "takeover" and hit.first == hit.last:
        surface = view.surface(hit.first)
        # "منذ سيطرته على نينوى": whose ground it is, not a change — unless a verb of result
        # brings it about ("أسفرت عن تقدم المقاومة وسيطرتها على المنطقة")
        if surface.endswith(("ته", "تها", "تهم", "تهما")) and not view.has_any(
            lex.union(*RESULT_OR_CONTROL), hit.first - 6, hit.first
        ):
            return "state of control"
    if (
        hit.entry.family == "takeover"
        and hit.first > 0
        and view.keys[hit.first - 1] & lex.cue("realis.out_of")
    ):
        return "out of control"  # "خرج الوضع عن السيطرة"
    if hit.entry.family == "takeover" and _takes_things(hit, view, lex):
        return "not ground"
    if hit.entry.family == "takeover" and view.has_any(lex.cue("realis.rescued"), hit.last + 1, hit.last + 4):
        return "rescue"  # "حرر مئات النساء والأطفال كانت الحركة تحتجزهم رهائن"
    if view.phrase_starts("realis.judicial", lex.phrase_index("realis.judicial")):
        return "judicial"  # "القبض على الجاني ... صدر بحقه صك شرعي يقضي ... بالقتل قصاصًا"
    if hit.entry.sub_event_type == "Arrests" and view.has_cue(lex, "realis.ordinary_crime"):
        return "ordinary crime"  # "تم القبض على المدعو ... إثر قيامه بتهريب حبوب الإمفيتامين"
    if hit.entry.sub_event_type == "Arrests" and _seizes_things(hit, view, lex):
        return "not people"  # "ألقت المقاومة القبض على شاحنة تحمل ذخائر": a seizure, not an arrest
    if hit.entry.id == "agreement" and view.has_cue(lex, "realis.landmark_before", hit.first - 2, hit.first):
        return "landmark"  # "بعد توقيع الاتفاق النووي": a point in time for what is told, not news
    if hit.entry.id == "agreement" and view.has_cue(lex, "realis.failed", hit.first - 6, hit.first):
        return "failed"  # "فشل جولة المفاوضات ... في التوصل إلى اتفاق"
    if hit.entry.family == "takeover" or hit.entry.sub_event_type == "Arrests" or hit.entry.id in _PURPOSED:
        # "الجهود للسيطرة على", "لاستعادة السيطرة", "لتوقيف ناشطين": purpose, not an outcome
        surface = view.surface(hit.first)
        # "كمرحلة أولى لتبادل الأسرى": an exchange's stage, done
        if surface.startswith("ل") and not surface.startswith(("لانفس", "لتبادل")):
            return "purpose"
        # "عمليات لاستعادة السيطرة على المحافظة": the aim carried by the verbal noun before it
        if (
            hit.first > 0
            and view.surface(hit.first - 1).startswith("ل")
            and view.keys[hit.first - 1] & lex.union(*REGAIN_OR_CONTROL)
        ):
            return "purpose"  # ... or by a verb of taking control: "لفرض سيطرتها على المدن"
    if hit.entry.id == "protest" and view.has_any(
        lex.cue("realis.festival_after"), hit.last + 1, hit.last + 2
    ):
        return "festival"  # "التظاهرة السياحية": a tourism event
    if hit.entry.id == "clash" and view.has_any(
        lex.cue("realis.figurative_after"), hit.last + 1, hit.last + 2
    ):
        return "figurative"  # "معركة الحضارة ضد الوحشية", "المعركة السياسية"
    if hit.entry.id == "chemical" and _weapons_as_things(hit, view, lex):
        return "weapons held"
    if hit.entry.event_type == "Explosions/Remote violence" and view.has_any(
        lex.cue("realis.not_explosive_after"), hit.last + 1, hit.last + 3
    ):
        return "not a weapon"  # "قنابل الغاز", "قنابل صوتية": riot-control grenades
    if hit.entry.event_type == "Explosions/Remote violence" and (
        view.has_any(lex.cue("realis.seized_before"), hit.first - 3, hit.first) or _found_on(hit, view, lex)
    ):
        return "seized"  # "ضبط عشرات العبوات", "تفكيك عبوة ناسفة": found or defused, not set off
    if hit.entry.id == "reinforcement" and view.has_any(
        lex.cue("realis.attacked_before"), hit.first - 5, hit.first
    ):
        return "target"  # "شنت طائرات التحالف غارات على تعزيزات عسكرية": struck, not sent
    if hit.first > 0 and view.keys[hit.first - 1] & lex.cue("realis.kind_heads"):
        return "kind"  # "مراكز الاعتقال", "جماعات القتل": the trigger names a kind of thing
    sent_text = view.sentence.text.rstrip()
    if sent_text.endswith(("؟", "?")):
        return "question"
    window = int(lex.cues["realis"]["window"])
    lo = max(0, hit.first - window)
    # Stop at the nearest clause break: a punctuation token, or punctuation between tokens.
    lo = _clause_start(view, hit.first, lo, doc_text)
    # "ثم" starts a new act: "هددت الشرطة المحتجين ثم اعتقلت عشرة منهم" (the threat is not the arrest's)
    then = view.first_index(lex.cue("realis.then"), lo, hit.first)
    while then is not None:
        lo = then + 1
        then = view.first_index(lex.cue("realis.then"), lo, hit.first)
    cues = list(zip(IRREALIS, map(lex.cue, IRREALIS_CUES), strict=True))  # once, not per token
    some_cue = view.bit_of(lex.union(*IRREALIS_CUES))  # a token meeting none is passed over
    for i in range(hit.first - 1, lo - 1, -1):
        if some_cue and not view.masks[i] & some_cue:
            continue
        keys = view.keys[i]
        for name, cue in cues:
            if name == "negation" and hit.first - i > 3 and not _negates_governing_verb(view, i, lex):
                continue  # "لم" negates the verb right after it, not a noun further on
            if not keys.isdisjoint(cue):
                if name == "modal" and _perfective_qad(view, i):
                    continue
                if name == "negation" and _still(view, i):
                    continue
                if name == "background" and view.has_any(lex.cue("realis.behind"), i + 1, i + 2):
                    continue  # "التنظيم المتهم بالوقوف وراء تفجير": who did it, not a trial
                return name
    if hit.first == hit.last and hit.entry.event_type in ("Displacement", "Strategic developments"):
        definite = "ال" in view.tokens[hit.first].segments  # the text stage's clitics: "وللنازحين"
        population = lex.union(*HELD_POPULATION)
        if definite and view.keys[hit.first] & population:
            return "population"  # "توفي 52 طفلا من النازحين", "الأفراد المعتقلين": who they are
    if hit.entry.event_type == "Displacement" and view.has_any(
        lex.cue("realis.return_before"), hit.first - 4, hit.first
    ):
        return "return"  # "عودة نصف مليون نازح إلى منازلهم": going home, not fleeing
    if _denied_after(hit, view, lex):
        return "negation"  # "هذه الغارات لن تحصل إلا بأمر من رئيس الجمهورية"
    if view.has_any(lex.cue("realis.habitual_after"), hit.last + 1, hit.last + 6) or view.has_any(
        lex.cue("realis.habitual_before"), hit.first - 2, hit.first
    ):
        return "habit"  # "عمليات القتل الإسرائيلية اليومية للمواطنين", "يتم يوميا اعتقال"
    if _protest_adverb_alone(hit, view, lex):
        return "in protest at"  # "استدعاء سفيرها احتجاجا على التصريحات": the act is the recall
    if _course_not_march(hit, view, lex):
        return "not a march"
    if _grievance(hit, view, lex):
        return "grievance"  # "تظاهر الآلاف احتجاجا على الغارات": told as what is protested
    if view.has_any(lex.cue("realis.celebration_after"), hit.last + 1, hit.last + 3):
        return "celebration"  # "أطلق جنوده النار ابتهاجا": shots in the air, at nobody
    if view.has_any(lex.cue("realis.plan_after"), hit.last + 1, hit.last + 3):
        return "future"  # "مفجرين انتحاريين تدربوا على تنفيذ هجوم": a plan told after its doers
    if _warned_of(hit, view, lex, doc_text):
        return "threat"
    if _crime_list(hit, view, lex):
        return "kinds of crime"
    if view.has_any(lex.cue("realis.denial"), 0, hit.first):
        return "denial"
    if _in_protasis(hit, view, lex, doc_text):
        return "condition"
    if view.has_any(lex.cue("realis.counterfactual"), 0, hit.first):
        return "condition"  # "لو كان النظام تدخل لكان ... ثم يتم استعادتها": neither half happened
    frames = view.phrase_starts("realis.sentence_phrases", lex.phrase_index("realis.sentence_phrases"))
    if any(i < hit.first for i in frames):
        return "irrealis frame"
    if _in_period_frame(hit, view, lex, doc_text):
        return "period"
    return None


def _weapons_as_things(hit: TriggerHit, view: SentenceView, lex: Lexicon) -> bool:
    """ "موقع للأسلحة الكيماوية التي كان القذافي يخفيها": chemical weapons as a stock, with no
    attack, strike or use told before them."""
    stock = lex.cue(
        "realis.stock_nouns"
    )  # the phrase's own first word ("الأسلحة الكيماوية") or the one before
    if not view.keys[hit.first] & stock and (hit.first == 0 or not view.keys[hit.first - 1] & stock):
        return False
    return not view.has_cue(lex, "realis.use_words", max(0, hit.first - 6), hit.first)


def _found_on(hit: TriggerHit, view: SentenceView, lex: Lexicon) -> bool:
    """ "عثر رجل في مدينة إرفورت على قذيفة دبابة قديمة": a find told with its finder and place
    between the verb and "على"."""
    return (
        hit.first > 0
        and bool(view.keys[hit.first - 1] & lex.cue("realis.non_ground_on"))  # "على", normalized
        and view.has_any(lex.cue("realis.found"), max(0, hit.first - 10), hit.first - 1)
    )


def _denied_after(hit: TriggerHit, view: SentenceView, lex: Lexicon) -> bool:
    """The event noun is the subject of a negated verb of occurring: "الغارات لن تحصل", "الهجوم لم
    يقع" (but "الغارات لم تتوقف" happened: only verbs of occurring count)."""
    neg = view.first_index(lex.cue("realis.negation"), hit.last + 1, hit.last + 5)
    return neg is not None and view.has_any(lex.cue("realis.occurring"), neg + 1, neg + 2)


def _in_protasis(hit: TriggerHit, view: SentenceView, lex: Lexicon, doc_text: str) -> bool:
    """ "وإذا انتزعت جماعات الجبهة الجنوبية المنظمة تنظيما جيدا السيطرة على المدينة فإن ذلك
    سيعجل ...": a trigger between إذا/لو and the answer (فإن, فسوف ...) is supposed, however far
    from the conditional word (the realis window reaches six words back)."""
    cond = view.first_index(lex.cue("realis.conditionals"), max(0, hit.first - 25), hit.first)
    if cond is None or _breaks_between(view, cond, hit.first, doc_text):
        return False  # the clause ends at a comma or a full stop
    answers = lex.cue("realis.apodosis")
    return all(view.surface(i) not in answers for i in range(cond + 1, hit.first))


_PURPOSED = ("looting", "agreement")  # "لنهب ثروات", "للتوصل إلى اتفاق": an aim


def _takes_things(hit: TriggerHit, view: SentenceView, lex: Lexicon) -> bool:
    """What is taken is weapons or vehicles, not ground: "استعادة الأسلحة المنهوبة" (the object
    right after the noun), "سيطرت المقاومة على أربع دبابات" (the object after "على")."""
    things = lex.cue("realis.non_ground")
    if view.has_any(things, hit.last + 1, hit.last + 2):
        return True
    on = view.first_index(lex.cue("realis.non_ground_on"), hit.last + 1, hit.last + 6)
    if on is None or on + 1 >= len(view.tokens):
        return False
    if view.keys[on + 1] & things:
        return True
    # past a count ("على أربع دبابات"), but not a place's name ("على حي السيارات")
    counted = view.tokens[on + 1].kind == "num" or bool(
        view.keys[on + 1] & lex.cue("realis.non_ground_counts")
    )
    return counted and view.has_any(things, on + 2, on + 4)


def _seizes_things(hit: TriggerHit, view: SentenceView, lex: Lexicon) -> bool:
    """ "القبض على شاحنة": what is caught, the word after "على", is a thing. Only after "على": right
    after an arrest verb stands its subject ("اعتقلت أجهزة الأمن ...")."""
    on = lex.cue("realis.non_ground_on")
    at = hit.last if view.keys[hit.last] & on else hit.last + 1
    if at + 1 >= len(view.tokens) or not view.keys[at] & on:
        return False
    return bool(view.keys[at + 1] & lex.cue("realis.non_ground"))


def _protest_adverb_alone(hit: TriggerHit, view: SentenceView, lex: Lexicon) -> bool:
    """ "احتجاجا على" qualifies another act; it is a protest only beside a word of protest or its
    participants ("خرج الآلاف احتجاجا", "تظاهر الطلاب احتجاجا")."""
    if hit.entry.event_type != "Protests" or hit.first != hit.last:
        return False
    surface = view.surface(hit.first)
    if surface not in lex.cue("realis.protest_adverbs"):
        return False
    crowd = lex.union(*CROWD)
    others = any(view.keys[i] & lex.protest_words for i in range(len(view.tokens)) if i != hit.first)
    return not others and not view.has_any(crowd)


def _grievance(hit: TriggerHit, view: SentenceView, lex: Lexicon) -> bool:
    """ "احتجاجا على الغارات التركية", "تنديدا بالاعتقالات": a happening named as what a protest or
    a statement is against. It is told elsewhere (or not at all) with its own place and day; read
    here it would take the protest's."""
    if hit.entry.event_type in ("Protests", "Riots"):
        return False  # "احتجاجا على" itself, or a march named beside it
    return view.preceded_by(hit.first, lex.cue("realis.grievance_before"), lex.cue("realis.grievance_links"))


def _course_not_march(hit: TriggerHit, view: SentenceView, lex: Lexicon) -> bool:
    """ "مسيرة السلام", "مواصلة مسيرة نجاحه", "مسيرته الفنية": the course of something, not a
    march. A single person's course ("مسيرته", "مسيرتها") is never a march; "مسيرتهم" may be."""
    if hit.first != hit.last or not view.keys[hit.first] & lex.cue("realis.course_words"):
        return False
    surface = view.surface(hit.first)
    if surface.endswith(("ته", "تها", "تك", "تي")):
        return True
    # "مسيرة السلام"; "مسيرة آلاف الأميال", "مسيرة ساعتين": a distance, not a march
    return view.has_any(lex.cue("realis.course_followers"), hit.last + 1, hit.last + 3)


def _warned_of(hit: TriggerHit, view: SentenceView, lex: Lexicon, doc_text: str) -> bool:
    """A warning further back than the realis window, whose "من" complement holds the trigger:
    "حذر اولمرت امس قادة الفصائل المسلحة في غزة من الاستمرار في اطلاق الصواريخ"."""
    lo = max(0, hit.first - int(lex.cues["realis"]["warned_window"]))
    warned = view.first_index(lex.cue("realis.threat"), lo, hit.first)
    if warned is None or _breaks_between(view, warned, hit.first, doc_text):
        return False
    return view.has_any(lex.cue("realis.warned_of"), warned + 1, hit.first)


def _crime_list(hit: TriggerHit, view: SentenceView, lex: Lexicon) -> bool:
    """The trigger is one of two or more crimes joined by "و" and named as kinds: definite
    ("حوادث القتل والخطف", "فالقتل والسرقة والاغتصاب كلها جرائم") or bare after a head of kind
    ("أعمال قتل واغتصاب ونزوح"). A verb reads the same as a bare noun ("قتل وخطف مسلحون"), so bare
    words count only after such a head."""
    if hit.first != hit.last:
        return False
    definite, bare = lex.cue("realis.crime_nouns"), lex.cue("realis.crime_nouns_bare")
    heads = lex.cue("realis.crime_heads")

    def joined(i: int) -> bool:  # token i continues a list with "و"
        surface = view.surface(i)
        return surface.startswith("و")

    n = len(view.tokens)
    lo = hi = hit.first
    while lo > 0 and joined(lo) and view.keys[lo - 1] & (definite | bare):
        lo -= 1
    while hi + 1 < n and joined(hi + 1) and view.keys[hi + 1] & (definite | bare):
        hi += 1
    if hi == lo:
        return False
    headed = lo > 0 and bool(view.keys[lo - 1] & heads)
    members = range(lo, hi + 1)
    if headed:
        return all(view.keys[i] & (definite | bare) for i in members)
    return all(view.keys[i] & definite for i in members)


def _breaks_between(view: SentenceView, a: int, b: int, doc_text: str) -> bool:
    """A clause break (punctuation token or punctuation between tokens) between tokens a < b:
    at token i + 1 or in the gap before it for some a <= i < b, that is from token a's end to
    token b's."""
    return a < b and _break_in(view, doc_text, view.tokens[a].end, view.tokens[b].end)


def _in_period_frame(hit: TriggerHit, view: SentenceView, lex: Lexicon, doc_text: str) -> bool:
    """The trigger counts or describes what went on over a stretch of time, not one happening:
    "ومنذ هجوم يونيو، اعتقل نحو 150 شخصا", "وشهدت نفس الفترة مقتل 11", "الضربات التي ينفذها
    التحالف منذ أربعة أشهر". A frame that opens the sentence governs all of it; elsewhere only
    its own clause. "منذ الصباح" / "منذ يومين" are the span of one happening and do not count."""
    periods = view.phrase_starts("realis.period_phrases", lex.phrase_index("realis.period_phrases"))
    if (periods or _counted_stretch(view, lex)) and not view.has_any(lex.cue("realis.recent_days")):
        return True  # "... أسفرت عن مقتل أكثر من 260 مسلحا، في نفس الفترة": a tally, wherever said
    short = lex.cue("realis.short_time")
    # the sentence's "منذ" are found once per sentence (phrase_starts remembers them)
    since = view.phrase_starts("realis.since", lex.phrase_index("realis.since"))
    for s in (i for i in since if not view.has_any(short, i + 1, i + 3)):
        if s <= 2 and s < hit.first:
            return True  # opens the sentence
        if s < hit.first and not _breaks_between(view, s, hit.first, doc_text):
            return True
        if hit.last < s <= hit.last + 6 and not _breaks_between(view, hit.last, s, doc_text):
            # "... التي ينفذها التحالف منذ": a habit told in a relative clause
            rel = lex.cue("realis.relative")
            for i in range(hit.last + 1, s - 1):
                nxt = view.surface(i + 1)
                if view.keys[i] & rel and nxt.startswith(("ي", "ت")):
                    return True
    return False


def _counted_stretch(view: SentenceView, lex: Lexicon) -> bool:
    """ "في 10 أشهر", "خلال ثلاث سنوات": a number of months or years the sentence tallies over
    (a fact of the sentence, asked for each of its triggers: found once)."""
    found = view.facts.get("counted_stretch")
    if found is None:
        found = view.facts["counted_stretch"] = _find_counted_stretch(view, lex)
    return bool(found)  # a bool already: the facts dict holds values of several types


def _find_counted_stretch(view: SentenceView, lex: Lexicon) -> bool:
    units, opens = lex.cue("realis.long_units"), lex.cue("realis.stretch_openers")
    toks = view.tokens
    return any(
        (toks[i + 1].kind == "num" or toks[i + 1].norm in lex.cue("realis.stretch_numbers"))
        and bool(view.keys[i + 2] & units)
        for i in view.positions(opens)
        if i < len(toks) - 2
    )


def _negates_governing_verb(view: SentenceView, i: int, lex: Lexicon) -> bool:
    """``لم تشن ... غارات``: the negated verb is the one that carries the event noun."""
    if i + 1 >= len(view.tokens):
        return False
    keys = view.keys[i + 1]
    return not (keys.isdisjoint(lex.cue("light_verbs")) and keys.isdisjoint(lex.cue("verbs")))


def _perfective_qad(view: SentenceView, i: int) -> bool:
    """``قد`` before a past-tense verb asserts the event ("وقد قتل"); before a present one it is "may"."""
    if "قد" not in view.keys[i] or i + 1 >= len(view.tokens):
        return False
    nxt = view.surface(i + 1)
    return not nxt.startswith(("ي", "ت", "ن"))


_STILL = frozenset({"يزال", "تزال", "زال", "يزالون", "زالت"})


def _still(view: SentenceView, i: int) -> bool:
    """``لا يزال`` / ``ما زال`` mean "still": the opposite of a negation."""
    return i + 1 < len(view.tokens) and bool(view.keys[i + 1] & _STILL)


def is_total(view: SentenceView, lex: Lexicon) -> bool:
    """The sentence reports a total over a long period ("3042 killed in ten months")."""
    starts = view.phrase_starts("realis.totals", lex.phrase_index("realis.totals"))
    return any(not compared(view, i, lex) for i in starts)


def compared(view: SentenceView, i: int, lex: Lexicon) -> bool:
    """The "منذ" at ``i`` measures a superlative, not a stretch the trigger spans: "أعنف هجوم
    منذ عام 2007", "الأسوأ من نوعه منذ شهرين" — one happening, compared with the past."""
    return view.has_cue(lex, "realis.superlatives", max(0, i - 5), i)


def anchored(hit: TriggerHit, view: SentenceView, lex: Lexicon) -> bool:
    """The trigger dates something else: "بعد يومين من الإعلان عن تحرير المدينة", "قبل أسبوع من
    الهجوم" — an earlier happening used as a landmark in time."""
    before, unit = lex.cue("realis.anchor_before"), lex.cue("realis.anchor_units")
    lo = max(0, hit.first - 6)
    for i in range(lo, hit.first):
        if view.keys[i] & before and view.has_any(unit, i + 1, i + 3):
            link = view.first_index(lex.cue("realis.anchor_links"), i + 2, i + 5)
            if link is not None and link < hit.first:
                return True
    return False
