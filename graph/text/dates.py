"""Dates as news texts write them: "1 March 2023", "March 5, 2024", "28 February - 2 March 2023", "September 2022",
"2016/10/12", "14 June" (year from the document), "yesterday" (relative to the document's date).

`find_dates(text)` yields `DateMatch(start, end, begin, until, precision)` with ISO strings; year-less dates carry
`year=None` until `resolve()` gives them the document's year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

MONTHS = {
    m.lower(): i
    for i, names in enumerate(
        [
            ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
            ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sep", "Sept"),
            ("October", "Oct"), ("November", "Nov"), ("December", "Dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
# a month's name in any case ("MAY", "october"), read only where a day and a year stand beside it
_ANY_MONTH = r"(?i:January|February|March|April|May|June|July|August|September|October|November|December|" \
             r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DASH = r"\s*(?:-|–|—|to)\s*"
_D = r"(?:[0-2]?\d|3[01])"
_Y = r"(?:1[89]\d\d|2\d\d\d)"

# Order matters: longer forms first, so a range is not read as two dates.
_PATTERNS = [
    ("dmy_dmy", rf"\b(?P<d1>{_D})\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>{_Y}))?{_DASH}(?P<d2>{_D})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_Y})\b"),
    ("d_dmy", rf"\b(?P<d1>{_D}){_DASH}(?P<d2>{_D})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_Y})\b"),
    ("mdy_md_y", rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_D}){_DASH}(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_D}),\s*(?P<y2>{_Y})\b"),
    ("iso", rf"\b(?P<y1>{_Y})-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)\b"),
    ("ymd_slash", rf"\b(?P<y1>{_Y})/(?P<m1>0?[1-9]|1[0-2])/(?P<d1>{_D})\b"),  # a web page's "2016/10/12"
    # a web page's numeric dates: "2021.04.13", "30-12-2025", "11.06.2025" (day first, as written outside the US)
    ("ymd_dot", rf"(?<![\d.])(?P<y1>{_Y})\.(?P<m1>0?[1-9]|1[0-2])\.(?P<d1>{_D})(?![\d.]*\d)"),
    ("dmy_dot", rf"(?<![\d./-])(?P<d1>{_D})\.(?P<m1>0?[1-9]|1[0-2])\.(?P<y1>{_Y})(?![\d.-]*\d)"),
    ("dmy_dash", rf"(?<![\d./-])(?P<d1>{_D})-(?P<m1>0?[1-9]|1[0-2])-(?P<y1>{_Y})(?![\d.-]*\d)"),
    ("dmy", rf"\b(?P<d1>{_D})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH}),?\s+(?P<y1>{_Y})\b"),
    ("mdy", rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_D})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y1>{_Y})\b"),
    # a page's date line with the month in capitals or small letters, or between slashes: "23 MAY 2018",
    # "18 october 2023", "31/October/2024", "MAY 23, 2018" (day, month and year all there: no word read as a date)
    ("dmy_case", rf"\b(?P<d1>{_D})(?:st|nd|rd|th)?(?:\s+|\s*[/-]\s*)(?P<m1>{_ANY_MONTH})(?:,?\s+|\s*[/-]\s*)"
                 rf"(?P<y1>{_Y})\b"),
    ("mdy_case", rf"\b(?P<m1>{_ANY_MONTH})\s+(?P<d1>{_D})(?:st|nd|rd|th)?,\s*(?P<y1>{_Y})\b"),
    ("my", rf"\b(?P<m1>{_MONTH})\s+(?:of\s+)?(?P<y1>{_Y})\b"),
    ("dm", rf"\b(?P<d1>{_D})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})\b"),
    ("md", rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_D})(?:st|nd|rd|th)?\b(?![,.]?\s*\d)"),
    ("y", rf"\b(?:in|early|late|mid-)\s+(?P<y1>{_Y})\b(?!\s*[-–]\s*\d)"),
    ("m", r"\b(?:in|since|until|by|early|late|mid-|from)\s+(?P<m1>January|February|March|April|May|June|July|August|"
          r"September|October|November|December)\b(?![,.]?\s*\d)"),
]
# Each form starts with a digit, a month's capital or one of the words "in", "since", "until", "by", "early", "late",
# "mid-", "from": the look-ahead lets the search pass over every other position without trying the twelve forms
# (the same matches: a condition each form already holds; 3x faster on news text).
_FIRST = r"(?=[\dJFMASONDiusblemf])"
_REGEX = re.compile(_FIRST + "(?:" + "|".join(f"(?P<{name}>{pat.replace('(?P<', f'(?P<{name}_')})"
                                             for name, pat in _PATTERNS) + ")")
_RELATIVE = re.compile(r"\b(?P<word>yesterday|today|tomorrow|the day before yesterday|last year|this year)\b", re.I)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: character span, ISO start and optional end, and its precision (day, month, year)."""

    start: int
    end: int
    begin: str | None
    until: str | None
    precision: str
    year_given: bool = True
    text: str = ""

    def resolve(self, reference: dt.date | None) -> "DateMatch":
        """Give a year-less date the reference date's year (the latest such date not after the reference)."""
        if self.year_given or reference is None or self.begin is None:
            return self
        if self.precision == "month":  # "in May" told in June is this May; told in January, last May
            month = int(self.begin.split("-")[1])
            year = reference.year if month <= reference.month else reference.year - 1
            return replace(self, begin=f"{year:04d}-{month:02d}", year_given=True)
        month, day = (int(x) for x in self.begin.split("-")[1:3])
        year = reference.year
        if (month, day) > (reference.month, reference.day):
            year -= 1  # a past event in a report: "on 14 June" written in January means last June
        return replace(self, begin=f"{year:04d}-{month:02d}-{day:02d}", year_given=True)


