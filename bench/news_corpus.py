"""A corpus like real news: few actors, the same people in thousands of documents.

Unlike gen_corpus.py (20,000 officials spread thinly), this is what a press service's feed and the wires that
repeat it look like:

- a few sources: press services, each with one host who is in every one of its documents, and wire outlets that
  report the press services' meetings again (the same meeting, the same day, told by several outlets);
- a hundred officials per host drawn on a Zipf law, so a handful of counterparts recur in most documents;
- short one-paragraph items ("MINSK, 14 May 2024 — President of Belarus NAME met Minister of Energy of Chile NAME
  in Minsk to discuss the X. NAME also attended.").

`items(n, seed)` gives (file name, text, Document) triples: the text for `kg build`, and the `graph.records.Document`
the pipeline extracts from it (host, counterpart and attendee as participants, their posts, the topic, the event
keyed by its day and counterpart, so that outlets telling the same meeting give it one IRI, as `graph.link` does),
for writing a large store directly through `graph.mapping.to_graph` without spaCy. Item i depends only on
(seed, i), so a smaller corpus is a prefix of a larger one.

    python bench/news_corpus.py --items 5 --print
    python bench/news_corpus.py --items 1000 --out /tmp/news    # NAME.txt files for kg build
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import random
import sys
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Iterator

import benchlib  # noqa: F401  (puts the project on sys.path)
from gen_corpus import MONTH_NAMES, Person, World

from graph.records import Document, Entity, Event, Mention, Participant, Role, Sentence, Topic
from graph.ids import slug

PRESS = 2  # press services, each with its own host
WIRES = 2  # outlets that tell the press services' meetings again
ACTORS = 100  # officials per host
REPEAT = 0.6  # chance that a wire item retells a recent press-service meeting


@dataclass(frozen=True)
class Meeting:
    day: dt.date
    host: Person
    guest: Person
    attendee: Person | None
    topic: str
    city: str


class NewsWorld:
    """Sources, hosts and their recurring counterparts, from the seed."""

    def __init__(self, seed: int = 1):
        self.world = w = World(seed)
        rng = random.Random(f"news:{seed}")
        self.homes = w.homes[:PRESS]
        self.hosts = [w.leaders[c.name] for c in self.homes]
        pool = list(dict.fromkeys(w.pool[:5000]))
        rng.shuffle(pool)
        self.people = [pool[i * ACTORS:(i + 1) * ACTORS] for i in range(PRESS)]  # each host's counterparts
        self._cum = list(accumulate(1.0 / (i + 1) ** 1.1 for i in range(ACTORS)))
        self.topics = [[w.project(rng, c) for _ in range(30)] for c in self.homes]

    def counterpart(self, rng: random.Random, source: int) -> Person:
        return self.people[source][bisect.bisect_left(self._cum, rng.random() * self._cum[-1])]


def _post(p: Person) -> str:
    return f"{p.title} of {p.org.removeprefix('the ')}" if p.org else f"{p.title} of {p.country.name}" \
        if p.title.startswith(("Minister", "Prime", "Deputy", "Vice", "Foreign")) else p.title


def _meeting(nw: NewsWorld, rng: random.Random, source: int, day: dt.date) -> Meeting:
    guest = nw.counterpart(rng, source)
    attendee = nw.counterpart(rng, source) if rng.random() < 0.5 else None
    home = nw.homes[source]
    return Meeting(day, nw.hosts[source], guest, attendee if attendee != guest else None,
                   rng.choice(nw.topics[source]), home.cities[0])


def _text(m: Meeting, outlet: str) -> str:
    date = f"{m.day.day} {MONTH_NAMES[m.day.month - 1]} {m.day.year}"
    host_title = f"President of {m.host.country.name}"
    s = (f"{m.city.upper()}, {date} — {host_title} {m.host.name} met {_post(m.guest)} {m.guest.name} in {m.city} "
         f"to discuss the {m.topic}.")
    if m.attendee:
        s += f" {_post(m.attendee)} {m.attendee.name} also attended the meeting."
    s += f" ({outlet})"
    return s + "\n"


def _document(name: str, text: str, m: Meeting) -> Document:
    """What the pipeline extracts from the item: the meeting, its three actors, their posts and the topic."""
    sentences = [Sentence(0, text.index(".") + 1)]
    if m.attendee:
        second = text.index(".", sentences[0].end) + 1
        sentences.append(Sentence(sentences[0].end + 1, second))
    entities: dict[str, Entity] = {}

    def entity(type_: str, label: str, sentence: Sentence) -> str:
        key = f"{type_.lower()}/{slug(label)}"
        ent = entities.setdefault(key, Entity(key, type_, label))
        start = max(text.find(label, sentence.start), sentence.start)
        ent.mentions.append(Mention(label, type_, start, start + len(label), sentence))
        return key

    s0 = sentences[0]
    host = entity("Person", m.host.name, s0)
    country = entity("Country", m.host.country.name, s0)
    entities[host].roles.append(Role("President", country, None, s0, 0.9))
    people = [(m.guest, s0)] + ([(m.attendee, sentences[1])] if m.attendee else [])
    keys = []
    for p, s in people:
        k = entity("Person", p.name, s)
        org = p.org.removeprefix("the ") if p.org else None
        entities[k].roles.append(Role(p.title, entity("Organization", org, s) if org else None, None, s, 0.85))
        keys.append(k)
    topic = entity("Project", m.topic, s0)
    key = f"event/{m.day.isoformat()}-meeting-with-{slug(m.guest.name)}"
    ev = Event(key, "Meeting", f"Meeting with {m.guest.name}", m.day.isoformat(), None, s0, "sentence", 0.8)
    ev.participants.append(Participant(host, "host", 0.9, "host", s0))
    ev.participants.append(Participant(keys[0], "guest", 0.85, "sentence", s0))
    if m.attendee:
        ev.participants.append(Participant(keys[1], "attendee", 0.7, "sentence", sentences[1]))
    ev.topics.append(Topic(topic, 1, 0.8))
    return Document(name, text, f"news-{name}", {}, sentences, entities, [ev], host)


def items(n: int, seed: int = 1) -> Iterator[tuple[str, str, Document]]:
    """The first `n` items: (file name, text, Document). Two press items a day per source; a wire item retells one
    of the last meetings of a press service (chance REPEAT) or is its own."""
    nw = NewsWorld(seed)
    recent: list[Meeting] = []
    start = dt.date(2024, 1, 1)
    sources = PRESS + WIRES
    for i in range(n):
        rng = random.Random(f"news:{seed}:{i}")
        source = i % sources
        day = start + dt.timedelta(days=i // (2 * sources))
        if source < PRESS:
            m = _meeting(nw, rng, source, day)
            recent = (recent + [m])[-8:]
            outlet = f"press service of the President of {nw.homes[source].name}"
        else:
            if recent and rng.random() < REPEAT:
                m = rng.choice(recent)
            else:
                m = _meeting(nw, rng, rng.randrange(PRESS), day)
            outlet = f"Wire {source - PRESS + 1}"
        name = f"news-{i:06d}.txt"
        text = _text(m, outlet)
        yield name, text, _document(name, text, m)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--items", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="write NAME.txt files into this folder")
    ap.add_argument("--print", action="store_true", help="print the items")
    a = ap.parse_args(argv)
    if a.out:
        a.out.mkdir(parents=True, exist_ok=True)
    for name, text, _ in items(a.items, a.seed):
        if a.out:
            (a.out / name).write_text(text, encoding="utf-8")
        if a.print:
            sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
