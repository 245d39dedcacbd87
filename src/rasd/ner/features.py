"""Token features for the CRF tagger: pure functions of token strings plus the shipped resources.

Features of a word type (its form, affixes, clitic-stripped base, shape, word clusters, gazetteer
hits) are computed once per distinct string and cached by the caller; the sentence features are
then those type features for the token and its ±2 neighbours, with a position prefix, plus
bigrams and gazetteer spans. Nothing here depends on the text stage beyond ``normalize_key``, so
the shipped model stays valid whatever the tokenizer upstream does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rasd.text import normalize_key

# Proclitics in the order Arabic stacks them: conjunction, then preposition, then the article.
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_ART = "ال"


def lookup_form(token: str) -> str:
    """The form words are looked up in (clusters, gazetteers): the project's normalize_key."""
    return normalize_key(token)


def strip_clitics(norm: str) -> tuple[str, str]:
    """Split light proclitics off a normalized word: ``("وبال", "مدينه")`` for ``وبالمدينه``.

    Conservative: a strip is kept only when at least three letters remain, so short names
    (ولي, بلد) keep their first letter. ``لل`` is read as ``ل`` + ``ال`` (للجيش → ل|ال|جيش).
    """
    pre = ""
    w = norm
    if len(w) > 3 and w[0] in _CONJ:
        pre, w = w[0], w[1:]
    if w.startswith("لل") and len(w) > 4:
        return pre + "لل", w[2:]
    if len(w) > 3 and w[0] in _PREP:
        pre, w = pre + w[0], w[1:]
    if w.startswith(_ART) and len(w) > 4:
        pre, w = pre + _ART, w[2:]
    return pre, w


# --- resources the features read -------------------------------------------------------------

# Feature families in the order the ablation adds them (the shipped model's are in its config.json
# and in scripts/train_ner.py: all but ``embed``).
FAMILIES = ("lexical", "clitic", "clusters", "geo", "trainlist", "profile", "embed")
# Optional families, off in the shipped model (measured worse on held-out data; docs/ner.md).
OPTIONAL_FAMILIES = ("context",)

# A CRF item: feature names (weight 1), or, with real-valued features, a dict of those names
# under "x" and name → value maps under other keys (python-crfsuite prefixes "key:" to each name).
Item = list[str] | dict[str, object]


@dataclass(frozen=True, slots=True)
class Resources:
    """What the feature functions look words up in. Built once; read-only afterwards.

    ``clusters`` maps a lookup form to its k-means cluster id at each granularity of ``ks``;
    ``phrases`` maps a gazetteer entry (tuple of lookup forms, first one clitic-stripped) to
    its labels; ``token_lists`` maps a lookup form to the entity labels it was seen inside in
    the training data; ``families`` are the feature families switched on.
    """

    ks: tuple[int, ...] = ()
    clusters: Mapping[str, tuple[int | str, ...]] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    max_phrase: int = 1
    token_lists: dict[str, str] = field(default_factory=dict)
    families: frozenset[str] = frozenset(FAMILIES)
    # lookup form → how often the unlabeled news puts it behind a title-like trigger, per label
    # (``profile`` family): ``"PERS:hi ORG:lo"``
    profiles: Mapping[str, str] = field(default_factory=dict)
    # lookup form → reduced word2vec vector (``embed`` family), a sequence of floats
    vectors: Mapping[str, Sequence[float]] = field(default_factory=dict)
    # first word of a phrase → the phrase lengths starting with it, longest first (derived)
    starts: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        lengths: dict[str, set[int]] = {}
        for key in self.phrases:
            lengths.setdefault(key[0], set()).add(len(key))
        object.__setattr__(self, "starts", {w: tuple(sorted(ls, reverse=True)) for w, ls in lengths.items()})


def _len_bucket(n: int) -> str:
    return (
        "1"
        if n <= 1
        else "2"
        if n == 2
        else "3"
        if n == 3
        else "4-5"
        if n <= 5
        else "6-8"
        if n <= 8
        else "9+"
    )


