"""One document, text to records: segment → spaCy → mentions and roles → entities → events.

`analyse(name, text, nlp, host=…, meta=…)` returns a `records.Document`; nothing here touches RDF.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter

from spacy.language import Language

from . import extract as ex
from . import gazetteer as gz
from .dates import find_dates, relative_dates, to_date
from .records import Document, Entity, Event, Mention, Participant, Role, Sentence, Topic
from .resolve import part_of_name, resolve, same_name, slug
from .segment import Segment, event_type, normalize, segment

TOPIC_WEIGHT = {"Project": 1.0, "Equipment": 1.0, "Organization": 0.55, "Place": 0.5, "Country": 0.35}
MAX_TOPICS = 12
GROUP_NOUNS = r"(?:agencies|officials|management|representatives|heads|leaders|members|delegation|executives|" \
              r"governors|ministers|businessmen|business community|community|staff|board)"
REPORTED = re.compile(
    r"\b(?P<subj>(?i:you and I|we|I|he|she|they|the two leaders|the leaders|the presidents|the delegation)|"
    r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})\s+(?:also\s+|last\s+|have\s+|had\s+|has\s+|already\s+)*"
    r"(?P<verb>met|meet|held talks|held a meeting|had a meeting|had talks|received|hosted|visited|"
    r"managed to meet)\b",
)
PASSIVE_MEETING = re.compile(r"\b(?:a|the)\s+meeting\s+was\s+held\s+with\b", re.I)


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def analyse(name: str, text: str, nlp: Language, *, host: str | None = None, meta: dict | None = None) -> Document:
    meta = dict(meta or {})
    norm = normalize(text)
    segments = segment(norm)
    doc_date = to_date(meta.get("date")) or _dateline(norm)
    pieces = _pieces(norm, segments)
    for piece, doc in zip(pieces, nlp.pipe([p.text for p in pieces])):
        piece.doc = doc
        piece.mentions = ex.mentions_of(piece)
    sentences = sorted({ex.sentence_of(s, p.offset) for p in pieces for s in _sents(p.doc)}, key=lambda s: s.start)
    mentions = [m for p in pieces for m in p.mentions]
    for p in pieces:
        if p.is_header:
            p.mentions = _header_places(p, norm) 
    mentions = [m for p in pieces for m in p.mentions]
    acronyms = ex.acronym_links(norm, mentions)
    extra = ex.acronym_mentions(norm, acronyms, mentions, sentences)
    for m in extra:
        next(p for p in pieces if p.offset <= m.start < p.offset + len(p.text)).mentions.append(m)
    mentions += extra
    _projects_from_acronyms(pieces, acronyms)
    mentions = [m for p in pieces for m in p.mentions]
    role_mentions = {id(p): ex.roles_of(p, norm) for p in pieces}
    entities, key_of = resolve(mentions, acronyms)
    host_key = _host(host, norm, mentions, key_of, entities, segments, pieces)
    for p in pieces:
        for r in role_mentions[id(p)]:
            _add_role(entities, key_of, r.person, r.title, r.org, r.sentence, r.confidence, None)
    if host_key:
        _host_posts(norm, mentions, key_of, entities, host_key)
    events = _events(norm, segments, pieces, entities, key_of, role_mentions, host_key, doc_date)
    return Document(name, text, checksum(text), meta, sentences, entities, events, host_key)


def _header_places(piece: ex.Piece, norm: str) -> list[Mention]:
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
    name = ex.clean_name(m.group(1))
    gid = gz.country_of(name).name if typ == "Country" else ""
    return sorted(kept + [Mention(name, typ, start, end, sent, "rule", 0.8, gid)], key=lambda x: x.start)


def _projects_from_acronyms(pieces: list[ex.Piece], acronyms: dict[str, Mention]) -> None:
    """A model designation built on an organisation's short form ("BNBC-3") names a stage of a project."""
    from .resolve import stage_base

    for p in pieces:
        p.mentions = [Mention(m.text, "Project", m.start, m.end, m.sentence, "rule", m.confidence)
                      if m.type == "Equipment" and not m.gazetteer_id and stage_base(m.text) in acronyms else m
                      for m in p.mentions]


def _sents(doc):
    return doc.sents if doc.has_annotation("SENT_START") else [doc[:]]


