"""Countries and bodies met as such through their delegation: "received a delegation from X", "a delegation of
senior X officials", "held talks with the X-ian delegation", "X's delegation", "the minister … and his accompanying
delegation" (the minister's country), "Members of A's delegation included …" (A's country).

Read from the sentences an event was told in (its own and those that named more of its participants), after the
events are found: who a delegation stands for is said anywhere around the meeting, in words any outlet uses. A
country is taken only where a delegation is said to be its: a country named in a title ("the Austrian
Chancellor's envoy"), as a place, or as the host's own side ("the Hungarian delegation included …" in a text about
the Hungarian president) is not met.
"""

from __future__ import annotations

import bisect
import re

from ..records import Event, Mention, Sentence
from ..text.gazetteer import demonym_index
from .context import Context, take_part
from .mentions import counterpart_org

DELEGATION_COUNTERPART = 0.55
# a delegation of the host's own side: met by no one, but it makes the meeting one of two delegations
OWN = ""

DELEGATION = re.compile(r"\bdelegations?\b", re.I)
# words between the one a delegation is of and "delegation": "Ghana's high-level business delegation"
QUALIFIERS = r"(?:(?:accompanying|visiting|official|high[- ]level|senior|large|government(?:al)?|business|trade|" \
             r"parliamentary|presidential|ministerial|economic|military|joint|small|\d+-member|[\w-]+-strong)\s+){0,3}"
# "delegation from X", "a delegation of senior X officials", "a delegation of 40 lawmakers from X"
AFTER = re.compile(r"^\s+(?:(?:from|of|representing)\s+)(?:the\s+)?(?:[\w.-]+\s+){0,4}?", re.I)
AFTER_REACH = 60
POSSESSIVE = re.compile(r"['’]s?\s+" + QUALIFIERS + r"$", re.I)
PRONOUN = re.compile(r"\b(?:his|her|their)\s+" + QUALIFIERS + r"$", re.I)
QUALIFIED = re.compile(QUALIFIERS + r"$", re.I)
# "the head of the EU delegation in X": a standing mission, not a delegation met
MISSION = re.compile(r"\b(?:head|chief|ambassador)\s+of\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,3}$", re.I)
# a delegation of companies: the companies are met, not their country ("a business delegation from X")
TRADES = r"(?:business(?:men|women| people| leaders)?|private[- ]sector|investors?|companies|firms|executives|" \
         r"entrepreneurs|industrialists|chambers?)"
BUSINESS = re.compile(r"\b" + TRADES + r"\W+(?:\w+\W+){0,2}$|^\W*(?:\w+\W+){0,2}?" + TRADES + r"\b", re.I)
SIDE_WORDS = re.compile(r"[,;:()]|\b(?:led|headed|and|who|which|with|to|in|at)\b")


def delegation_counterparts(ctx: Context, events: list[Event]) -> None:
    """Each event's delegations' countries and bodies join it as parties met as such. A delegation said in a
    sentence that tells more than one meeting ("met the X delegation, and later President Y") is of the meeting
    whose party is named nearest to it; where both sides are delegations ("the Russian delegation included …; the
    U.S. delegation included …") the meeting is the leaders' with their delegations, and no country is met as
    such."""
    claims: dict[tuple[int, str], list[Event]] = {}
    own = ctx.lands_of({ctx.host}) if ctx.host else set()
    by_start: list[Mention] | None = None  # the document's mentions by position, sorted once when first needed
    for ev in events:
        if ev.type in ("Summit", "Conference"):
            continue
        for s in {ev.sentence} | {q.sentence for q in ev.participants}:
            if not DELEGATION.search(ctx.norm, s.start, s.end):
                continue  # most sentences: nothing to read (a long text has thousands of events)
            if by_start is None:
                by_start = sorted(ctx.key_of, key=lambda m: m.start)
            lo = bisect.bisect_left(by_start, s.start, key=lambda m: m.start)
            hi = bisect.bisect_left(by_start, s.end, key=lambda m: m.start)
            inside = [m for m in by_start[lo:hi] if m.end <= s.end]
            for pos, key in _delegations(ctx, ev, s, own, inside):
                claims.setdefault((pos, key), []).append(ev)
    got: dict[int, tuple[Event, list[tuple[int, str]]]] = {}
    for (pos, key), evs in sorted(claims.items()):
        ev = evs[0] if len(evs) == 1 else min(evs, key=lambda e: _distance(ctx, e, pos))
        got.setdefault(id(ev), (ev, []))[1].append((pos, key))
    for ev, found in got.values():
        lands = {k for _, k in found if k != OWN and ctx.entities[k].type == "Country"}
        if len(lands) > 1 or lands and any(k == OWN for _, k in found):  # the host's side's delegation is one side
            found = [(p, k) for p, k in found if k not in lands]
        for pos, key in found:
            if key == OWN:
                continue
            s = next(q for q in [ev.sentence, *(q.sentence for q in ev.participants)] if q.start <= pos < q.end)
            take_part(ev, key, "guest", DELEGATION_COUNTERPART, "rule", s)


