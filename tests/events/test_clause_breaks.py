"""Clause breaks before a trigger (realis), found by bisection in a sentence's break offsets,
against a scan of the text token by token."""

from __future__ import annotations

from fakes import analysis_of

from rasd.events.extract import sentence_views
from rasd.events.lexicon import load_lexicon
from rasd.events.realis import _CLAUSE_BREAKS, _QUOTES, _breaks_between, _clause_start, _name_quote_offsets

LEX = load_lexicon()
TEXTS = [
    'قال مصدر أمني إن مسلحين هاجموا، فجر اليوم، نقطة تفتيش تابعة لـ"قسد" في ريف الحسكة (شمال شرق).',
    "أعلن تنظيم «داعش» مسؤوليته عن الهجوم: «قتلنا 12 جنديا» ؛ وقال شهود: إن الانفجار دمر المبنى.",
    'وأضاف "إن القوات "الخاصة" اعتقلت خمسة أشخاص" , فيما فرّ آخرون.',
]


def _break_at(view, i: int, text: str, gap: bool = True) -> bool:
    """The scan: a break character at token i, or in the gap before it when ``gap``."""
    tok = view.tokens[i]
    lo = view.tokens[i - 1].end if i > 0 and gap else tok.start
    named = _name_quote_offsets(view, text)
    return any(
        c in _CLAUSE_BREAKS and not (c in _QUOTES and lo + k in named)
        for k, c in enumerate(text[lo : tok.end])
    )


def _scan_start(view, first: int, lo: int, text: str) -> int:
    for i in range(first - 1, lo - 1, -1):
        if _break_at(view, i + 1, text) or _break_at(view, i, text, gap=False):
            return i + 1
    return lo


def test_clause_start_and_breaks_between_agree_with_the_scan() -> None:
    checked = 0
    for text in TEXTS:
        for v in sentence_views(analysis_of(text), LEX):
            n = len(v.tokens)
            for first in range(n):
                for lo in range(max(0, first - 8), first + 1):
                    assert _clause_start(v, first, lo, text) == _scan_start(v, first, lo, text)
                for a in range(first + 1):
                    scan = any(_break_at(v, i + 1, text) for i in range(a, first))
                    assert _breaks_between(v, a, first, text) == scan
                    checked += scan
    assert checked > 50  # breaks were found, not only their absence


def test_quotes_around_a_short_name_do_not_break_the_clause() -> None:
    text = 'هاجم مسلحو "قسد" القرية'
    (v,) = sentence_views(analysis_of(text), LEX)
    assert not _breaks_between(v, 0, len(v.tokens) - 1, text)
    assert _clause_start(v, len(v.tokens) - 1, 0, text) == 0
