"""What a round of audiences was about: one person receives several in turn, told together ("received the letters
of credence of the ambassadors of A, B and C", "held separate meetings with A and B"), and what he (or the text,
naming no one) says anywhere in the story is said to all of them ("The President urged the envoys to engage with
the private sector"). Each such subject goes to every meeting of the round (`audience_topics`); a sentence that
names one of those received stays that one's (topic_routes.py)."""

from __future__ import annotations

from collections import Counter

from ..records import Event
from .context import Context
from .topics import (MAX_STATED, TRIPS, _country_names, _own_lands, _said_countries, _sentence_at, _subject,
                     add_stated)


def audience_round(ctx: Context, events: list[Event]) -> tuple[list[Event], str] | None:
    """The meetings of the round and the one who received them all: every meeting the rules tell (not reported,
    not a trip) holds him and one other person, and each is told in a sentence that tells at least one more; else
    None."""
    told = [ev for ev in events if ev.method != "learned" and not ev.reported and ev.type not in TRIPS]
    if len({ev.key for ev in told}) < 2:
        return None
    per_sentence = Counter(ev.sentence for ev in told)
    if any(per_sentence[ev.sentence] < 2 for ev in told):
        return None
    people = [{q.entity for q in ev.participants if ctx.entities[q.entity].type == "Person"} for ev in told]
    common = set.intersection(*people)
    if len(common) != 1 or any(len(p - common) != 1 for p in people):
        return None
    return told, next(iter(common))


def audience_topics(ctx: Context, events: list[Event]) -> None:
    """Each subject stated in a sentence that names none of those received (nor their countries) goes to every
    meeting of the round (`audience_round`), after what each has, while it holds fewer than MAX_STATED."""
    found_round = audience_round(ctx, events)
    if found_round is None:
        return
    told, receiver = found_round
    # those received, and anyone met apart ("also received a letter from the UN coordinator"): what is said to
    # them is theirs
    guests = {q.entity for ev in events for q in ev.participants} - {receiver}
    guests |= {k for ev in told for k in _own_lands(ctx, ev)} - ctx.lands_of({receiver})
    guest_lands = _country_names({ctx.entities[k].label for k in guests if ctx.entities[k].type == "Country"})
    key_of = ctx.key_of
    for p in ctx.pieces:
        named: dict = {}
        for m in p.mentions:
            if key_of.get(m):
                named.setdefault(m.sentence, set()).add(key_of[m])
        for label, a, b, strength in ctx.phrases.get(id(p), ()):
            sent = next((s for s in named if s.start <= a < s.end), None)
            at = sent or _sentence_at(ctx.norm, a)
            if sent is not None and named[sent] & guests or _said_countries(ctx, at, set()) & guest_lands:
                continue  # said to, or of, one of them ("With the Kenyan president, A discussed …")
            before = [s for s in named if s.end <= a and "\n" not in ctx.norm[s.end:a]]
            if before and named[max(before, key=lambda s: s.start)] & guests:
                continue  # goes on about the one named just before ("In the meeting with B, …. He also stressed …")
            found = _subject(ctx, p, label, a, b, strength)
            if found is None or found[0] in guests | {receiver}:
                continue
            key = found[0]
            for ev in told:
                if key in _own_lands(ctx, ev) or any(t.entity == key for t in ev.topics) or \
                        len(ev.topics) >= MAX_STATED:
                    continue
                add_stated(ctx, ev, key, strength)
