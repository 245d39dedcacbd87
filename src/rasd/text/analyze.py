"""The text stage as one call: sentences, tokens, quantities and dates of a document."""

from __future__ import annotations

import datetime as dt
import re

from rasd.text.types import AnalyzedText, Sentence, Token

# Placeholder splitter until the full text stage lands: sentence ends and line breaks.
_SENT = re.compile(r"[^\n.!?؟]+[.!?؟]*")
_WORD = re.compile(r"\w+", re.UNICODE)


def analyze(text: str, published: dt.date | None = None) -> AnalyzedText:
    sentences = []
    for m in _SENT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            sentences.append(Sentence(s, e, text[s:e]))
    out = AnalyzedText(text=text, published=published, sentences=sentences)
    for m in _WORD.finditer(text):
        w = m.group()
        out.tokens.append(Token(w, m.start(), m.end(), w, (w,), w, w, out.sentence_of(m.start())))
    return out
