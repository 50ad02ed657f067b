"""Which meeting a stated subject belongs to, where a text tells several: each subject stated in a sentence that
names the counterparts of one meeting goes to it (`route_topics`); a meeting told again shares the story's subjects
(`share_told_again`); the story's one meeting gets what its lead says before it is told (`_lead_to_the_one_meeting`).
Moved out of topics.py (round 8), which keeps what a subject is and how an event's subjects are ranked."""

from __future__ import annotations

import re
from collections import Counter

from ..records import Event, Sentence, Topic
from .context import Context
from .topic_audiences import audience_topics
from .topic_learned import learned_topics
from .topic_orphans import orphan_topics
from .topic_rank import once_each
from .topic_sides import share_with_people
from .topics import (FIRM, MAX_STATED, STATED, TRIPS, _country_names, _own_lands, _said_countries,
                     _sentence_at, _subject, add_stated, rank_topics, stated_topics)


def share_told_again(ctx: Context, events: list[Event]) -> None:
    """A meeting told again in the story's body ("Prime Minister X today met Ambassador Y", under a header "PM meets
    Ambassador of Z"; "since their last meeting …") with the same people as a meeting the story is about: the
    subjects the story states are both records' (the spans of text each one got are a guess)."""
    host = ctx.host
    for r in (e for e in events if e.reported):
        r_keys = {q.entity for q in r.participants} - {host}
        for m in events:
            others = {q.entity for q in m.participants} - {host}
            if m is r or m.reported or not others or not others <= r_keys | ctx.lands_of(r_keys):
                continue
            if r.type in TRIPS and m.type not in TRIPS:
                continue  # a trip told in passing ("welcomed his first visit to X") leaves the subjects to the meeting
            for a, b in ((m, r), (r, m)):
                for t in a.topics:
                    if len(b.topics) < MAX_STATED and not any(x.entity == t.entity for x in b.topics) \
                            and t.entity not in {q.entity for q in b.participants}:
                        b.topics.append(Topic(t.entity, len(b.topics) + 1, t.confidence))


def _lead_to_the_one_meeting(ctx: Context, events: list[Event]) -> None:
    """The story's one meeting (the others reported in passing) gets the subjects its lead says were discussed or on
    the agenda before the sentence it was read from ("… before their meeting in Berlin. Topics on the agenda
    included A and B." and only then "The chancellor welcomed …"): the spans of text start at that sentence. A trip
    told beside it ("visited X on Monday") frames the meeting and leaves its subjects to it."""
    told = [ev for ev in events if not ev.reported and ev.type not in TRIPS]
    if len(told) != 1:
        return
    ev = told[0]
    taking_part = {q.entity for q in ev.participants} | ({ctx.host} if ctx.host else set()) | _own_lands(ctx, ev)
    for p in ctx.pieces:
        for label, a, b, strength in ctx.phrases.get(id(p), ()):
            if a >= ev.sentence.start or strength < FIRM or len(ev.topics) >= MAX_STATED:
                continue
            found = _subject(ctx, p, label, a, b, strength)
            if found is None or found[0] in taking_part or any(t.entity == found[0] for t in ev.topics):
                continue
            ev.topics.append(Topic(found[0], len(ev.topics) + 1, round(min(0.95, 0.4 + (STATED + strength) / 3), 2)))


