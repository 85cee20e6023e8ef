"""The actor knowledge base: countries, seats of power, organisations, armed groups and
parties, office-holders and role titles, loaded from the YAML files in
``communique/data/`` (or a user's own, merged over them).

This module holds facts and look-ups only; resolving a mention in a parsed sentence is
the job of actors.py.
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from communique.errors import KnowledgeError

DATA_FILES = ("countries", "metonyms", "organisations", "groups", "people", "roles")
# Similarity (difflib ratio) above which a misspelt or transliterated full name is taken
# as a known person: "Andrey Belouso" -> "Andrey Belousov" scores 0.97, while distinct
# people sharing a first name ("Andrey Belousov" / "Andrey Rudenko") stay under 0.7.
# Countries whose names put the family name first, as news writes them: "Xi Jinping" is
# "Xi" on second mention.
FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK"}
FUZZY_NAME_CUTOFF = 0.85
FUZZY_LENGTH_SLACK = 3
FUZZY_SURNAME_CUTOFF = 0.8
_SPACES = re.compile(r"\s+")


_ALNUM = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=65536)
def prefix(text: str) -> str:
    """The first alphanumeric run of a text, lower case: the key of the phrase scan."""
    found = _ALNUM.search(text.lower())
    return found.group(0) if found else ""


@functools.lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """The key a phrase is looked up by: lower case, single spaces, curly quotes flattened."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return _SPACES.sub(" ", text.strip().lower())


@dataclass(slots=True, frozen=True)
class Position:
    role: str
    sector: str
    start: date | None
    end: date | None

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True, frozen=True)
class Person:
    name: str
    code: str
    positions: tuple[Position, ...]
    variants: tuple[str, ...] = ()
    org: str | None = None  # for leaders of organisations (code "IGO"): which one

    @property
    def identifier(self) -> str:
        return "person:" + norm(self.name).replace(" ", "-")

    def position_on(self, day: date | None) -> Position | None:
        """The position held on ``day``; else the latest one (a former minister is still
        known by it)."""
        for pos in self.positions:
            if pos.holds_on(day):
                return pos
        dated = [p for p in self.positions if day is None or p.start is None or p.start <= day]
        pool = dated or list(self.positions)
        return max(pool, key=lambda p: p.start or date.min) if pool else None


@dataclass(slots=True, frozen=True)
class Entry:
    """What a phrase in text can stand for."""

    kind: str  # country | adjective | demonym | capital | metonym | org | group | person | role
    code: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None
    name: str | None = None
    person: Person | None = None
    # a name a country bore only for a time ("Congo": the Republic of the Congo until
    # Zaire took the name back in May 1997, the Democratic Republic since)
    since: date | None = None
    until: date | None = None

    def valid_on(self, day: date | None) -> bool:
        """Whether the name meant this on ``day``; an undated text keeps the name's first
        meaning (its era unknown, nothing is changed for it)."""
        if day is None:
            return self.since is None
        started = self.since is None or day >= self.since
        return started and (self.until is None or day < self.until)


