"""Importers: other actor dictionaries turned into communique's knowledge tables.

Run an import once, store it with ``write_tables`` and pass the files with ``--kb`` (or to
``knowledge.build``): the rows have the shapes of the bundled YAML files.

- ``import_petrarch``: PETRARCH/TABARI ``.actors`` and ``.agents`` dictionaries (CAMEO
  codes: ``USAGOV`` = country USA, sector GOV; sectors translated to PLOVER).
- ``import_wikidata``: a Wikidata JSON dump (array or JSON Lines, plain, .gz or .bz2);
  every item with "position held" (P39) becomes a person.

Design: an importer returns an ``Imported``, a ``dict`` of table name -> rows and nothing
else; what was left out is on its attributes. ``skipped`` counts lines or entities that
could not be read (each logged); ``known`` counts names left out because the knowledge
base already gives them a meaning (a second "Joe Biden" would make "the U.S. president"
ambiguous); ``source`` names the files read. A country the base has keeps its bundled row,
extended with the new names, so that its capital and adjectives survive the merge.
"""

from __future__ import annotations

import bz2
import copy
import gzip
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

import yaml

from communique import knowledge
from communique.knowledge import KnowledgeBase, norm

log = logging.getLogger(__name__)

Row = dict[str, Any]

# CAMEO sector codes whose PLOVER code differs (PLOVER MED is health, JRN the media).
CAMEO_TO_PLOVER = {
    "MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB", "HRI": "SOC", "DEV": "SOC",
    "ENV": "SOC", "NGO": "SOC", "NGM": "SOC", "MNC": "BUS", "CHR": "REL", "MOS": "REL",
    "JEW": "REL", "BUD": "REL", "HIN": "REL", "SIK": "REL",
}  # fmt: skip
# The role a PETRARCH office-holder's sector implies (keys are PLOVER sectors).
SECTOR_ROLES = {
    "GOV": "official", "MIL": "military officer", "LEG": "legislator", "JUD": "judge",
    "COP": "police officer", "SPY": "intelligence officer", "REB": "rebel leader",
    "OPP": "opposition leader", "PTY": "party official", "ELI": "former official",
    "BUS": "business leader", "JRN": "journalist", "EDU": "academic",
    "REL": "religious leader", "LAB": "labour leader", "CVL": "civilian",
}  # fmt: skip
# Two-digit PETRARCH years up to this are 20YY, later ones 19YY (as PETRARCH reads them).
YEAR_PIVOT = 30
# Wikidata country items -> ISO 3166-1 alpha-3 (KOS for Kosovo, as in countries.yaml).
_COUNTRY_ITEMS = """
Q889:AFG Q222:ALB Q262:DZA Q228:AND Q916:AGO Q781:ATG Q414:ARG Q399:ARM Q408:AUS Q40:AUT
Q227:AZE Q778:BHS Q398:BHR Q902:BGD Q244:BRB Q184:BLR Q31:BEL Q242:BLZ Q962:BEN Q917:BTN
Q750:BOL Q225:BIH Q963:BWA Q155:BRA Q921:BRN Q219:BGR Q965:BFA Q967:BDI Q424:KHM Q1009:CMR
Q16:CAN Q1011:CPV Q929:CAF Q657:TCD Q298:CHL Q148:CHN Q739:COL Q970:COM Q971:COG Q800:CRI
Q1008:CIV Q224:HRV Q241:CUB Q229:CYP Q213:CZE Q974:COD Q35:DNK Q977:DJI Q784:DMA Q786:DOM
Q736:ECU Q79:EGY Q792:SLV Q983:GNQ Q986:ERI Q191:EST Q1050:SWZ Q115:ETH Q712:FJI Q33:FIN
Q142:FRA Q1000:GAB Q1005:GMB Q230:GEO Q183:DEU Q117:GHA Q41:GRC Q769:GRD Q774:GTM
Q1006:GIN Q1007:GNB Q734:GUY Q790:HTI Q783:HND Q28:HUN Q189:ISL Q668:IND Q252:IDN Q794:IRN
Q796:IRQ Q27:IRL Q801:ISR Q38:ITA Q766:JAM Q17:JPN Q810:JOR Q232:KAZ Q114:KEN Q710:KIR
Q817:KWT Q813:KGZ Q819:LAO Q211:LVA Q822:LBN Q1013:LSO Q1014:LBR Q1016:LBY Q347:LIE
Q37:LTU Q32:LUX Q1019:MDG Q1020:MWI Q833:MYS Q826:MDV Q912:MLI Q233:MLT Q709:MHL Q1025:MRT
Q1027:MUS Q96:MEX Q702:FSM Q217:MDA Q235:MCO Q711:MNG Q236:MNE Q1028:MAR Q1029:MOZ
Q836:MMR Q1030:NAM Q697:NRU Q837:NPL Q29999:NLD Q55:NLD Q664:NZL Q811:NIC Q1032:NER
Q1033:NGA Q423:PRK Q221:MKD Q20:NOR Q842:OMN Q843:PAK Q695:PLW Q219060:PSE Q804:PAN
Q691:PNG Q733:PRY Q419:PER Q928:PHL Q36:POL Q45:PRT Q846:QAT Q218:ROU Q159:RUS Q1037:RWA
Q763:KNA Q760:LCA Q757:VCT Q683:WSM Q238:SMR Q1039:STP Q851:SAU Q1041:SEN Q403:SRB
Q1042:SYC Q1044:SLE Q334:SGP Q214:SVK Q215:SVN Q685:SLB Q1045:SOM Q258:ZAF Q884:KOR
Q958:SSD Q29:ESP Q854:LKA Q1049:SDN Q730:SUR Q34:SWE Q39:CHE Q858:SYR Q865:TWN Q863:TJK
Q924:TZA Q869:THA Q574:TLS Q945:TGO Q678:TON Q754:TTO Q948:TUN Q43:TUR Q874:TKM Q672:TUV
Q1036:UGA Q212:UKR Q878:ARE Q145:GBR Q30:USA Q77:URY Q265:UZB Q686:VUT Q237:VAT Q717:VEN
Q881:VNM Q805:YEM Q953:ZMB Q954:ZWE Q1246:KOS
"""
WIKIDATA_COUNTRIES: dict[str, str] = dict(re.findall(r"(Q\d+):([A-Z]{3})", _COUNTRY_ITEMS))
# Wikidata position items -> (role, sector), for offices whose item is certain.
WIKIDATA_POSITIONS: dict[str, tuple[str, str]] = {
    "Q11696": ("president", "GOV"),  # President of the United States
    "Q11699": ("vice president", "GOV"),  # Vice President of the United States
    "Q14213": ("secretary of state", "GOV"),  # United States Secretary of State
    "Q14211": ("prime minister", "GOV"),  # Prime Minister of the United Kingdom
    "Q191954": ("president", "GOV"),  # President of France
    "Q4970706": ("chancellor", "GOV"),  # Chancellor of Germany
    "Q218295": ("president", "GOV"),  # President of Russia
    "Q192711": ("prime minister", "GOV"),  # Prime Minister of India
    "Q274948": ("prime minister", "GOV"),  # Prime Minister of Japan
    "Q839078": ("prime minister", "GOV"),  # Prime Minister of Canada
    "Q319145": ("prime minister", "GOV"),  # Prime Minister of Australia
    "Q208487": ("prime minister", "GOV"),  # Prime Minister of Israel
}
PLACE_KINDS = {"country", "adjective", "demonym", "capital"}
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "de", "del", "da", "la", "le"}


