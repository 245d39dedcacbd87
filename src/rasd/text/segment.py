"""Clitic segmentation and light stemming of Arabic words.

Rule-based with a vocabulary guard: the clitic patterns of MSA (conjunction, one-letter
preposition or future ``س``, article, enclitic pronoun) propose splits, and a split is taken only
when what remains is a word the vocabulary knows well enough (``data/vocab.tsv.gz``, counts built
by :mod:`rasd.text.build_vocab`). That keeps the ``ب`` of ``بغداد``, the ``و`` of ``وزارة`` and the
``ال`` of ``الله``. Results are cached per word type inside the :class:`Segmenter` object.
"""

from __future__ import annotations

import gzip
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rasd.datafiles import read_yaml
from rasd.errors import ResourceError
from rasd.text.normalize import light_form, light_to_key, normalize_key
from rasd.text.types import WordType

DATA = Path(__file__).parent / "data"

# Entries of the per-piece memos (``Segmenter._bases``, ``_stems``) before they are emptied.
_PIECES_MAX = 300_000

_NO_PREFIX: tuple[tuple[str, ...], tuple[int, ...]] = ((), (0,))  # no proclitic: cut at 0

_NO_LONG_VOWELS = str.maketrans("", "", "اوي")  # deletes the long vowels


@dataclass(init=False, frozen=True, slots=True)
class Segmentation:
    norm: str  # key form of the whole word
    segments: tuple[str, ...]  # key-form pieces, e.g. ("و", "ب", "ال", "حسكه")
    base: str  # key form without clitics
    stem: str  # light stem of ``base``
    prefix: tuple[str, ...] = ()  # proclitics (key form), article included
    suffix: str = ""  # enclitic pronoun (key form) or ""

    # written out (init=False), so that mypyc compiles it: see rasd/frozen.py
    def __init__(
        self,
        norm: str,
        segments: tuple[str, ...],
        base: str,
        stem: str,
        prefix: tuple[str, ...] = (),
        suffix: str = "",
    ) -> None:
        object.__setattr__(self, "norm", norm)
        object.__setattr__(self, "segments", segments)
        object.__setattr__(self, "base", base)
        object.__setattr__(self, "stem", stem)
        object.__setattr__(self, "prefix", prefix)
        object.__setattr__(self, "suffix", suffix)


def light_stem(base: str, suffixes: tuple[str, ...], prefixes: tuple[str, ...]) -> str:
    """A root-like key for lexicon lookup across derived forms, from a light-form base (hamza
    seats and ة kept, so the ئ of عائلة is not taken for a long vowel); returns the key form.

    One inflectional suffix off, inner long vowels out, doubled letters merged, then
    derivational prefixes off while more than three letters remain: so فروا/فارين/فرار → فر,
    نزحت/نزوح/نازحين → نزح, قتل/مقتل/قتلي → قتل, اعتقل/اعتقال/معتقلين → عتقل,
    اشتباكات/اشتبك → شتبك. It over-merges on purpose (a fuzzy key); look up ``base`` first.
    """
    w = base
    if len(w) <= 2 or not w.isalpha():
        return light_to_key(w)
    for suf in suffixes:
        if w.endswith(suf) and len(w) - len(suf) >= 2:
            w = w[: -len(suf)]
            break
    if len(w) >= 3:
        w = w[0] + w[1:].translate(_NO_LONG_VOWELS)
    if len(w) > 2:
        merged = [w[0]]
        for c in w[1:]:
            if c != merged[-1]:
                merged.append(c)
        w = "".join(merged)
    changed = True
    while changed and len(w) > 3:
        changed = False
        for pre in prefixes:
            if w.startswith(pre) and len(w) - len(pre) >= 3:
                w = w[len(pre) :]
                changed = True
                break
    return light_to_key(w)


