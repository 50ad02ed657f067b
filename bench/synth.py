"""Synthetic data in the product's own shapes, without spaCy:

- `documents(seed)`: `graph.records.Document`s (entities with mentions and posts, events with participants, topics,
  places, sub-events, meetings told in passing) over the texts of gen_corpus.py, with actors drawn from one Zipf-like
  pool so that the same people and companies recur across documents; `graph.mapping.to_graph` turns each into the
  triples `kg build` would store. Proportions follow what the pipeline extracts from the generated corpus: about
  40 entities, 7 events and 1,400 triples per 1,000 words.
- `viz_graph(n, seed)`: a networkx graph with the node and edge attributes `graph.viewgraph` produces and
  `graph.viz.render_html` draws (events, actors, topics; host, participant, topic, place, part_of edges).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Iterator

import networkx as nx

import benchlib  # noqa: F401  (puts the project on sys.path)
from gen_corpus import AGENCIES, MONTH_NAMES, TOPICS, World, generate

from graph.records import Document, Entity, Event, Mention, Participant, Role, Sentence, Topic
from graph.ids import slug

EVENT_TYPES = ["Meeting", "Meeting", "Meeting", "Negotiations", "Negotiations", "PhoneCall", "Conference", "Visit",
               "StateVisit", "Ceremony", "Summit"]
_SENT = re.compile(r"[^.!?\n]+[.!?]?")


class _Doc:
    def __init__(self, world: World, rng: random.Random, name: str, text: str):
        self.world, self.rng, self.name, self.text = world, rng, name, text
        self.sentences = [Sentence(m.start(), m.end()) for m in _SENT.finditer(text) if m.group().strip()] or \
            [Sentence(0, len(text))]
        self.entities: dict[str, Entity] = {}

    def sentence(self) -> Sentence:
        return self.rng.choice(self.sentences)

    def entity(self, type_: str, label: str, aliases: tuple[str, ...] = ()) -> str:
        key = f"{type_.lower()}/{slug(label)}"
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity(key, type_, label, set(aliases))
        for _ in range(self.rng.choice((1, 1, 2, 2, 3, 4))):
            s = self.sentence()
            start = self.rng.randint(s.start, max(s.start, s.end - len(label)))
            ent.mentions.append(Mention(label, type_, start, min(s.end, start + len(label)), s,
                                        self.rng.choice(("model", "model", "rule", "gazetteer"))))
        return key

    def person(self) -> str:
        p = self.world.official(self.rng)
        key = self.entity("Person", p.name, (p.surname,) if self.rng.random() < 0.5 else ())
        org = self.entity("Organization", p.org.removeprefix("the ")) if p.org else None
        if not self.entities[key].roles:
            self.entities[key].roles.append(Role(p.title, org, None, self.sentence(), 0.85))
        return key

    def leader(self) -> str:
        c = self.world.country(self.rng)
        p = self.world.leaders[c.name]
        key = self.entity("Person", p.name)
        country = self.entity("Country", c.name)
        if not self.entities[key].roles:
            self.entities[key].roles.append(Role("President", country, None, self.sentence(), 0.9))
        return key

    def topic(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return self.entity("Project", self.world.project(self.rng, self.world.country(self.rng)))
        if r < 0.55:
            return self.entity("Equipment", self.world.equip(self.rng)[0])
        if r < 0.75:
            return self.entity("Organization", self.world.company(self.rng))
        if r < 0.85:
            return self.entity("Organization", self.rng.choice(AGENCIES))
        if r < 0.93:
            return self.entity("Country", self.world.country(self.rng).name)
        return self.entity("Place", self.rng.choice(self.world.country(self.rng).cities))


def _date(rng: random.Random, day: dt.date) -> str:
    if rng.random() < 0.85:
        return day.isoformat()
    return day.isoformat()[:7]


def documents(seed: int = 1) -> Iterator[Document]:
    """Endless synthetic Documents; document i depends only on (seed, i)."""
    world = World(seed)
    for i, (name, text) in enumerate(generate(10**12, seed)):
        rng = random.Random(f"records:{seed}:{i}")
        d = _Doc(world, rng, name, text)
        words = len(text.split())
        host = d.leader()
        for _ in range(max(1, words // 60)):  # background entities: mentioned, not taking part
            rng.choice((d.person, d.topic, d.topic))()
        events: list[Event] = []
        day = dt.date.fromisoformat(name.split("-", 2)[2][:10])
        for j in range(max(1, round(words * 7 / 1000))):
            typ = rng.choice(EVENT_TYPES)
            guests = [d.leader() if rng.random() < 0.3 else d.person() for _ in range(rng.choice((1, 1, 2, 3)))]
            label = f"{typ} with {d.entities[guests[0]].label}"
            start = _date(rng, day)
            key = f"event/{start}-{slug(label)}"
            if any(e.key == key for e in events):
                continue
            s = d.sentence()
            ev = Event(key, typ, label, start, None, s, rng.choice(("header", "sentence")),
                       round(rng.uniform(0.6, 0.95), 2), reported=rng.random() < 0.2)
            ev.participants.append(Participant(host, "host", 0.9, "host", s))
            for g in guests:
                if g != host:
                    ev.participants.append(Participant(g, rng.choice(("guest", "attendee")), 0.8, "header", s))
            seen: set[str] = set()
            for rank in range(1, rng.randint(2, 7)):
                t = d.topic()
                if t not in seen:
                    seen.add(t)
                    ev.topics.append(Topic(t, rank, round(rng.uniform(0.3, 1.0), 2)))
            ev.mentioned.extend(d.topic() for _ in range(rng.randint(0, 2)))
            if rng.random() < 0.3:
                ev.place = d.entity("Place", rng.choice(world.country(rng).cities))
            if events and rng.random() < 0.1:
                ev.part_of = events[0].key
            events.append(ev)
            day += dt.timedelta(days=rng.choice((0, 0, 1)))
        yield Document(name, text, f"{seed}-{i}", {}, d.sentences, d.entities, events, host)


def graphs(triples: int, seed: int = 1, name_prefix: str = "") -> Iterator[tuple[str, object]]:
    """(document IRI, rdflib Graph) pairs from `documents`, until about `triples` triples; `name_prefix` goes before
    each document's file name (and so decides where its IRI sorts)."""
    import dataclasses

    from graph.ids import doc_iri
    from graph.rdf.mapping import to_graph

    total = 0
    for doc in documents(seed):
        if total >= triples:
            return
        if name_prefix:
            doc = dataclasses.replace(doc, name=name_prefix + doc.name)
        g = to_graph(doc)
        total += len(g)
        yield doc_iri(doc.name), g