class Imported(dict[str, list[Row]]):
    """Knowledge tables (table name -> rows) read from ``source``; ``skipped`` lines or
    entities could not be read, ``known`` rows were left out as already known."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source
        self.skipped = 0
        self.known = 0

    def add(self, table: str, row: Row) -> None:
        self.setdefault(table, []).append(row)

    def skip(self, where: str, why: str) -> None:
        self.skipped += 1
        log.warning("%s: %s; skipped", where, why)


def write_tables(
    tables: Mapping[str, list[Row]],
    folder: Path | str,
    *,
    source: str | None = None,
    suffix: str = "",
) -> list[Path]:
    """Write each non-empty table to ``folder/<table>.yaml`` (``<table>-<suffix>.yaml``
    with a suffix, so two imports can share a folder), headed by a comment naming the
    source; the files are ready for ``--kb``. Returns the paths written."""
    unknown = set(tables) - set(knowledge.DATA_FILES)
    if unknown:
        raise ValueError(f"not knowledge tables: {', '.join(sorted(unknown))}")
    if not re.fullmatch(r"[\w.-]*", suffix):
        raise ValueError(f"file name suffix {suffix!r} has characters other than word, '.', '-'")
    origin = source or getattr(tables, "source", None) or "an import"
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in knowledge.DATA_FILES:
        rows = tables.get(name) or []
        if not rows:
            continue
        path = out / f"{name}-{suffix}.yaml" if suffix else out / f"{name}.yaml"
        body = yaml.safe_dump(list(rows), sort_keys=False, allow_unicode=True, width=100)
        header = f"# Imported from {origin} by communique.importers: {len(rows)} {name} rows.\n"
        path.write_text(header + body, encoding="utf-8")
        written.append(path)
    return written


# -- PETRARCH / TABARI ----------------------------------------------------------------------


@dataclass
class _Actor:
    name: str
    where: str
    synonyms: list[str] = field(default_factory=list)
    default: str | None = None  # the undated code
    dated: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    null: bool = False  # coded "---": recognised, deliberately not coded
    broken: bool = False


_RESTRICTED = re.compile(
    r"\s*(?P<code>[^\s<>]+?)?\s*(?:(?P<op>[<>])\s*(?P<day>\d{6,8})"
    r"|(?P<start>\d{6,8})\s*-\s*(?P<end>\d{6,8}))?\s*"
)
_CODE = re.compile(r"[A-Z0-9]{3,}(?:/[A-Z0-9]{3,})*")
_AGENT = re.compile(r"(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
_MARKER_DEF = re.compile(r"!(\w+)!\s*=\s*(.+)")
_MARKER = re.compile(r"!(\w+)!")


def import_petrarch(
    actors_path: Path | str,
    agents_path: Path | str | None = None,
    *,
    kb: KnowledgeBase | None = None,
    skip_known: bool = True,
    translate_sectors: bool = True,
) -> Imported:
    """Knowledge tables from a PETRARCH/TABARI actor dictionary and, optionally, an agent
    dictionary.

    An actor with date-restricted codes carrying a sector (``[USAGOV 890101-970120]``)
    becomes a person with one position per dated code; one coded by a bare 3-letter code
    that is a country of ``kb`` or whose name ``kb`` knows as a place becomes a country;
    any other becomes a group (code = first 3 letters, sector = the next 3). Agents
    become role titles, singular and plural. ``kb`` (default: the bundled base) decides
    what is a place and what is already known: with ``skip_known`` a name it already
    resolves is not imported again with another meaning. ``translate_sectors`` maps CAMEO
    sectors to PLOVER. PETRARCH stems (``ARGENTIN``) are kept as written."""
    actors = Path(actors_path)
    agents = Path(agents_path) if agents_path is not None else None
    result = Imported(", ".join(p.name for p in (actors, agents) if p is not None))
    reader = _Petrarch(result, kb or knowledge.default(), skip_known, translate_sectors)
    for actor in _read_actors(actors, result):
        reader.place(actor)
    if reader.countries:
        result["countries"] = list(reader.countries.values())
    if agents is not None:
        reader.agents(agents)
    return result


def _lines(path: Path) -> Iterator[tuple[str, str]]:
    """("file:line", text) of a PETRARCH file, comments and blank lines removed:
    ``<!-- -->`` (also over several lines), lines starting ``#`` or ``<``, and ``#`` or
    ``;`` outside brackets to the end of the line."""
    in_comment = False
    with path.open(encoding="utf-8", errors="replace") as fh:
        for number, raw in enumerate(fh, 1):
            line = raw.strip().lstrip("\ufeff")
            if in_comment:
                if "-->" not in line:
                    continue
                in_comment, line = False, line.split("-->", 1)[1]
            while "<!--" in line:
                head, _, tail = line.partition("<!--")
                in_comment = "-->" not in tail
                line = head + ("" if in_comment else tail.split("-->", 1)[1])
            line = line.strip()
            if not line or line[0] in "#<":
                continue
            depth, cut = 0, len(line)
            for i, char in enumerate(line):
                depth += {"[": 1, "]": -1}.get(char, 0)
                if char in "#;" and depth <= 0:
                    cut = i
                    break
            if line[:cut].strip():
                yield f"{path.name}:{number}", line[:cut].strip()


def _read_actors(path: Path, result: Imported) -> Iterator[_Actor]:
    """The actor records of a dictionary, in order; unreadable lines are skipped."""
    current: _Actor | None = None
    for where, text in _lines(path):
        if "---STOP---" in text:
            break
        if current is not None and text[0] in "+[":
            if current.broken:
                continue
            if text[0] == "[":
                _add_code(current, text, where, result, primary=False)
            elif synonym := _phrase(text[1:].split("[", 1)[0]):
                current.synonyms.append(synonym)
            continue
        if current is not None:
            yield current
        name, bracket, rest = text.partition("[")
        current = _Actor(_phrase(name), where)
        if not current.name or current.name[0] == "+":
            current.broken = True
            result.skip(where, f"no actor before {text!r}")
        elif bracket:
            _add_code(current, bracket + rest, where, result, primary=True)
    if current is not None:
        yield current


def _add_code(actor: _Actor, text: str, where: str, result: Imported, *, primary: bool) -> None:
    """Record a ``[CODE]`` or ``[CODE restriction]`` on ``actor``; an unreadable code on
    the actor's own line drops the actor (its synonyms would otherwise be miscoded)."""
    inner, closed, _ = text[1:].partition("]")
    found = _RESTRICTED.fullmatch(inner) if closed else None
    if found is None or found["code"] is None:
        result.skip(where, f"cannot read the code in {text!r}")
        actor.broken = actor.broken or primary
        return
    code = found["code"].upper()
    if not any(c.isalnum() for c in code):
        actor.null = True
        return
    if not _CODE.fullmatch(code):
        result.skip(where, f"{code!r} is not a CAMEO code")
        actor.broken = actor.broken or primary
        return
    try:
        if found["op"]:
            day = _petrarch_day(found["day"])
            start, end = (None, day) if found["op"] == "<" else (day, None)
        elif found["start"]:
            start, end = _petrarch_day(found["start"]), _petrarch_day(found["end"])
            if end < start:
                raise ValueError(f"{end} before {start}")
        else:
            actor.default = code
            return
    except ValueError:
        result.skip(where, f"cannot read the date in {text!r}")
        return
    actor.dated.append((code.split("/")[0], start, end))