class Segmenter:
    """Splits words into clitics + base; one instance per process, loaded once."""

    def __init__(self, vocab: dict[str, int], clitics: dict) -> None:
        self.vocab = vocab
        self.conj = tuple(clitics["conjunctions"])
        self.preps = tuple(clitics["prepositions"])
        self.future = clitics["future"]
        self.future_before = tuple(clitics["future_before"])
        self.article = clitics["article"]
        self.enclitics = tuple(sorted(clitics["enclitics"], key=len, reverse=True))
        self.atomic = frozenset(clitics["atomic"])
        self.atomic_keys = frozenset(light_to_key(w) for w in self.atomic)
        self.safe_enclitics = frozenset(clitics["safe_enclitics"])
        self.stem_suffixes = tuple(sorted(clitics["stem_suffixes"], key=len, reverse=True))
        self.stem_prefixes = tuple(sorted(clitics["stem_prefixes"], key=len, reverse=True))
        self.short_bases = frozenset(light_to_key(w) for w in clitics["short_bases"])
        self._cache: dict[str, Segmentation] = {}
        self._keys: dict[str, str] = {}
        # light-form piece -> (key form, ``known`` of it): the candidate bases recur across word
        # types (قوات in والقوات, بالقوات, قواتها...), and a lookup in this small dict is cheaper
        # than the translation and two probes of the large vocabulary (cache misses) it stands for
        self._bases: dict[str, tuple[str, int]] = {}
        self._stems: dict[str, str] = {}  # light-form base -> ``stem`` of it, for the same reason
        self._clitic_keys = {c: light_to_key(c) for c in (*self.conj, *self.preps, self.future, self.article)}
        self._clitic_keys.update((e, light_to_key(e)) for e in self.enclitics)
        # letters a proclitic sequence can start with: a word starting with none of them (and
        # not with the article) has no proclitic (``_prefixes``' common case, made directly)
        self._pre_firsts = frozenset((*self.conj, *self.preps, self.future))
        # ``_prefixes`` can give a sequence twice only if a conjunction is also a preposition or
        # the future particle (not so in clitics.yaml); the dedup is kept for that case alone
        self._pre_dedup = bool(set(self.conj) & {*self.preps, self.future})
        # surface -> its WordType: what a Token needs, made once per word type and shared by
        # every token of the type (the later stages keep what they find about it there)
        self.info_cache: dict[str, WordType] = {}

    @classmethod
    def load(cls, data_dir: Path = DATA) -> Segmenter:
        clitics = read_yaml(data_dir / "clitics.yaml", "text segmenter data")
        try:
            vocab: dict[str, int] = {}
            with gzip.open(data_dir / "vocab.tsv.gz", "rt", encoding="utf-8") as f:
                for line in f:
                    w, _, c = line.rstrip("\n").partition("\t")
                    vocab[w] = int(c)
        except (OSError, ValueError) as exc:
            raise ResourceError(f"text segmenter data could not be read: {exc}") from exc
        return cls(vocab, clitics)

    # -- public -------------------------------------------------------------------------------

    def segment(self, word: str) -> Segmentation:
        """Segmentation of one surface word (cached per word type)."""
        hit = self._cache.get(word)
        if hit is None:
            hit = self._segment(word)
            if len(self._cache) < 500_000:
                self._cache[word] = hit
        return hit

    def token_info(self, surface: str) -> WordType:
        """The word type of a token's surface (norm, segments, base, stem, kind), cached."""
        c = surface[0]
        out: WordType
        if c.isdecimal():  # not isdigit(): "²" (كم²) is a digit that int() does not read
            k = normalize_key(surface)
            out = WordType(surface, k, (k,), k, k, "num")
        elif c.isalpha() or not c.isprintable() or unicodedata.category(c) == "Mn" or c == "\u0640":
            # not through ``segment``'s cache: what a token needs is kept here, in ``info_cache``;
            # the same Segmentation kept there too was ~85k more objects on the subset for the
            # cyclic collector to walk at each full collection (and ~10 MB)
            g = self._cache.get(surface) or self._segment(surface)
            out = WordType(surface, g.norm, g.segments, g.base, g.stem, "word")
        else:
            k = normalize_key(surface) or surface
            out = WordType(surface, k, (k,), k, k, "punct")
        if len(self.info_cache) < 500_000:
            self.info_cache[surface] = out
        return out

    def clear_cache(self) -> None:
        self._cache.clear()
        self._keys.clear()
        self._bases.clear()
        self._stems.clear()
        self.info_cache.clear()

    def stem(self, light_base: str) -> str:
        """The light stem of a light-form base (see :func:`light_stem`), with this lexicon's affixes."""
        return light_stem(light_base, self.stem_suffixes, self.stem_prefixes)

    def key(self, surface: str) -> str:
        """``normalize_key`` of a non-word token (numbers, punctuation), cached."""
        hit = self._keys.get(surface)
        if hit is None:
            hit = self._keys[surface] = normalize_key(surface)
        return hit

    def known(self, key: str) -> int:
        """How often ``key`` (key form) was seen alone or with the article."""
        return self.vocab.get(key, 0) + self.vocab.get("ال" + key, 0)

    def lemma_candidates(self, word: str) -> list[str]:
        """Keys to look a word up under, most specific first: base, base without a plural or
        feminine ending, and the light stem (no duplicates)."""
        seg = self.segment(word)
        out = [seg.base]
        for suf in ("ات", "ين", "ون", "ه", "يه"):
            if seg.base.endswith(suf) and len(seg.base) - len(suf) >= 2:
                out.append(seg.base[: -len(suf)])
                break
        out.append(seg.stem)
        return list(dict.fromkeys(out))

    # -- internals ----------------------------------------------------------------------------

    def _base_info(self, light: str) -> tuple[str, int]:
        """Key form of a light-form piece and how often the vocabulary saw it (``known``), memoized."""
        hit = self._bases.get(light)
        if hit is None:
            if len(self._bases) >= _PIECES_MAX:
                self._bases.clear()
            key = light_to_key(light)
            hit = self._bases[light] = (key, self.known(key))
        return hit

    def _stem_of(self, light: str) -> str:
        """``self.stem(light)``, memoized."""
        hit = self._stems.get(light)
        if hit is None:
            if len(self._stems) >= _PIECES_MAX:
                self._stems.clear()
            hit = self._stems[light] = self.stem(light)
        return hit

    def _segment(self, word: str) -> Segmentation:
        light = light_form(word)
        if len(light) < 3 or not light.isalpha() or light in self.atomic:
            key = light_to_key(light)
            return Segmentation(key, (key,), key, self._stem_of(light))
        prefixes = self._prefixes(light)
        if len(prefixes) == 1 and not light.endswith(self.enclitics):
            # no proclitic and no pronoun: nothing to split, and the vocabulary need not be asked
            # about the whole word (a third of the new word types of the subset)
            key = light_to_key(light)
            return Segmentation(key, (key,), key, self._stem_of(light))
        key, whole = self._base_info(light)
        best: tuple[tuple[str, ...], str, str] | None = None
        best_len = 0
        for pre, cuts in prefixes:
            # never split inside an atomic word (وكما is و + كما, not و + ك + ما)
            if len(cuts) > 1 and any(light[c:] in self.atomic for c in cuts[:-1]):
                continue
            rest = light[cuts[-1] :]
            has_article = bool(pre) and pre[-1] == self.article
            # no pronoun after the article; else the ones ``rest`` ends with (one C call first)
            encs = self.enclitics if not has_article and rest.endswith(self.enclitics) else ()
            for enc in ("", *encs):
                if enc and not rest.endswith(enc):
                    continue
                base = rest[: len(rest) - len(enc)] if enc else rest
                if enc and base.endswith("ت") and len(base) >= 4:
                    # ة is written ت before a pronoun: قيادتها = قيادة + ها (but قواتها = قوات + ها)
                    marbuta = base[:-1] + "ة"
                    if self._base_info(marbuta)[1] > self._base_info(base)[1]:
                        base = marbuta
                if not pre and not enc:
                    continue
                stripped = len(light) - len(base)
                if stripped <= best_len or not self._acceptable(base, pre, enc, has_article, whole):
                    continue
                if len(pre) >= 2 and not has_article and pre[0] in self.conj and not enc:
                    # و + ب + حسب: the split after the conjunction alone must hold too
                    # (ولاية is not و + ل + اية: لاية is rare next to ولاية)
                    inter = self._base_info(light[cuts[1] :])[1]
                    if inter * 3 < whole:
                        continue
                best, best_len = (pre, base, enc), stripped
        if best is None:
            return Segmentation(key, (key,), key, self._stem_of(light))
        pre, base, enc = best
        bkey = self._base_info(base)[0]
        ckeys = self._clitic_keys
        pre_keys = tuple([ckeys[p] for p in pre])
        ekey = ckeys[enc] if enc else ""
        segs = (*pre_keys, bkey, ekey) if enc else (*pre_keys, bkey)
        return Segmentation(key, segs, bkey, self._stem_of(base), pre_keys, ekey)

    def _prefixes(self, light: str) -> list[tuple[tuple[str, ...], tuple[int, ...]]]:
        """Proclitic sequences ``light`` starts with, [و|ف] [ب|ل|ك|س] [ال], each with the offsets
        where each piece ends (ل + ال is written لل, so the article then takes one letter)."""
        if light[0] not in self._pre_firsts and not light.startswith(self.article):
            return [_NO_PREFIX]
        out: list[tuple[tuple[str, ...], tuple[int, ...]]] = [_NO_PREFIX]
        firsts: list[tuple[tuple[str, ...], tuple[int, ...]]] = [((), (0,))]
        if light[0] in self.conj:
            firsts.append(((light[0],), (0, 1)))
        for f, fc in firsts:
            i = fc[-1]
            seconds = [(f, fc)]
            c = light[i : i + 1]
            if c in self.preps or (c == self.future and light[i + 1 : i + 2] in self.future_before):
                seconds.append(((*f, c), (*fc, i + 1)))
            for s, sc in seconds:
                j = sc[-1]
                if s:
                    out.append((s, sc))
                if s and s[-1] == "ل" and light.startswith("ل", j):  # لل = ل + ال
                    out.append(((*s, self.article), (*sc, j + 1)))
                elif light.startswith(self.article, j) and (not s or s[-1] != self.future):
                    out.append(((*s, self.article), (*sc, j + 2)))
        return list(dict.fromkeys(out)) if self._pre_dedup else out

    def _acceptable(self, base: str, pre: tuple[str, ...], enc: str, has_article: bool, whole: int) -> bool:
        if len(base) < 2 or not base.isalpha():
            return False
        bkey, known = self._base_info(base)
        if len(base) == 2 and bkey not in self.short_bases:
            return False  # two letters are too little evidence (مدني is not مد + ني)
        if bkey in self.atomic_keys:
            return True
        if has_article:
            # the article is safe to strip; an unseen name after it is still a name
            return len(base) >= 3 or known >= 2
        if known < 5:
            return False
        # a word starting with a hamza on alef cannot have taken it from inside another word, so
        # وأضاف is و + أضاف even though وأضاف is the commoner form
        if pre and base[0] in "أإآ":
            return True
        # a two-letter pronoun suffix is rarely the end of a word itself (أنفسهم, سكانها)
        if enc in self.safe_enclitics and not pre and len(base) >= 3 and known >= 10:
            return True
        # otherwise the remainder must be a common word, not much rarer than the whole
        # (فروا is not ف + روا, وزارة is not و + زارة)
        return known * 3 >= whole