def word_shape(word: str) -> str:
    """digit / hasdigit / punct / latin / word: the coarse shape of a token (both taggers)."""
    if word.isalpha():  # most tokens: letters only (no digit, some letter), one test in C
        return "latin" if word.isascii() else "word"
    if word.isdigit():
        return "digit"
    if any(c.isdigit() for c in word):
        return "hasdigit"
    if not any(c.isalnum() for c in word):
        return "punct"
    if word.isascii():
        return "latin"
    return "word"


@dataclass(frozen=True, slots=True)
class TypeFeatures:
    """Features of one word type: for the token itself, and as seen from a neighbour."""

    own: tuple[str, ...]
    as_neighbour: dict[int, tuple[str, ...]]
    gaz_key: str  # the form phrase lookup starts from (clitic-stripped)
    norm: str
    base: str
    # real-valued features (``embed``): the word's vector, or its base's when the word has none
    emb: dict[str, float] = field(default_factory=dict)


def type_features(word: str, res: Resources) -> TypeFeatures:
    fam = res.families
    norm = lookup_form(word) or word
    pre, base = strip_clitics(norm)
    shape = word_shape(norm)
    own: list[str] = ["w=" + norm, "shape=" + shape, "len=" + _len_bucket(len(norm))]
    nb: list[str] = ["w=" + norm]
    nb2: list[str] = ["w=" + norm]
    if shape == "punct":
        nb.append("punct")
    if "lexical" in fam:
        if word != norm:
            own.append("raw=" + word)
        for n in (1, 2, 3, 4):
            if len(norm) > n:
                own.append(f"p{n}={norm[:n]}")
                own.append(f"s{n}={norm[-n:]}")
    if "clitic" in fam:
        own += ["b=" + base, "pre=" + pre, "art=" + str(pre.endswith("ال") or pre.endswith("لل"))]
        for n in (2, 3):
            if len(base) > n:
                own.append(f"bs{n}={base[-n:]}")
                own.append(f"bp{n}={base[:n]}")
        nb.append("b=" + base)
        nb.append("pre=" + pre)
    if "clusters" in fam and res.ks:
        ids = res.clusters.get(norm)
        if ids is None:
            own.append("c=oov")
            nb.append("c=oov")
        else:
            for k, c in zip(res.ks, ids, strict=True):
                own.append(f"c{k}={c}")
                nb.append(f"c{k}={c}")
            nb2.append(f"c{res.ks[-1]}={ids[-1]}")
        if base != norm:
            bids = res.clusters.get(base)
            if bids is not None:
                for k, c in zip(res.ks, bids, strict=True):
                    own.append(f"bc{k}={c}")
                nb.append(f"bc{res.ks[-1]}={bids[-1]}")
    if "trainlist" in fam:
        lab = res.token_lists.get(norm) or res.token_lists.get(base)
        if lab:
            own.append("tl=" + lab)
            nb.append("tl=" + lab)
    if "profile" in fam:
        prof = res.profiles.get(norm) or res.profiles.get(base)
        if prof:
            marks = ["cx=" + m for m in prof.split()]
            own += marks
            nb += marks
    emb: dict[str, float] = {}
    if "embed" in fam and res.vectors:
        vec = res.vectors.get(norm)
        if vec is None and base != norm:
            vec = res.vectors.get(base)
        emb = {str(j): float(v) for j, v in enumerate(vec)} if vec is not None else {"oov": 1.0}
    as_nb = {
        -1: tuple("-1:" + f for f in nb),
        1: tuple("+1:" + f for f in nb),
        -2: tuple("-2:" + f for f in nb2),
        2: tuple("+2:" + f for f in nb2),
    }
    return TypeFeatures(tuple(own), as_nb, base if "clitic" in fam else norm, norm, base, emb)


