"""Shared fixtures: the spaCy pipeline and the knowledge base load once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique import knowledge, language

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    return language.load()


@pytest.fixture(scope="session")
def kb():
    return knowledge.default()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seed" / "article.txt").exists():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
