"""One-word "persons" the text never introduces as persons.

News introduces a person once by a full name ("Ana Ruiz") or a title ("President Ruiz", "Mr Ruiz") before using the
family name alone. A one-word name the model took for a person, that the text never writes after a title, an
honorific or a given name, that holds no post and takes part in no event, is mostly something else: a place
("Paldiski", "Barbuda"), a platform ("Twitter"), a policy ("Brexit"), a heading word ("Readout", "Meet"). Such
entities are dropped before the graph is written; a real person named that way takes part in nothing the graph
says, so little is lost. A longer name goes the same way only when one of its words is also written in lower case
in the text: a heading's capitalised phrase ("Courtesy Visit" beside "a courtesy visit"), not a person's name.
"""

from __future__ import annotations

import re

from ..records import Entity, Event
from ..text import gazetteer as gz

# words a person's family name is said after or before without being introduced by a title
_SPEECH = re.compile(r"^(?:said|says|told|added|noted|stressed|stated|explained|asked|replied|tweeted|wrote)$")
_FUNCTION = {"the", "a", "an", "of", "and", "to", "in", "on", "at", "by", "for", "with", "from", "as", "or", "but",
             "that", "this", "its", "his", "her", "their", "our", "it", "is", "was", "are", "were", "be"}


def drop_lone_names(text: str, entities: dict[str, Entity], events: list[Event], host: str | None) -> None:
    """Remove from `entities` the persons nothing introduces: one-word names, and longer ones with a common word
    (module docstring)."""
    used = _used_keys(events) | {host}
    for key in [k for k, e in entities.items() if e.type == "Person"]:
        ent = entities[key]
        if key in used or ent.roles or _introduced(text, ent):
            continue
        if not _one_word(ent) and not _common_words(text, ent):
            continue
        del entities[key]


def _used_keys(events: list[Event]) -> set[str]:
    """Every entity key an event refers to: participants, topics, mentions, place, outcomes and signatories."""
    keys: set[str] = set()
    for ev in events:
        keys.update(q.entity for q in ev.participants)
        keys.update(t.entity for t in ev.topics)
        keys.update(ev.mentioned)
        keys.add(ev.place)
        for o in ev.outcomes:
            keys.add(o.entity)
            keys.update(o.signatories)
    return keys


def _one_word(ent: Entity) -> bool:
    """Every name of the entity is one word."""
    return all(len(n.split()) == 1 for n in {ent.label, *ent.aliases, *(m.text for m in ent.mentions)})


def _introduced(text: str, ent: Entity) -> bool:
    """Some mention stands after a title, honorific or another capitalised word of the same sentence (a given name
    the model left out: "Antony" before "Blinken"), or next to a verb of speech ("…, Ruiz said")."""
    heads, words = gz.title_heads(), _honorific_words()
    for m in ent.mentions:
        before = text[max(m.sentence.start, m.start - 40):m.start].split()
        after = text[m.end:m.end + 20].split()
        prev = before[-1].strip("\"“”'‘’(") if before else ""
        low = prev.lower().rstrip(".,")
        if low in heads or low in words or low.rstrip("s") in heads:
            return True
        if prev[:1].isupper() and prev.isalpha() and low not in _FUNCTION and len(before) > 1 \
                and not before[-2].endswith((".", "!", "?", ":")):
            return True  # a capitalised word before it that does not open the sentence
        if (after and _SPEECH.match(after[0].strip(",.").lower())) or (before and _SPEECH.match(low)):
            return True
    return False


def _honorific_words() -> set[str]:
    """Honorifics and vocatives of one word, lower case, without their period."""
    return {h.lower().rstrip(".") for h in gz.honorifics() if " " not in h} | {"mr", "mrs", "ms", "dr", "prof", "sir"}


def _common_words(text: str, ent: Entity) -> bool:
    """A word of the name is also written in lower case in the text ("the peace process" beside "Peace Process")."""
    return any(re.search(r"(?<![\w-])" + re.escape(w.lower()) + r"(?![\w-])", text)
               for w in ent.label.split() if len(w) > 2 and w.isalpha())
