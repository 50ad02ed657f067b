"""Equipment the model misses, found by rule: model designations (`DESIGNATION`: "Su-30SM", "T-72B3", used by the
`kg_equipment` entity ruler too), a capitalised name next to a kind of equipment ("the Wing Loong drones", "the
multiple rocket launcher Polonez"), and a brand with a model number ("Belarus 3522 tractors")."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..text import gazetteer as gz
from .tokens import MONTHS, doc_sentence_start, lowers, phrase_hits, texts

MODEL_NUMBER = re.compile(r"\d{2,5}[A-Z]?")
DESIGNATION = r"^(?!COVID|SARS|MERS|G-?\d)[A-Z][A-Za-z]{0,4}-\d{1,4}[A-Z0-9]{0,4}$"


@lru_cache(maxsize=1)
def _class_words() -> dict[tuple[str, ...], int]:
    """Equipment class phrases as lower-case token tuples (singular and plural) → length."""
    out = {}
    for c in gz.equipment_classes():
        words = tuple(c.replace("-", " - ").split())
        out[words] = len(words)
        out[words[:-1] + (words[-1] + "s",)] = len(words)
    return out


def named_by_class(doc: Doc) -> list[Span]:
    """A capitalised name right next to a kind of equipment: "the Wing Loong drones", "the multiple rocket launcher
    Polonez" (countries, demonyms, persons' titles and organisations' words excluded)."""
    out = []
    for i, words in phrase_hits(lowers(doc), _class_words()):
        n = len(words)
        k = i + n  # after: "… system Polonez"
        if k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and _equipment_name(doc[k]):
            out.append(Span(doc, k, k + 1, label="EQUIPMENT"))
        j = i  # before: "Wing Loong drones"
        while j > 0 and j > i - 3 and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha \
                and _equipment_name(doc[j - 1]):
            j -= 1
        if j < i and not (j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha):
            out.append(Span(doc, j, i, label="EQUIPMENT"))
    return out


def _equipment_name(tok) -> bool:
    t = tok.text
    return (gz.country_of(t) is None and t not in gz.demonym_index() and tok.lower_ not in gz.org_heads()
            and tok.lower_ not in gz.title_words() and not tok.is_stop and tok.lower_ not in MONTHS
            and gz.place_of(t) is None and not (tok.i == 0 or doc_sentence_start(tok)))


def brand_models(doc: Doc) -> list[Span]:
    """A brand and a model number before a kind of equipment: "Belarus 3522 tractors", "Vector 410 combines"."""
    classes = {c.split()[-1] for c in gz.equipment_classes()}
    out = []
    words = texts(doc)
    for i in range(len(doc) - 2):
        if not (words[i + 1][:1].isdigit() and MODEL_NUMBER.fullmatch(words[i + 1])):
            continue
        a, c = doc[i], doc[i + 2]
        noun = c.lower_[:-1] if c.lower_.endswith("s") else c.lower_
        if a.text[:1].isupper() and a.is_alpha and (noun in classes or c.lower_ in classes):
            out.append(Span(doc, i, i + 2, label="EQUIPMENT"))
    return out
