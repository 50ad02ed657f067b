"""Countries met through officials the text does not name: "held a bilateral meeting with his counterparts from A,
B and C", "met with counterparts from A, from B and C", "talks with officials from A" (envoys are read by
envoys.py and credentials.py). Whom such words stand for is each country's one person the text names in that post (envoys.envoy_party),
else the country itself (a counterpart: the one in the host's own post there), met as such (the annotation's convention for an unnamed official). Counterparts of
several countries are met one by one (a bilateral each) unless the sentence says they met together ("a trilateral
meeting with his counterparts from A and B"). Text over the gazetteer's country names; no name from any text."""

from __future__ import annotations

import re

from ..text import gazetteer as gz
from .leader_lists import TOGETHER

# the noun of those met (singular), and the post it stands for: a counterpart holds the host's own post; an official
# or a delegation no post of one person; a title its own ("the presidents of A and B")
NOUNS = {"counterpart": "peer", "peer": "peer", "colleague": "peer", "opposite number": "peer",
         "official": "official", "representative": "official", "delegation": "official"}
PEERS = re.compile(r"\b(?P<noun>counterparts?|peers?|colleagues|opposite numbers?|(?:foreign )?ministers?|leaders?|"
                   r"presidents?|prime ministers?|heads? of state|officials|representatives|delegations?)\s+"
                   r"(?:from|of)\s+(?P<list>[^\n]+)", re.I)
# what may stand between the countries of the list: "A, B and C", "A, from B and from C", "of the D"
GLUE = {",", "and", "from", "of", "the", "as", "well", "&"}


def peers_of_lands(whom: str, sentence: str) -> list[tuple[str, str]]:
    """(country, kind of official) for each country `whom` (the words after a meeting's verb in `sentence`) names
    its officials by, in order; empty when a name follows the list ("the President of A (AB) Mr B": he is the one
    met) or in a headline (no full stop: the body tells the meeting with its names)."""
    m = PEERS.search(whom)
    if m is None or not re.search(r"[.!?][\"”’']?\s*$", sentence):
        return []
    noun = re.sub(r"^heads\b", "head", re.sub(r"s$", "", m.group("noun").lower().replace("-", " ")))
    kind = NOUNS.get(noun, noun)
    words = [w if re.search(r"\w\.\w", w) else w.rstrip(".") for w in re.findall(r"[\w'’.-]+|[,&]", m.group("list"))]
    lands: list[str] = []
    i = 0
    while i < len(words):
        if words[i].lower() in GLUE:
            i += 1
            continue
        found = gz.country_at_start(words[i:], 6)
        if found is None or not words[i][:1].isupper():
            if lands and words[i][:1].isupper() and words[i - 1].lower() not in GLUE:
                return []  # "the President of A Mr B", "of A (AB) B": a name right after the country
            break  # the list ends where a word is no country: "… and Peru, and we hope"
        if found[0].name not in lands:
            lands.append(found[0].name)
        i += found[1]
    return [(x, kind) for x in lands]


def one_each(sentence: str) -> bool:
    """The countries' officials were met one by one: the sentence tells no meeting of them all together."""
    return not TOGETHER.search(sentence)