def _pieces(norm: str, segments: list[Segment]) -> list[ex.Piece]:
    pieces = []
    for i, s in enumerate(segments):
        if s.header:
            pieces.append(ex.Piece(s.header.start, norm[s.header.start:s.header.title_end], i, True))
        if norm[s.body_start:s.end].strip():
            pieces.append(ex.Piece(s.body_start, norm[s.body_start:s.end], i, False))
    return pieces


def _dateline(norm: str) -> dt.date | None:
    """A wire item's dateline or a first-line date: "BERLIN, 3 May 2024 —"."""
    head = norm[:200]
    dates = [d for d in find_dates(head) if d.year_given and d.precision == "day"]
    return to_date(dates[0].begin) if dates else None


# ---------------------------------------------------------------------------------------------------- host

def _host(given: str | None, norm: str, mentions: list[Mention], key_of: dict, entities: dict[str, Entity],
          segments: list[Segment], pieces: list[ex.Piece]) -> str | None:
    """The programme's host. Given on the command line: the entity whose name matches it (created if the text never
    names it). Otherwise the person most often addressed ("Dear President Lukashenko") or labelled as a speaker,
    among those not named in any header (the host is implicit in his own headers)."""
    if given:
        for ent in entities.values():
            if ent.type == "Person" and any(same_name(given, n) or part_of_name(n, given) or n == given
                                            for n in {ent.label, *ent.aliases}):
                return ent.key
        key = f"person/{slug(given)}"
        entities[key] = Entity(key, "Person", given, set(), [], [], 1.0, "cli")
        return key
    in_headers = {key_of[m] for p in pieces if p.is_header for m in p.mentions}
    score: Counter = Counter()
    for m in ex.vocatives(norm, mentions):
        score[key_of[m]] += 3
    for m in ex.speaker_labels(norm, mentions):
        score[key_of[m]] += 1
    for k in list(score):
        if k in in_headers or entities[k].type != "Person":
            del score[k]
    if not score:
        return None
    return score.most_common(1)[0][0]


def _host_posts(norm: str, mentions: list[Mention], key_of: dict, entities: dict[str, Entity], host: str) -> None:
    """Unnamed posts in the text ("the president of the Republic of Belarus") whose title the host bears."""
    host_titles = {r.title.lower() for r in entities[host].roles}
    host_titles |= {t.lower() for m in entities[host].mentions
                    for t in re.findall(r"(President|Prime Minister|Chancellor|King|Emir|Premier)\s+$",
                                        norm[max(0, m.start - 30):m.start])}
    found = [(t, o) for t, o in ex.unnamed_posts(norm, mentions) if t.lower() in host_titles and o in key_of]
    by_org = Counter(key_of[o] for _, o in found)
    if not by_org:
        return
    best, n = by_org.most_common(1)[0]
    if list(by_org.values()).count(n) > 1:
        return  # no clear majority: the text speaks of several presidents
    for title, org in found:
        if key_of[org] == best:
            _add_role(entities, key_of, None, title, org, org.sentence, 0.6, None, person_key=host)
            return


def _add_role(entities, key_of, person: Mention | None, title: str, org: Mention | None, sentence: Sentence,
              conf: float, event: str | None, person_key: str | None = None) -> None:
    pk = person_key or key_of.get(person)
    if pk is None or pk not in entities:
        return
    ok = None
    if org is not None:
        ok = key_of.get(org)
        if ok is None:  # a country named only by its demonym: make it an entity
            ok = f"country/{slug(org.text)}"
            entities.setdefault(ok, Entity(ok, "Country", org.text, set(), [], [], 0.9, "gazetteer"))
    ent = entities[pk]
    if ok is None and any(r.title == title for r in ent.roles):
        return
    ent.roles[:] = [r for r in ent.roles if not (r.title == title and r.org is None and ok is not None)]
    if not any(r.title == title and r.org == ok for r in ent.roles):
        ent.roles.append(Role(title, ok, event, sentence, conf))


# ---------------------------------------------------------------------------------------------------- events