def _iso(y: int, m: int, d: int | None) -> str | None:
    try:
        if d is None:
            dt.date(y, m, 1)
            return f"{y:04d}-{m:02d}"
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None  # 31 February: not a date


def _month(s: str) -> int:
    return MONTHS[s.rstrip(".").lower()]


def find_dates(text: str) -> list[DateMatch]:
    """All dates in `text`, in order, impossible dates dropped."""
    found = []
    for m in _REGEX.finditer(text):
        kind = m.lastgroup
        g = {k[len(kind) + 1:]: v for k, v in m.groupdict().items() if v is not None and k.startswith(kind + "_")}
        found.extend(_from_groups(kind, g, m.start(), m.end(), m.group()))
    return found


def _from_groups(kind: str, g: dict, start: int, end: int, text: str) -> list[DateMatch]:
    year_placeholder = 2000  # leap year: validates 29 February in a year-less date
    if kind in ("dmy_dmy", "d_dmy", "mdy_md_y"):
        y2 = int(g["y2"])
        m2 = _month(g["m2"]) if g.get("m2") else _month(g["m1"])
        m1 = _month(g["m1"]) if g.get("m1") else m2
        y1 = int(g["y1"]) if g.get("y1") else (y2 if m1 <= m2 else y2 - 1)
        b, u = _iso(y1, m1, int(g["d1"])), _iso(y2, m2, int(g["d2"]))
        return [DateMatch(start, end, b, u, "day", True, text)] if b and u else []
    if kind in ("iso", "ymd_slash", "ymd_dot", "dmy_dot", "dmy_dash"):
        b = _iso(int(g["y1"]), int(g["m1"]), int(g["d1"]))
        return [DateMatch(start, end, b, None, "day", True, text)] if b else []
    if kind in ("dmy", "mdy", "dmy_case", "mdy_case"):
        b = _iso(int(g["y1"]), _month(g["m1"]), int(g["d1"]))
        return [DateMatch(start, end, b, None, "day", True, text)] if b else []
    if kind == "my":
        b = _iso(int(g["y1"]), _month(g["m1"]), None)
        return [DateMatch(start, end, b, None, "month", True, text)] if b else []
    if kind == "y":
        return [DateMatch(start + text.index(g["y1"]), end, g["y1"], None, "year", True, g["y1"])]
    if kind == "m":
        mon = _month(g["m1"])
        return [DateMatch(start + text.index(g["m1"]), end, f"0000-{mon:02d}", None, "month", False, g["m1"])]
    # year-less day and month
    mon = _month(g["m1"])
    if kind == "md" and g["m1"].rstrip(".").lower() == "may" and not text[0].isupper():
        return []
    if _iso(year_placeholder, mon, int(g["d1"])) is None:
        return []
    return [DateMatch(start, end, f"0000-{mon:02d}-{int(g['d1']):02d}", None, "day", False, text)]


def relative_dates(text: str, reference: dt.date | None) -> list[DateMatch]:
    """"yesterday", "today", "tomorrow" resolved against `reference` (nothing without one)."""
    if reference is None:
        return []
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1, "the day before yesterday": -2}
    out = []
    for m in _RELATIVE.finditer(text):
        word = m.group("word").lower()
        if word in offsets:
            day = reference + dt.timedelta(days=offsets[word])
            out.append(DateMatch(m.start(), m.end(), day.isoformat(), None, "day", True, m.group()))
        else:
            year = reference.year - (1 if word == "last year" else 0)
            out.append(DateMatch(m.start(), m.end(), f"{year:04d}", None, "year", True, m.group()))
    return out


def to_date(iso: str | None) -> dt.date | None:
    """The first day an ISO date, month or year stands for."""
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_bounds(value: object) -> tuple[str, str] | None:
    """The first and last ISO day a partial ISO date ("2024-05-03", "2024-05", "2024") covers, or None if unreadable:
    the one place partial dates are read."""
    match = ISO_PREFIX.match(str(value).strip()) if value else None
    if not match:
        return None
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12:
        return None
    if day:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"
