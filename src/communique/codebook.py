"""Codebooks as data: CAMEO codes with Goldstein scores and QuadClass, the CAMEO ->
PLOVER mapping, and the topic/context keyword lists (``data/cameo.json``,
``data/topics.yaml``)."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from communique.errors import KnowledgeError

# PLOVER type -> GDELT QuadClass, for events whose CAMEO code is unknown
PLOVER_QUAD = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "SANCTION": 4,
    "PROTEST": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

# PLOVER modes by event type (PLOVER manual, "Supplementary fields: mode").
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    ),
    "ASSAULT": (
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    ),
}


@dataclass(frozen=True)
class Codebook:
    cameo: dict[str, dict[str, Any]]
    contexts: dict[str, tuple[str, ...]]
    topics: dict[str, tuple[str, ...]]

    def goldstein(self, code: str) -> float:
        for key in (code, code[:3], code[:2]):
            if key in self.cameo:
                return float(self.cameo[key]["goldstein"])
        return 0.0

    def quad(self, code: str, plover: str) -> int:
        row = self.cameo.get(code) or self.cameo.get(code[:2])
        return int(row["quad"]) if row else PLOVER_QUAD.get(plover, 0)

    def name(self, code: str) -> str:
        row = self.cameo.get(code)
        return str(row.get("name", "")) if row else ""


@functools.lru_cache(maxsize=1)
def default() -> Codebook:
    root = resources.files("communique") / "data"
    try:
        cameo = json.loads((root / "cameo.json").read_text(encoding="utf-8"))["codes"]
        topics = yaml.safe_load((root / "topics.yaml").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"codebook files are malformed: {exc!r}") from exc
    return Codebook(
        cameo=cameo,
        contexts={k: tuple(v) for k, v in (topics.get("contexts") or {}).items()},
        topics={k: tuple(v) for k, v in (topics.get("topics") or {}).items()},
    )
