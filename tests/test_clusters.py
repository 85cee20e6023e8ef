"""Cross-article clustering: reports of one real event join; others stay apart."""

from __future__ import annotations

from typing import Any

from communique.clusters import cluster, same_event


def _event(
    eid: str,
    article: str,
    event: str,
    actor: list[str],
    recipient: list[str],
    day: str,
    precision: str = "day",
    country: str | None = None,
) -> dict[str, Any]:
    return {
        "id": eid,
        "article_id": article,
        "event": event,
        "date": day,
        "date_precision": precision,
        "actor": [{"code": c} for c in actor],
        "recipient": [{"code": c} for c in recipient],
        "event_loc": {"country": country} if country else None,
        "evidence": {"mentions": [{}, {}]},
    }


def test_reports_of_one_meeting_join_and_count() -> None:
    records = [
        _event("e1", "a1", "CONSULT", ["IND", "RUS"], [], "2024-07-09", country="RUS"),
        _event("e2", "a2", "CONSULT", ["IND", "RUS"], [], "2024-07-09"),
        _event("e3", "a3", "CONSULT", ["RUS", "IND"], [], "2024-07-10", "published"),
    ]
    (only,) = cluster(records)
    summary = only.to_dict()
    assert summary["NumArticles"] == 3 and summary["NumMentions"] == 6
    assert summary["actor"] == ["IND", "RUS"]


def test_same_dyad_months_apart_stays_two_events() -> None:
    records = [
        _event("e1", "a1", "CONSULT", ["IND", "RUS"], [], "2024-07-09"),
        _event("e2", "a2", "CONSULT", ["IND", "RUS"], [], "2024-10-22"),
    ]
    assert len(cluster(records)) == 2


def test_direction_type_and_place_keep_events_apart() -> None:
    ind_pak = _event("e1", "a1", "ASSAULT", ["IND"], ["PAK"], "2025-05-07")
    pak_ind = _event("e2", "a2", "ASSAULT", ["PAK"], ["IND"], "2025-05-07")
    sanction = _event("e3", "a3", "SANCTION", ["IND"], ["PAK"], "2025-05-07")
    assert not same_event(ind_pak, pak_ind)
    assert not same_event(ind_pak, sanction)
    moscow = _event("e4", "a4", "CONSULT", ["IND", "RUS"], [], "2024-07-09", country="RUS")
    vienna = _event("e5", "a5", "CONSULT", ["IND", "RUS"], [], "2024-07-09", country="AUT")
    assert not same_event(moscow, vienna)


def test_two_events_in_one_article_are_never_joined() -> None:
    a = _event("e1", "a1", "CONSULT", ["IND", "RUS"], [], "2024-07-08")
    b = _event("e2", "a1", "CONSULT", ["IND", "RUS"], [], "2024-07-09")
    assert len(cluster([a, b])) == 2