def _events(norm, segments, pieces, entities, key_of, role_mentions, host, doc_date) -> list[Event]:
    events: list[Event] = []
    visits: list[Event] = []
    for i, seg in enumerate(segments):
        if seg.header is None:
            continue
        h = seg.header
        header_piece = next(p for p in pieces if p.segment == i and p.is_header)
        body = [p for p in pieces if p.segment == i and not p.is_header]
        sent = Sentence(h.start, h.end)
        key = f"event/{h.begin}-{slug(h.title)}"
        ev = Event(key, h.type, h.title, h.begin, h.until, sent, "header", 0.95)
        _header_participants(ev, header_piece, body, entities, key_of, host)
        _speaker_participants(ev, body, norm, role_mentions, key_of, entities)
        _place(ev, header_piece, norm, entities, key_of)
        parent = next((v for v in reversed(visits) if v.start and v.end and h.begin and v.start <= h.begin <= v.end
                       and v is not ev), None)
        if parent is not None:
            ev.part_of = parent.key
        _topics(ev, body, entities, key_of)
        _mentioned(ev, body, header_piece, key_of, entities)
        for e in _role_events(ev, header_piece, role_mentions):
            pass
        events.append(ev)
        if h.type in ("StateVisit", "Visit") and h.until:
            visits.append(ev)
        seg_date = to_date(h.begin) or doc_date
        events.extend(_reported(ev, body, norm, entities, key_of, seg_date, host))
    return events


def _role_events(ev: Event, header_piece, role_mentions):
    return []


def _participant(ev: Event, key: str, role: str, conf: float, method: str, sentence: Sentence) -> None:
    if key and not any(p.entity == key for p in ev.participants):
        ev.participants.append(Participant(key, role, conf, method, sentence))


def _header_participants(ev, header_piece, body, entities, key_of, host) -> None:
    if host and not ev.reported:
        _participant(ev, host, "host", 0.9, "inference", ev.sentence)
    hm = [m for m in header_piece.mentions]
    persons = [m for m in hm if m.type == "Person" and key_of.get(m) != host]
    for m in persons:
        _participant(ev, key_of[m], "guest", 0.95, "header", ev.sentence)
    for m in hm:
        if m.type == "Organization":
            business = any(w.lower() in ex.BUSINESS_HEADS for w in m.text.replace("(", " ").split())
            if not persons or business:
                _participant(ev, key_of[m], "guest", 0.85 if not persons else 0.7, "header", ev.sentence)
        elif m.type == "Country" and not persons and not any(x.type == "Organization" for x in hm):
            _participant(ev, key_of[m], "guest", 0.85, "header", ev.sentence)
    generic = re.search(rf"\bwith\b.*\b{GROUP_NOUNS}\b", ev.label, re.I)
    if generic and not persons and not any(m.type == "Organization" for m in hm):
        for p in body:
            for m in p.mentions:
                if m.type == "Organization" and _agency_like(m.text) and key_of.get(m) != host:
                    _participant(ev, key_of[m], "attendee", 0.6, "rule", m.sentence)


def _agency_like(name: str) -> bool:
    words = name.replace("-", " ").split()
    return any(w.lower() in gz.org_heads() for w in words) or (name.isupper() and 2 <= len(name) <= 6)


def _speaker_participants(ev, body, norm, role_mentions, key_of, entities) -> None:
    for p in body:
        for r in ex.speaker_intros(p, norm, role_mentions[id(p)]):
            k = key_of.get(r.person)
            if k:
                _participant(ev, k, "attendee", 0.75, "rule", r.sentence)
        for m in ex.speaker_labels(p.text, [_shift(x, -p.offset) for x in p.mentions]):
            k = next((key_of[x] for x in p.mentions if x.start == m.start + p.offset), None)
            if k:
                _participant(ev, k, "attendee", 0.85, "rule", Sentence(m.start + p.offset, m.end + p.offset))


def _shift(m: Mention, d: int) -> Mention:
    return Mention(m.text, m.type, m.start + d, m.end + d, m.sentence, m.method, m.confidence, m.gazetteer_id)


def _place(ev, header_piece, norm, entities, key_of) -> None:
    """"… at the Monument to the People's Heroes", "… in Samarkand": a place in the header after at/in."""
    for m in header_piece.mentions:
        if m.type in ("Place", "Country") and re.search(r"\b(?:at|in|near)\s+(?:the\s+)?$",
                                                        norm[max(0, m.start - 12):m.start]):
            if key_of.get(m) not in {p.entity for p in ev.participants}:
                ev.place = key_of[m]
                return