@dataclass
class KnowledgeBase:
    countries: dict[str, dict[str, Any]] = field(default_factory=dict)
    organisations: dict[str, dict[str, Any]] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    phrases: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    # regional adjective -> the organisation its leaders and states act as ("West African")
    regions: dict[str, Entry] = field(default_factory=dict)
    max_phrase_words: int = 1
    case_sensitive: dict[str, str] = field(default_factory=dict)
    # first alphanumeric run of each phrase -> longest phrase (in characters) it starts,
    # so a scan of a text only looks up spans that can match
    prefixes: dict[str, int] = field(default_factory=dict)
    _surnames: dict[str, list[Person]] = field(default_factory=lambda: defaultdict(list))
    _full_names: dict[str, Person] = field(default_factory=dict)
    _fuzzy_cache: dict[tuple[str, str | None], Person | None] = field(default_factory=dict)
    _fuzzy_countries: dict[str, str | None] = field(default_factory=dict)
    _surname_cache: dict[tuple[str, str | None, date | None, bool], Person | None] = field(
        default_factory=dict
    )
    _initials: dict[str, list[str]] = field(default_factory=dict)
    _full_by_initial: dict[str, list[str]] = field(default_factory=dict)

    # -- building -------------------------------------------------------------------------
    def add_phrase(self, phrase: str, entry: Entry) -> None:
        key = norm(phrase)
        if not key:
            return
        if _is_acronym(phrase):
            # "WHO" is the organisation, "Who" starting a sentence is not
            self.case_sensitive[key] = phrase.strip()
        if entry not in self.phrases[key]:
            self.phrases[key].append(entry)
        first = prefix(key)
        self.prefixes[first] = max(self.prefixes.get(first, 0), len(key))
        self.max_phrase_words = max(self.max_phrase_words, key.count(" ") + 1)
        if key.startswith("the "):
            return
        if entry.kind in {"org", "metonym", "group"}:
            # "the Kremlin" and "Kremlin", "the African Union" and "African Union"
            self.phrases.setdefault("the " + key, []).append(entry)
            self.prefixes["the"] = max(self.prefixes.get("the", 0), len(key) + 4)

    def add_country(self, row: dict[str, Any]) -> None:
        code = str(row["code"]).upper()
        self.countries[code] = row
        name = row.get("name") or code
        for phrase in [name, *(row.get("aliases") or [])]:
            self.add_phrase(str(phrase), Entry("country", code=code, name=name))
        for dated in row.get("dated_aliases") or []:
            since, until = _day(dated.get("since")), _day(dated.get("until"))
            entry = Entry("country", code=code, name=name, since=since, until=until)
            self.add_phrase(str(dated["alias"]), entry)
        for adj in row.get("adjectives") or []:
            self.add_phrase(str(adj), Entry("adjective", code=code, name=name))
        for dem in row.get("demonyms") or []:
            self.add_phrase(str(dem), Entry("demonym", code=code, name=name))
        # other spellings ("Kiev") and other seats of government ("La Paz", "Cotonou")
        for capital in [row.get("capital"), *(row.get("capital_aliases") or [])]:
            if capital:
                self.add_phrase(str(capital), Entry("capital", code=code, sector="GOV", name=name))

    def add_org(self, row: dict[str, Any]) -> None:
        org = str(row["org"])
        self.organisations[org] = row
        entry = Entry("org", code=row.get("kind") or "IGO", org=org, name=row.get("name") or org)
        for phrase in [org, row.get("name"), *(row.get("aliases") or [])]:
            if phrase:
                self.add_phrase(str(phrase), entry)
        for region in row.get("regions") or []:
            self.regions[norm(str(region))] = entry

    def add_person(self, row: dict[str, Any]) -> None:
        positions = tuple(
            Position(
                role=str(p.get("role") or ""),
                sector=str(p.get("sector") or "GOV"),
                start=_day(p.get("start")),
                end=_day(p.get("end")),
            )
            for p in row.get("positions") or []
        )
        person = Person(
            name=str(row["name"]),
            code=str(row["code"]).upper(),
            positions=positions,
            variants=tuple(str(v) for v in row.get("variants") or []),
            org=str(row["org"]) if row.get("org") else None,
        )
        self.people.append(person)
        for phrase in (person.name, *person.variants):
            self.add_phrase(
                phrase, Entry("person", code=person.code, name=person.name, person=person)
            )
            self._full_names[norm(phrase)] = person
            words = norm(phrase).split(" ")
            self._surnames[words[-1]].append(person)
            if person.code in FAMILY_NAME_FIRST and len(words) > 1:
                self._surnames[words[0]].append(person)  # "Wang" of "Wang Yi"

    # -- look-ups -------------------------------------------------------------------------
    def lookup(self, phrase: str) -> list[Entry]:
        key = norm(phrase)
        exact = self.case_sensitive.get(key)
        if exact is not None and phrase.strip().removeprefix("the ") != exact:
            return [e for e in self.phrases.get(key, []) if e.kind == "role"]
        return self.phrases.get(key, [])

    def person_fuzzy(self, name: str, *, code: str | None = None) -> Person | None:
        """A known person whose name is close to ``name`` (misspelling, transliteration)."""
        key = norm(name)
        if key in self._full_names:
            return self._full_names[key]
        if " " not in key:
            return None
        if (key, code) not in self._fuzzy_cache:
            self._fuzzy_cache[(key, code)] = self._fuzzy(key, code)
        return self._fuzzy_cache[(key, code)]

    def country_fuzzy(self, text: str) -> str | None:
        """A misspelt country name or adjective ("Ethopia", "Quatar") -> its code."""
        key = norm(text)
        if len(key) < 5 or " " in key:
            return None
        if key not in self._fuzzy_countries:
            names = {
                k: e.code
                for k, entries in self.phrases.items()
                for e in entries
                if e.kind in {"country", "adjective"} and e.code and " " not in k and len(k) >= 5
            }
            # a misspelling keeps the first letter: "Ethopia", not "Albanese" for Lebanese
            pool = [k for k in names if k[:1] == key[:1]]
            close = difflib.get_close_matches(key, pool, n=1, cutoff=FUZZY_NAME_CUTOFF)
            self._fuzzy_countries[key] = names[close[0]] if close else None
        return self._fuzzy_countries[key]

    def by_surname(
        self,
        surname: str,
        *,
        code: str | None = None,
        day: date | None = None,
        fuzzy: bool = True,
    ) -> Person | None:
        """The one known person with this surname, spelt exactly or, with ``fuzzy``,
        nearly ("Zelenskiy"); None when no one or several of different countries share it.
        Of several of one country ("Bush", "Singh"), the one in office on ``day``, else the
        latest."""
        key = norm(surname)
        if (key, code, day, fuzzy) in self._surname_cache:
            return self._surname_cache[(key, code, day, fuzzy)]
        found = {p.name: p for p in self._surnames.get(key, []) if code in (None, p.code)}
        if not found and fuzzy and len(key) >= 5:
            pool = [
                k
                for k in self._surnames_by_initial().get(key[:1], [])
                if abs(len(k) - len(key)) <= FUZZY_LENGTH_SLACK
            ]
            close = difflib.get_close_matches(key, pool, n=2, cutoff=FUZZY_NAME_CUTOFF)
            if len(close) == 1:
                found = {p.name: p for p in self._surnames[close[0]] if code in (None, p.code)}
        person = _one_of(list(found.values()), day)
        self._surname_cache[(key, code, day, fuzzy)] = person
        return person

    def _surnames_by_initial(self) -> dict[str, list[str]]:
        if not self._initials:
            for surname in self._surnames:
                self._initials.setdefault(surname[:1], []).append(surname)
            for full in self._full_names:
                if " " in full:
                    self._full_by_initial.setdefault(full.split(" ")[-1][:1], []).append(full)
        return self._initials

    def _fuzzy(self, key: str, code: str | None) -> Person | None:
        # misspellings keep the surname's first letter ("Belouso", "Zelenskiy") and about
        # the length of the name
        self._surnames_by_initial()
        initial = key.split(" ")[-1][:1]
        pool = {
            k: self._full_names[k]
            for k in self._full_by_initial.get(initial, [])
            if abs(len(k) - len(key)) <= FUZZY_LENGTH_SLACK
            and (code is None or self._full_names[k].code == code)
        }
        match = difflib.get_close_matches(key, list(pool), n=1, cutoff=FUZZY_NAME_CUTOFF)
        if not match:
            return None
        # a shared given name must not carry a different surname: "Mohammed Mamoun" is not
        # "Mohammed Mumuni", though the full names score 0.87
        surname, known = key.split(" ")[-1], match[0].split(" ")[-1]
        if difflib.SequenceMatcher(None, surname, known).ratio() < FUZZY_SURNAME_CUTOFF:
            return None
        # nor a shared surname a different given name: "Wad Madani" (a town) is not "Iyad
        # Madani"; "Evgeny" is still "Yevgeny"
        given, known_given = key.split(" ")[0], match[0].split(" ")[0]
        if (
            given[:1] != known_given[:1]
            and difflib.SequenceMatcher(None, given, known_given).ratio() < FUZZY_SURNAME_CUTOFF
        ):
            return None
        return pool[match[0]]

    def office_holder(
        self, code: str, role: str, day: date | None, *, org: str | None = None
    ) -> Person | None:
        """Who held ``role`` for ``code`` (or organisation ``org``) on ``day`` ("the U.S.
        president" in 2021, "the NATO secretary-general" in 2023)."""
        found = [
            p
            for p in self.people
            if p.code == code
            and (org is None or p.org == org)
            and any(pos.role == role and pos.holds_on(day) for pos in p.positions)
        ]
        return found[0] if len(found) == 1 else None

    def capital_of(self, code: str) -> str | None:
        row = self.countries.get(code)
        return str(row["capital"]) if row and row.get("capital") else None

    def org_members(self, org: str) -> list[str]:
        row = self.organisations.get(org) or {}
        return [str(m) for m in row.get("members") or []]