def _distance(ctx: Context, ev: Event, pos: int) -> int:
    """How far from `pos` the nearest mention of one of the event's parties (not the host) is."""
    parties = {q.entity for q in ev.participants} - {ctx.host}
    return min((abs(m.start - pos) for m, k in ctx.key_of.items() if k in parties), default=10 ** 9)


def _delegations(ctx: Context, ev: Event, s: Sentence, own: set[str], mentions: list[Mention]
                 ) -> list[tuple[int, str]]:
    """(position, key) of each delegation in `s` whose country or body is said, the host's own side's as `OWN`;
    `mentions`: those inside `s`, in order."""
    text = ctx.norm[s.start:s.end]
    parties = {q.entity for q in ev.participants}
    out = []
    for d in DELEGATION.finditer(text):
        before, after = text[:d.start()], text[d.end():]
        if MISSION.search(before):
            continue
        # whose it is, said before the word: "X's", "the X-ian", "his" (the guest named just before)
        said = None
        mark = QUALIFIED.search(before)
        head = before[:mark.start()] if mark else before
        pron = PRONOUN.search(before)
        poss = POSSESSIVE.search(before)
        if pron:
            person = next((ctx.key_of[m] for m in reversed(mentions) if m.end <= s.start + pron.start()
                           and ctx.key_of[m] in parties and ctx.is_person(ctx.key_of[m])), None)
            said = _land_of(ctx, person) if person else None
            if said and said not in own:  # "thanked X for receiving his delegation": not the host's own side
                out.append((s.start + d.start(), said))
            continue
        if poss:
            end = s.start + poss.start()
            m = next((m for m in mentions if m.end == end), None)
            if m is not None:
                key = _person_named(ctx, m.text) or ctx.key_of[m]  # "A's delegation" with A typed ORG there
                said = _land_of(ctx, key) if ctx.is_person(key) else _met_body(ctx, key)
                said = None if said in own and not ctx.is_person(key) else said
            else:  # "the Greek Prime Minister's delegation": the nationality in the title
                said = _demonym_land(ctx, re.split(r"[,;:()]", before[:poss.start()])[-1])
            if said:
                out.append((s.start + d.start(), said))
            continue
        m = next((m for m in mentions if m.end == s.start + len(head.rstrip()) and
                  re.match(r"\s*$", head[m.end - s.start:])), None)
        if m is not None and not ctx.is_person(ctx.key_of[m]):  # "the EU delegation", "a U.S. delegation"
            said = _met_body(ctx, ctx.key_of[m])
        else:
            words = head.split()[-2:]
            said = _demonym_land(ctx, " ".join(words[-1:])) or _demonym_land(ctx, " ".join(words))
        if said is None:  # said after it: "a delegation from X", "a delegation of senior X officials"
            lead = AFTER.match(after)
            if lead:
                zone = (s.start + d.end(), s.start + d.end() + AFTER_REACH)
                cut = SIDE_WORDS.search(after[lead.end():])
                stop = s.start + d.end() + lead.end() + (cut.start() if cut else AFTER_REACH)
                # the head of the phrase, the last name in it: "from ROC diplomatic ally X", not a ministry in it
                inside = [m for m in mentions if zone[0] <= m.start < min(zone[1], stop + 1)]
                people = [m for m in inside if ctx.is_person(ctx.key_of[m])]
                if people:
                    inside = [m for m in inside if m.start < people[0].start]
                m = next((m for m in reversed(inside) if _met_body(ctx, ctx.key_of[m])), None)
                if m is not None:
                    said = _met_body(ctx, ctx.key_of[m])
                    if ctx.entities[said].type == "Country" and (
                            BUSINESS.search(ctx.norm[zone[0]:m.start]) or BUSINESS.search(before[-40:])):
                        said = None  # "a delegation of business leaders from X": the companies are met, not X
            if said is not None and said in own:
                said = OWN
        elif said in own:
            said = OWN  # the host's own side
        if said and said != ev.place or said == OWN:
            out.append((s.start + d.start(), said))
    return out


def _land_of(ctx: Context, person: str) -> str | None:
    """The country a person's post is in."""
    return next((r.org for r in ctx.entities[person].roles if r.org and ctx.entities.get(r.org) and
                 ctx.entities[r.org].type == "Country"), None)


def _person_named(ctx: Context, name: str) -> str | None:
    return next((k for k, e in ctx.entities.items() if e.type == "Person" and name in {e.label, *e.aliases}), None)


def _met_body(ctx: Context, key: str) -> str | None:
    """A country, or an organisation that can be met as such (not a ministry the guest works for)."""
    e = ctx.entities[key]
    if e.type == "Country" or e.type == "Organization" and counterpart_org(e.label):
        return key
    return None


def _demonym_land(ctx: Context, words: str) -> str | None:
    """The country entity of a nationality word among `words` ("Greek", "South African"), when the text has it."""
    for w in (words.strip(), *words.split()):
        land = demonym_index().get(w.strip(".,'’"))
        if land is None:
            continue
        return ctx.country_key(land)
    return None
