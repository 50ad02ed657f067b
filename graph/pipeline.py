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
from .dates import find_dates, to_date
from .records import Document, Entity, Event, Mention, Participant, Role, Sentence, Topic
from .resolve import part_of_name, resolve, same_name, slug
from .segment import Segment, normalize, segment

TOPIC_WEIGHT = {"Project": 1.0, "Equipment": 1.0, "Organization": 0.55, "Place": 0.5, "Country": 0.35}
MAX_TOPICS = 12
GROUP_NOUNS = r"(?:agencies|officials|management|representatives|heads|leaders|members|delegation|executives|" \
              r"governors|ministers|businessmen|business community|community|staff|board)"


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
    lands = sorted({m.text for m in mentions if m.type in ("Country", "Place")}, key=len, reverse=True)
    for p in pieces:
        p.places = lands
    role_mentions = {id(p): ex.roles_of(p, norm) for p in pieces}
    entities, key_of = resolve(mentions, acronyms)
    host_key = _host(host, norm, mentions, key_of, entities, segments, pieces)
    for p in pieces:
        for r in role_mentions[id(p)]:
            _add_role(entities, key_of, r.person, r.title, r.org, r.sentence, r.confidence, None)
    if host_key:
        _host_posts(norm, mentions, key_of, entities, host_key)
    if host_key:
        _ministers_of_host_country(entities, host_key)
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


CHUNK = 50_000  # characters per spaCy call: far below its max_length, and memory stays flat on huge texts


def _pieces(norm: str, segments: list[Segment]) -> list[ex.Piece]:
    pieces = []
    for i, s in enumerate(segments):
        if s.header:
            pieces.append(ex.Piece(s.header.start, norm[s.header.start:s.header.title_end], i, True))
        start = s.body_start
        while start < s.end:
            end = _chunk_end(norm, start, s.end)
            if norm[start:end].strip():
                pieces.append(ex.Piece(start, norm[start:end], i, False))
            start = end
    return pieces


def _chunk_end(norm: str, start: int, end: int) -> int:
    """Where a body chunk starting at `start` ends: at `end`, or at a paragraph or sentence break before CHUNK."""
    if end - start <= CHUNK:
        return end
    window = norm[start:start + CHUNK]
    for sep in ("\n\n", "\n", ". ", " "):
        cut = window.rfind(sep)
        if cut > CHUNK // 2:
            return start + cut + len(sep)
    return start + CHUNK


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
    speakers = ex.speaker_labels(norm, mentions)
    if len(speakers) >= 3:  # a transcript: the host speaks most (vocatives there invite the next speaker)
        for m in speakers:
            score[key_of[m]] += 1
    else:
        for m in ex.vocatives(norm, mentions):
            score[key_of[m]] += 3
    preamble = [p for p in pieces if segments[p.segment].header is None and not p.is_header]
    if len(segments) > 1:  # a programme's title line names its host: "… WEEK with President of Ruritania Jan Kowal"
        for p in preamble:
            for m in p.mentions:
                if m.type == "Person" and _head_title_before(norm, m):
                    score[key_of[m]] += 5
    for k in list(score):
        if k in in_headers or entities[k].type != "Person":
            del score[k]
    if score:
        return score.most_common(1)[0][0]
    # a report or a wire item: who receives, meets and holds talks most often (the earliest on a tie) ...
    from .sentence_events import find_told

    subjects: Counter = Counter()
    first: dict[str, int] = {}
    for p in pieces:
        for sent in _sents(p.doc):
            for t in find_told(sent, p.offset, p.mentions, None):
                for m in t.subject:
                    k = key_of.get(m)
                    if k and entities[k].type == "Person":
                        subjects[k] += 1
                        first.setdefault(k, m.start)
    for k in in_headers:  # in a programme, who is named in a header is the host's guest
        subjects.pop(k, None)
    if subjects:
        return max(subjects, key=lambda k: (subjects[k], -first[k]))
    # ... or the first person named with a head of state's or government's title
    for m in sorted(mentions, key=lambda x: x.start):
        if m.type == "Person" and _head_title_before(norm, m) and key_of[m] not in in_headers:
            return key_of[m]
    return None


