"""``rasd tag --conll FILE``: named-entity tags for pre-tokenised text.

Reads one token per line (the first column; other columns are ignored) with a blank line between
sentences, from FILE or standard input (``-`` or no FILE), and prints ``token TAG`` lines with
the same sentence breaks.
"""

from __future__ import annotations

import sys

import click

BATCH = 2000  # sentences read together (the tagger's document-level pass sees one batch)


@click.command()
@click.option("--conll", "conll", is_flag=True, required=True, help="CoNLL-style input and output.")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-", required=False)
def tag(conll: bool, file) -> None:
    """Tag people, places, organisations and other names (BIO, PERS/LOC/ORG/MISC)."""
    from rasd.ner import load_tagger
    from rasd.ner.conll import read_conll

    tagger = load_tagger()
    out = sys.stdout
    first = True
    batch: list[list[str]] = []

    def flush() -> None:
        nonlocal first
        for tokens, tags in zip(batch, tagger.tag_document(batch), strict=True):
            if not first:
                out.write("\n")
            first = False
            out.write("".join(f"{w} {t}\n" for w, t in zip(tokens, tags, strict=True)))
        batch.clear()
        out.flush()

    # The input is tagged in batches that the second pass reads as one document.
    for sent in read_conll(file):
        batch.append([row[0] for row in sent])
        if len(batch) >= BATCH:
            flush()
    flush()
