"""Who travels with the one a visit is about: "He was accompanied by A, B and C", "She is accompanied by her
husband and Minister A". The companions are on the visit he is on (the annotation's convention), besides the
meeting just told; told in the present ("is accompanied by"), the sentence tells the trip, not a meeting in it.
Members of someone's delegation named in a sentence of their own ("Members of A's delegation included B and C", "B
and C are among A's delegation") are on the visit A is on, else at the last event told that A takes part in.
"""

from __future__ import annotations

import re

from ..records import Event
from .context import Context

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


# whose delegation the members named are of: "Members of A's delegation included …", "… are among PM A's delegation",
# "the delegation of A"
OWNED = re.compile(r"['’]s?\s+(?:(?:accompanying|official|visiting|high[- ]level|government|own)\s+)?"
                   r"(?:delegation|entourage|team)\b", re.I)
OF_OWNER = re.compile(r"\b(?:delegation|entourage)\s+(?:of|led by|headed by)\s+$", re.I)


def delegation_event(ctx: Context, told: list[Event | None], t_start: int, t_end: int) -> Event | None:
    """The event the members of someone's delegation named in the sentence [t_start, t_end) are at: the visit the
    delegation's owner (a person named as its owner: "A's delegation", "the delegation of A") is on, else the last
    event told so far that he takes part in; None when the sentence names no owner or no event told has him."""
    text = ctx.norm[t_start:t_end]
    owners = []
    for m in ctx.mentions_between(t_start, t_end):
        key = ctx.key_of.get(m)
        if key is not None and not ctx.is_person(key):
            key = next((k for k, e in ctx.entities.items() if e.type == "Person" and m.text in {e.label, *e.aliases}),
                       None)  # "A's delegation" with A read as an organisation there
        if key is None:
            continue
        if OWNED.match(ctx.norm, m.end) or OF_OWNER.search(text[:m.start - t_start]):
            owners.append(key)
    for key in owners:
        his = [e for e in told if e is not None and not e.reported and any(q.entity == key for q in e.participants)]
        visits = [e for e in his if e.type in ("Visit", "StateVisit")]
        if visits or his:  # the visit he is on (a delegation travels with him), else the last event he is at
            return (visits or his)[-1]
    return None


# those named were at several meetings just told: "A and B attended the meetings", "were present at both meetings"
PLURAL_MEETINGS = re.compile(r"\b(?:the|both|all(?: the)?|these|those|(?:the )?two|(?:the )?three|all three)\s+"
                             r"(?:meetings|audiences|ceremonies|sessions)\b", re.I)


def joined_events(ctx: Context, told: list[Event], last: Event | None, text: str) -> list[Event]:
    """The events those named in `text` (a sentence of who else was there) joined: the one just told (`last`), or,
    when they are said to have attended "the meetings", each meeting or ceremony told in its paragraph with the
    same receiver (a day's audiences told one after another: "… received the credentials of A, B and C. Ministers
    X and Y attended the meetings")."""
    if last is None:
        return []
    if not PLURAL_MEETINGS.search(text):
        # "… received the letters of credence of four ambassadors in a ceremony" (one ceremony per envoy, told in
        # one sentence), "A and B attended the ceremony": each envoy's
        return [e for e in told if e is not None and e.sentence == last.sentence and e.type == last.type == "Ceremony"
                and _hosts(e) == _hosts(last)] or [last]
    para = ctx.norm.rfind("\n\n", 0, last.sentence.start)
    hosts = _hosts(last)
    same = [e for e in told if e is not None and e.sentence.start > para and e.sentence.start <= last.sentence.start
            and e.type not in ("Visit", "StateVisit") and hosts & {q.entity for q in e.participants if q.role == "host"}]
    return same or [last]


def _hosts(ev: Event) -> set[str]:
    return {q.entity for q in ev.participants if q.role == "host"}


# "A and B are accompanying X on his visit to Y", "A is also accompanying X": told of the companions, not a trip of
# their own
ACCOMPANYING = re.compile(r"\b(?:is|are|was|were|has been|have been|had been)\s+(?:also\s+)?accompanying\s+", re.I)


def accompanying(ctx: Context, told: list[Event | None], t_start: int, t_end: int, subject: list) -> tuple[
        Event, list[str]] | None:
    """The event of the one the subject of the sentence [t_start, t_end) is said to accompany ("A and B are
    accompanying X on his visit to Y": X's visit, else the last event told that X takes part in) and the companions'
    keys; None when the sentence says no such thing or X is at no event told."""
    m = ACCOMPANYING.search(ctx.norm, t_start, t_end)
    if m is None:
        return None
    whom = next((ctx.key_of[x] for x in ctx.mentions_between(m.end(), min(t_end, m.end() + 80))
                 if ctx.is_person(ctx.key_of.get(x))), None)
    companions = [ctx.key_of[x] for x in subject if ctx.is_person(ctx.key_of.get(x)) and x.start < m.start()]
    if whom is None or not companions:
        return None
    his = [e for e in told if e is not None and not e.reported and any(q.entity == whom for q in e.participants)]
    visits = [e for e in his if e.type in ("Visit", "StateVisit")]
    return ((visits or his)[-1], [k for k in companions if k != whom]) if visits or his else None