HEAD_TITLES = r"(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Sultan|Crown Prince|Head of State)"


def _head_title_before(norm: str, m: Mention) -> bool:
    """"President of Ruritania Jan Kowal", "German Chancellor Olaf Scholz", "President Jan Kowal"."""
    left = norm[max(0, m.start - 80):m.start]
    return bool(re.search(rf"\b{HEAD_TITLES}(?:\s+of\s+(?:the\s+)?[A-Z][\w' -]*?)?\s*,?\s*$", left)) \
        and not re.search(r"\b(?:Vice|Deputy|former|First Deputy)\s+" + HEAD_TITLES + r"[^.]*$", left)


def _host_posts(norm: str, mentions: list[Mention], key_of: dict, entities: dict[str, Entity], host: str) -> None:
    """Unnamed posts in the text ("the president of the Republic of Belarus") whose title the host bears."""
    host_titles = {r.title.lower() for r in entities[host].roles}
    host_titles |= {t.lower() for m in entities[host].mentions
                    for t in re.findall(r"(President|Prime Minister|Chancellor|King|Emir|Premier)\s+$",
                                        norm[max(0, m.start - 30):m.start])}
    known = {e.label: k for k, e in entities.items() if e.type == "Country"}
    found = [(t, o) for t, o in ex.unnamed_posts(norm, mentions)
             if t.lower() in host_titles and (o in key_of or o.text in known)]
    for _, o in found:
        key_of.setdefault(o, known.get(o.text))
    by_org = Counter(key_of[o] for _, o in found if key_of.get(o))
    if not by_org:
        return
    best, n = by_org.most_common(1)[0]
    if list(by_org.values()).count(n) > 1:
        return  # no clear majority: the text speaks of several presidents
    for title, org in found:
        if key_of[org] == best:
            _add_role(entities, key_of, None, title, org, org.sentence, 0.6, None, person_key=host)
            return


def _ministers_of_host_country(entities: dict[str, Entity], host: str) -> None:
    """"Minister of Defence Karel Brandt" in a programme about a president: a minister of the host's country,
    unless the text says otherwise."""
    countries = [r.org for r in entities[host].roles if r.org and entities.get(r.org) is not None
                 and entities[r.org].type == "Country"]
    if len(set(countries)) != 1:
        return
    for ent in entities.values():
        if ent.type != "Person" or ent.key == host:
            continue
        ent.roles[:] = [Role(r.title, countries[0], r.event, r.sentence, 0.5)
                        if r.org is None and re.match(r"(?:Deputy |First Deputy )?Minister of ", r.title) else r
                        for r in ent.roles]


def _add_role(entities, key_of, person: Mention | None, title: str, org: Mention | None, sentence: Sentence,
              conf: float, event: str | None, person_key: str | None = None) -> None:
    pk = person_key or key_of.get(person)
    if pk is None or pk not in entities:
        return
    ok = None
    if org is not None:
        ok = key_of.get(org)
        if ok is None:  # named only by a demonym, or seen by no model: the entity of that name, or a new one
            ok = next((k for k, e in entities.items() if e.label == org.text or org.text in e.aliases), None)
        if ok is None:
            ok = f"{org.type.lower()}/{slug(org.text)}"
            entities.setdefault(ok, Entity(ok, org.type, org.text, set(), [], [], 0.7, org.method))
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
    datelines = _datelines(norm, doc_date)
    for i, seg in enumerate(segments):
        if seg.header is None:
            continue
        h = seg.header
        header_piece = next(p for p in pieces if p.segment == i and p.is_header)
        body = [p for p in pieces if p.segment == i and not p.is_header]
        sent = Sentence(h.start, h.end)
        key = f"event/{h.begin}-{slug(h.title)}"  # until its participants are known (see _event_keys)
        ev = Event(key, h.type, h.title, h.begin, h.until, sent, "header", 0.95)
        _header_participants(ev, header_piece, body, entities, key_of, host)
        _speaker_participants(ev, body, norm, role_mentions, key_of, entities)
        _place(ev, header_piece, norm, entities, key_of)
        parent = next((v for v in reversed(visits) if v.start and v.end and h.begin and v.start <= h.begin <= v.end
                       and v is not ev), None)
        if parent is not None:
            ev.part_of = parent.key
        _topics(ev, [m for p in body for m in p.mentions], entities, key_of)
        if len(ev.topics) < 3:  # a headed segment says little by name: what it says was discussed, after
            _topics(ev, [m for p in body for m in p.mentions], entities, key_of,
                    _stated_topics(ev, body, seg.body_start, seg.end, entities, key_of))
        _mentioned(ev, body, header_piece, key_of, entities)
        events.append(ev)
        if h.type in ("StateVisit", "Visit") and h.until:
            visits.append(ev)
        seg_date = to_date(h.begin) or doc_date
        events.extend(_told_events(ev, body, entities, key_of, seg_date, host, datelines, events))
    for i, seg in enumerate(segments):
        if seg.header is None:
            body = [p for p in pieces if p.segment == i and not p.is_header]
            events.extend(_told_events(None, body, entities, key_of, doc_date, host, datelines, events))
    return _unique(_event_keys(events))


