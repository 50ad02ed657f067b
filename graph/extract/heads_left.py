"""A head of state or government the text names with no country ("received by President A", "Prime Minister B
met …"), where the sentences that name them name several countries and they are not the text's host: the one of
those no other person's post already takes. In a meeting of two sides, once the other side's people hold their
country, the one country left is the head's own ("C, Vice Minister of Ruritania, called on President A … to
affirm Ruritania's support for Freedonia": A is Freedonia's)."""

from __future__ import annotations

import re
from collections import Counter

from ..records import Entity, Mention, Role
from .context import Context


def taken_countries(ctx: Context, holder: str, envoy) -> set[str]:
    """The countries (labels) another person's post is in: theirs, not the holder's. An envoy's country is left
    out: an ambassador sent to the holder's country names the other side by its post's sender only."""
    from .posts import _country_in  # posts imports this module
    entities = ctx.entities
    roles = [r for k, e in entities.items() if k != holder and e.type == "Person" for r in e.roles
             if not envoy.search(r.title)]
    taken = {entities[r.org].label for r in roles if r.org and entities.get(r.org) is not None
             and entities[r.org].type == "Country"}
    # a country the title itself opens with: "Ruritania's Energy Minister"
    return taken | {c.name for r in roles for c in [_country_in(re.sub(r"['’]s\b", "", r.title))] if c is not None}


def heads_left(ctx: Context, left: list[tuple[Entity, list[Role], set[str], list[Mention]]]) -> list[
        tuple[Entity, list[Role], Mention]]:
    """(head, posts, country mention) for each head in `left`: (head, posts with no country, the countries their
    sentences name if several, the text's country mentions that may be theirs). All are decided on the posts known
    before any of them is given one; two heads of one post given one country are both left out."""
    from .posts import ENVOY
    from .post_links import same_post
    entities = ctx.entities
    left = [(ent, posts, near, candidates) for ent, posts, near, candidates in left  # since given one: not left
            if not any(r.org and entities.get(r.org) is not None and entities[r.org].type == "Country"
                       for r in ent.roles)]
    chosen = [(ent, posts, head_left(taken_countries(ctx, ent.key, ENVOY), near, candidates))
              for ent, posts, near, candidates in left]
    chosen = [(ent, posts, c) for ent, posts, c in chosen if c is not None]
    clash = Counter((c.gazetteer_id, same_post(r.title)) for _, posts, c in chosen for r in posts)
    return [(ent, posts, c) for ent, posts, c in chosen
            if all(clash[(c.gazetteer_id, same_post(r.title))] == 1 for r in posts)]


def head_left(taken: set[str], near: set[str], candidates: list[Mention]) -> Mention | None:
    """A mention of the country of a head with no country: of the several countries their own sentences name
    (`near`), the one left once those in `taken` (others' posts) are set aside, if it is among `candidates` (the
    text's mentions that do not name the other side). None when none or several are left. The text's counts
    alone are not enough: a head named in passing ("B recalled President C's visit") would take the country the
    text is about."""
    rest = near - taken if len(near) > 1 else set()
    top = next(iter(rest)) if len(rest) == 1 else None
    return next((c for c in candidates if c.gazetteer_id == top), None) if top else None
