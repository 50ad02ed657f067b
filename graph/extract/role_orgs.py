"""The organisation of each post, chosen again by a learned model over every country and organisation of the text.

The rules (`posts.py`, `post_links.py`, `heads_left.py`, `role_attach.py`) give a post its country or organisation
in many steps, each for one way of writing it; what they leave is often wrong in a general way: a head of state with
no country where the text names it only once, the visitor's country given to the host, a country given where the
text states none. Here, for each title a person holds, every country and organisation entity of the text is a
candidate, and so is "none". A candidate is described by how it is written relative to the holder's name (the shape
of the words between, how far, whether another person is between, how many of the holder's sentences name it),
how much the text speaks of it, whether the rules chose it, whether another person already holds a post of it, and
the title's head word; a logistic model (`graph/data/role_orgs.json`, trained on gold roles:
`python -m graph.evaluate.train_role_orgs eval/realnews/dev --names NAMES --sources eval/realnews/SOURCES.tsv
--out graph/data/role_orgs.json`) says how likely each is. The surest candidate replaces the rules' choice only when
it is surer than the rules' own choice by a margin: the rules stay where the model is unsure.

Not shipped (round 16): trained on dev265 it moved the check set's roles by +0.003 (shared scorer) and overrode the
rules' careful cases in 20 invented tests (a visitor's country, the host's); without graph/data/role_orgs.json this
step does nothing. The training command reports held-out figures by outlet to try better features.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

from ..models import Packaged
from ..records import Entity, Role
from ..text import gazetteer as gz
from .context import Context
from .role_attach import shape

ROLE_ORG = 0.6  # a post's organisation the model chose (confidence.py's scale)
NEAR = 60  # characters between a name and a country written by it ("Ruritanian Foreign Minister A")

ROLE_ORGS = Packaged("role_orgs.json")


def use_model(model) -> None:
    """Use `model` (a `models.Model`, or None for the rules alone) instead of graph/data/role_orgs.json."""
    ROLE_ORGS.use(model)


def reset_model() -> None:
    ROLE_ORGS.reset()


def current_model():
    return ROLE_ORGS.current()


# set by the training command: (document text, person entity, title, candidate entity or None, features)
Recorder = Callable[[Entity, str, Entity | None, tuple], None]
RECORDER: Recorder | None = None


def _names(e: Entity) -> set[str]:
    """The names a country or organisation is written by: its label, aliases and, for a country, its demonyms."""
    out = {e.label, *e.aliases}
    if e.type == "Country":
        for n in list(out):
            land = gz.country_of(n)
            if land:
                out |= {land.name, *land.aliases, *land.demonyms}
    return {n for n in out if len(n) > 1}


def spots(e: Entity, text: str) -> list[tuple[int, int]]:
    """Where `e` is written in `text`: its mentions, and every whole-word occurrence of one of its names."""
    found = {(m.start, m.end) for m in e.mentions}
    names = sorted(_names(e), key=len, reverse=True)
    if names:
        pat = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?:['’]s)?(?![\w-])")
        found |= {(m.start(), m.end()) for m in pat.finditer(text)}
    return sorted(found)


def _bucket(n: int) -> str:
    return str(n) if n < 2 else "2-3" if n <= 3 else "4+"


def _sentence_of(pos: int, bounds: list[tuple[int, int]]) -> int:
    for i, (a, b) in enumerate(bounds):
        if a <= pos < b:
            return i
    return -1


class _Text:
    """What every candidate of a document is compared with: sentence bounds, people's mentions, spots."""

    def __init__(self, ctx: Context) -> None:
        self.text = ctx.norm
        sents = {m.sentence for e in ctx.entities.values() for m in e.mentions}
        self.bounds = sorted({(s.start, s.end) for s in sents})
        self.people = [(m.start, m.end) for e in ctx.entities.values() if e.type == "Person" for m in e.mentions]
        self.cands = [e for e in ctx.entities.values() if e.type in ("Country", "Organization")]
        self.spots = {e.key: spots(e, self.text) for e in self.cands}
        self.cands = [e for e in self.cands if self.spots[e.key]]
        counts = Counter({e.key: len(self.spots[e.key]) for e in self.cands if e.type == "Country"})
        self.top = counts.most_common(1)[0][0] if counts else None
        # who holds posts of each organisation: (holder, title's head)
        self.held: dict[str, list[tuple[str, str]]] = {}
        for k, e in ctx.entities.items():
            if e.type == "Person":
                for r in e.roles:
                    if r.org:
                        self.held.setdefault(r.org, []).append((k, head(r.title)))


def head(title: str) -> str:
    words = title.lower().replace("-", " ").split()
    return words[-1] if words else "_"


