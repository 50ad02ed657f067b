"""Meetings told in the first person: "I met with the British Prime Minister, A", "On Monday I had the opportunity to
meet with counterparts from X and Y", "This afternoon I held a meeting with B". A statement, a blog post or a press
conference's transcript is the official's own words: "I" is the speaker a transcript names at the start of the
paragraph ("A, Foreign Minister: … I have just met B"), else the text's host (a quoted "I" is the text's own official
far more often than anyone else). Not when the host is among those met ("I had a meeting with
President A" said by a guest of A's), nor when the quote is given to someone else by name ("B said: 'I met A'",
"'I met A,' B said")."""

from __future__ import annotations

import re

from ..records import Sentence
from .context import Context

# a verb that gives a quote to someone
SAYING = re.compile(r"\b(?:said|says|told|added|noted|wrote|writes|tweeted|posted|stated|recalled|according to)\b",
                    re.I)
# a transcript's speaker label: a name, maybe a title after a comma, then a colon ("A, Foreign Minister:")
SPEAKER = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*(?:\s*,\s*[A-Z][\w.'’ -]{0,60})?:$")

ASKER = re.compile(r"^(?:journalist|reporter|question|q|interviewer|moderator|media|audience)\s*:", re.I)


def first_person(ctx: Context, subj_word: str, objects: set[str], sentence: Sentence) -> str | None:
    """The text's host as the "I" of a meeting told in the first person, or None (module docstring). `objects`: the
    keys of those met."""
    if subj_word.strip().lower() != "i":
        return None
    para = ctx.norm.rfind("\n", 0, sentence.start)
    talker = _speaker(ctx, para + 1)
    if talker is not None:
        return talker if talker and talker not in objects else None
    if not ctx.host or ctx.host in objects or not ctx.is_person(ctx.host):
        return None
    before = (max(para + 1, sentence.start - 200), sentence.start)
    after = (sentence.start, min(sentence.end + 120, _line_end(ctx.norm, sentence.end)))
    for lo, hi in (before, after):
        if SAYING.search(ctx.norm[lo:hi]) and _other_person(ctx, lo, hi, objects):
            return None
    return ctx.host


def _speaker(ctx: Context, start: int) -> str | None:
    """The person a transcript gives the paragraph starting at `start` to: the last speaker's label before it ("A,
    Foreign Minister: …", "A: …"), "" when the label is the one asking ("Journalist: …"), None without one."""
    while True:
        head = ctx.norm[start:start + 120]
        colon = head.find(":")
        if colon >= 0 and SPEAKER.match(head[:colon + 1]):
            named = [ctx.key_of.get(m) for m in ctx.mentions_between(start, start + colon)]
            people = [k for k in named if ctx.is_person(k)]
            if len(people) == 1:
                return people[0]
            if ASKER.match(head):
                return ""  # the one asking speaks
        if start == 0:
            return None
        start = ctx.norm.rfind("\n", 0, start - 1) + 1
    return None


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _other_person(ctx: Context, lo: int, hi: int, objects: set[str]) -> bool:
    """Someone other than the host and those met is named between `lo` and `hi`: the quote may be his."""
    named = {ctx.key_of.get(m) for m in ctx.mentions_between(lo, hi)}
    return any(ctx.is_person(k) and k != ctx.host and k not in objects for k in named if k)