def phrase_tags(types: list[TypeFeatures], res: Resources) -> list[str | None]:
    """Gazetteer span marks: ``LOC:B``/``LOC:I`` etc. for the longest entry starting at each token.

    The first word of a phrase is matched by its clitic-stripped form (بدمشق → دمشق), the
    others by their lookup form.
    """
    out: list[str | None] = [None] * len(types)
    if not res.phrases:
        return out
    i, n = 0, len(types)
    while i < n:
        hit = 0
        t = types[i]
        for m in res.starts.get(t.gaz_key, ()):
            if m > n - i:
                continue
            lab = res.phrases.get((t.gaz_key, *(u.norm for u in types[i + 1 : i + m])))
            if lab is not None:
                hit = m
                break
        if not hit and t.norm != t.gaz_key:
            lab = res.phrases.get((t.norm,))
            hit = 1 if lab is not None else 0
        if hit:
            out[i] = lab + ":B"
            for j in range(i + 1, i + hit):
                out[j] = lab + ":I"
        i += hit or 1
    return out


def sentence_features(types: list[TypeFeatures], res: Resources) -> list[Item]:
    """CRF items for one sentence, from the cached type features of its tokens."""
    n = len(types)
    gaz = phrase_tags(types, res) if "geo" in res.families or "trainlist" in res.families else [None] * n
    wide = "context" in res.families
    items: list[list[str]] = []
    for i, t in enumerate(types):
        f = ["bias", *t.own]
        if i == 0:
            f.append("BOS")
        else:
            f += types[i - 1].as_neighbour[-1]
            f.append(f"w-1|w={types[i - 1].norm}|{t.norm}")
        if i >= 2:
            f += types[i - 2].as_neighbour[-2]
        if i == n - 1:
            f.append("EOS")
        else:
            f += types[i + 1].as_neighbour[1]
            f.append(f"w|w+1={t.norm}|{types[i + 1].norm}")
        if i + 2 < n:
            f += types[i + 2].as_neighbour[2]
        if i < 3:
            f.append(f"pos={i}")
        if wide:
            # A bag of the words 3–5 away: the topic words (فريق, مباراة, شركة …) that tell a
            # club or a company from the city it is named after.
            for j in (*range(max(0, i - 5), i - 2), *range(i + 3, min(n, i + 6))):
                f.append("bag=" + types[j].base)
        g = gaz[i]
        if g:
            f.append("gz=" + g)
        if i > 0 and gaz[i - 1]:
            f.append("-1:gz=" + gaz[i - 1])
        if i + 1 < n and gaz[i + 1]:
            f.append("+1:gz=" + gaz[i + 1])
        # The word's own vector only (a shared dict, not copied): 50 real values already cost
        # about half a pass of tagging time, the neighbours' would triple it.
        items.append({"x": f, "e": t.emb} if t.emb else f)
    return items


def extend_item(item: Item, extra: list[str]) -> Item:
    """The item with more feature names (the second pass adds its document features)."""
    if isinstance(item, dict):
        return {**item, "x": item["x"] + extra}
    return item + extra


def document_features(types: list[list[TypeFeatures]], tags: list[list[str]]) -> list[list[list[str]]]:
    """Second-pass features from the first pass over a whole document (or batch of sentences).

    A name is usually tagged right somewhere in a document even where its own context is weak,
    so each token gets the label the first pass gave the same word (clitic-stripped) elsewhere
    in the document, with how often, plus the first-pass tags of itself and its neighbours.
    """
    counts: dict[str, Counter] = {}
    for sent_types, sent_tags in zip(types, tags, strict=True):
        for t, tag in zip(sent_types, sent_tags, strict=True):
            counts.setdefault(t.base, Counter())[tag[2:] if tag != "O" else "O"] += 1
    out: list[list[list[str]]] = []
    for sent_types, sent_tags in zip(types, tags, strict=True):
        n = len(sent_tags)
        rows = []
        for i, t in enumerate(sent_types):
            f = ["s1=" + sent_tags[i]]
            if i > 0:
                f.append("-1:s1=" + sent_tags[i - 1])
            if i + 1 < n:
                f.append("+1:s1=" + sent_tags[i + 1])
            c = counts[t.base]
            ents = [(k, v) for k, v in sorted(c.items()) if k != "O"]
            if ents and len(t.base) > 1:
                lab, k = max(ents, key=lambda x: x[1])
                share = "all" if k == sum(c.values()) else "hi" if 2 * k >= sum(c.values()) else "lo"
                f += ["doc=" + lab, f"doc={lab}:{share}"]
            rows.append(f)
        out.append(rows)
    return out