# Offices that make a person the one a bare surname in the news most likely means
TOP_OFFICES = {"president", "prime minister", "chancellor", "king", "queen", "emir", "sultan"}


def _one_of(people: list[Person], day: date | None) -> Person | None:
    """The person a shared surname names: the only one; else, narrowing to those in
    office on ``day`` and then to heads of state or government, the candidates of one
    country, of whom the one whose office began last (before ``day``)."""
    pool = people
    for narrower in (
        lambda p: any(pos.holds_on(day) for pos in p.positions) if day else True,
        lambda p: any(pos.role in TOP_OFFICES for pos in p.positions),
    ):
        if len({p.code for p in pool}) <= 1:
            break
        pool = [p for p in pool if narrower(p)] or pool
    if not pool or len({p.code for p in pool}) > 1:
        return None

    def latest(person: Person) -> date:
        starts = [
            pos.start for pos in person.positions if pos.start and (day is None or pos.start <= day)
        ]
        return max(starts, default=date.min)

    return max(pool, key=latest)


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in phrase.strip()


def _day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


# libyaml's safe loader where PyYAML was built with it (about ten times faster)
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path | Any) -> list[dict[str, Any]]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path}: cannot read knowledge file: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise KnowledgeError(f"{path}: expected a YAML list of mappings")
    return data


