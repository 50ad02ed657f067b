"""One report's separate meetings kept apart: one event per counterpart where the text says they were met one by one.

"The minister held bilateral meetings with A, B and C", "the President met separately with A and B", "the Prime
Minister had a series of meetings with the heads of X, Y and Z", "the President received the credentials of the
ambassadors of A, B and C", "the new envoys are A from X, B from Y": the one who held the meetings met each of those
listed on his own; the listed did not meet one another. The rules and the trained models read one meeting of all
of them (one sentence names them all), so every two of the listed come out paired. Here such an event is made one
event per counterpart told in the list (a listed person with the country or organisation told beside him, "X's
Foreign Minister A", "A from X", "the president of X, A"), each with those who held the meetings (the ones told
before the list, or outside its sentence, or "in the presence of" after it) and the date, place and subjects told.
Text rules over the parse's mentions; no name from any text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Event, Sentence
from .context import Context
from .identity import event_keys, unique

# what says that those after it were met one by one
CUE = re.compile(
    r"\b(?:(?:met|meet|meets|meeting|talked|talks|spoke|speaks|conferred|held talks|calling on|called on)\s+"
    r"(?:\w+\s+){0,3}?separately|separately\s+(?:met|meets|received|receives|held|holds|with|calling on|called on)|"
    r"separate\s+(?:\w+\s+)?(?:meetings|talks|audiences|calls|conversations)|"
    r"one[- ]on[- ]one\s+(?:meetings|talks)|individual\s+(?:meetings|talks)|"
    r"(?:series|string|round|host|number)\s+of\s+(?:\w+\s+){0,2}?(?:meetings|talks|audiences|consultations|calls)|"
    r"(?:several|various|multiple|numerous|many)\s+(?:\w+\s+)?(?:meetings|talks)|"
    r"bilateral\s+(?:meetings|talks|consultations|discussions)|bilaterals)\b", re.I)
# envoys are received one by one (the annotation's convention: one event per envoy, his country met as such): the
# list from the first of several envoys on
ENVOYS = re.compile(r"\b(?:ambassadors|envoys|high[- ]commissioners|heads\s+of\s+(?:diplomatic\s+)?missions?|"
                    r"charg[ée]s\s+d['’]affaires)\b", re.I)
ENVOY = re.compile(r"\b(?:ambassador|envoy|high[- ]commissioner)\b", re.I)
# the list before the word: "received A and B separately", "held talks with A and B, separately"
BEFORE = re.compile(r"\b(?:met|meets|received|receives|held\s+talks|holds\s+talks|spoke|speaks|talked|talks|"
                    r"conferred)\s+(?:by\s+(?:phone|telephone)\s+)?(?:with\s+)?(?P<list>[^.;:]{3,240}?)\s*,?\s+"
                    r"(?:separately|individually|one\s+by\s+one|in\s+turn)\b", re.I)
# envoys received as such: presenting their credentials (the singular "the Ambassador of A and the Ambassador of B"
# only in a sentence that says so), or on a courtesy or farewell call (the plural)
CREDENTIALS = re.compile(r"\b(?:credentials|credence|accredit\w*)\b", re.I)
CALLS = re.compile(r"\b(?:credentials|credence|accredit\w*|courtesy|farewell|introductory|(?:new|newly\s+appointed|"
                   r"incoming|outgoing)\s+(?:ambassadors|envoys|high[- ]commissioners))\b", re.I)
# those named sat in together: a list of who was present is no list of envoys received one by one
PRESENT = re.compile(r"\b(?:(?:were|was)\s+(?:also\s+)?present|(?:also\s+)?attended\s+by|were\s+among)\b", re.I)
# where the list of those met ends: what follows is said of all the meetings (who sat in, when, why)
STOP = re.compile(r"\s(?:in\s+the\s+presence\s+of|in\s+presence\s+of|attended\s+by|accompanied\s+by|"
                  r"on\s+the\s+sidelines?|on\s+the\s+margins?|during|to\s+discuss|to\s+review|as\s+part\s+of|"
                  r"where|which|while|respectively|at\s+(?:the|his|her|their)\s|on\s+(?:Monday|Tuesday|Wednesday|"
                  r"Thursday|Friday|Saturday|Sunday)|this\s+(?:week|morning|afternoon|evening))\b|[.:()]|\s[-–—]\s|"
                  r"\s(?:to|on|upon)\s+(?:the\s+)?(?-i:[A-Z])",  # "… presented their credentials to King A"
                  re.I)
# between the items of the list
ITEMS = re.compile(r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?(?:with\s+)?|\s+(?:and|as\s+well\s+as)\s+(?:with\s+)?|"
                   r"\s*;\s*")
SPLIT = frozenset({"Meeting", "Negotiations", "Ceremony", "PhoneCall"})


def separate_meetings(ctx: Context, events: list[Event]) -> list[Event]:
    """`events` with each meeting whose people were met one by one (module docstring) made one event per
    counterpart, ids made again."""
    out: list[Event] = []
    split = False
    for ev in events:
        units = _units_of(ctx, ev) if ev.type in SPLIT and ev.method != "header" else None
        if units is None:
            out.append(ev)
            continue
        split = True
        listed = {k for u in units for k in u}
        rest = [p for p in ev.participants if p.entity not in listed]
        for unit in units:
            own = [p for p in ev.participants if p.entity in unit]
            if not rest:
                continue  # nobody who held the meetings in this event: its listed met none of its people
            out.append(replace(ev, key="", participants=[*rest, *own], topics=list(ev.topics),
                               mentioned=list(ev.mentioned), outcomes=list(ev.outcomes)))
    return unique(event_keys(out)) if split else events


def _units_of(ctx: Context, ev: Event) -> list[set[str]] | None:
    """The counterparts `ev`'s people were met as, one set of entity keys each, where a sentence that tells the
    event says they were met one by one; None where none does or where fewer than two counterparts are listed."""
    people = {p.entity for p in ev.participants}
    told = list(dict.fromkeys([ev.sentence, *(p.sentence for p in ev.participants)]))
    calls = _calls(ctx, told)
    for s in told:
        text = ctx.norm[s.start:s.end]
        spans = [(at, _list_end(text, at)) for at in _cues(text, calls)]
        spans += [m.span("list") for m in BEFORE.finditer(text)]
        for a, b in spans:
            units = _listed(ctx, s.start + a, s.start + b, people)
            if len(units) < 2:
                continue
            return units + _other_envoys(ctx, ev, s, units)  # (none left who held them: the event goes)
    return None


def _other_envoys(ctx: Context, ev: Event, told: Sentence, units: list[set[str]]) -> list[set[str]]:
    """The event's envoys told in another sentence than the list's, not in it: each received on his own too."""
    listed = {k for u in units for k in u}
    out: list[set[str]] = []
    for p in ev.participants:
        if p.entity in listed or p.sentence == told or not ctx.is_person(p.entity):
            continue
        if any(ENVOY.search(r.title) for r in ctx.entities[p.entity].roles) and \
                not any(m.start >= told.start and m.end <= told.end and ctx.key_of.get(m) == p.entity
                        for m in ctx.mentions_between(told.start, told.end)):
            out.append({p.entity})
            listed.add(p.entity)
    return out


def _calls(ctx: Context, told: list[Sentence]) -> bool:
    """Whether envoys called as such: a sentence that tells the event (`told`) says so (credentials, a courtesy or
    farewell call), or the text is about credentials presented."""
    return bool(CREDENTIALS.search(ctx.norm)) or any(CALLS.search(ctx.norm, s.start, s.end) for s in told)


def _cues(text: str, calls: bool) -> list[int]:
    """Where a list of those met one by one may start in a sentence: after each cue, and at its first envoy where
    it names several envoys called as such (`calls`: the event's sentences say so) and no list of who was present."""
    at = [m.end() for m in CUE.finditer(text)]
    if PRESENT.search(text):
        return at
    envoys = ENVOYS.search(text) if calls else None
    singles = list(ENVOY.finditer(text)) if CREDENTIALS.search(text) else []
    if envoys or len(singles) > 1:
        at.append(min([m.start() for m in [envoys, *singles] if m is not None]))
    return at


def _list_end(text: str, start: int) -> int:
    """Where the list after a cue ends (in `text`): at what is said of all the meetings, or the sentence's end."""
    m = STOP.search(text, start)
    return m.start() if m else len(text)


def _listed(ctx: Context, start: int, end: int, people: set[str]) -> list[set[str]]:
    """The event's people named in [start, end), one set per counterpart: the list's items (split at commas and
    "and"), a lone country or organisation and the lone person right after it one ("the president of X, A"), a run
    of countries then as many persons paired in order ("the ministers of X and Y, A and B"), and a listed person
    whose post is in a listed country with it."""
    items: list[list[str]] = []
    commas: list[bool] = []  # whether each item follows a bare comma (an apposition may)
    pos, before = start, ""
    for sep in [*ITEMS.finditer(ctx.norm, start, end), None]:
        a, b = pos, (sep.start() if sep else end)
        keys = []
        for m in ctx.mentions_between(a, b):
            key = ctx.key_of.get(m)
            if m.end <= b and key in people and key not in keys:
                keys.append(key)
        if keys:
            items.append(keys)
            commas.append(before.strip() == ",")
        if sep is None:
            break
        pos, before = sep.end(), sep.group()
    units = _paired(ctx, items, commas)
    return _with_posts(ctx, units)


def _kind(ctx: Context, keys: list[str]) -> str:
    if len(keys) > 1:
        return "both"
    return "person" if ctx.is_person(keys[0]) else "body"


def _paired(ctx: Context, items: list[list[str]], commas: list[bool]) -> list[set[str]]:
    """The items as counterparts: bodies then as many persons in a row (after a bare comma) paired in order; a body
    then one person after a bare comma (apposition) one counterpart; any other item its own."""
    kinds = [_kind(ctx, k) for k in items]
    units: list[set[str]] = []
    i = 0
    while i < len(items):
        if kinds[i] == "body":
            j = i
            while j < len(items) and kinds[j] == "body":
                j += 1
            k = j
            while k < len(items) and kinds[k] == "person" and (k > j or commas[k]):
                k += 1
            bodies, persons = items[i:j], items[j:k]
            if len(bodies) > 1 and len(persons) == len(bodies):
                units.extend(set(b) | set(p) for b, p in zip(bodies, persons))
                i = k
                continue
            if persons:
                units.extend(set(b) for b in bodies[:-1])
                units.append(set(bodies[-1]) | set(persons[0]))
                i = j + 1
                continue
            units.extend(set(b) for b in bodies)
            i = j
            continue
        units.append(set(items[i]))
        i += 1
    return units


def _with_posts(ctx: Context, units: list[set[str]]) -> list[set[str]]:
    """A lone person holding a post in a country that is a lone counterpart of the list: one counterpart."""
    out = [set(u) for u in units]
    for u in list(out):
        if len(u) != 1 or not ctx.is_person(next(iter(u))):
            continue
        lands = ctx.lands_of(u)
        other = next((v for v in out if v is not u and len(v) == 1 and v & lands), None)
        if other is not None:
            other |= u
            out.remove(u)
    return out
