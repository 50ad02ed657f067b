"""A first name the model left out of a person after a post set off by a comma: "the Minister of Defence, Thabo
Nkosi" read with "Nkosi" alone a person (and "Defence, Thabo" taken for the end of the title). The capitalised word
right before a one-word person, after the comma that ends a post, is the person's first name."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from ..text import gazetteer as gz

POST_WORD = re.compile(r"^(?:Minister|Secretary|Ambassador|Envoy|Commissioner|Director|Chairman|Chairperson|Chair|"
                       r"President|Governor|Adviser|Advisor|Deputy|Head|Chief|Speaker|Mayor|Premier|Representative|"
                       r"Spokesman|Spokesperson|Counsellor|Attorney)$", re.I)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Words that start no name: title and honorific words."""
    words = {w.lower() for t in (*gz.titles(), *gz.honorifics()) for w in t.split()}
    return frozenset(words | {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "madam", "madame", "hon",
                              "lord", "lady", "general", "gen", "colonel", "captain", "engineer", "excellency"})


def with_first_name(span: Span) -> Span:
    """`span` (a person) with the first name before it when the model cut it off after a post and a comma."""
    doc = span.doc
    if span.label_ != "PERSON" or len(span) != 1 or span.start < 3:
        return span
    first, comma = doc[span.start - 1], doc[span.start - 2]
    if comma.text != "," or first.ent_type_ or not first.is_alpha or not first.is_title or first.is_stop or \
            first.lower_ in _not_names() or "\n" in first.text_with_ws + comma.text_with_ws:
        return span
    lead = doc[max(0, span.start - 10):span.start - 2]
    if not any(POST_WORD.match(t.text) for t in lead) or any(t.text in (",", ";", ".") for t in lead[-1:]):
        return span
    return Span(doc, span.start - 1, span.end, label=span.label_)
