"""Rendering events for people and scripts: JSONL, JSON and a terminal table."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from typing import Any

FORMATS = ("jsonl", "json", "table")


def jsonl_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def json_document(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2)


def _party(entities: list[dict[str, Any]]) -> str:
    out = []
    for e in entities:
        label = e.get("name") or e.get("org") or e.get("entity_text") or "?"
        code = e.get("code") or ""
        if e.get("org") and code == "IGO":
            code = e["org"]
            label = e.get("name") or e["org"]
        out.append(f"{label} ({code})" if code and code != label else label)
    return "; ".join(out) or "-"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def table(records: Iterable[dict[str, Any]], *, width: int | None = None) -> str:
    """A readable fixed-width table: one row per event, the evidence clipped to fit."""
    rows = []
    for r in records:
        loc = r.get("event_loc") or {}
        place = loc.get("name") or ""
        if place and loc.get("country"):
            place += f", {loc['country']}"
        kind = r["event"] + (f"/{r['mode']}" if r.get("mode") else "")
        rows.append(
            [
                r.get("date") or "",
                kind,
                _party(r.get("actor") or []),
                _party(r.get("recipient") or []),
                place,
                r.get("factuality") or "",
                f"{r.get('confidence', 0):.2f}",
                (r.get("evidence") or {}).get("text", ""),
            ]
        )
    headers = ["date", "event", "actor", "recipient", "place", "factuality", "conf", "evidence"]
    if not rows:
        return "(no events)"
    total = width or shutil.get_terminal_size((160, 24)).columns
    caps = [10, 22, 44, 36, 22, 11, 4]
    widths = [
        min(cap, max(len(h), *(len(row[i]) for row in rows)))
        for i, (h, cap) in enumerate(zip(headers[:-1], caps, strict=True))
    ]
    rest = max(20, total - sum(widths) - 2 * len(widths))
    widths.append(rest)
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        cells = [_clip(c, w).ljust(w) for c, w in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def cluster_table(clusters: Iterable[dict[str, Any]]) -> str:
    """Real events, one row per cluster: date, type, parties, GDELT's counts and its id."""
    headers = ["date", "event", "actor", "recipient", "articles", "sources", "mentions", "id"]
    rows = [
        [
            c.get("date") or "",
            str(c.get("event") or ""),
            ", ".join(c.get("actor") or []) or "-",
            ", ".join(c.get("recipient") or []) or "-",
            str(c.get("NumArticles")),
            str(c.get("NumSources")),
            str(c.get("NumMentions")),
            str(c.get("cluster_id")),
        ]
        for c in clusters
    ]
    if not rows:
        return "(no clusters)"
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )
    return "\n".join(lines)


def digest_text(record: dict[str, Any]) -> str:
    """A digest for people: title, key points, events, density and the padding verdict."""
    lines = [f"# {record.get('title') or record.get('source') or record.get('article_id')}"]
    lines.append("Key points:")
    lines.extend(
        f"  • {_clip(k['text'], 200)}  [{k['start']}-{k['end']}]"
        for k in record.get("key_points") or []
    )
    lines.append("Events:")
    events = record.get("events") or []
    lines.extend(
        f"  - {e['event']}{'/' + e['mode'] if e.get('mode') else ''}: "
        f"{_party(e.get('actor') or [])} -> {_party(e.get('recipient') or [])}"
        f" ({e['factuality']}, {len(e['evidence'].get('mentions') or [])} mentions)"
        for e in events
    )
    if not events:
        lines.append("  (none asserted or reported)")
    lines.append(
        f"Fact density: {record.get('fact_density', 0):.2f} "
        f"({record.get('factual_sentences')} of {record.get('sentences')} sentences)"
    )
    for claim in record.get("repeated_claims") or []:
        lines.append(
            f"Repeated claim: {claim['event']} {', '.join(map(str, claim['parties']))}"
            f" stated in {claim['mentions']} sentences"
        )
    verdict = "PADDED: mostly speculation and repetition" if record.get("padded") else "not padded"
    lines.append(f"Verdict: {verdict}")
    return "\n".join(lines)
