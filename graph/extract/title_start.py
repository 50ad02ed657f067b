"""Where a title that ends a text can start at the earliest: a bound for the `$`-anchored searches of the title
grammar (`roles._role_before`), so that `re` tries fewer starts and finds the same match.

`pattern.search(left)` for a pattern "<title> [of <body>] [separators] [honorifics]$" tries every position of the
250 characters before a name, and at each one walks the title and portfolio tries, case-blind (round 11: the
largest single item of the rules). A match can hold only the characters its parts hold: word characters,
whitespace, "-", "'", "&", "," (titles, portfolios, capitalised words, the separators between them), and "." only
inside the honorifics at its end ("Dr.", "H. E."). So no match starts at or before the last other character, nor at
or before a full stop that has, after it, a character no honorific holds (a digit, a comma, a hyphen …): the
honorifics are the match's last part, and that full stop is before them. `pattern.search(left, start)` from that
bound gives the same match as from 0: the look-behinds and word boundaries still see the text before `start`.

Past the bound, `title_search` tries only the positions where a match can start at all: where one of the words a
title's match begins with (the grammar's leading "Deputy", "Vice" …, a title's or a portfolio's first word) stands,
case-blind; `pattern.match` there, in order, finds what `pattern.search` finds (at any other position no attempt can
succeed).

The bound rests on what the gazetteers hold (`gz.titles()`, `gz.portfolios()`, `gz.honorifics()`) and the first
words on how the title grammar is put together (`roles.title_regex`); where a list holds another character (a
user's data files) or the grammar is put together otherwise, every position is tried, as before.
"""

from __future__ import annotations

import re
from functools import cache

from ..text import gazetteer as gz
from ..text.alternation import alternation

# the last character no part of a title's match holds, with only such characters after it
_OUTSIDE = re.compile(r"[^\w\s'&,.-][\w\s'&,.-]*\Z")
# the last character no honorific holds (a digit, "_", or none of letters, whitespace, ".", "'"), likewise
_NOT_HONORIFIC = re.compile(r"(?:[\d_]|[^\w\s.'])(?:[^\W\d_]|[\s.'])*\Z")
_TITLE_CHARS = re.compile(r"[\w '&,-]*")
_HONORIFIC_CHARS = re.compile(r"(?:[^\W\d_]|[ .'])*")


@cache
def _sound() -> bool:
    """The gazetteers hold only the characters the bound assumes: no full stop in a title or portfolio, and
    honorifics of letters, spaces, full stops and apostrophes."""
    return all(_TITLE_CHARS.fullmatch(w) for w in (*gz.titles(), *gz.portfolios())) \
        and all(_HONORIFIC_CHARS.fullmatch(w) for w in gz.honorifics())


def title_start(left: str) -> int:
    """The first position of `left` where a match of a `$`-anchored title pattern (title grammar, "of" and a body,
    separators, honorifics) can start; 0 where the gazetteers break the bound's assumptions."""
    if not _sound():
        return 0
    out = _OUTSIDE.search(left)
    start = out.start() + 1 if out else 0
    last = _NOT_HONORIFIC.search(left, start)
    if last is not None:
        start = max(start, left.rfind(".", start, last.start()) + 1)
    return start


# letters `re` folds with "i" or "s" under IGNORECASE where str.lower() does not ("ı", "ſ"; "İ" lowers to two)
_FOLDS = re.compile("[\u0130\u0131\u017f]")
# how the title grammar begins (roles.title_regex): leading words, then a portfolio before a minister's title, then
# the title
_HEAD = re.compile(r"\(\?:\(\?:([A-Za-z]+(?:\|[A-Za-z]+)*)\)\\s\+\)\*")
_PORT_AHEAD = r"\s+(?=(?:Cabinet\s+)?\w*(?:Minister|Secretary|Director|Chief|Advis[eo]r|(?-i:CS|PS))\b))?"


@cache
def first_words() -> tuple[str, ...] | None:
    """The lower-case words a match of the title grammar can begin with (up to a title's first space), none of them
    beginning with another; None where the grammar does not begin as assumed (leading words, a portfolio, a title)
    or a word holds a letter other than Latin ones."""
    from .roles import title_regex  # (it imports this module)
    pattern = title_regex().pattern
    head = _HEAD.match(pattern)
    ports, alts = alternation(gz.portfolios()), alternation(gz.titles())
    if head is None or not pattern.startswith(f"{head.group(0)}(?:(?:{ports}){_PORT_AHEAD}(?:{alts})"):
        return None
    words = {w.split(" ")[0].lower() for w in (*head.group(1).split("|"), *gz.titles(), *gz.portfolios())}
    if not all(w and all(ord(c) < 0x250 and c != "\u00b5" for c in w) for w in words):
        return None
    return tuple(sorted(w for w in words if not any(o != w and w.startswith(o) for o in words)))


def title_starts(left: str) -> tuple[int, list[int] | None]:
    """(`title_start(left)`, the positions from there where a title's first word stands, in order), or None for
    those positions where they cannot be read so (no first words, a letter `str.lower` folds otherwise than `re`)."""
    start = title_start(left)
    words = first_words()
    low = left.lower()
    if words is None or len(low) != len(left) or _FOLDS.search(left, start):
        return start, None
    found = set()
    for w in words:
        j = low.find(w, start)
        while j >= 0:
            found.add(j)
            j = low.find(w, j + 1)
    return start, sorted(found)


def title_search(pattern: re.Pattern, left: str, starts: tuple[int, list[int] | None]) -> re.Match | None:
    """`pattern.search(left)` for a `$`-anchored pattern that begins with the title grammar, tried only where a
    match can start (`starts`: `title_starts(left)`)."""
    start, at = starts
    if at is None:
        return pattern.search(left, start)
    for i in at:
        m = pattern.match(left, i)
        if m is not None:
            return m
    return None