def _event_keys(events: list[Event]) -> list[Event]:
    """Every event's stable id from its date and who took part (the same meeting told by another document gets the
    same id); an event with nobody but its host keeps the id made from its title."""
    renames = {}
    for ev in events:
        if ev.type in ("Summit", "Conference", "StateVisit", "Visit") and ev.method == "header" or \
                len(ev.participants) < 2:
            continue
        new = told_key(ev)
        renames[ev.key] = new
        ev.key = new
    for ev in events:
        if ev.part_of in renames:
            ev.part_of = renames[ev.part_of]
    return events


def _unique(events: list[Event]) -> list[Event]:
    """One record per event id: two meetings that came out with one id are one (their participants joined)."""
    by_key: dict[str, Event] = {}
    for ev in events:
        if ev.key in by_key:
            for q in ev.participants:
                _participant(by_key[ev.key], q.entity, q.role, q.confidence, q.method, q.sentence)
        else:
            by_key[ev.key] = ev
    return list(by_key.values())


def _participant(ev: Event, key: str, role: str, conf: float, method: str, sentence: Sentence) -> None:
    if key and not any(p.entity == key for p in ev.participants):
        ev.participants.append(Participant(key, role, conf, method, sentence))


def _header_participants(ev, header_piece, body, entities, key_of, host) -> None:
    if host and not ev.reported:
        _participant(ev, host, "host", 0.9, "inference", ev.sentence)
    about = re.search(r"\b(?:on|about|to discuss|concerning|devoted to|dedicated to)\b", ev.label)
    cut = header_piece.offset + about.start() if about and not re.match(r"(?:Meeting|Talks|Negotiations) with",
                                                                        ev.label) else None
    hm = [m for m in header_piece.mentions if cut is None or m.start < cut]
    ev.header_topics = [key_of[m] for m in header_piece.mentions if cut is not None and m.start >= cut
                        and key_of.get(m)]
    persons = [m for m in hm if m.type == "Person" and key_of.get(m) != host]
    for m in persons:
        _participant(ev, key_of[m], "guest", 0.95, "header", ev.sentence)
    for m in hm:
        if m.type == "Organization":
            business = counterpart_org(m.text)
            if not persons or business:
                _participant(ev, key_of[m], "guest", 0.85 if not persons else 0.7, "header", ev.sentence)
        elif m.type == "Country" and (ev.type in ("StateVisit", "Visit") or not persons
                                      and not any(x.type == "Organization" for x in hm)):
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


ADDRESS = re.compile(r"(?:^|[.!?]\s+)(?:(?:Mr|Mrs|Ms|Madam|Dear)\.?\s+)?(?:[A-Z][\w'-]+\s+){0,5}$")