def _petrarch_day(digits: str) -> str:
    """``YYMMDD`` or ``YYYYMMDD`` -> ``YYYY-MM-DD`` (two-digit years pivot at 30)."""
    if len(digits) == 8:
        year, rest = int(digits[:4]), digits[4:]
    elif len(digits) == 6:
        short = int(digits[:2])
        year, rest = (2000 + short if short <= YEAR_PIVOT else 1900 + short), digits[2:]
    else:
        raise ValueError(digits)
    return date(year, int(rest[:2]), int(rest[2:])).isoformat()


@dataclass
class _Petrarch:
    """Turns actor records and agent lines into rows of ``result``."""

    result: Imported
    kb: KnowledgeBase
    skip_known: bool
    translate: bool
    countries: dict[str, Row] = field(default_factory=dict)

    def new(self, phrase: str, kind: str | None = None, code: str | None = None) -> bool:
        """Whether ``phrase`` may be imported: not known to the base (as ``kind``), or
        known only as country ``code``."""
        found = [e for e in self.kb.lookup(phrase) if kind is None or e.kind == kind]
        return not self.skip_known or all(code and e.code == code for e in found)

    def sector(self, chunk: str) -> str:
        return CAMEO_TO_PLOVER.get(chunk, chunk) if self.translate else chunk

    def place(self, actor: _Actor) -> None:
        """One actor record as a people, countries or groups row."""
        if actor.broken:
            return
        if not actor.default and not actor.dated:
            if actor.null:
                log.debug("%s: %s is coded as nothing; left out", actor.where, actor.name)
            else:
                self.result.skip(actor.where, f"actor {actor.name!r} has no code")
            return
        main = (actor.default or actor.dated[-1][0]).split("/")[0]
        codes = [c for c, _, _ in actor.dated] + [actor.default or main]
        names = [actor.name, *actor.synonyms]
        if any(len(c) >= 6 for c in codes[:-1]):
            if not self.new(actor.name, "person"):
                self.result.known += 1
                return
            positions = [self.position(c, start, end) for c, start, end in actor.dated]
            positions.sort(key=lambda p: p["start"] or "")
            variants = _unique(_title(s) for s in actor.synonyms if self.new(s, "person"))
            row = {"name": _title(actor.name), "variants": variants, "code": main[:3]}
            self.result.add("people", {**row, "positions": positions})
        elif all(len(c) == 3 for c in codes) and (
            main in self.kb.countries
            or any(e.kind in PLACE_KINDS for e in self.kb.lookup(actor.name))
        ):
            self.country(main, names)
        elif not self.new(actor.name):
            self.result.known += 1
        else:
            aliases = _unique(_title(s) for s in actor.synonyms if self.new(s))
            sector = self.sector(main[3:6]) if len(main) >= 6 else None
            row = {"name": _title(actor.name), "aliases": aliases, "code": main[:3]}
            self.result.add("groups", {**row, "sector": sector})

    def position(self, code: str, start: str | None, end: str | None) -> Row:
        """A dated code as a position; a bare country code means no office (CVL)."""
        sector = self.sector(code[3:6]) if len(code) >= 6 else "CVL"
        role = SECTOR_ROLES.get(sector, "official")
        return {"role": role, "sector": sector, "start": start, "end": end}

    def country(self, code: str, names: list[str]) -> None:
        """Add ``names`` to country ``code``: to the base's row when it has one (so the
        capital and adjectives stay), else to a new row; names the base gives another
        meaning are left out."""
        names = [n for n in names if self.new(n, code=code)]
        row = self.countries.get(code)
        if row is None and not names:
            self.result.known += 1
            return
        if row is None:
            row = copy.deepcopy(self.kb.countries.get(code)) or {
                "code": code, "name": _title(names[0]), "aliases": [], "adjectives": [],
                "demonyms": [], "capital": None,
            }  # fmt: skip
            self.countries[code] = row
        fields = ("aliases", "adjectives", "demonyms", "capital_aliases")
        have = {norm(str(n)) for f in fields for n in row.get(f) or []}
        have |= {norm(str(row.get("name") or "")), norm(str(row.get("capital") or ""))}
        for name in names:
            if norm(name) not in have:
                have.add(norm(name))
                row.setdefault("aliases", []).append(_title(name))

    def agents(self, path: Path) -> None:
        """Role rows from an agent dictionary: ``PHRASE {PLURAL} [~SEC]`` and ``!MARKER!``
        substitution sets. The role is the singular title (or the role the base gives
        it), the sector the code's first 3 letters."""
        markers: dict[str, list[str]] = {}
        seen: set[str] = set()
        for where, text in _lines(path):
            if defined := _MARKER_DEF.fullmatch(text):
                markers[defined[1]] = [s.strip() for s in defined[2].split(",") if s.strip()]
                continue
            found = _AGENT.fullmatch(text)
            letters = found["code"].replace("~", "").strip().upper() if found else ""
            if found is None or "~" not in found["code"] or not _CODE.fullmatch(letters):
                self.result.skip(where, f"cannot read the agent {text!r}")
                continue
            phrase = found["phrase"].strip()
            if marker := _MARKER.search(phrase):
                if marker[1] not in markers:
                    self.result.skip(where, f"substitution marker {marker[0]} is not defined")
                    continue
                titles = [phrase.replace(marker[0], sub) for sub in markers[marker[1]]]
            elif found["plural"] is None:
                titles = [phrase, _plural(phrase)]
            else:
                titles = [phrase, *found["plural"].split()]
            titles = _unique(_phrase(t).lower() for t in titles)
            known = [e for t in titles[:1] for e in self.kb.lookup(t) if e.kind == "role"]
            role = (known[0].role if known else None) or titles[0]
            sector = (known[0].sector if known else None) or self.sector(letters[:3])
            for title in (t for t in titles if t not in seen):
                seen.add(title)
                if self.new(title, "role"):
                    self.result.add("roles", {"title": title, "role": role, "sector": sector})
                else:
                    self.result.known += 1


