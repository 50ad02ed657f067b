"""One document, text to records: segment → spaCy → mentions and roles → entities → host → posts → events.

`analyse(name, text, nlp, host=…, meta=…)` returns a `records.Document`; nothing here touches RDF. This is the only
place that runs the spaCy pipeline over a document: each piece's `Doc` is read here as spaCy streams it (mentions,
sentences, told meetings, topic phrases) and dropped at once, so a long text is analysed in bounded memory; the steps
after it work on records (`Context`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Document, Event, Mention, RoleMention, Sentence
from ..text.dates import find_dates, to_date
from ..text.segment import normalize, segment
from .chunks import BATCH, WHOLE_BATCH, Piece, pieces_of
from .context import Context
from .attach import attached
from .bystanders import without_bystanders
from .counterparts import delegation_counterparts
from .envoy_calls import envoy_calls
from .envoy_lands import envoy_counterparts
from .guest_lands import companions_before, guests_received
from .header_events import header_event
from .host import find_host
from .identity import event_keys, unique
from .lone_names import drop_lone_names
from .learned import learned_meetings, parse_wanted
from .met_countries import met_countries
from .ministerials import ministerial_meetings
from .mentions import ACRONYM_DEF, acronym_links, acronym_mentions, mentions_of, sentence_of
from .nominals import titled_participants
from .one_sided import without_one_sided, without_unnamed_groups
from .outcomes import OutcomePhrase, outcome_phrases
from .pair_parse import Parsed, parsed_of
from .phrases import topic_phrases
from .printed_names import title_aliases
from .prune import pruned
from .published import published_date
from .visits_told import visits_told
from .visit_sides import without_home_visitors
from .envoy_joins import envoy_joins
from .role_orgs import rerank_orgs
from .title_extend import extend_titles
from .posts import (GUESSED_POST, countries_of_posts, heads_by_elimination, honorific_aliases, host_posts,
                    ministers_of_host_country, roles_from_mentions)
from .repair import header_places, projects_from_acronyms
from .resolve import resolve
from .roles import roles_of
from .sentence_events import Told, find_told
from .same_events import joined
from .separate_meetings import separate_meetings
from .stand_ins import without_stand_ins
from .told_events import _ref_at, datelines, told_events
from .topic_chunks import Chunk, DocChunks, sentence_chunks
from .topic_model import chunks_wanted, rank_learned
from .topic_routes import route_topics


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def analyse(name: str, text: str, nlp: Language | None, *, host: str | None = None, meta: dict | None = None,
            progress: Callable[[int, int], None] | None = None, reader: Reader | None = None) -> Document:
    """`progress(words done, words in all)` is called after each piece spaCy has read. `reader`: reads the pieces
    instead of `nlp` (a long document's pieces across processes: store/build.py); the result is the same."""
    meta = dict(meta or {})
    norm = normalize(text)
    segments = segment(norm)
    doc_date = to_date(meta.get("date")) or _dateline(norm)
    pieces = pieces_of(norm, segments)
    read = _read_pieces(norm, pieces, nlp, progress, reader)
    sentences = sorted(read.sentences, key=lambda s: s.start)
    mentions = [m for p in pieces for m in p.mentions]
    acronyms = acronym_links(norm, mentions)
    extra = acronym_mentions(norm, acronyms, mentions, sentences)
    for m in extra:
        next(p for p in pieces if p.offset <= m.start < p.offset + len(p.text)).mentions.append(m)
    projects_from_acronyms(pieces, acronyms)
    read.retell(pieces, extra)
    mentions = [m for p in pieces for m in p.mentions]
    lands = sorted({m.text for m in mentions if m.type in ("Country", "Place")}, key=len, reverse=True)
    for p in pieces:
        p.places = lands
    entities, key_of = resolve(mentions, acronyms)
    ctx = Context(norm, segments, pieces, entities, key_of)
    ctx.roles = {id(p): read.roles(p, norm) for p in pieces}
    ctx.told = {id(p): [t for told in read.told[id(p)] for t in told] for p in pieces}
    ctx.phrases = read.phrases
    ctx.outcomes = read.outcomes
    ctx.parses = read.parses
    ctx.chunks = read.chunks
    ctx.host = find_host(ctx, host, mentions)
    roles_from_mentions(ctx)
    told = {(k, r.title, r.org) for k, e in ctx.entities.items() for r in e.roles}  # read next to names
    if ctx.host:
        host_posts(ctx, mentions)
    left = countries_of_posts(ctx)
    if ctx.host:
        ministers_of_host_country(ctx)
    guests_received(ctx, told, GUESSED_POST)  # "A, who arrived in Tarvik, met Minister B": B is of Tarvik's country
    companions_before(ctx, told, GUESSED_POST)  # "Minister A and B are accompanying C": of C's country
    heads_by_elimination(ctx, left)  # a head with no country yet: the one the others' posts leave
    honorific_aliases(ctx)
    events = find_events(ctx, doc_date, sentences)
    drop_lone_names(norm, entities, events, ctx.host)
    rerank_orgs(ctx)  # each post's organisation chosen again by a trained model (if shipped), after the events
    extend_titles(ctx)  # each title as the whole phrase written by the name ("Senior Development Advisor")
    title_aliases(ctx)  # last: the rules compare names, not the forms with titles the graph also knows
    return Document(name, text, checksum(text), meta, sentences, entities, events, ctx.host)


def find_events(ctx: Context, doc_date: dt.date | None, sentences: list[Sentence] = ()) -> list[Event]:
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
    events.extend(ministerial_meetings(ctx, events, doc_date))  # "hosted a meeting of the ministers of A, B and C"
    titled_participants(ctx, events)  # "a meeting between the Prime Minister and …": the one named in that post
    delegation_counterparts(ctx, events)
    envoy_counterparts(ctx, events)  # "representatives from Austria (A)": the envoy's country at his ceremony
    events = envoy_calls(ctx, events)  # "the envoys of A, B and C called on X": one meeting per envoy's country
    # pairs a trained model passes, beside the rules
    events.extend(without_bystanders(ctx, learned_meetings(ctx, events, list(sentences),
                                                          lambda pos: _ref_at(lines, pos, doc_date))))
    events = attached(ctx, events, list(sentences))  # names of later sentences joined to their meeting (a model)
    events = without_stand_ins(ctx, events)  # countries told for their leaders, summits named as if they met
    events = without_unnamed_groups(unique(event_keys(events)))
    events = joined(ctx, events, list(sentences))  # one meeting told in pieces (a trained model)
    events = envoy_joins(ctx, events)  # "the ambassadors of A, B" + "Ambassador of A X called on": one call
    events = separate_meetings(ctx, events)  # "held bilateral meetings with A, B and C": one meeting each
    events = visits_told(ctx, events)  # "B, currently visiting the UAE": the trip beside the meeting
    events = without_home_visitors(ctx, events)  # nobody visits his own country: its people are the hosts
    events = without_one_sided(events, ctx.norm)  # a meeting of one (the one met not read) is no meeting
    met_countries(ctx, events, list(sentences))  # countries met as such (a trained model, if shipped)
    events = pruned(ctx, events, list(sentences))  # participants a trained model is sure were not there dropped
    route_topics(ctx, events)
    rank_learned(ctx, events)  # what each meeting was about, chosen again by a trained model (if shipped)
    return events


@dataclass
class PieceRead:
    """What one piece's `Doc` said, as records: its mentions (and nationality words), sentences, the meetings each
    sentence tells (read with the mentions known then), its topic phrases, and the few sentences a defined short
    form may still add a mention to (sentence index, offset in the document, the sentence as a small `Doc`, or as
    `Doc.to_bytes()` when read in another process)."""

    mentions: list[Mention]
    norp: list[tuple[int, int, str]]
    sentences: list[Sentence]
    told: list[list[Told]]
    phrases: list[tuple[str, int, int, float]]
    outcomes: list[OutcomePhrase] = field(default_factory=list)
    kept: list[tuple[int, int, Doc | bytes]] = field(default_factory=list)
    roles: list[RoleMention] | None = None  # `piece_roles`, when read with the document's text at hand
    parses: dict[int, Parsed] = field(default_factory=dict)  # sentence start → its parse, kept where a name is
    chunks: list[Chunk] = field(default_factory=list)  # the sentences' noun phrases (topic_chunks.py)


class _NeedsDocument(BaseException):  # not an Exception: no rule's `except Exception` can take it for its own
    pass


class _Unknown:
    """A piece's `places` while only the piece is read: the document's are known once every piece is."""

    def _unknown(self, *args):
        raise _NeedsDocument

    __len__ = __bool__ = __iter__ = __contains__ = __getitem__ = _unknown


def piece_roles(piece: Piece, text: str) -> list[RoleMention] | None:
    """`roles_of(piece, text)` as soon as the piece's mentions are read (in the worker that read it), or None
    where it needs more of the document than its text: the places of the whole document (`Piece.places`), or
    anything that fails (left to the analysis, which reads it again with the whole document)."""
    places, piece.places = piece.places, _Unknown()
    try:
        return roles_of(piece, text)
    except (_NeedsDocument, Exception):
        return None
    finally:
        piece.places = places


# reads pieces (in order) given the short-form pattern and the document's normalised text: here with one pipeline,
# or across worker processes
Reader = Callable[[list[Piece], "re.Pattern | None", str], Iterable[PieceRead]]


def read_piece(piece: Piece, doc: Doc, shorts: re.Pattern | None) -> PieceRead:
    """`piece`'s mentions, sentences, told meetings and topic phrases read from its `doc`."""
    piece.norp = []
    mentions = mentions_of(piece, doc)
    if piece.is_header:
        piece.mentions = mentions
        mentions = header_places(piece)
    out = PieceRead(mentions, piece.norp, [], [], [])
    starts = sorted(m.start for m in mentions) if parse_wanted() else []  # no parse kept for a model without it
    chunks = DocChunks(doc) if chunks_wanted() else None  # noun phrases only for the topic model, read once
    for i, s in enumerate(_sents(doc)):
        out.sentences.append(sentence_of(s, piece.offset))
        lo = out.sentences[-1].start
        at = bisect_left(starts, lo)
        if at < len(starts) and starts[at] < out.sentences[-1].end:  # a name in it: the pair model reads its parse
            out.parses[lo] = parsed_of(s, piece.offset)
        out.told.append(find_told(s, piece.offset, mentions))
        out.phrases.extend((label, a + piece.offset, b + piece.offset, strength)
                           for label, a, b, strength in topic_phrases(s))
        out.outcomes.extend(o.moved(piece.offset) for o in outcome_phrases(s))
        if chunks is not None:
            out.chunks.extend(sentence_chunks(s, piece.offset, chunks))
        if shorts is not None and shorts.search(s.text):
            out.kept.append((i, piece.offset + s.start_char, s.as_doc()))
    return out


def read_pieces(pieces: list[Piece], nlp: Language, shorts: re.Pattern | None, portable: bool = False,
                batch_size: int | None = None, text: str | None = None) -> Iterator[PieceRead]:
    """Each piece through spaCy (`nlp.pipe`, one `Doc` at a time), read into records and the `Doc` dropped, so
    memory does not grow with the text. `portable`: the kept sentences as bytes, to send to another process.
    `text`: the document's (normalised) text, to read each piece's roles too (`piece_roles`)."""
    texts = (p.text for p in pieces)
    stream = nlp.pipe(texts, batch_size=batch_size) if batch_size else nlp.pipe(texts)
    for piece, doc in zip(pieces, stream):
        out = read_piece(piece, doc, shorts)
        if text is not None:
            piece.mentions, piece.norp = out.mentions, out.norp
            out.roles = piece_roles(piece, text)
        if portable:
            out.kept = [(i, start, d.to_bytes()) for i, start, d in out.kept]
        yield out


class _Read:
    """What the pieces' `Doc`s said, kept as records once each `Doc` is dropped (`PieceRead`), merged in the
    document's order."""

    def __init__(self):
        self.sentences: set[Sentence] = set()
        self.told: dict[int, list[list[Told]]] = {}  # id(piece) → per sentence, the meetings it tells
        self.phrases: dict[int, list[tuple[str, int, int, float]]] = {}
        self.outcomes: dict[int, list[OutcomePhrase]] = {}
        # (id(piece), sentence index) → the sentence's offset in the document and the sentence as a Doc
        self.kept: dict[tuple[int, int], tuple[int, Doc]] = {}
        # id(piece) → its roles read with its pieces, and the mentions they were read from
        self._roles: dict[int, tuple[list[RoleMention], tuple[Mention, ...]]] = {}
        self._vocab = None
        self.parses: dict[int, Parsed] = {}  # sentence start → its parse (sentences with a name)
        self.chunks: dict[int, list[Chunk]] = {}  # id(piece) → its noun phrases (topic_chunks.py)

    def add(self, piece: Piece, got: PieceRead) -> None:
        piece.mentions, piece.norp = got.mentions, got.norp
        self.sentences.update(got.sentences)
        self.told[id(piece)] = got.told
        self.phrases[id(piece)] = got.phrases
        self.outcomes[id(piece)] = got.outcomes
        self.parses.update(got.parses)
        self.chunks[id(piece)] = got.chunks
        for i, start, doc in got.kept:
            self.kept[(id(piece), i)] = (start, self._doc(doc))
        if got.roles is not None:
            self._roles[id(piece)] = (got.roles, tuple(got.mentions))

    def roles(self, piece: Piece, norm: str) -> list[RoleMention]:
        """`roles_of(piece, norm)`: read with the piece where its mentions are still those (a short form's mention
        added or a mention retyped since: read again)."""
        got = self._roles.get(id(piece))
        if got is not None and tuple(piece.mentions) == got[1]:
            return got[0]
        return roles_of(piece, norm)

    def _doc(self, doc: Doc | bytes) -> Doc:
        if isinstance(doc, Doc):
            return doc
        if self._vocab is None:  # a sentence read in another process: its strings travel with it
            import spacy

            self._vocab = spacy.blank("en").vocab
        return Doc(self._vocab).from_bytes(doc)

    def retell(self, pieces: list[Piece], extra: list[Mention]) -> None:
        """The meetings told again in each sentence a short form's mention was added to (`extra`): the mentions
        are final now."""
        if not extra:
            return
        by_id = {id(p): p for p in pieces}
        for (pid, i), (start, doc) in self.kept.items():
            whole = doc[:]
            if any(start <= m.start and m.end <= start + whole.end_char for m in extra):
                self.told[pid][i] = find_told(whole, start, by_id[pid].mentions)


def _read_pieces(norm: str, pieces: list[Piece], nlp: Language | None, progress: Callable[[int, int], None] | None,
                 reader: Reader | None = None) -> _Read:
    """Each piece read (`read_pieces`, or `reader`), in order; `progress` after each."""
    read = _Read()
    shorts = _short_forms(norm)
    words = [len(p.text.split()) for p in pieces]
    total, done = sum(words), 0
    if reader is None:
        stream = read_pieces(pieces, nlp, shorts, batch_size=None if len(norm) <= WHOLE_BATCH else BATCH)
    else:
        stream = reader(pieces, shorts, norm)
    for piece, n, got in zip(pieces, words, stream):
        read.add(piece, got)
        done += n
        if progress:
            progress(done, total)
    return read


def _short_forms(norm: str) -> re.Pattern | None:
    """Every short form the text may define ("… Corporation (FAW Group)"), as one pattern: a superset of the
    acronym links, known before any mention is."""
    shorts = {m.group(1) for m in re.finditer(ACRONYM_DEF, norm)}
    if not shorts:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in sorted(shorts, key=len, reverse=True)) + ")")


