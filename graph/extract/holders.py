"""The persons of a document indexed for the questions `post_links.posts_told_apart` asks of each country's post the
text names without a name ("the Georgian President said …"): does someone hold that post of that country, who bears
it with no country, whom does a sentence name. Asked of every person for every such post, they grew with the
posts × the persons: a long text names thousands of both.

The answers are the ones a scan of the persons gives (tests/test_holders.py): `held` and `bare` read the roles as
they are when asked (rebuilt after `changed()`, which the caller calls when it gives someone a role); `named_in`
offers the persons in their order whose names may be in a text — every one `post_links._named` finds there, and
perhaps others, which the caller tests with `_named` as before.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable

from ..records import Entity

_WORD = re.compile(r"\w+")


class PostHolders:
    def __init__(self, entities: dict[str, Entity], holders: dict[str, Entity], same_post: Callable[[str], str]):
        self.entities, self.holders, self._same_post = entities, holders, same_post
        self._posts: dict[str, str] = {}
        self._order = {id(e): i for i, e in enumerate(holders.values())}
        # a name is matched whole (`\b…\b`): where it begins with a word character, the text's word there is the
        # name's first word ("Li" in "Li Wei"); a person with a name that does not is offered for every text
        self._by_word: dict[str, list[Entity]] = defaultdict(list)
        self._always: list[Entity] = []
        for e in holders.values():
            words = e.label.split()
            firsts = [_WORD.match(n) for n in {e.label, *e.aliases, *words[-1:]}]
            if not words or any(w is None for w in firsts):
                self._always.append(e)
                continue
            for w in {w.group() for w in firsts}:
                self._by_word[w].append(e)
        self._held: set[tuple[str, str]] | None = None
        self._bare: dict[str, list[Entity]] = {}

    def post(self, title: str) -> str:
        p = self._posts.get(title)
        if p is None:
            p = self._posts[title] = self._same_post(title)
        return p

    def changed(self) -> None:
        """Someone's roles (or the entities) changed: `held` and `bare` read them again."""
        self._held = None

    def _read(self) -> None:
        held: set[tuple[str, str]] = set()
        bare: dict[str, list[Entity]] = defaultdict(list)
        for e in self.holders.values():
            free, placed = set(), set()
            for r in e.roles:
                post = self.post(r.title)
                if r.org:
                    placed.add(post)
                    org = self.entities.get(r.org)
                    if org is not None:
                        held.add((post, org.label))
                if r.org is None:
                    free.add(post)
            for post in free - placed:
                bare[post].append(e)
        self._held, self._bare = held, bare

    def held(self, post: str, country: str) -> bool:
        """Whether someone holds `post` in the organisation or country labelled `country`."""
        if self._held is None:
            self._read()
        return (post, country) in self._held

    def bare(self, post: str) -> list[Entity]:
        """The persons, in order, who hold `post` with no organisation and not with one."""
        if self._held is None:
            self._read()
        return self._bare.get(post, [])

    def named_in(self, text: str) -> list[Entity]:
        """The persons, in order, whose names may be in `text` (all those that are)."""
        found = {id(e): e for w in set(_WORD.findall(text)) for e in self._by_word.get(w, ())}
        found.update((id(e), e) for e in self._always)
        return sorted(found.values(), key=lambda e: self._order[id(e)])