def _plural(phrase: str) -> str:
    """The regular plural PETRARCH forms: -Y -> -IES, -SS -> -SSES, -S kept, else -S."""
    upper = phrase.upper()
    if upper.endswith("Y") and upper[-2:-1] not in set("AEIOU"):
        return phrase[:-1] + "IES"
    if upper.endswith(("SS", "SH", "CH", "X")):
        return phrase + "ES"
    return phrase if upper.endswith("S") else phrase + "S"


def _phrase(text: str) -> str:
    """A dictionary phrase as words: underscores to spaces, single spaces."""
    return " ".join(text.replace("_", " ").split())


def _title(text: str) -> str:
    """Title case for an upper-case dictionary name, keeping acronyms ("IMF", "U.S.")."""
    words = text.split()
    if len(words) == 1 and (sum(c.isalpha() for c in text) <= 3 or re.search(r"\w\.\w", text)):
        return text
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if i and lower in _SMALL_WORDS:
            out.append(lower)
        elif not re.search(r"[AEIOUaeiou]", word) and word.isupper():
            out.append(word)  # "W.", "PKK"
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in lower.split("-")))
    # "McGonagall", "O'Neill"
    return re.sub(r"\b(Mc|[A-Z]')([a-z])", lambda m: m[1] + m[2].upper(), " ".join(out))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


