"""Cross-article clustering: reports of one real event join; others stay apart."""

from __future__ import annotations

from typing import Any

import pytest

from communique.clusters import (
    Candidate,
    choose,
    cluster,
    group,
    outlet,
    representative,
    same_event,
)


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


def test_a_cluster_never_spans_more_than_a_week() -> None:
    # A chain of reports a day apart: each is the same event as the one before, but the
    # cluster stops at MAX_SPREAD days from its first report.
    days = [f"2024-07-{d:02d}" for d in range(1, 12)]
    records = [
        _event(f"e{n}", f"a{n}", "CONSULT", ["IND", "RUS"], [], day) for n, day in enumerate(days)
    ]
    found = cluster(records)
    assert len(found) == 2
    assert [m["date"] for m in found[0].members] == days[:8]


def test_choose_prefers_more_matching_members_then_nearer_dates() -> None:
    record = _event("new", "a9", "CONSULT", ["IND", "RUS"], [], "2024-07-10")
    one = _event("x1", "a1", "CONSULT", ["IND", "RUS"], [], "2024-07-10")
    two = [
        _event(f"y{n}", f"a{n + 2}", "CONSULT", ["IND", "RUS"], [], "2024-07-09") for n in (0, 1)
    ]
    later = _event("z1", "a5", "CONSULT", ["IND", "RUS"], [], "2024-07-11")

    def candidate(cid: str, members: list[dict], shares: bool = False) -> Candidate:
        return Candidate(cid, None, None, members, shares)

    assert choose(record, [candidate("b", [one]), candidate("a", two)]) == "a"  # two members
    assert choose(record, [candidate("b", [later]), candidate("c", [one])]) == "c"  # nearer
    assert choose(record, [candidate("c", [one], shares=True)]) is None  # its own article's
    assert choose({**record, "date": None}, [candidate("c", [one])]) is None  # undated


def test_representative_dates_places_and_counts_a_cluster() -> None:
    undated = _event("e1", "a1", "CONSULT", ["IND", "RUS"], [], "2024-07-10", "published")
    precise = _event("e2", "a2", "CONSULT", ["IND", "RUS"], [], "2024-07-09", country="RUS")
    (only,) = cluster([undated, precise])
    assert only.id == "e2"  # taken in date order: the precise report comes first
    (grouped,) = group([{**undated, "cluster_id": "e1"}, {**precise, "cluster_id": "e1"}])
    record = representative(grouped.to_dict(members=True))
    assert record["id"] == record["cluster_id"] == "e1"
    assert (record["date"], record["date_precision"]) == ("2024-07-09", "day")
    assert record["event_loc"] == {"country": "RUS"}  # from the member that has a place
    assert (record["NumArticles"], record["NumMentions"], record["NumSources"]) == (2, 4, 2)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.Reuters.com/world/x", "reuters.com"),
        ("http://example.org:8080/a", "example.org"),
        ("news/a.txt", None),
        (None, None),
    ],
)
def test_outlet_is_the_host(url: str | None, expected: str | None) -> None:
    assert outlet(url) == expected
