"""Event dates: the date a mention's own sentence gives, resolved against the article's
publication date ("on Thursday" in a Friday story is the day before).

Precision says how much the date is worth: "day" (a weekday or a calendar date), "week"
("last week"), "month", "year", or "published" when the text gives nothing and the
publication date stands in, so an analyst can filter those out instead of mistaking them
for the event's own date (GDELT's crawl-date problem).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

# Prepositions whose date bounds a period rather than dating the event.
NOT_THE_EVENTS_DATE = {"since", "until", "till", "before", "by"}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?(?:\s+(\d{4}))?\b")
_MONTH_DAY = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
_MONTH_YEAR = re.compile(r"\b([A-Za-z]+)\s+(\d{4})\b")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


# Parts of a day a date may modify: "Sunday afternoon" is still Sunday
TIMES_OF_DAY = frozenset(
    {"morning", "afternoon", "evening", "night", "noon", "midnight", "dawn", "dusk"}
)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date | None) -> int | None:
    if published is None:
        return None
    year = published.year
    candidate = _safe(year, month, day)
    # news reports the past: a date after publication belongs to the year before, unless
    # it is only a few weeks ahead (an announced future event)
    if candidate and candidate > published + timedelta(days=60):
        return year - 1
    return year


def _relative_period(low: str, published: date) -> tuple[date, str] | None:
    """ "last week", "earlier this month", "last year": the start of that period."""
    if re.search(r"\b(last|past|previous) weekend\b", low):
        # the Saturday of the weekend before the publication day (on a weekend day,
        # the one before that weekend)
        back = (published.weekday() - 5) % 7 + (7 if published.weekday() >= 5 else 0)
        return published - timedelta(days=back), "week"
    if re.search(r"\bthis weekend\b", low):
        # on a Monday, the weekend just past; from Tuesday, the one ahead; on a weekend
        # day, that weekend
        weekday = published.weekday()
        if weekday == 0:
            return published - timedelta(days=2), "week"
        return published + timedelta(days=5 - weekday), "week"
    if re.search(r"\bnext weekend\b", low):
        return published + timedelta(days=(5 - published.weekday()) % 7 or 7), "week"
    if re.search(r"\bnext week\b", low):
        return published + timedelta(days=7 - published.weekday()), "week"
    if re.search(r"\bnext month\b", low):
        return (published.replace(day=28) + timedelta(days=4)).replace(day=1), "month"
    if re.search(r"\bnext year\b", low):
        return date(published.year + 1, 1, 1), "year"
    if re.search(r"\b(last|past|previous) week\b", low):
        monday = published - timedelta(days=published.weekday() + 7)
        return monday, "week"
    if re.search(r"\b(this|earlier this) week\b", low):
        return published - timedelta(days=published.weekday()), "week"
    if re.search(r"\b(last|past|previous) month\b", low):
        first = published.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), "month"
    if re.search(r"\b(this|earlier this) month\b", low):
        return published.replace(day=1), "month"
    if re.search(r"\b(last|past|previous) year\b", low):
        return date(published.year - 1, 1, 1), "year"
    if re.search(r"\b(this|earlier this) year\b", low):
        return date(published.year, 1, 1), "year"
    return None


def parse_expression(
    text: str, published: date | None, *, ahead: bool = False
) -> tuple[date, str] | None:
    """(date, precision) for one date expression, or None. ``ahead``: the event is still
    to come, so a bare weekday is the next one ("talks are to resume on Saturday"), not
    the last one."""
    low = " ".join(text.lower().split())
    was_last = low.startswith("last ")
    if published is not None:
        relative = _relative_period(low, published)
        if relative is not None:
            return relative
    while True:
        stripped = re.sub(r"^(on|last|this|early|late|earlier|later|from|until|since)\s+", "", low)
        if stripped == low:
            break
        low = stripped
    if published is not None:
        if low in {"today", "tonight", "this morning", "this afternoon", "this evening"}:
            return published, "day"
        if low in {"yesterday", "last night"}:
            return published - timedelta(days=1), "day"
        if low in {"tomorrow"}:
            return published + timedelta(days=1), "day"
        day_word = low.split()[0] if low else ""
        if day_word in WEEKDAYS:
            if ahead and not was_last:
                return published + timedelta(
                    days=(WEEKDAYS[day_word] - published.weekday()) % 7
                ), "day"
            delta = (published.weekday() - WEEKDAYS[day_word]) % 7
            return published - timedelta(days=delta), "day"
    if m := _ISO.search(text):
        found = _safe(int(m[1]), int(m[2]), int(m[3]))
        return (found, "day") if found else None
    for pattern, order in ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md")):
        for m in pattern.finditer(text):
            day_s, month_s = (m[1], m[2]) if order == "dm" else (m[2], m[1])
            month = MONTHS.get(month_s.lower())
            if month is None:
                continue
            year = int(m[3]) if m[3] else _infer_year(month, int(day_s), published)
            if year is None:
                continue
            found = _safe(year, month, int(day_s))
            if found:
                return found, "day"
    if (m := _MONTH_YEAR.search(text)) and m[1].lower() in MONTHS:
        return date(int(m[2]), MONTHS[m[1].lower()], 1), "month"
    if published is not None and low in MONTHS:
        month = MONTHS[low]
        year = published.year if month <= published.month else published.year - 1
        return date(year, month, 1), "month"
    if m := _YEAR.search(text):
        return date(int(m[1]), 1, 1), "year"
    if published is not None:
        return _loose_relative(low, published)
    return None


_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_AGO = re.compile(r"^(a|an|one|two|three|four|five|six|seven|\d{1,2}) days? ago$")
_NTH = re.compile(r"^the (\d{1,2})(?:st|nd|rd|th)$")


def _loose_relative(low: str, published: date) -> tuple[date, str] | None:
    """The rarer relative forms: "two days ago", "on the 16th", "over the weekend",
    "in the early hours of Wednesday"."""
    if m := _AGO.match(low):
        n = int(m[1]) if m[1].isdigit() else _NUMBERS.get(m[1], 1)
        return published - timedelta(days=n), "day"
    if m := _NTH.match(low):
        day = int(m[1])
        month_start = published.replace(day=1)
        if day > published.day:  # "the 28th", written on the 3rd: last month's
            month_start = (month_start - timedelta(days=1)).replace(day=1)
        found = _safe(month_start.year, month_start.month, day)
        return (found, "day") if found else None
    if re.fullmatch(r"(over |at |during )?(the|this) weekend", low):
        back = (published.weekday() - 5) % 7
        return published - timedelta(days=back), "week"
    days = [WEEKDAYS[w] for w in re.findall(r"[a-z]+", low) if w in WEEKDAYS]
    if len(days) == 1:  # "the early hours of Wednesday"
        return published - timedelta(days=(published.weekday() - days[0]) % 7), "day"
    return None


_UNIT_DAYS = {"day": 1, "week": 7}


def _relative_clause_date(
    trigger: Token, predicate: Token, main: tuple[date, str]
) -> tuple[bool, tuple[date, str] | None]:
    """A trigger in an "after"/"before" clause of the dated predicate: "flew to Moscow on
    Friday, three days after he had visited Kyiv" dates the visit three days before
    Friday; without a measure the main date is not the event's. Returns (whether the
    trigger is in such a clause, the shifted date if a measure gives one)."""
    node = trigger
    while node != predicate and node.head != node:
        marker = next(
            (
                c
                for c in node.children
                if c.dep_ in {"mark", "prep"} and c.lower_ in {"after", "before"}
            ),
            None,
        )
        if marker is None and node.dep_ == "pcomp" and node.head.lower_ in {"after", "before"}:
            marker = node.head
        if marker is not None and node.dep_ in {"advcl", "pcomp"}:
            sign = -1 if marker.lower_ == "after" else 1
            for measure in (c for c in (*marker.children, *node.children) if c.dep_ == "npadvmod"):
                unit = _UNIT_DAYS.get(measure.lemma_.lower())
                count = next((c for c in measure.children if c.dep_ == "nummod"), None)
                n = _count(count.lower_) if count is not None else 1
                if unit and n and main[1] == "day":
                    return True, (main[0] + timedelta(days=sign * n * unit), "day")
            return True, None
        node = node.head
    return False, None


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word) or {"a": 1, "an": 1}.get(word)


def _predicate(token: Token) -> Token | None:
    """The verb a date hangs from, if any."""
    node = token
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"} and node != token:
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def event_date(
    trigger: Token,
    support: Token | None,
    sent: Span,
    published: date | None,
    *,
    ahead: bool = False,
) -> tuple[date | None, str | None]:
    """The date of the event a trigger names: a DATE its predicate governs, else one in its
    sentence, else the publication date (precision "published"). ``ahead``: the event is
    still to come (weekdays are read forward)."""
    governed: list[Span] = []
    loose: list[Span] = []
    anchors = {trigger.i} | ({support.i} if support is not None else set())
    for ent in sent.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        node = ent.root
        if node.head.lower_ in NOT_THE_EVENTS_DATE or ent[0].lower_ in NOT_THE_EVENTS_DATE:
            continue  # "the first state visit since 2008" is not dated 2008
        if (
            node.dep_ in {"compound", "nummod", "amod", "nmod", "poss"}
            and node.head.pos_ in {"NOUN", "PROPN"}
            and node.head.i not in anchors
            and node.head.ent_type_ not in {"DATE", "TIME"}  # "on Sunday afternoon"
            and node.head.lemma_.lower() not in TIMES_OF_DAY
        ):
            continue  # "suspended a 2018 military agreement": the agreement's date
        governs = False
        for _ in range(4):
            if node.i in anchors:
                governs = True
                break
            if node.head == node or (node != ent.root and node.pos_ in {"VERB", "AUX"}):
                break  # "since taking office in May" dates the taking, not the visit
            node = node.head
        (governed if governs else loose).append(ent)
    for ent in governed:
        found = parse_expression(ent.text, published, ahead=ahead)
        if found is not None:
            return found
    above = {t.i for a in anchors for t in (sent.doc[a], *sent.doc[a].ancestors)}
    for ent in loose:
        # a date elsewhere in the sentence is the event's only when it names a day: "since
        # 2020" or "in March" beside the trigger is as often background as the event's date;
        # and only when it dates a predicate above the event ("..., the ministry said on
        # Thursday"), not another event ("two days after Japan protested on Tuesday")
        predicate = _predicate(ent.root)
        if predicate is not None and predicate.i not in above:
            continue
        found = parse_expression(ent.text, published, ahead=ahead)
        if found is not None and predicate is not None:
            inside, shifted = _relative_clause_date(trigger, predicate, found)
            if inside and shifted is None:
                continue  # "after he had visited Kyiv": before the main date, undated
            found = shifted or found
        if found is not None and found[1] == "day":
            return found
    if published is not None:
        return published, "published"
    return None, None