def _speaker_participants(ev, body, norm, role_mentions, key_of, entities) -> None:
    for p in body:
        for m in p.mentions:  # addressed at the start of a sentence: "Minister of Defence Karel Brandt, this pace …"
            if m.type == "Person" and norm[m.end:m.end + 1] == "," and key_of.get(m) and \
                    ADDRESS.search(norm[max(p.offset, m.start - 80):m.start]) and \
                    re.search(r"(?:Mr|Mrs|Ms|Dear|Madam)\.?\s+$|" + ex._title_regex().pattern + r"\s*$",
                              norm[max(p.offset, m.start - 60):m.start], re.I):
                _participant(ev, key_of[m], "attendee", 0.7, "rule", m.sentence)
        for r in ex.speaker_intros(p, norm, role_mentions[id(p)]):
            k = key_of.get(r.person)
            if k:
                _participant(ev, k, "attendee", 0.75, "rule", r.sentence)
        for m in ex.speaker_labels(p.text, [_shift(x, -p.offset) for x in p.mentions]):
            k = next((key_of[x] for x in p.mentions if x.start == m.start + p.offset), None)
            if k:
                _participant(ev, k, "attendee", 0.85, "rule", Sentence(m.start + p.offset, m.end + p.offset))
                # "Maria Keller, Vice President of Nordwerk Energy Systems:": her company takes part too
                line_end = norm.find(":", m.end + p.offset)
                for x in p.mentions:
                    if x.type == "Organization" and m.end + p.offset < x.start < line_end and \
                            counterpart_org(x.text) and key_of.get(x) and "\n" not in norm[m.end + p.offset:x.start]:
                        _participant(ev, key_of[x], "attendee", 0.7, "rule", x.sentence)


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


MAX_STATED = 6  # stated subjects kept per event, strongest first


def _stated_topics(ev: Event, pieces, start: int, end: int, entities, key_of) -> list[tuple[float, str]]:
    """(score, entity key) of the subjects the text says the event was about, in the sentences from `start` to
    `end`: a named entity where one covers the phrase, else a concept (a `Topic` entity) with the phrase as label."""
    from .topics import topic_phrases

    taking_part = {p.entity for p in ev.participants} | ({ev.place} if ev.place else set())
    out: dict[str, float] = {}
    for p in pieces:
        if p.doc is None or p.offset >= end or p.offset + len(p.text) <= start:
            continue
        for sent in _sents(p.doc):
            s0 = p.offset + sent.start_char
            if not start <= s0 < end:
                continue
            for label, a, b, strength in topic_phrases(sent):
                a, b = a + p.offset, b + p.offset
                named = next((key_of[m] for m in p.mentions if key_of.get(m) and m.start < b and a < m.end
                              and entities[key_of[m]].type in ("Project", "Equipment", "Organization")), None)
                if named is None and any(key_of.get(m) for m in p.mentions if m.start <= a and b <= m.end):
                    continue  # the phrase is a person's or a country's name
                key = named or f"topic/{slug(label)}"
                if key in taking_part or not slug(label):
                    continue
                if named is None and key not in entities:
                    entities[key] = Entity(key, "Topic", label, set(), [], [], round(0.5 + strength / 4, 2), "rule")
                out[key] = max(out.get(key, 0.0), strength + (0.1 if named else 0.0))
    ranked = sorted(out.items(), key=lambda x: (-x[1], entities[x[0]].label))[:MAX_STATED]
    return [(3.0 + s, k) for k, s in ranked]