def route_topics(ctx: Context, events: list[Event]) -> None:
    """Each subject stated in a sentence that names the counterparts of exactly one of the document's meetings
    goes to that meeting ("With the Maldivian president, A discussed climate change"), however the meetings'
    spans of text fell: added to it if missing, and taken from the other meetings told several to a sentence
    ("held bilateral meetings with A, B and C"), whose spans are a guess. A meeting the pair model added gets the
    subjects stated from its sentence on first (topic_learned.py)."""
    learned_topics(ctx, events)
    if len(events) == 1 and not events[0].topics:
        # the one event of the text, told as a visit ("received the president on his official visit"), got no
        # subjects of its own (a trip leaves them to its meetings): there is no meeting but it to have them
        rank_topics(ctx, events[0], [], stated_topics(ctx, events[0], ctx.pieces, 0, len(ctx.norm)))
    _lead_to_the_one_meeting(ctx, events)
    events = [ev for ev in events if not (ev.reported and ev.type in TRIPS)]  # (no subjects of its own: rank_topics)
    if len(events) < 2:
        orphan_topics(ctx, events)
        _once_each(ctx, events)
        return
    share_told_again(ctx, events)
    entities, key_of, host = ctx.entities, ctx.key_of, ctx.host
    who = {id(ev): {q.entity for q in ev.participants} - {host} for ev in events}
    # a sentence naming a person or body met is about that meeting; one naming a country is so only by the test below
    people = {i: {k for k in keys if entities[k].type != "Country"} for i, keys in who.items()}
    # "with the Maldivian president": a counterpart's country, by name or demonym, unless it is the host's own
    own = _countries(ctx, {host} if host else set())
    lands = {id(ev): _countries(ctx, who[id(ev)]) - own for ev in events}
    told = Counter(ev.sentence for ev in events)  # several meetings told in one sentence: their spans are a guess
    placed: dict[int, set[str]] = {}  # what each meeting was given here: no later sentence takes it away
    for p in ctx.pieces:
        named: dict[Sentence, set[str]] = {}
        for m in p.mentions:
            if key_of.get(m):
                named.setdefault(m.sentence, set()).add(key_of[m])
        last: tuple[list[Event], int] | None = None  # the meetings the sentence before was routed to, its end
        for label, a, b, strength in ctx.phrases.get(id(p), ()):
            sent = next((s for s in named if s.start <= a < s.end), None)
            at = sent or _sentence_at(ctx.norm, a)
            keys = named[sent] if sent is not None else set()
            hits = _closest([ev for ev in events if people[id(ev)] & keys], people, keys)
            if not hits:
                said = _said_countries(ctx, at, keys)
                hits = [ev for ev in events if lands[id(ev)] & said]
            # a sentence that names no one ("He further highlighted …", "Referring to the [Free Trade Agreement],
            # the prime minister said …") goes on about the meeting(s) told just before, in the same paragraph
            actors = {k for k in keys if entities[k].type in ("Person", "Country", "Organization")}
            if not hits and not actors and last is not None and "\n\n" not in ctx.norm[last[1]:a] and not any(
                    last[1] <= ev.sentence.start < a for ev in events):  # nor past the telling of another
                hits = last[0]
                group = hits if len(hits) > 1 else []
            else:
                group = _group(events, told, at, hits, ctx.norm)
                if len(hits) != 1 and not group and not actors and BACK.search(ctx.norm[at.start:at.end]):
                    # "In the meeting, the pair discussed …", a paragraph on: the meeting told last before it
                    before = [ev for ev in events if ev.sentence.start <= at.start]
                    near = max((ev.sentence.start for ev in before), default=None)
                    hits = [ev for ev in before if ev.sentence.start == near]
            series = _series(events, ctx.norm, at, hits, strength)
            if series:
                hits, group = series, series
            if group:
                hits = group
            elif len({ev.key for ev in hits}) != 1:
                last = None if hits else last
                continue
            last = (hits, at.start + len(ctx.norm[at.start:at.end].rstrip()))  # a paragraph's end not in it
            found = _subject(ctx, p, label, a, b, strength)
            for ev in hits:
                if found is None or found[0] in who[id(ev)] | {host} | _own_lands(ctx, ev):
                    continue
                key = found[0]
                placed.setdefault(id(ev), set()).add(key)
                for other in events if not group else ():
                    if other.key != ev.key and told[other.sentence] > 1 and key not in placed.get(
                            id(other), ()) and any(t.entity == key for t in other.topics):
                        other.topics = [Topic(t.entity, i + 1, t.confidence) for i, t in
                                        enumerate(t for t in other.topics if t.entity != key)]
                if not any(t.entity == key for t in ev.topics) and len(ev.topics) < MAX_STATED:
                    add_stated(ctx, ev, key, strength)

    audience_topics(ctx, events)  # what the receiver of a round of audiences said to all of them
    _without_other_sides(events)
    orphan_topics(ctx, events)  # what no meeting kept: the meeting told last before it
    share_with_people(ctx, events)  # "Kenya and X signed …" beside "Kenyatta met Y": one meeting, told twice
    _once_each(ctx, events)


def _once_each(ctx: Context, events: list[Event]) -> None:
    """Each meeting's subjects without a second one of the same words (a document signed read also as a subject)."""
    for ev in events:
        kept = once_each(ev.topics, lambda k: ctx.entities[k].label)
        if len(kept) < len(ev.topics):
            ev.topics = [Topic(t.entity, i + 1, t.confidence) for i, t in enumerate(kept)]


