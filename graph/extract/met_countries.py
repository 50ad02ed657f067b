"""Countries met as such, learned: a logistic model over (meeting, country) pairs, after the rules and the pair model.

The annotation counts a country among a meeting's parties where it is met as such: the visited country of a
guest received by its president, an envoy's country at his call or his credentials, the consul's country at a
governor's meeting, both countries of two ministers' talks. The rules take a country only in the forms they know
(counterparts.py, envoys.py, envoy_lands.py, visit_sides.py); news from other outlets tells it in others. Here
every country the document names that a meeting does not yet hold is a candidate, scored from what any text shows:
whether it is the country of a participant's post (and of which kind of post), of the host's, named in the
meeting's sentence, the sentences around it, the first sentence; by its nationality word ("the Chinese side");
the words around its name there ("discussed the situation in X": a subject, not a party); the meeting's type and how
many people and countries it and the text hold. A country the model passes (`Model.add`) joins the meeting.

The model is data (`graph/data/countries.json`), trained on gold annotations by
`python -m graph.evaluate.train_countries` (docs/evaluation.md); without it this step adds nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable

from ..records import Event, Sentence
from ..text import gazetteer as gz
from .context import Context, take_part
from .learned import Packaged, _bucket, _title_head, _words



@dataclass(frozen=True)
class Row:
    """A country (`country`, entity key) the meeting `event` (its index in the events) does not hold."""

    event: int
    country: str
    features: tuple[str, ...]


Recorder = Callable[[Context, list[Event], list[Row]], None]
RECORDER: Recorder | None = None  # the training command's: receives each document's rows before any decision

COUNTRIES = Packaged("countries.json")
use_model = COUNTRIES.use  # a model instead of the packaged one (None: none); for training and tests
reset_model = COUNTRIES.reset
current_model = COUNTRIES.current


def met_countries(ctx: Context, events: list[Event], sentences: list[Sentence]) -> None:
    """Each country the model passes joins the meeting it was scored for (as a guest: met as such)."""
    model = current_model()
    if model is None and RECORDER is None:
        return
    rows = country_rows(ctx, events, sentences)
    if RECORDER is not None:
        RECORDER(ctx, events, rows)
    if model is None:
        return
    for row in rows:
        p = model.probability(row.features)
        if p >= model.add:
            ev = events[row.event]
            take_part(ev, row.country, "guest", round(p, 3), "learned", ev.sentence)


def country_rows(ctx: Context, events: list[Event], sentences: list[Sentence]) -> list[Row]:
    """The (meeting, country) candidates of the document with their features."""
    countries = [k for k, e in ctx.entities.items() if e.type == "Country" and e.mentions]
    if not countries or not events:
        return []
    starts = [s.start for s in sentences]
    at = {k: sorted({_index(starts, m.start) for m in ctx.entities[k].mentions}) for k in countries}
    demonyms = {k: _demonyms(ctx.entities[k]) for k in countries}
    host_lands = ctx.lands_of({ctx.host}) if ctx.host else set()
    n_countries = _bucket(len(countries))
    out = []
    for i, ev in enumerate(events):
        keys = {p.entity for p in ev.participants}
        if not keys:
            continue
        here = _index(starts, ev.sentence.start)
        told = {here} | {_index(starts, p.sentence.start) for p in ev.participants}
        base = _event_features(ctx, ev, keys, n_countries)
        for k in countries:
            if k in keys:
                continue
            feats = base + _country_features(ctx, ev, keys, k, at[k], here, told, sentences, demonyms[k],
                                             host_lands)
            out.append(Row(i, k, tuple(feats)))
    return out


def _index(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _demonyms(ent) -> tuple[str, ...]:
    land = next((c for c in map(gz.country_of, (ent.label, *sorted(ent.aliases))) if c is not None), None)
    return tuple(land.demonyms) if land is not None else ()


def _event_features(ctx: Context, ev: Event, keys: set[str], n_countries: str) -> list[str]:
    """What the meeting is: its type, how many take part and of which kinds, the countries of their posts."""
    ents = ctx.entities
    kinds = sorted({ents[k].type for k in keys if k in ents})
    lands = ctx.lands_of(keys)
    has_country = any(ents[k].type == "Country" for k in keys if k in ents)
    return [f"type={ev.type}", f"n_parts={_bucket(len(keys))}", f"kinds={'|'.join(kinds)}",
            f"part_lands={_bucket(len(lands))}", f"has_country={has_country}", f"n_countries={n_countries}",
            f"method={ev.method}", f"host_in={ctx.host in keys}"]


def _country_features(ctx: Context, ev: Event, keys: set[str], k: str, at: list[int], here: int, told: set[int],
                      sentences: list[Sentence], demonyms: tuple[str, ...], host_lands: set[str]) -> list[str]:
    ents = ctx.entities
    feats = []
    roles = {p.entity: p.role for p in ev.participants}
    holders = [q for q in keys if q in ents and any(r.org == k for r in ents[q].roles)]
    for q in holders:
        feats += [f"post_of={roles.get(q, '')}", f"post_title={_title_head(ents[q])}"]
    if not holders:
        feats.append("post_of=none")
    others = ctx.lands_of(keys) - {k}
    feats.append(f"other_lands={_bucket(len(others))}")
    feats.append(f"host_land={k in host_lands}|host_in={ctx.host in keys}")
    dist = min(abs(s - t) for s in at for t in told)
    feats.append(f"dist={_bucket(dist)}")
    feats.append(f"in_first={0 in at}")
    feats.append(f"mentions={_bucket(len(ents[k].mentions))}")
    feats.append(f"place={ev.place == k}")
    if here in at:
        feats.append("in_sentence")
    near_s = min(at, key=lambda s: (min(abs(s - t) for t in told), s))
    feats += _context_words(ctx, k, sentences[near_s]) if sentences else []
    sent = ctx.norm[sentences[here].start:sentences[here].end] if sentences else ""
    for d in demonyms:
        for m in re.finditer(rf"\b{re.escape(d)}\b", sent):
            after = _words(sent[m.end():m.end() + 30])[:1]
            feats += ["demonym"] + [f"dem_na={w}" for w in after]
            break
    if holders and dist == 0:
        feats.append("post_of_and_here")
    feats += _beside(ctx, keys, k)
    kind = next((f for f in feats if f.startswith("post_title=")), "post_of=none")
    near = next((f for f in feats if f.startswith("near=")), "near=none")
    feats += [f"{ev.type}|{kind}", f"{ev.type}|{near}", f"{kind}|{near}", f"{kind}|n_parts={_bucket(len(keys))}"]
    return feats


def _beside(ctx: Context, keys: set[str], k: str) -> list[str]:
    """How close the country is named to a participant's name anywhere ("the Ambassador of X, A", "X's envoy A",
    "A of X"), and the words between the two where few."""
    best: tuple[int, str] | None = None
    for q in keys:
        if q not in ctx.entities or ctx.entities[q].type != "Person":
            continue
        for m in ctx.entities[q].mentions:
            for c in ctx.entities[k].mentions:
                lo, hi = (c, m) if c.start < m.start else (m, c)
                gap = hi.start - lo.end
                if 0 <= gap and (best is None or gap < best[0]):
                    best = (gap, ctx.norm[lo.end:hi.start])
    if best is None:
        return []
    words = _words(best[1])
    feats = [f"near={'0-3' if len(words) <= 3 else '4-10' if len(words) <= 10 else 'far'}"]
    if len(words) <= 3:
        feats += [f"near_w={w}" for w in words] or ["near_w=none"]
    return feats


def _context_words(ctx: Context, k: str, sent: Sentence) -> list[str]:
    """The two words before the country's first name in the sentence and the one after ("discussed the situation
    in X", "X's delegation", "the ambassador of X")."""
    m = next((m for m in ctx.entities[k].mentions if sent.start <= m.start < sent.end), None)
    if m is None:
        return []
    before = _words(ctx.norm[max(sent.start, m.start - 60):m.start])[-2:]
    after = _words(ctx.norm[m.end:min(sent.end, m.end + 30)])[:1]
    return [f"cb{len(before) - j}={w}" for j, w in enumerate(before)] + [f"ca={w}" for w in after]
