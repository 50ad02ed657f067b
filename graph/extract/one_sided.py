"""A meeting of one is no meeting. A meeting, talks or call that comes out with a single participant (the one met
was not read: a group never named, "the other side", a name the model missed, a meeting only wished for) says
nothing of who met whom and is mostly not one of the report's events. It is dropped, unless a header tells it, it
is part of a visit or summit (or has parts), or it is a gathering (summit, conference, ceremony, visit) the one
named attended."""

from __future__ import annotations

import re

from ..records import Event

TWO_SIDED = ("Meeting", "Negotiations", "PhoneCall")
# a group met that no name stands for: "met with a delegation of farmers", "received business leaders"
GROUP_MET = re.compile(r"\b(?:met|meets|meeting|received|receives|hosted|hosts|talks)\s+(?:with\s+)?(?:a|an|the|"
                       r"some|several|[a-z]+)?\s*(?:[a-z-]+\s+){0,2}(?:delegation|delegations|representatives|leaders|"
                       r"investors|farmers|businessmen|businesspeople|entrepreneurs|executives|students|elders|"
                       r"chiefs|workers|veterans|residents|members|group)\b")


def without_one_sided(events: list[Event], text: str = "") -> list[Event]:
    """`events` without the meetings of one participant (module docstring); a meeting with a group no name
    stands for ("met with a delegation of farmers") stays, told as such in `text`."""
    parents = {e.part_of for e in events if e.part_of}
    return [e for e in events if not _one_sided(e, parents) or GROUP_MET.search(text, e.sentence.start, e.sentence.end)]


def _one_sided(ev: Event, parents: set[str]) -> bool:
    return (ev.type in TWO_SIDED and len({q.entity for q in ev.participants}) < 2 and ev.method != "header"
            and not ev.part_of and ev.key not in parents)