# -- Wikidata -------------------------------------------------------------------------------

_TIME = re.compile(r"\+(\d{1,4})-(\d\d)-(\d\d)T")


def import_wikidata(
    path: Path | str,
    *,
    countries: Mapping[str, str] | None = None,
    positions: Mapping[str, tuple[str, str]] | None = None,
    kb: KnowledgeBase | None = None,
    skip_known: bool = True,
) -> Imported:
    """People rows from a Wikidata JSON dump: one per item with "position held" (P39).

    The name is the English label, the variants the English aliases, the code the first
    citizenship (P27, preferred rank first) in ``countries`` (Wikidata item -> ISO3,
    merged over ``WIKIDATA_COUNTRIES``); each P39 statement is a position whose role and
    sector come from ``positions`` (item -> (role, sector), merged over
    ``WIKIDATA_POSITIONS``), else "official"/GOV, with start and end from the P580/P582
    qualifiers (month or year precision -> the first day). Items without an English
    label, a known citizenship or a usable position are skipped and logged; people
    ``kb`` already knows by name are left out (``skip_known``)."""
    base = kb or knowledge.default()
    country_of = {**WIKIDATA_COUNTRIES, **(countries or {})}
    role_of = {**WIKIDATA_POSITIONS, **(positions or {})}
    source = Path(path)
    result = Imported(source.name)
    seen: set[str] = set()
    for entity in _entities(source, result):
        ident = str(entity.get("id") or "?")
        claims = entity.get("claims") or {}
        if not claims.get("P39") or ident in seen:
            continue
        seen.add(ident)
        row = _wikidata_person(entity, claims, country_of, role_of)
        if isinstance(row, str):
            result.skipped += 1
            log.info("%s: %s: %s; skipped", source.name, ident, row)
        elif skip_known and _person(base, row["name"]):
            result.known += 1
        else:
            row["variants"] = [v for v in row["variants"] if not (skip_known and _person(base, v))]
            result.add("people", row)
    if result.skipped:
        log.warning("%s: %d entities or lines skipped (see the log)", source.name, result.skipped)
    return result