# --------------------------------------------------------------------------------------------------- viz


def viz_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """About `n` nodes: 40 % events, the rest actors and topics, linked as graph.views.viewgraph links them."""
    rng = random.Random(f"viz:{seed}:{n}")
    world = World(seed)
    g = nx.MultiDiGraph()
    base = "https://w3id.org/meeting-graph/id/"
    actors: list[str] = []
    topics: list[str] = []
    n_events = max(1, int(n * 0.4))

    def add(kind: str, label: str, **attrs) -> str:
        node = f"{base}{kind.lower()}/{slug(label)}"
        if node not in g:
            g.add_node(node, label=label, kind=kind, event_type=None, aliases=attrs.get("aliases", []),
                       posts=attrs.get("posts", []), start=None, end=None,
                       sources=[(f"doc-{rng.randint(1, 300)}.txt", f"{label} was mentioned in a sentence of the "
                                                                    f"source text about {rng.choice(TOPICS)}.")])
        return node

    while len(g) < n - n_events:
        r = rng.random()
        if r < 0.5:
            p = world.official(rng)
            actors.append(add("Person", p.name, aliases=[p.surname],
                              posts=[f"{p.title}, {p.org.removeprefix('the ')}" if p.org else p.title]))
        elif r < 0.7:
            actors.append(add("Organization", world.company(rng)))
        elif r < 0.8:
            c = world.country(rng)
            actors.append(add("Country", c.name))
            leader = world.leaders[c.name]
            actors.append(add("Person", leader.name, posts=[f"President, {c.name}"]))
        elif r < 0.88:
            topics.append(add("Project", world.project(rng, world.country(rng))))
        elif r < 0.94:
            topics.append(add("Equipment", world.equip(rng)[0]))
        else:
            topics.append(add("Place", rng.choice(world.country(rng).cities)))
    actors = list(dict.fromkeys(actors))
    topics = list(dict.fromkeys(topics)) or actors
    places = [t for t in topics if "/place/" in t] or topics
    events: list[str] = []
    day = dt.date(2023, 1, 2)
    for i in range(n_events):
        typ = rng.choice(EVENT_TYPES)
        host, guest = rng.sample(actors, 2)
        label = f"{typ} with {g.nodes[guest]['label']}, {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
        node = f"{base}event/{day.isoformat()}-{i}"
        g.add_node(node, label=label, kind="Event", event_type=typ, aliases=[], posts=[], start=day.isoformat(),
                   end=None, sources=[(f"doc-{i // 20}.txt", f"{label}: the sides discussed {rng.choice(TOPICS)}.")])
        g.add_edge(node, host, rel="host", confidence=0.9)
        g.add_edge(node, guest, rel="participant", confidence=0.8)
        for extra in rng.sample(actors, rng.choice((0, 0, 1, 2))):
            g.add_edge(node, extra, rel="participant", confidence=0.7)
        for t in rng.sample(topics, min(len(topics), rng.randint(1, 4))):
            g.add_edge(node, t, rel="topic", confidence=round(rng.uniform(0.3, 1.0), 2))
        if rng.random() < 0.3:
            g.add_edge(node, rng.choice(places), rel="place", confidence=None)
        if events and rng.random() < 0.1:
            g.add_edge(node, rng.choice(events[-10:]), rel="part_of", confidence=None)
        events.append(node)
        day += dt.timedelta(days=rng.choice((0, 1, 1, 2)))
    return g
