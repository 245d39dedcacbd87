"""Realis: keep only what the text reports as having happened or going on.

A trigger is dropped when, in the same clause and a few tokens before it, a negation, a
future/intent, a modal, a threat, a demand or a condition governs it; when the sentence is a
question; or when the trigger sits in a total over a long period.
"""

from __future__ import annotations

from rasd.events.context import SentenceView
from rasd.events.lexicon import Lexicon
from rasd.events.triggers import TriggerHit

_CLAUSE_BREAKS = frozenset({"،", ",", "؛", ";", ":", "«", "»", '"', "“", "”", "(", ")", "."})
_IRREALIS = ("negation", "future", "modal", "threat", "demand", "condition", "background")


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
        surface = view.tokens[hit.first].norm or view.tokens[hit.first].text
        if surface.endswith(("ته", "تها", "تهم", "تهما")):
            return "state of control"  # "منذ سيطرته على نينوى": whose ground it is, not a change
    if hit.entry.family == "takeover" or hit.entry.sub_event_type == "Arrests":
        # "الجهود للسيطرة على", "لاستعادة السيطرة", "لتوقيف ناشطين": purpose, not an outcome
        surface = view.tokens[hit.first].norm or view.tokens[hit.first].text
        if surface.startswith("ل") and not surface.startswith("لانفس"):
            return "purpose"
    sent_text = view.sentence.text.rstrip()
    if sent_text.endswith(("؟", "?")):
        return "question"
    window = int(lex.cues["realis"]["window"])
    lo = max(0, hit.first - window)
    # Stop at the nearest clause break: a punctuation token, or punctuation between tokens.
    for i in range(hit.first - 1, lo - 1, -1):
        gap = doc_text[view.tokens[i].end : view.tokens[i + 1].start] if i + 1 < len(view.tokens) else ""
        if view.tokens[i].text in _CLAUSE_BREAKS or any(c in _CLAUSE_BREAKS for c in gap):
            lo = i + 1
            break
    for i in range(hit.first - 1, lo - 1, -1):
        keys = view.keys[i]
        for name in _IRREALIS:
            if name == "negation" and hit.first - i > 3 and not _negates_governing_verb(view, i, lex):
                continue  # "لم" negates the verb right after it, not a noun further on
            if keys & lex.cue(f"realis.{name}"):
                if name == "modal" and _perfective_qad(view, i):
                    continue
                if name == "negation" and _still(view, i):
                    continue
                return name
    if view.has_any(lex.cue("realis.denial"), 0, hit.first):
        return "denial"
    frames = view.phrase_starts("realis.sentence_phrases", lex.phrase_index("realis.sentence_phrases"))
    if any(i < hit.first for i in frames):
        return "irrealis frame"
    if _in_period_frame(hit, view, lex, doc_text):
        return "period"
    return None


def _breaks_between(view: SentenceView, a: int, b: int, doc_text: str) -> bool:
    """A clause break (punctuation token or punctuation between tokens) between tokens a < b."""
    for i in range(a, b):
        gap = doc_text[view.tokens[i].end : view.tokens[i + 1].start]
        if view.tokens[i + 1].text in _CLAUSE_BREAKS or any(c in _CLAUSE_BREAKS for c in gap):
            return True
    return False


def _in_period_frame(hit: TriggerHit, view: SentenceView, lex: Lexicon, doc_text: str) -> bool:
    """The trigger counts or describes what went on over a stretch of time, not one happening:
    "ومنذ هجوم يونيو، اعتقل نحو 150 شخصا", "وشهدت نفس الفترة مقتل 11", "الضربات التي ينفذها
    التحالف منذ أربعة أشهر". A frame that opens the sentence governs all of it; elsewhere only
    its own clause. "منذ الصباح" / "منذ يومين" are the span of one happening and do not count."""
    since, short = lex.cue("realis.since"), lex.cue("realis.short_time")
    starts = [
        i
        for i in range(len(view.tokens))
        if view.keys[i] & since and not view.has_any(short, i + 1, i + 3)
    ]
    starts += view.phrase_starts("realis.period_phrases", lex.phrase_index("realis.period_phrases"))
    for s in starts:
        if s <= 2 and s < hit.first:
            return True  # opens the sentence
        if s < hit.first and not _breaks_between(view, s, hit.first, doc_text):
            return True
        if hit.last < s <= hit.last + 6 and not _breaks_between(view, hit.last, s, doc_text):
            # "... التي ينفذها التحالف منذ": a habit told in a relative clause
            rel = lex.cue("realis.relative")
            for i in range(hit.last + 1, s - 1):
                nxt = view.tokens[i + 1].norm or view.tokens[i + 1].text
                if view.keys[i] & rel and nxt.startswith(("ي", "ت")):
                    return True
    return False


def _negates_governing_verb(view: SentenceView, i: int, lex: Lexicon) -> bool:
    """``لم تشن ... غارات``: the negated verb is the one that carries the event noun."""
    return i + 1 < len(view.tokens) and bool(view.keys[i + 1] & (lex.cue("light_verbs") | lex.cue("verbs")))


def _perfective_qad(view: SentenceView, i: int) -> bool:
    """``قد`` before a past-tense verb asserts the event ("وقد قتل"); before a present one it is "may"."""
    if "قد" not in view.keys[i] or i + 1 >= len(view.tokens):
        return False
    nxt = view.tokens[i + 1].norm or view.tokens[i + 1].text
    return not nxt.startswith(("ي", "ت", "ن"))


_STILL = frozenset({"يزال", "تزال", "زال", "يزالون", "زالت"})


def _still(view: SentenceView, i: int) -> bool:
    """``لا يزال`` / ``ما زال`` mean "still": the opposite of a negation."""
    return i + 1 < len(view.tokens) and bool(view.keys[i + 1] & _STILL)


def is_total(view: SentenceView, lex: Lexicon) -> bool:
    """The sentence reports a total over a long period ("3042 killed in ten months")."""
    return bool(view.phrase_starts("realis.totals", lex.phrase_index("realis.totals")))