def _topics(ev: Event, scope: list[Mention], entities, key_of, stated: list[tuple[float, str]] = ()) -> None:
    """Rank what the event's text (`scope`) names, projects and equipment first, then organisations, places and
    countries that do not take part; keep those that score enough (at most MAX_TOPICS)."""
    counts: Counter = Counter()
    taking_part = {p.entity for p in ev.participants} | ({ev.place} if ev.place else set())
    own = {r.org for p in ev.participants for r in entities[p.entity].roles if entities[p.entity].type == "Person"}
    for m in scope:
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
    for k in ev.header_topics:  # "Conference on the re-equipment of the Air Force"
        scored = [x for x in scored if x[1] != k] + [(3.0, k)]
    if stated:  # what the text says was discussed comes first; of the rest no news agency
        from .gazetteer import news_agencies

        scored = [x for x in scored if entities[x[1]].label.casefold() not in news_agencies()]
    for s, k in stated:
        scored = [x for x in scored if x[1] != k] + [(s, k)]
    scored.sort(key=lambda x: (-x[0], x[1]))
    kept = [(s, k) for s, k in scored if s >= 0.5][:MAX_TOPICS if not stated else MAX_STATED]
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


GOV_HEADS = {"ministry", "council", "committee", "parliament", "assembly", "government", "administration",
             "office", "congress", "party", "court", "service", "senate", "duma", "cabinet", "presidium",
             "secretariat", "commission", "agency", "authority", "department", "directorate", "bureau", "chamber",
             "army", "forces", "navy", "guard", "police", "kgb"}


def counterpart_org(name: str) -> bool:
    """An organisation met as such (a company, a bank, a holding), not the state body an official works for."""
    return not any(w.lower().strip("()") in GOV_HEADS for w in name.replace("-", " ").split())


def _datelines(norm: str, doc_date: dt.date | None) -> list[tuple[int, dt.date]]:
    """(position, date) of every dateline ("BERLIN, 3 May 2024 —") and dated first line; the document's date at 0."""
    out = [(0, doc_date)] if doc_date else []
    for m in re.finditer(r"(?m)^[^\n]{0,80}?\b(\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4})\s*(?:[—–-]|$)",
                         norm):
        d = find_dates(m.group(1))
        if d and d[0].year_given and d[0].precision == "day":
            out.append((m.start(), to_date(d[0].begin)))
    return sorted(out, key=lambda x: x[0])


def _ref_at(datelines, pos: int, default: dt.date | None) -> dt.date | None:
    ref = default
    for p, d in datelines:
        if p <= pos:
            ref = d
    return ref


def _told_events(parent: Event | None, body, entities, key_of, ref_default, host, datelines,
                 events: list[Event]) -> list[Event]:
    """Events told in the sentences of `body`. Inside a headed segment (`parent`) they are meetings told in passing
    (`reported`), unless they are the header's own event told again; in a text without headers they are the
    document's events, reported only when the text says they happened before ("last met", "had discussed")."""
    from .sentence_events import find_told

    out: list[Event] = []
    starts: list[tuple[int, Event, ex.Piece]] = []
    told_date = None  # the date of a meeting told without a name to it ("held talks with Japan's new minister
    # on Thursday"), for the next sentence that names who was met without a date ("Park held talks with … Kamikawa")
    for p in body:
        for sent in _sents(p.doc):
            pos = p.offset + sent.start_char
            ref = _ref_at(datelines, pos, ref_default) if parent is None else ref_default
            for t in find_told(sent, p.offset, p.mentions, ref):
                if t.type in ("Joined", "Accompanied"):  # more people at the meeting just told
                    last = (out or ([parent] if parent else []) or [None])[-1]
                    for m in (t.subject if t.type == "Joined" else t.objects):
                        if last is not None and key_of.get(m) and entities[key_of[m]].type == "Person":
                            _participant(last, key_of[m], "attendee", 0.6, "rule", t.sentence)
                    continue
                ev = _told_event(t, parent, entities, key_of, ref, host, events + out)
                if ev is None:
                    told_date = t.start if t.date_given and t.start != "same-day" else told_date
                    continue
                if told_date and not t.date_given and parent is None:
                    ev.start, told_date = told_date, None
                    ev.key = told_key(ev)
                if parent is not None and _same_meeting(parent, ev, host, any_tier=True):
                    for q in ev.participants:
                        _participant(parent, q.entity, "guest" if q.entity != host else "host", q.confidence,
                                     q.method, q.sentence)
                    continue
                again = re.search(r"\b(?:met again|again met|second meeting|another meeting|met once more|"
                                  r"later that day|in the evening|in the afternoon)\b", norm_text(p, ev.sentence))
                twin = None if again else next((e for e in events + out if _same_meeting(e, ev, host)), None)
                if twin is not None:
                    for q in ev.participants:
                        _participant(twin, q.entity, q.role, q.confidence, q.method, q.sentence)
                    continue
                if t.sidelines:
                    summit = _summit(t.sidelines, ev, events + out)
                    if summit not in out and summit not in events:
                        out.append(summit)
                    ev.part_of = summit.key
                    if host and any(q.entity == host for q in ev.participants):
                        # the summit's own participants are not known from a meeting on its sidelines
                        _participant(summit, host, "attendee", 0.6, "rule", ev.sentence)
                out.append(ev)
                starts.append((ev.sentence.start, ev, p))
    for i, (start, ev, p) in enumerate(starts):
        nxt = starts[i + 1][0] if i + 1 < len(starts) and starts[i + 1][2] is p else p.offset + len(p.text)
        para = p.text.find("\n\n", ev.sentence.end - p.offset)
        end = min(nxt, p.offset + para) if para >= 0 else nxt
        # what was said about it runs on, past the paragraph, to the next meeting told (or the end of the text)
        said_end = starts[i + 1][0] if i + 1 < len(starts) else max(q.offset + len(q.text) for q in body)
        if ev.reported:
            said_end = end
        _topics(ev, [m for m in p.mentions if start <= m.start < end], entities, key_of,
                _stated_topics(ev, body, ev.sentence.start, said_end, entities, key_of))
    return out