def _wikidata_person(
    entity: dict[str, Any],
    claims: dict[str, Any],
    country_of: Mapping[str, str],
    role_of: Mapping[str, tuple[str, str]],
) -> Row | str:
    """The people row of an entity with P39 statements, or why it has none."""
    name = _text(entity.get("labels"))
    citizenship = _items(claims.get("P27"), preferred_first=True)
    codes = [country_of[q] for q in citizenship if q in country_of]
    held = [p for p in (_held(s, role_of) for s in claims["P39"]) if p]
    if not name:
        return "no English label"
    if not codes:
        return "no citizenship (P27) with a known ISO3 code"
    if not held:
        return "no usable position held (P39)"
    held = sorted(_unique_rows(held), key=lambda p: p["start"] or "")
    by_language = entity.get("aliases") or {}
    aliases = [*by_language.get("en", []), *by_language.get("mul", [])]
    variants = _unique(str(a.get("value") or "") for a in aliases if isinstance(a, dict))
    variants = [v for v in variants if norm(v) != norm(name)]
    return {"name": name, "variants": variants, "code": codes[0], "positions": held}


def _unique_rows(rows: list[Row]) -> list[Row]:
    return [dict(t) for t in dict.fromkeys(tuple(r.items()) for r in rows)]


def _person(kb: KnowledgeBase, name: str) -> bool:
    return any(e.kind == "person" for e in kb.lookup(name))


