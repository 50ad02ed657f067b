"""Transcript → dated segments.

A programme runs event headers inline with speech: "Meeting with Premier of the State Council of the People's
Republic of China Li Keqiang, 1 March 2023 Mr. Prime Minister! …". Kremlin-style transcripts put the title on one
line and the date on the next. A header is a short title that names an event ("meeting", "talks", "visit",
"conference", "ceremony" … from `data/event_triggers.csv`) followed by a full date; the text up to the next header
belongs to it. Text before the first header (the programme's preamble) is no event.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .dates import DateMatch, find_dates

DATA = files("graph") / "data"
_SENTENCE_END = re.compile(r"(?:[.!?…]+[\"')\]]*|\n)\s+|\s+[-–—]\s+(?=[A-Z])")
_MAX_TITLE_CHARS = 300


@dataclass(frozen=True)
class Header:
    """An event header: its title and type, where it stands (character offsets), and its dates (ISO)."""

    title: str
    type: str
    start: int
    end: int
    title_end: int
    begin: str | None
    until: str | None


@dataclass(frozen=True)
class Segment:
    """A stretch of the document: `header` is None for the preamble; `body_start`..`end` is the text after it."""

    header: Header | None
    start: int
    body_start: int
    end: int


@lru_cache(maxsize=1)
def event_triggers() -> tuple[tuple[str, str], ...]:
    """(phrase, event type) pairs, longest phrase first."""
    with (DATA / "event_triggers.csv").open(encoding="utf-8") as f:
        rows = [(r["phrase"].lower(), r["type"]) for r in csv.DictReader(f)]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def _trigger_regex() -> re.Pattern:
    alts = "|".join(re.escape(p).replace(r"\ ", r"[\s-]+") for p, _ in event_triggers())
    return re.compile(rf"\b(?:{alts})\b", re.I)


def event_type(phrase: str) -> str | None:
    """The event type a trigger phrase stands for ("State visit" → StateVisit)."""
    key = re.sub(r"[\s-]+", " ", phrase.lower())
    return dict(event_triggers()).get(key)


def normalize(text: str) -> str:
    """Same-length normalisation so that offsets into the result are offsets into the original: typographic quotes
    become ASCII, editorial brackets become spaces ("[Lukashenko]" reads as a name), no-break spaces become spaces."""
    table = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "[": " ", "]": " ",
                           "\u00a0": " ", "\u2009": " ", "\u202f": " "})
    return text.translate(table)


def find_headers(text: str) -> list[Header]:
    """Every event header in `text` (already normalised), in order."""
    headers: list[Header] = []
    for d in find_dates(text):
        floor = headers[-1].end if headers else 0
        if d.year_given and d.start > floor and (h := _inline_header(text, d, floor)):
            headers.append(h)
    headers += _line_headers(text, {h.start for h in headers})
    headers.sort(key=lambda h: h.start)
    out: list[Header] = []
    for h in headers:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out


def _inline_header(text: str, date: DateMatch, floor: int) -> Header | None:
    """"<Title>, <date>" where the date is not followed by more of the same sentence; the title starts after
    `floor` (the end of the previous header: headers can follow each other without a full stop)."""
    before = text[max(floor, date.start - _MAX_TITLE_CHARS):date.start]
    m = re.search(r"(,|\s[-–—])\s*$", before)
    if not m:
        return None
    after = text[date.end:date.end + 3]
    if after[:1] in (".", ",", ";", ":") or re.match(r"\s+[a-z]", after):
        return None  # the date ends or continues a sentence: "held in Minsk, 1 March 2023."
    region_end = date.start - len(before) + m.start()
    region_start = date.start - len(before)
    region = text[region_start:region_end]
    cut = 0
    for b in _SENTENCE_END.finditer(region):
        cut = b.end()
    title_start, etype = _title_start(region, cut)
    if title_start is None:
        return None
    title = " ".join(region[title_start:].split())
    if not title or len(title.split()) > 30:
        return None
    return Header(title, etype, region_start + title_start, date.end, region_end, date.begin, date.until)


def _title_start(region: str, cut: int) -> tuple[int | None, str]:
    """Where the title begins inside `region` after the last sentence break `cut`: at the capitalised word that opens
    the noun phrase of the first event trigger ("… A BelTA project A government conference to …")."""
    trig = _trigger_regex().search(region, cut)
    if not trig:
        return None, ""
    start = trig.start()
    if not region[start].isupper():
        caps = [w.start() for w in re.finditer(r"\b[A-Z]\w*", region[cut:start])]
        if not caps:
            return None, ""
        start = cut + caps[-1]
    return start, event_type(trig.group()) or "Event"


PLACE_LINE = re.compile(r"^[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}, [A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}$")


def _line_headers(text: str, known: set[int]) -> list[Header]:
    """Kremlin style: a short title line, then a line that is a date (optionally followed by a place)."""
    out = []
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    for (pstart, prev), (lstart, line) in zip(lines, lines[1:]):
        if pstart in known:
            continue
        title = " ".join(prev.split())
        if not title or title[-1] in ".?!:" or len(title.split()) > 30 or ":" in title:
            continue
        trig = _trigger_regex().search(title)
        if not trig and not PLACE_LINE.match(title):
            continue  # a headline or a byline over the date ("REUTERS", "PM meets envoy"): not an event's title
            # the way "Meeting with …" or a place line ("State House, Lusaka") over its date is
        dates = find_dates(line)  # last: the costliest test
        if not dates or dates[0].start > 2 or not dates[0].year_given:
            continue
        etype = (event_type(trig.group()) if trig else None) or "Event"
        d = dates[0]
        out.append(Header(title, etype, pstart, lstart + len(line), pstart + len(prev), d.begin, d.until))
    return out


def segment(text: str) -> list[Segment]:
    """Split normalised `text` into the preamble (if any) and one segment per header."""
    return list(_segments(text)) if len(text) <= CACHED_CHARS else _segment(text)


CACHED_CHARS = 200_000  # texts up to this length have their segments kept (`_segments`)


@lru_cache(maxsize=16)
def _segments(text: str) -> tuple[Segment, ...]:
    """`segment` of the last texts: a document is segmented once for its pieces to be read ahead
    (store/ahead.py) and once when analysed (the headers' dates searched in the whole text: 2 % of a build)."""
    return tuple(_segment(text))


def _segment(text: str) -> list[Segment]:
    headers = find_headers(text)
    segments = []
    if not headers or headers[0].start > 0:
        first = headers[0].start if headers else len(text)
        if text[:first].strip():
            segments.append(Segment(None, 0, 0, first))
    for h, nxt in zip(headers, headers[1:] + [None]):
        segments.append(Segment(h, h.start, h.end, nxt.start if nxt else len(text)))
    return segments