def _without_other_sides(events: list[Event]) -> None:
    """Without a subject that takes part in another of the text's meetings: "the envoys of A, B and C paid courtesy
    calls", each meeting read apart, names the others' sides, not what any was about (dev, 185 items: 10 such
    topics in 9 items, 1 right; one round of nineteen envoys' calls had 150)."""
    held = {q.entity for o in events for q in o.participants}  # once a text: who takes part in any of them
    for ev in events:
        others = held - {q.entity for q in ev.participants}  # not its own: so in another of them
        if any(t.entity in others for t in ev.topics):
            ev.topics = [Topic(t.entity, i + 1, t.confidence) for i, t in
                         enumerate(t for t in ev.topics if t.entity not in others)]

def _closest(hits: list[Event], people: dict[int, set[str]], keys: set[str]) -> list[Event]:
    """Of the meetings that hold someone a sentence names, those it speaks of best: one the story tells rather than
    one it reports in passing, and of those the ones with fewest others the sentence does not name ("met his
    counterpart J and talked about …" is J's own meeting, not a summary event of all those met that day)."""
    if len({ev.key for ev in hits}) < 2:
        return hits
    told = [ev for ev in hits if not ev.reported] or hits
    least = min(len(people[id(ev)] - keys) for ev in told)
    return [ev for ev in told if len(people[id(ev)] - keys) == least]


# words by which a sentence speaks of the meeting just told, or of its two sides
BACK = re.compile(r"\b(?:the (?:two|pair|sides|leaders|meeting|talks|conversation|discussions?)|both (?:sides|leaders|"
                  r"parties)|in (?:a|their) (?:meeting|talks|conversation))\b", re.I)
# words by which a sentence speaks of several met at once: "urged them to …", "their respective countries",
# "the envoys promised …", "in the meetings"
SEVERAL = re.compile(r"\b(?:they|them|their|each|all|respective|(?:the|these|those) (?:envoys|ambassadors|"
                     r"diplomats|leaders|guests|delegations|ministers|visitors|meetings|heads of mission))\b", re.I)


def _group(events: list[Event], told: Counter, at: Sentence, hits: list[Event], text: str) -> list[Event]:
    """The meetings told together in one sentence ("received the credentials of A, B and C", "held separate
    meetings with A, B and C") that a sentence stating subjects speaks of all at once: the telling sentence itself
    when it names several of them, or the first sentence after it to name none of those met, when it speaks of
    several ("urged them to …", "the envoys promised …"); else []."""
    before = [ev.sentence for ev in events if ev.sentence.start <= at.start]
    if not before:
        return []
    last_told = max(before, key=lambda s: s.start)
    if told[last_told] < 2:
        return []
    together = [ev for ev in events if ev.sentence == last_told]
    if last_told.start <= at.start < last_told.end:
        return together if len({ev.key for ev in hits}) > 1 and all(ev in together for ev in hits) else []
    return together if not hits and SEVERAL.search(text[at.start:at.end]) else []


# a sentence that speaks of every meeting of a series at once: "the meetings are intended to address …", "in all
# these meetings, the sides discussed …"
SERIES = re.compile(r"\b(?:the|these|those|all|all the|all these|both|each of the|in (?:the|these|all)) (?:bilateral |"
                    r"separate |several )?(?:meetings|bilaterals|encounters)\b", re.I)


def _series(events: list[Event], text: str, at: Sentence, hits: list[Event], strength: float) -> list[Event]:
    """The meetings a text tells (not those it reports in passing), where a sentence that names none of those met
    states firmly what "the meetings" are about ("While the meetings are intended to address issues related to
    nuclear security, …"): one purpose for the whole series; else []."""
    if hits or strength < FIRM or not SERIES.search(text[at.start:at.end]):
        return []
    told = [ev for ev in events if not ev.reported and ev.type not in TRIPS]
    return told if len({ev.key for ev in told}) >= 2 else []


def _countries(ctx: Context, keys: set[str]) -> set[str]:
    """The names of the countries of `keys`: a country itself, or one a person holds a post in."""
    out = set()
    for k in keys:
        ent = ctx.entities.get(k)
        if ent is None:
            continue
        if ent.type == "Country":
            out.add(ent.label)
        out |= {ctx.entities[r.org].label for r in ent.roles
                if r.org in ctx.entities and ctx.entities[r.org].type == "Country"}
    return _country_names(out)