def relation(person: Entity, spot_list: list[tuple[int, int]], t: _Text) -> list[str]:
    """How a candidate is written relative to the holder's mentions: the shape of the nearest gap in one sentence
    (before or after the name), the distance, another person between, how many of the holder's sentences name it."""
    best = None
    p_sents = {(m.sentence.start, m.sentence.end) for m in person.mentions}
    in_sents = 0
    for sa, sb in p_sents:
        if any(sa <= a < sb for a, _ in spot_list):
            in_sents += 1
    for m in person.mentions:
        for a, b in spot_list:
            if not (m.sentence.start <= a < m.sentence.end):
                continue
            if b <= m.start:
                d, gap, side = m.start - b, t.text[b:m.start], "before"
            elif a >= m.end:
                d, gap, side = a - m.end, t.text[m.end:a], "after"
            else:
                continue
            if best is None or d < best[0]:
                lo, hi = (b, m.start) if side == "before" else (m.end, a)
                between = any(lo <= q0 and q1 <= hi for q0, q1 in t.people)
                best = (d, side, gap, between)
    out = [f"psent={_bucket(in_sents)}"]
    if best is None:
        return out + ["far"]
    d, side, gap, between = best
    dist = "d<8" if d < 8 else "d<30" if d < 30 else "d<80" if d < 80 else "d80+"
    out += [f"{side}:{dist}", f"dist={dist}"]
    if d < NEAR and not between:
        out.append(f"gap={side}:{shape(gap)}")
    if between:
        out.append(f"between:{dist}")
    return out


def features(person: Entity, title: str, cand: Entity | None, current: set, t: _Text,
             is_host: bool, how: dict | None = None) -> tuple[str, ...]:
    """The features of `cand` (None: no organisation) as the organisation of `person`'s post `title`; `how`: the
    confidence of the rules' role for each organisation they gave (which step gave it)."""
    h = head(title)
    how = how or {}
    lands = sum(1 for c in t.cands if c.type == "Country")
    if cand is None:
        near_any = any(f.startswith("gap=") for c in t.cands for f in relation(person, t.spots[c.key], t))
        f = ["none", f"none|head={h}", "none|cur" if None in current else "none|notcur",
             "none|near" if near_any else "none|nothing_near"]
        if is_host:
            f.append("none|host")
        f.append(f"none|lands={_bucket(lands)}")
        return tuple(f)
    where = t.spots.get(cand.key, [])
    rel = relation(person, where, t)
    n = len(where)
    written = any(re.search(r"(?<!\w)" + re.escape(x) + r"(?!\w)", title, re.I) for x in _names(cand))
    others = {k for k, _ in t.held.get(cand.key, []) if k != person.key}
    same_post = any(k != person.key and hh == h for k, hh in t.held.get(cand.key, []))
    f = [f"type={cand.type}", "cur" if cand.key in current else "notcur", f"n={_bucket(n)}",
         f"others={_bucket(len(others))}"] + rel
    f += [f"{cand.type}|{x}" for x in rel]
    f += [f"head={h}|{x}" for x in rel if x.startswith(("gap=", "psent="))]
    if cand.key in current:
        f += [f"cur|{x}" for x in rel] + [f"cur|conf={how.get(cand.key, 0):.2f}"]
    if cand.type == "Country":
        f.append(f"lands={_bucket(lands)}")
    if written:
        f.append("in_title")
    if cand.key == t.top:
        f += ["top", "host|top" if is_host else "guest|top"]
    if same_post:
        f.append("same_post_taken")
    if any(a < 200 for a, _ in where):
        f.append("early")
    return tuple(f)


def _replace(ent: Entity, title: str, org: str | None) -> None:
    """The posts `title` of `ent` become one, in `org`."""
    old = [r for r in ent.roles if r.title == title]
    ent.roles[:] = [r for r in ent.roles if r.title != title] + [
        Role(title, org, old[0].event, old[0].sentence, ROLE_ORG)]


MARGIN = 0.0  # how much surer than the rules' own choice the model's must be to replace it


def rerank_orgs(ctx: Context) -> None:
    """Each post's organisation, chosen again: the model's surest candidate where it beats the rules' by MARGIN."""
    model = current_model()
    if model is None and RECORDER is None:
        return
    t = _Text(ctx)
    for key, ent in list(ctx.entities.items()):
        if ent.type != "Person" or not ent.roles:
            continue
        for title in dict.fromkeys(r.title for r in ent.roles):
            current = {r.org for r in ent.roles if r.title == title}
            how = {r.org: r.confidence for r in ent.roles if r.title == title}
            scored = []
            extra = [ctx.entities[k] for k in current if k in ctx.entities and k not in {c.key for c in t.cands}]
            for cand in [None, *t.cands, *extra]:
                feats = features(ent, title, cand, current, t, key == ctx.host, how)
                if RECORDER is not None:
                    RECORDER(ent, title, cand, feats)
                if model is not None:
                    scored.append((model.probability(feats), cand.key if cand else None))
            if not scored:
                continue
            p, best = max(scored, key=lambda x: x[0])
            mine = max((q for q, k in scored if k in current), default=0.0)
            if best not in current and p >= model.add and p > mine + MARGIN:
                _replace(ent, title, best)