# CSV columns holding lists, written "a|b|c"
LIST_COLUMNS = {"aliases", "variants", "adjectives", "demonyms", "members", "capital_aliases"}
POSITION_COLUMNS = ("role", "sector", "start", "end")


def _read_csv(path: Path) -> list[dict[str, Any]]:
    """A knowledge table as CSV: the YAML fields as columns, lists split on "|"; a people
    file has one row per position (role, sector, start, end), rows of one name merged."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            raw = list(csv.DictReader(fh))
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot read knowledge file: {exc}") from exc
    rows: list[dict[str, Any]] = []
    people: dict[str, dict[str, Any]] = {}
    for line in raw:
        row: dict[str, Any] = {}
        for key, value in line.items():
            if key is None or value is None:
                continue
            value = value.strip()
            if key in LIST_COLUMNS:
                row[key] = [v.strip() for v in value.split("|") if v.strip()]
            elif key not in POSITION_COLUMNS:
                row[key] = value or None
        if "role" in line and "name" in line and "title" not in line:
            position = {k: (line.get(k) or "").strip() or None for k in POSITION_COLUMNS}
            person = people.get(str(row.get("name")))
            if person is None:
                person = people[str(row.get("name"))] = {**row, "positions": []}
                rows.append(person)
            person["positions"].append(position)
        else:
            rows.append(row)
    return rows


def _read_table(path: Path) -> list[dict[str, Any]]:
    return _read_csv(path) if path.suffix.lower() == ".csv" else _read_yaml(path)


def build(extra: list[Path] | None = None) -> KnowledgeBase:
    """The bundled knowledge base, with the user's files (same format) merged over it."""
    kb = KnowledgeBase()
    root = resources.files("communique") / "data"
    tables: dict[str, list[dict[str, Any]]] = {}
    files = sorted(p.name for p in root.iterdir() if p.name.endswith(".yaml"))
    for name in DATA_FILES:
        # "people.yaml" and its parts "people-europe.yaml", "people-asia.yaml", ...
        parts = [f for f in files if f == f"{name}.yaml" or f.startswith(f"{name}-")]
        tables[name] = [row for part in parts for row in _read_yaml(root / part)]
    for path in extra or []:
        kind = re.split(r"[-._ ]", path.stem)[0]
        if kind not in tables:
            raise KnowledgeError(
                f"{path}: knowledge file names start with one of {', '.join(DATA_FILES)}"
            )
        if not path.is_file():
            raise KnowledgeError(f"{path}: no such knowledge file")
        tables[kind] += _read_table(path)
    try:
        for row in tables["countries"]:
            kb.add_country(row)
        for row in tables["metonyms"]:
            kb.add_phrase(
                str(row["text"]),
                Entry(
                    "metonym",
                    code=str(row["code"]),
                    sector=row.get("sector") or "GOV",
                    name=str(row["text"]),
                ),
            )
        for row in tables["organisations"]:
            kb.add_org(row)
        for row in tables["groups"]:
            entry = Entry(
                "group",
                code=row.get("code"),
                sector=row.get("sector"),
                name=str(row["name"]),
                org=row.get("org"),
            )
            for phrase in [row["name"], *(row.get("aliases") or [])]:
                kb.add_phrase(str(phrase), entry)
        for row in tables["people"]:
            kb.add_person(row)
        for row in tables["roles"]:
            kb.add_phrase(
                str(row["title"]),
                Entry("role", role=row.get("role"), sector=row.get("sector")),
            )
    except (KeyError, ValueError, TypeError) as exc:
        raise KnowledgeError(f"knowledge base entry is malformed: {exc!r}") from exc
    return kb


@functools.lru_cache(maxsize=1)
def default() -> KnowledgeBase:
    """The bundled knowledge base, loaded once per process."""
    return build()
