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


def without_unnamed_groups(events: list[Event]) -> list[Event]:
    """Without a meeting told in a sentence whose only participant is the one who met ("met with international
    leaders", the group never named) when the text tells meetings with someone named too: those are the meetings it
    was made of; a part of a visit or summit, or a meeting someone is part of, stays. (Earlier than
    `without_one_sided`: before the pieces of one meeting are joined.)"""
    named = [e for e in events if len(e.participants) > 1 and e.type in TWO_SIDED]
    parents = {e.part_of for e in events if e.part_of}

    def unnamed(e: Event) -> bool:
        return e.method == "rule" and len(e.participants) == 1 and e.type in TWO_SIDED \
            and e.key not in parents and any(e.participants[0].entity in {q.entity for q in n.participants}
                                             for n in named)
    return [e for e in events if not unnamed(e)]
