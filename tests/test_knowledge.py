"""The knowledge base: bundled files are well formed; a user's files merge over them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from communique import knowledge
from communique.errors import KnowledgeError

CODE = re.compile(r"^[A-Z]{3}$")


def test_bundled_files_are_consistent(kb: knowledge.KnowledgeBase) -> None:
    assert len(kb.countries) >= 249
    assert {"KOS", "PSE", "IND", "BLR", "RUS", "CHN"} <= set(kb.countries)
    assert all(CODE.match(code) for code in kb.countries)
    for org, row in kb.organisations.items():
        for member in row.get("members") or []:
            assert member in kb.countries, f"{org}: unknown member {member}"
    assert len(kb.organisations) >= 60


@pytest.mark.parametrize(
    ("phrase", "kind", "code"),
    [
        ("Belarusian", "adjective", "BLR"),
        ("Burma", "country", "MMR"),
        ("Ivory Coast", "country", "CIV"),
        ("Emirati", "adjective", "ARE"),
        ("the Kremlin", "metonym", "RUS"),
        ("Pentagon", "metonym", "USA"),
        ("Moscow", "capital", "RUS"),
    ],
)
def test_lookups(kb: knowledge.KnowledgeBase, phrase: str, kind: str, code: str) -> None:
    assert any(e.kind == kind and e.code == code for e in kb.lookup(phrase))


def test_acronyms_are_case_sensitive(kb: knowledge.KnowledgeBase) -> None:
    assert any(e.org == "WHO" for e in kb.lookup("WHO"))
    assert not any(e.kind == "org" for e in kb.lookup("Who"))


def test_misspelt_names_and_office_by_date(kb: knowledge.KnowledgeBase) -> None:
    person = kb.person_fuzzy("Andrey Belouso")
    assert person is not None and person.name == "Andrey Belousov" and person.code == "RUS"
    assert kb.person_fuzzy("Andrey Rudenko") is None
    biden = kb.office_holder("USA", "president", date(2021, 6, 1))
    trump = kb.office_holder("USA", "president", date(2025, 6, 1))
    assert biden is not None and biden.name == "Joe Biden"
    assert trump is not None and trump.name == "Donald Trump"


def test_user_file_merges_over_the_bundled_base(tmp_path: Path) -> None:
    extra = tmp_path / "people.yaml"
    extra.write_text(
        "- name: Ada Quill\n  code: NZL\n  positions:\n"
        "    - {role: foreign minister, sector: GOV, start: 2030-01-01, end: null}\n",
        encoding="utf-8",
    )
    kb = knowledge.build([extra])
    person = kb.person_fuzzy("Ada Quill")
    assert person is not None and person.code == "NZL"
    assert "IND" in kb.countries


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("people.yaml", "- name: [unclosed\n"),
        ("people.yaml", "just a string\n"),
        ("weather.yaml", "- {a: 1}\n"),
    ],
)
def test_malformed_user_files_are_reported(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        knowledge.build([path])
    assert err.value.code == "E201"