def _topics(ev: Event, body, entities, key_of) -> None:
    """Rank what the segment names, projects and equipment first, then organisations, places and countries that do
    not take part; keep those that score enough (at most MAX_TOPICS)."""
    counts: Counter = Counter()
    taking_part = {p.entity for p in ev.participants}
    own = {r.org for p in ev.participants for r in entities[p.entity].roles if entities[p.entity].type == "Person"}
    for p in body:
        for m in p.mentions:
            k = key_of.get(m)
            if k and k not in taking_part and entities[k].type in TOPIC_WEIGHT:
                counts[k] += 1
    scored = []
    for k, n in counts.items():
        ent = entities[k]
        w = TOPIC_WEIGHT[ent.type]
        if ent.type == "Country" and k in own:
            w *= 0.3
        if ent.type == "Organization" and not _agency_like(ent.label):
            w *= 0.5
        scored.append((w * (1 + math.log(n)), k))
    scored.sort(key=lambda x: (-x[0], x[1]))
    kept = [(s, k) for s, k in scored if s >= 0.5][:MAX_TOPICS]
    ev.topics = [Topic(k, i + 1, round(min(0.95, 0.4 + s / 3), 2)) for i, (s, k) in enumerate(kept)]


def _mentioned(ev, body, header_piece, key_of, entities) -> None:
    taking_part = {p.entity for p in ev.participants}
    seen = []
    for p in body:
        for m in p.mentions:
            k = key_of.get(m)
            if k and entities[k].type == "Person" and k not in taking_part and k not in seen:
                seen.append(k)
    ev.mentioned = seen


def _reported(parent: Event, body, norm, entities, key_of, seg_date, host) -> list[Event]:
    """Meetings told in passing inside a segment: "You and I met in Samarkand in September 2022", "we met with top
    officials of the Agriculture Ministry", "a meeting was held with …"."""
    out = []
    for p in body:
        for sent in _sents(p.doc):
            s_start, s_end = p.offset + sent.start_char, p.offset + sent.end_char
            text = norm[s_start:s_end]
            m = REPORTED.search(text) or PASSIVE_MEETING.search(text)
            if not m:
                continue
            after = s_start + m.end()
            ms = [x for x in p.mentions if x.start >= after and x.end <= s_end]
            subj = m.groupdict().get("subj") or ""
            guests = [x for x in ms if x.type in ("Person", "Organization")]
            if not guests and subj.lower() != "you and i":
                continue
            if subj.lower() in ("he", "she", "they") or re.match(r"(?:will|would)\b", text[m.end():].strip()):
                continue
            if re.search(r"\b(?:times|often|regularly|every|each)\b", text[m.end():]):
                continue  # habitual: "I've met with you five times"
            if re.search(r"\b(?:will|would|going to|plan to|intend to)\s+(?:\w+\s+)?$", text[:m.start("verb")]
                         if "verb" in m.groupdict() else ""):
                continue
            dates = [d.resolve(seg_date) for d in find_dates(text)] + relative_dates(text, seg_date)
            dates = [d for d in dates if d.begin and d.year_given]
            start = dates[0].begin if dates else (parent.start if parent.end is None else None)
            ev = Event("", "Meeting", " ".join(text.split())[:200], start, None, Sentence(s_start, s_end), "rule",
                       0.6, reported=True)
            if subj.lower() == "you and i":
                for q in parent.participants:
                    if q.role in ("host", "guest") and entities[q.entity].type == "Person":
                        _participant(ev, q.entity, q.role, 0.6, "rule", ev.sentence)
            elif subj[:1].isupper() and subj.lower() not in ("we", "i"):
                subj_m = [x for x in p.mentions if x.type == "Person" and s_start <= x.start < after]
                for x in subj_m:
                    _participant(ev, key_of[x], "host", 0.7, "rule", ev.sentence)
            for x in guests:
                if key_of.get(x) and key_of[x] != host:
                    _participant(ev, key_of[x], "guest", 0.6, "rule", ev.sentence)
            places = [x for x in ms if x.type in ("Place",)]
            if places:
                ev.place = key_of.get(places[0])
            if not ev.participants:
                continue
            ev.part_of = parent.part_of or (parent.key if parent.type in ("StateVisit", "Visit") else None)
            who = "-".join(sorted(slug(entities[q.entity].label) for q in ev.participants))[:60]
            ev.key = f"event/{start or 'undated'}-reported-{who}"
            if any(e.key == ev.key for e in out):
                continue
            out.append(ev)
    return out
