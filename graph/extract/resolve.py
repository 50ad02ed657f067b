"""Mentions → entities, once per real thing within a document.

Merge rules, each a small function with its own test:
- persons: full names equal after transliteration folding (`same_name`: Aleksandr ~ Alexander, Zelensky ~
  Zelenskyy, Sergei ~ Sergey; Kim Jong Un ≁ Kim Jong Il); a surname, given name or a shorter run of a full name
  ("Lukashenko", "Xi", "Aleksandr Grigoryevich") joins the one full name that contains it;
- organisations, projects, places: same name without a leading "the" or a trailing "of <Country>"; a short form
  defined in brackets joins its long form ("FAW Group", "BNBC"); a name that begins a project's name joins it
  ("Great Stone" → "Great Stone Industrial Park");
- countries and equipment: the gazetteer's canonical name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from ..ids import PATRONYMIC, entity_key, fold, match_key, org_key
from ..records import Entity, Mention
from ..text import gazetteer as gz

TYPE_PRIORITY = ["Country", "Equipment", "Project", "Person", "Organization", "Place"]


def same_name(a: str, b: str, threshold: float = 85.0) -> bool:
    """Two full names of one person: same number of tokens, each pair alike after `fold`."""
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb):
        return False
    return all(fold(x) == fold(y) or fuzz.ratio(fold(x), fold(y)) >= threshold and x[0].lower() == y[0].lower()
               for x, y in zip(ta, tb))


def part_of_name(short: str, full: str) -> bool:
    """"Lukashenko", "Xi", "Aleksandr Grigoryevich" are runs of tokens of the full name; a given name with a
    patronymic ("Kassym-Jomart Kemelevich") belongs to the full name with that given name."""
    s, f = [fold(t) for t in short.split()], [fold(t) for t in full.split()]
    if len(s) == 2 and PATRONYMIC.search(short.split()[1]) and f and s[0] == f[0] and len(f) == 2:
        return True
    # a run after "bin", "ibn", "bint", "ben", "ould" names the father or an ancestor, not the person:
    # "Mohamed bin Zayed" is not "Hamdan bin Mohamed bin Zayed"
    return len(s) < len(f) and any(f[i:i + len(s)] == s and not (i > 0 and f[i - 1] in KIN_LINKS)
                                   for i in range(len(f) - len(s) + 1))


KIN_LINKS = {"bin", "ibn", "bint", "ben", "ould", "binti", "bte", "bt"}


def stage_base(name: str) -> str:
    """"BNBC-3", "BNBC 1 and 2" → "BNBC": an acronym of two or more capitals with a stage number; other names (a
    model designation such as "S-400") are left whole."""
    m = re.fullmatch(r"([A-Z]{2,}[A-Za-z]*)[- ]?\d{1,2}(?:\s+and\s+\d{1,2})?", name.strip())
    return m.group(1) if m else name.strip()


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(mentions: list[Mention], acronyms: dict[str, Mention]) -> tuple[dict[str, Entity], dict[Mention, str]]:
    """Cluster `mentions` into entities; returns entities by key and each mention's entity key."""
    uf = _UnionFind(len(mentions))
    _link_by_key(mentions, uf)
    _link_persons(mentions, uf)
    _link_acronyms(mentions, acronyms, uf)
    _link_project_prefixes(mentions, uf)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        clusters[uf.find(i)].append(i)
    entities: dict[str, Entity] = {}
    of_mention: dict[Mention, str] = {}
    key_of_match: dict[str, str] = {}  # match_key → the key of the first entity with it
    for members in clusters.values():
        ms = [mentions[i] for i in members]
        ent = _entity(ms)
        key = key_of_match.setdefault(match_key(ent.type, ent.label), ent.key)
        if key in entities:  # two clusters with one label, or two spellings of it: one entity, the first's key
            entities[key].mentions.extend(ms)
            entities[key].aliases |= ent.aliases | ({ent.label} - {entities[key].label})
        else:
            entities[key] = ent
        for m in ms:
            of_mention[m] = key
    return entities, of_mention


def _cluster_key(m: Mention) -> tuple[str, str]:
    if m.type == "Country":
        return ("Country", m.gazetteer_id or m.text)
    if m.type == "Equipment":
        return ("Equipment", m.gazetteer_id or m.text.casefold().replace(" ", "-"))
    if m.type == "Person":
        return ("Person", " ".join(fold(t) for t in m.text.split()))
    if m.type == "Project":
        return ("Project", org_key(stage_base(m.text)))
    return ("Named", org_key(m.text))


def _link_by_key(mentions: list[Mention], uf: _UnionFind) -> None:
    first: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        k = _cluster_key(m)
        if k in first:
            uf.union(first[k], i)
        else:
            first[k] = i


def _link_persons(mentions: list[Mention], uf: _UnionFind) -> None:
    """Mentions of one person joined. The tests compare names, so they run once per distinct text, not per mention
    (a long text names the same people thousands of times), and only against the names an index offers (`_Names`):
    the work grows with the text, not with the square of the people it names."""
    persons = [(i, m) for i, m in enumerate(mentions) if m.type == "Person"]
    full: dict[str, list[int]] = {}  # text of a full name → its mentions, in order
    for i, m in persons:
        if len(m.text.split()) >= 2:
            full.setdefault(m.text, []).append(i)
    names = _Names(full)
    for ta, members in full.items():  # all mentions of one text are one person (same_name(t, t) always holds)
        for i in members[1:]:
            uf.union(members[0], i)
    for ta in full:
        for tb in names.alike(ta):
            uf.union(full[ta][0], full[tb][0])
    # each text's mentions are one set from here on: a text's set is the set of its first mention
    for i, m in enumerate(mentions):  # the model called a person an organisation once: "Marek Halas recalled"
        if m.type == "Organization" and not any(w.lower() in gz.org_heads() for w in m.text.split()):
            same = {uf.find(full[t][0]) for t in names.alike(m.text) | names.holding(m.text)}
            if len(same) == 1:
                uf.union(i, same.pop())
    for i, m in persons:
        holders = {uf.find(full[t][0]) for t in names.holding(m.text) if full[t] != [i]}
        if len(holders) == 1:
            uf.union(i, holders.pop())