def norm_text(piece: ex.Piece, sentence: Sentence) -> str:
    return piece.text[sentence.start - piece.offset:sentence.end - piece.offset]


def _told_event(t, parent, entities, key_of, ref, host, earlier: list[Event]) -> Event | None:
    from .sentence_events import GROUP_SUBJECTS, HOST_SUBJECTS

    ev = Event("", t.type, "", None, None, t.sentence, "rule", 0.6, reported=parent is not None)
    subj_word = t.subject_word.lower()
    if (subj_word == "you and i" or subj_word == "we" and not t.objects) and parent is not None:
        # "You and I met in Samarkand", "When we met in Khiva in May": the principals of the meeting
        for q in parent.participants:
            if q.role in ("host", "guest") and entities[q.entity].type == "Person":
                _participant(ev, q.entity, q.role, 0.6, "rule", t.sentence)
    elif t.subject:
        persons = [m for m in t.subject if key_of.get(m) and entities[key_of[m]].type == "Person"] or t.subject
        for m in persons:
            k = key_of.get(m)
            if k:
                _participant(ev, k, "host" if k == host else "guest", 0.7, "rule", t.sentence)
    elif subj_word.lower() in ("he", "she", "his", "her") and earlier:  # the last one told of
        _participant(ev, earlier[-1].participants[0].entity, earlier[-1].participants[0].role, 0.5, "rule",
                     t.sentence) if earlier[-1].participants else None
    elif GROUP_SUBJECTS.match(subj_word) and earlier:
        prev = earlier[-1]
        for q in prev.participants:
            _participant(ev, q.entity, q.role, 0.55, "rule", t.sentence)
    elif HOST_SUBJECTS.match(subj_word) and host and parent is None:
        _participant(ev, host, "host", 0.6, "inference", t.sentence)
    elif host and parent is None and (not subj_word or subj_word.split()[-1] in
                                      " ".join({entities[host].label, *entities[host].aliases}).lower().split()):
        # "a bilateral meeting with …" told with nobody before it, or the host named in a form the model missed
        _participant(ev, host, "host", 0.55, "inference", t.sentence)
    if t.host_object and host and parent is None and t.type not in ("Accompanied", "Joined"):
        _participant(ev, host, "host", 0.55, "inference", t.sentence)  # "paid a courtesy call on the President"
    objects = [m for m in t.objects if key_of.get(m)]
    if t.type in ("Visit", "Ceremony"):  # the visited place or works is where, the companions are who
        objects = [m for m in objects if m.type == "Person"]
        if not ev.participants:
            return None
    kind = {m: entities[key_of[m]].type for m in objects}
    has_person = any(kind[m] == "Person" for m in objects)
    guests = [m for m in objects if kind[m] == "Person" or not has_person and kind[m] == "Organization"
              or kind[m] == "Organization" and counterpart_org(m.text)]
    for m in guests:
        k = key_of[m]
        _participant(ev, k, "host" if k == host else "guest", 0.6, "rule", t.sentence)
    if not guests and not t.group and not (subj_word in ("you and i", "we") or GROUP_SUBJECTS.match(subj_word)) \
            and t.type not in ("Visit", "Ceremony") and len(ev.participants) < 2:
        return None  # "the Congress received constitutional status": nobody was met
    alone_ok = t.type in ("Visit", "Ceremony") or any(entities[q.entity].type == "Organization"
                                                      for q in ev.participants)
    if len(ev.participants) < 2 and not alone_ok and not (t.group and host and parent is None and
                                                          any(q.entity == host for q in ev.participants)):
        return None
    start = t.start
    if start and start != "same-day" and ref is not None and start[:4] > ref.isoformat()[:4]:
        start = None  # "… to be finished in 2028": a plan's date, not the meeting's
    if GROUP_SUBJECTS.match(subj_word) and not t.date_given and earlier:
        start = earlier[-1].start  # "The sides discussed …": the meeting just told
    if start == "same-day":
        start = earlier[-1].start if earlier else None
    if start is None:
        start = (parent.start if parent is not None and parent.end is None else
                 (ref.isoformat() if ref and parent is None else None))
    ev.start = start
    if parent is None:
        before = bool(start and ref and len(start) == 10 and to_date(start) < ref - dt.timedelta(days=10)) or \
                 bool(start and ref and len(start) < 10 and start < ref.isoformat()[:len(start)])
        ev.reported = t.reported_cue or before
    if t.place is not None and key_of.get(t.place) not in {q.entity for q in ev.participants}:
        ev.place = key_of.get(t.place)
    if parent is not None:
        ev.part_of = parent.part_of or (parent.key if parent.type in ("StateVisit", "Visit") else None)
    ev.label = " ".join(" ".join(entities[q.entity].label for q in ev.participants[:1]).split()) + \
        (" meets " if t.type != "Negotiations" else " holds talks with ") + \
        ", ".join(entities[q.entity].label for q in ev.participants[1:]) if len(ev.participants) > 1 else \
        f"{t.type} with " + ", ".join(entities[q.entity].label for q in ev.participants)
    ev.key = told_key(ev)
    ev.confidence = 0.6 if ev.reported else 0.7
    return ev


