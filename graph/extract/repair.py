"""Repairs of what the model found, made with the whole document in view: a header's place phrase as one place,
and an organisation's short form with a stage number ("BNBC-3") as a project."""

from __future__ import annotations

import re

from ..records import Mention, Sentence
from ..text import gazetteer as gz
from . import confidence as conf
from .chunks import Piece
from .mentions import clean_name
from .resolve import stage_base


def header_places(piece: Piece) -> list[Mention]:
    """"Laying of a wreath at the Monument to the People's Heroes": the capitalised phrase after at/in/near in a
    header is one place, whatever pieces the model made of it."""
    m = re.search(r"\b(?:at|in|near)\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+(?:of|to|the|and|for|[A-Z][\w'-]*))*)\s*$",
                  piece.text)
    if not m:
        return piece.mentions
    start, end = piece.offset + m.start(1), piece.offset + m.end(1)
    if any(x.start == start and x.end == end for x in piece.mentions):
        return piece.mentions
    kept = [x for x in piece.mentions if x.end <= start or x.start >= end]
    sent = Sentence(piece.offset, piece.offset + len(piece.text))
    typ = "Country" if gz.country_of(m.group(1)) else "Place"
    name = clean_name(m.group(1))
    gid = gz.country_of(name).name if typ == "Country" else ""
    return sorted(kept + [Mention(name, typ, start, end, sent, "rule", conf.HEADER_PLACE, gid)],
                  key=lambda x: x.start)


def projects_from_acronyms(pieces: list[Piece], acronyms: dict[str, Mention]) -> None:
    """A model designation built on an organisation's short form ("BNBC-3") names a stage of a project."""
    for p in pieces:
        p.mentions = [Mention(m.text, "Project", m.start, m.end, m.sentence, "rule", m.confidence)
                      if m.type == "Equipment" and not m.gazetteer_id and stage_base(m.text) in acronyms else m
                      for m in p.mentions]