def _sents(doc: Doc) -> list:
    """The doc's sentences, a sentence the parser ended inside a line without a full stop joined to the next ("…
    the day, PM | Dahal paid a courtesy call …", "… Minister of Defence, Hon | Jacob …"): a title before a name is
    no end of a sentence. A line break still ends one (titles, datelines)."""
    if not doc.has_annotation("SENT_START"):
        return [doc[:]]
    out = []
    for s in doc.sents:
        if out and (_unfinished(out[-1]) or s[0].text in (",", ";") and "\n" not in out[-1][-1].text_with_ws):
            # … or one that opens with a comma: a dateline's place cut off ("BERLIN | , 3 May 2024 — …")
            out[-1] = doc[out[-1].start:s.end]
        else:
            out.append(s)
    return out


def _unfinished(s) -> bool:
    """A title before a name, or a list's verb before its list ("Present at the talks were | A and B")."""
    last = s[-1]
    return not last.is_space and "\n" not in last.text_with_ws and (
        last.pos_ in ("PROPN", "NOUN") and last.text[:1].isupper() or last.lower_ in LIST_VERBS) and \
        s.end < len(s.doc) and s.doc[s.end].text[:1].isupper()


LIST_VERBS = {"were", "was", "are", "is", "included", "include", "includes", "comprised", "comprises"}


def _dateline(norm: str) -> dt.date | None:
    """A wire item's dateline or a first-line date: "BERLIN, 3 May 2024 —"."""
    head = norm[:200]
    dates = [d for d in find_dates(head) if d.year_given and d.precision == "day"]
    return to_date(dates[0].begin) if dates else published_date(norm)  # "first published Oct. 7, 2025"
