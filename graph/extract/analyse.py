"""One document, text to records: segment → spaCy → mentions and roles → entities → host → posts → events.

`analyse(name, text, nlp, host=…, meta=…)` returns a `records.Document`; nothing here touches RDF. This is the only
place that runs the spaCy pipeline over a document: each piece's `Doc` is read here (mentions, sentences, roles,
told meetings) and dropped; the steps after it work on records (`Context`).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Document, Event
from ..text.dates import find_dates, to_date
from ..text.segment import normalize, segment
from .chunks import pieces_of
from .context import Context
from .header_events import header_event
from .host import find_host
from .identity import event_keys, unique
from .mentions import acronym_links, acronym_mentions, mentions_of, sentence_of
from .phrases import topic_phrases
from .posts import countries_of_posts, honorific_aliases, host_posts, ministers_of_host_country, roles_from_mentions
from .repair import header_places, projects_from_acronyms
from .resolve import resolve
from .roles import roles_of
from .sentence_events import find_told
from .told_events import datelines, told_events


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def analyse(name: str, text: str, nlp: Language, *, host: str | None = None, meta: dict | None = None) -> Document:
    meta = dict(meta or {})
    norm = normalize(text)
    segments = segment(norm)
    doc_date = to_date(meta.get("date")) or _dateline(norm)
    pieces = pieces_of(norm, segments)
    docs: dict[int, Doc] = {}
    for piece, doc in zip(pieces, nlp.pipe([p.text for p in pieces])):
        docs[id(piece)] = doc
        piece.mentions = mentions_of(piece, doc)
    sentences = sorted({sentence_of(s, p.offset) for p in pieces for s in _sents(docs[id(p)])},
                       key=lambda s: s.start)
    for p in pieces:
        if p.is_header:
            p.mentions = header_places(p)
    mentions = [m for p in pieces for m in p.mentions]
    acronyms = acronym_links(norm, mentions)
    extra = acronym_mentions(norm, acronyms, mentions, sentences)
    for m in extra:
        next(p for p in pieces if p.offset <= m.start < p.offset + len(p.text)).mentions.append(m)
    projects_from_acronyms(pieces, acronyms)
    mentions = [m for p in pieces for m in p.mentions]
    lands = sorted({m.text for m in mentions if m.type in ("Country", "Place")}, key=len, reverse=True)
    for p in pieces:
        p.places = lands
    entities, key_of = resolve(mentions, acronyms)
    ctx = Context(norm, segments, pieces, entities, key_of)
    ctx.roles = {id(p): roles_of(p, norm) for p in pieces}
    # the mentions are final: the meetings each sentence tells are read once, for the host's guess and the events
    ctx.told = {id(p): [t for s in _sents(docs[id(p)]) for t in find_told(s, p.offset, p.mentions)] for p in pieces}
    ctx.phrases = {id(p): [(label, a + p.offset, b + p.offset, strength) for s in _sents(docs[id(p)])
                           for label, a, b, strength in topic_phrases(s)] for p in pieces}
    docs.clear()
    ctx.host = find_host(ctx, host, mentions)
    roles_from_mentions(ctx)
    if ctx.host:
        host_posts(ctx, mentions)
        ministers_of_host_country(ctx)
    countries_of_posts(ctx)
    honorific_aliases(ctx)
    events = find_events(ctx, doc_date)
    return Document(name, text, checksum(text), meta, sentences, entities, events, ctx.host)


def find_events(ctx: Context, doc_date: dt.date | None) -> list[Event]:
    """Each headed segment's event and the meetings told in it, then the meetings told outside any header; one
    record per real event, keyed by its date and who took part."""
    events: list[Event] = []
    visits: list[Event] = []
    lines = datelines(ctx.norm, doc_date)
    for i, seg in enumerate(ctx.segments):
        if seg.header is None:
            continue
        ev = header_event(ctx, i, visits)
        events.append(ev)
        if seg.header.type in ("StateVisit", "Visit") and seg.header.until:
            visits.append(ev)
        seg_date = to_date(seg.header.begin) or doc_date
        events.extend(told_events(ctx, ev, ctx.body(i), seg_date, lines, events))
    for i, seg in enumerate(ctx.segments):
        if seg.header is None:
            events.extend(told_events(ctx, None, ctx.body(i), doc_date, lines, events))
    return unique(event_keys(events))


def _sents(doc: Doc):
    return doc.sents if doc.has_annotation("SENT_START") else [doc[:]]


def _dateline(norm: str) -> dt.date | None:
    """A wire item's dateline or a first-line date: "BERLIN, 3 May 2024 —"."""
    head = norm[:200]
    dates = [d for d in find_dates(head) if d.year_given and d.precision == "day"]
    return to_date(dates[0].begin) if dates else None
