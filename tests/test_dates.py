"""Dates resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from communique.dates import parse_expression

FRIDAY = date(2025, 6, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday", (date(2025, 6, 26), "day")),
        ("on Friday", (date(2025, 6, 27), "day")),
        ("Monday", (date(2025, 6, 23), "day")),
        ("yesterday", (date(2025, 6, 26), "day")),
        ("today", (FRIDAY, "day")),
        ("June 26", (date(2025, 6, 26), "day")),
        ("26 June 2024", (date(2024, 6, 26), "day")),
        ("December 3", (date(2024, 12, 3), "day")),
        ("March 2023", (date(2023, 3, 1), "month")),
        ("2019", (date(2019, 1, 1), "year")),
        ("2025-06-20", (date(2025, 6, 20), "day")),
    ],
)
def test_expressions(text: str, expected: tuple[date, str]) -> None:
    assert parse_expression(text, FRIDAY) == expected


def test_weekday_without_publication_date_is_unknown() -> None:
    assert parse_expression("Thursday", None) is None


def test_nonsense_is_not_a_date() -> None:
    assert parse_expression("the coming weeks", FRIDAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last week", (date(2025, 6, 16), "week")),
        ("earlier this month", (date(2025, 6, 1), "month")),
        ("last month", (date(2025, 5, 1), "month")),
        ("last year", (date(2024, 1, 1), "year")),
        ("early on Thursday", (date(2025, 6, 26), "day")),
    ],
)
def test_relative_periods(text: str, expected: tuple[date, str]) -> None:
    assert parse_expression(text, FRIDAY) == expected


def test_a_since_date_does_not_date_the_event() -> None:
    from communique import analyze

    (event,) = [
        e
        for e in analyze(
            "Biden welcomed Kenya's Ruto on Thursday for the first African state visit since 2008.",
            published="2024-05-23",
        ).events
        if e.actor[0].code == "KEN"
    ]
    assert event.date is not None and event.date.isoformat() == "2024-05-23"


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (date(2024, 4, 18), date(2024, 4, 13)),  # Thursday: the weekend just gone
        (date(2024, 4, 22), date(2024, 4, 20)),  # Monday: the weekend just gone
        (date(2024, 4, 21), date(2024, 4, 13)),  # Sunday: the weekend before this one
    ],
)
def test_last_weekend(published: date, expected: date) -> None:
    assert parse_expression("last weekend", published) == (expected, "week")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "N days after" a dated clause: N days before its date
        (
            "Spanish Prime Minister Pedro Sanchez flew to Beijing on Friday, two days after he "
            "had visited Tokyo.",
            {"CONSULT": ["2024-07-05", "2024-07-03"]},
        ),
        # a date of another event's clause is not this event's
        (
            "China and Russia held talks in Beijing, a day after Japan protested on Tuesday.",
            {"CONSULT": ["2024-07-05"], "ACCUSE": ["2024-07-02"]},  # a government protests
        ),
    ],
    ids=["days-after", "other-clause"],
)
def test_dates_follow_the_clause(text: str, expected: dict) -> None:
    from communique import analyze

    found: dict[str, list[str]] = {}
    for event in analyze(text, published="2024-07-05").events:
        found.setdefault(event.event, []).append(event.date.isoformat())
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two days ago", (date(2024, 7, 3), "day")),
        ("the 3rd", (date(2024, 7, 3), "day")),
        ("the 28th", (date(2024, 6, 28), "day")),
        ("over the weekend", (date(2024, 6, 29), "week")),
        ("the early hours of Wednesday", (date(2024, 7, 3), "day")),
    ],
)
def test_loose_relative_expressions(text: str, expected: tuple) -> None:
    assert parse_expression(text, date(2024, 7, 5)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this weekend", (date(2025, 6, 28), "week")),  # Friday: the weekend ahead
        ("next week", (date(2025, 6, 30), "week")),
        ("next month", (date(2025, 7, 1), "month")),
        ("next year", (date(2026, 1, 1), "year")),
    ],
)
def test_periods_ahead(text: str, expected: tuple[date, str]) -> None:
    assert parse_expression(text, FRIDAY) == expected


def test_this_weekend_on_a_monday_is_the_one_just_past() -> None:
    assert parse_expression("this weekend", date(2025, 6, 23)) == (date(2025, 6, 21), "week")


def test_a_weekday_of_an_event_to_come_is_the_next_one() -> None:
    assert parse_expression("on Monday", FRIDAY, ahead=True) == (date(2025, 6, 30), "day")
    assert parse_expression("last Monday", FRIDAY, ahead=True) == (date(2025, 6, 23), "day")


def test_an_event_dated_ahead_in_the_present_tense_is_future() -> None:
    from communique import analyze

    text = "This weekend, the Indian foreign minister travels to Tokyo for talks."
    (event,) = analyze(text, published="2025-06-25").events
    assert event.factuality == "future"
    assert event.date is not None and event.date.isoformat() == "2025-06-28"


def test_a_planned_meeting_is_dated_forward() -> None:
    from communique import analyze

    text = "Iran and Oman are to hold talks in Muscat on Saturday."
    (event,) = analyze(text, published="2025-06-25").events
    assert event.factuality == "future"
    assert event.date is not None and event.date.isoformat() == "2025-06-28"