def told_key(ev: Event) -> str:
    """A told meeting's id: its date and the ids of who took part (so another document telling it gets the same)."""
    who = "-".join(sorted(q.entity.split("/", 1)[-1] for q in ev.participants))[:80]
    return f"event/{ev.start or 'undated'}-{'reported-' if ev.reported else ''}{who}"


def _same_meeting(a: Event, b: Event, host: str | None, any_tier: bool = False) -> bool:
    """One real meeting told twice: same day (or one undated) and a shared participant other than the host."""
    if a.type in ("StateVisit", "Visit", "Summit", "Conference") and a.end:
        return False
    if a.start and b.start and a.start != b.start:
        return False
    pa = {q.entity for q in a.participants} - {host}
    pb = {q.entity for q in b.participants} - {host}
    # the same people: one side's participants (the host aside) all take part in the other
    return bool(pa & pb) and (pa <= pb or pb <= pa) and (any_tier or a.reported == b.reported)


def _summit(name: str, ev: Event, known: list[Event]) -> Event:
    key = f"event/{ev.start or 'undated'}-{slug(name)}"
    for e in known:
        if e.key == key:
            return e
    etype = "Summit" if "summit" in name.lower() else "Conference"
    return Event(key, etype, name, ev.start, None, ev.sentence, "rule", 0.6, reported=ev.reported)
