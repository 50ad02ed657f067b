"""Who travels with the one a visit is about: "He was accompanied by A, B and C", "She is accompanied by her
husband and Minister A". The companions are on the visit he is on (the annotation's convention), besides the
meeting just told; told in the present ("is accompanied by"), the sentence tells the trip, not a meeting in it.
"""

from __future__ import annotations

import re

from ..records import Event

ACCOMPANIED = re.compile(r"\b(?P<tense>is|are|was|were|has been|have been|had been)\s+(?:also\s+)?accompanied by\b",
                         re.I)


def enclosing_visit(told: list[Event], last: Event | None, host: str | None, text: str) -> tuple[Event | None, bool]:
    """The visit (told in the document's own time) that the one accompanied is on, when `text` says who accompanied
    him and there is one such visit; and whether the sentence tells the trip alone ("is accompanied by": the
    meeting before it is not theirs)."""
    m = ACCOMPANIED.search(text)
    if m is None:
        return None, False
    who = {last.participants[0].entity} if last is not None and last.participants else set()
    who |= {host} if host else set()
    visits = [e for e in told if e is not None and e.type in ("Visit", "StateVisit") and not e.reported
              and who & {q.entity for q in e.participants}]
    if len({id(v) for v in visits}) != 1:
        return None, False
    return visits[0], m.group("tense").lower() in ("is", "are", "has been", "have been")