class _Names:
    """The full names of a document, indexed so that `same_name` and `part_of_name` are tested only against the
    few names that can pass them, each distinct text once.

    `same_name` needs, token by token, equal `fold`s or equal initials: each name is filed under every choice of
    one or the other per token, so two names that pass share a key. `part_of_name` needs the short name's folded
    tokens to be a run of the full name's (or, with a patronymic, its first token): each name is filed under each
    of its shorter runs."""

    def __init__(self, full: dict[str, list[int]]):
        self.by_shape: dict[tuple, list[str]] = defaultdict(list)
        self.by_run: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for t in full:
            for key in self._shapes(t):
                self.by_shape[key].append(t)
            f = [fold(x) for x in t.split()]
            runs = {tuple(f[i:j]) for i in range(len(f)) for j in range(i + 1, len(f) + 1) if j - i < len(f)}
            if len(f) == 2:
                runs.add(("patronymic", f[0]))
            for run in runs:
                self.by_run[run].append(t)
        self.names = list(full)
        self._alike: dict[str, set[str]] = {}
        self._holding: dict[str, set[str]] = {}

    @staticmethod
    def _shapes(text: str) -> list[tuple]:
        """The token count, then a fold or an initial for each of the first six tokens."""
        toks = text.split()
        keys: list[tuple] = [(len(toks),)]
        for x in toks[:6]:
            keys = [k + (c,) for k in keys for c in (("f", fold(x)), ("i", x[0].lower()))]
        return keys

    def alike(self, text: str) -> set[str]:
        """The full names that `same_name` pairs with `text` (itself among them, if it is one)."""
        if text not in self._alike:
            seen = {t for key in self._shapes(text) for t in self.by_shape.get(key, ())}
            self._alike[text] = {t for t in seen if same_name(text, t)}
        return self._alike[text]

    def holding(self, text: str) -> set[str]:
        """The full names `text` is part of (`part_of_name`)."""
        if text not in self._holding:
            s, toks = [fold(x) for x in text.split()], text.split()
            seen = set(self.by_run.get(tuple(s), ())) if s else set(self.names)  # "" is part of every name
            if len(s) == 2 and PATRONYMIC.search(toks[1]):
                seen |= set(self.by_run.get(("patronymic", s[0]), ()))
            self._holding[text] = {t for t in seen if part_of_name(text, t)}
        return self._holding[text]


def _link_acronyms(mentions: list[Mention], acronyms: dict[str, Mention], uf: _UnionFind) -> None:
    index = {m: i for i, m in enumerate(mentions)}
    for short, long in acronyms.items():
        if long not in index:
            continue
        for i, m in enumerate(mentions):
            if m.text == short or stage_base(m.text) == short or m.text == short.split()[0]:
                uf.union(i, index[long])


def _link_project_prefixes(mentions: list[Mention], uf: _UnionFind) -> None:
    projects = [(i, m) for i, m in enumerate(mentions) if m.type == "Project"]
    for i, m in enumerate(mentions):
        if m.type != "Organization":
            continue
        for j, p in projects:
            rest = p.text[len(m.text):].strip().lower() if p.text.startswith(m.text) else None
            if rest and rest in gz.project_heads():
                uf.union(i, j)


def _entity(ms: list[Mention]) -> Entity:
    types = Counter(m.type for m in ms)
    typ = min(types, key=TYPE_PRIORITY.index)
    if typ == "Person" and types["Organization"] > types["Person"] and not any(
            m.type == "Person" and len(m.text.split()) >= 2 for m in ms):
        typ = "Organization"
    names = Counter(m.text for m in ms)
    label = _label(typ, ms, names)
    aliases = {n for n in names if n != label}
    aliases |= {stage_base(n) for n in names if stage_base(n) != n and stage_base(n)}
    if typ == "Project":  # "the roadmap until 2026" is also "the roadmap" in the text
        aliases |= {m.group(1) for n in names if (m := re.match(r"^(roadmap|road map|programme|program|strategy|plan)"
                                                                 r"\s+(?:for|on|until|till|with)\b", n, re.I))}
    aliases.discard(label)
    conf = max(m.confidence for m in ms)
    method = "gazetteer" if any(m.method == "gazetteer" for m in ms) else ms[0].method
    return Entity(entity_key(typ, label), typ, label, aliases, list(ms), [], conf, method)


def _label(typ: str, ms: list[Mention], names: Counter) -> str:
    gaz = [m.gazetteer_id for m in ms if m.gazetteer_id and m.type == typ]
    if gaz:
        return Counter(gaz).most_common(1)[0][0]
    if typ == "Person":
        return max(names, key=lambda n: (len(n.split()) >= 2, not PATRONYMIC.search(n), names[n], len(n)))
    candidates = [n for n in names if not (n.isupper() and len(n) <= 8)] or list(names)
    return max(candidates, key=lambda n: (len(stage_base(n)) == len(n), len(n), names[n]))