def _open_text(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def _entities(path: Path, result: Imported) -> Iterator[dict[str, Any]]:
    """The entities of a dump, one line at a time: the array dump (``[``, one entity a
    line ending in a comma, ``]``) and JSON Lines alike. A file whose first entity does
    not fit on a line (pretty-printed, or Special:EntityData's ``{"entities": {...}}``) is
    read whole instead."""
    started = False
    with _open_text(path) as fh:
        for number, line in enumerate(fh, 1):
            text = line.strip().rstrip(",")
            if text in {"", "[", "]"}:
                continue
            try:
                entity = json.loads(text)
            except ValueError:
                whole = None if started else _whole_document(path)
                if whole is not None:
                    yield from whole
                    return
                result.skip(f"{path.name}:{number}", "not a JSON entity")
                entity = None
            started = True
            if isinstance(entity, dict):
                yield entity


def _whole_document(path: Path) -> list[dict[str, Any]] | None:
    try:
        with _open_text(path) as fh:
            data = json.load(fh)
    except ValueError:
        return None
    if isinstance(data, dict):
        data = list((data.get("entities") or {}).values()) if "entities" in data else [data]
    return [e for e in data if isinstance(e, dict)] if isinstance(data, list) else None


def _text(labels: Any) -> str | None:
    for lang in ("en", "mul"):
        value = ((labels or {}).get(lang) or {}).get("value")
        if value:
            return str(value)
    return None


def _items(statements: Any, *, preferred_first: bool = False) -> list[str]:
    """Item ids a list of statements points to (deprecated rank and no-value left out)."""
    found = [s for s in statements or [] if isinstance(s, dict) and s.get("rank") != "deprecated"]
    if preferred_first:
        found.sort(key=lambda s: s.get("rank") != "preferred")
    return [q for q in (_item(s.get("mainsnak")) for s in found) if q]


def _item(snak: Any) -> str | None:
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    value = (snak.get("datavalue") or {}).get("value")
    if not isinstance(value, dict):
        return None
    if value.get("id"):
        return str(value["id"])
    return f"Q{value['numeric-id']}" if value.get("numeric-id") else None


def _held(statement: Any, role_of: Mapping[str, tuple[str, str]]) -> Row | None:
    """A P39 statement as a position; None when unusable (or it ended at an unknown date,
    which would otherwise read as still in office)."""
    qid = _items([statement])
    if not qid:
        return None
    qualifiers = statement.get("qualifiers") or {}
    ends = qualifiers.get("P582") or []
    if any(isinstance(s, dict) and s.get("snaktype") == "somevalue" for s in ends):
        return None
    role, sector = role_of.get(qid[0], ("official", "GOV"))
    start = next((d for d in map(_day, qualifiers.get("P580") or []) if d), None)
    end = next((d for d in map(_day, ends) if d), None)
    return {"role": role, "sector": sector, "start": start, "end": end}


def _day(snak: Any) -> str | None:
    """A Wikidata time value as YYYY-MM-DD: precision 11 is a day, 10 a month (its first
    day), 9 a year (1 January); coarser, BCE or malformed times are None."""
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    value = (snak.get("datavalue") or {}).get("value") or {}
    found = _TIME.match(str(value.get("time", "")))
    precision = int(value.get("precision", 11))
    if found is None or precision < 9:
        return None
    year, month, day = int(found[1]), int(found[2]) or 1, int(found[3]) or 1
    if precision < 11:
        day = 1
        month = month if precision == 10 else 1
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
