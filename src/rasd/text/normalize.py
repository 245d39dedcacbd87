"""Arabic normalization. ``normalize_key`` is the one normal form every lexicon is looked up in.

All stages (places, actors, triggers, NER features) must compare strings through this function,
so a lexicon entry and a text token meet in the same form.
"""

from __future__ import annotations

import re

_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
        "ی": "ي",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)


def normalize_key(s: str) -> str:
    """Lookup form: no diacritics/tatweel/bidi marks, unified alef/ya/ta marbuta/hamza seats,
    ASCII digits, lower-cased Latin, single spaces."""
    s = _DROP.sub("", s).translate(_MAP).lower()
    return " ".join(s.split())
