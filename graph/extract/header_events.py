"""A programme's headed segments ("Meeting with President of Bulgaria Rumen Radev", 17 June): one event each, with
who took part (named in the header, addressed, introduced or labelled as speakers in the body), where, what
about, and who was only mentioned."""

from __future__ import annotations

import re

from ..ids import header_event_key
from ..records import Event, Mention, Sentence
from . import confidence as conf
from .chunks import Piece
from .context import Context, take_part
from .mentions import agency_like, counterpart_org
from .roles import title_regex
from .speakers import speaker_intros, speaker_labels
from .topics import rank_topics, stated_topics

GROUP_NOUNS = r"(?:agencies|officials|management|representatives|heads|leaders|members|delegation|executives|" \
              r"governors|ministers|businessmen|business community|community|staff|board)"
ADDRESS = re.compile(r"(?:^|[.!?]\s+)(?:(?:Mr|Mrs|Ms|Madam|Dear)\.?\s+)?(?:[A-Z][\w'-]+\s+){0,5}$")


def header_event(ctx: Context, i: int, visits: list[Event]) -> Event:
    """The event of headed segment `i`; `visits` are the visits before it (a dated event inside one is part
    of it)."""
    h = ctx.segments[i].header
    header_piece = next(p for p in ctx.of_segment(i) if p.is_header)
    body = ctx.body(i)
    ev = Event(header_event_key(h.begin, h.title), h.type, h.title, h.begin, h.until, Sentence(h.start, h.end),
               "header", conf.HEADER_EVENT)  # its key until its participants are known (identity.py)
    _header_participants(ctx, ev, header_piece, body)
    _speaker_participants(ctx, ev, body)
    _place(ctx, ev, header_piece)
    parent = next((v for v in reversed(visits) if v.start and v.end and h.begin and v.start <= h.begin <= v.end
                   and v is not ev), None)
    if parent is not None:
        ev.part_of = parent.key
    rank_topics(ctx, ev, [m for p in body for m in p.mentions])
    if len(ev.topics) < 3 and body:  # a headed segment says little by name: what it says was discussed, after
        rank_topics(ctx, ev, [m for p in body for m in p.mentions],
                    stated_topics(ctx, ev, body, body[0].offset, body[-1].offset + len(body[-1].text)))
    _mentioned(ctx, ev, body)
    return ev


def _header_participants(ctx: Context, ev: Event, header_piece: Piece, body: list[Piece]) -> None:
    key_of, host = ctx.key_of, ctx.host
    if host and not ev.reported:
        take_part(ev, host, "host", conf.HOST_OF_HEADER_EVENT, "inference", ev.sentence)
    about = re.search(r"\b(?:on|about|to discuss|concerning|devoted to|dedicated to)\b", ev.label)
    cut = header_piece.offset + about.start() if about and not re.match(r"(?:Meeting|Talks|Negotiations) with",
                                                                        ev.label) else None
    hm = [m for m in header_piece.mentions if cut is None or m.start < cut]
    ev.header_topics = [key_of[m] for m in header_piece.mentions if cut is not None and m.start >= cut
                        and key_of.get(m)]
    persons = [m for m in hm if m.type == "Person" and key_of.get(m) != host]
    for m in persons:
        take_part(ev, key_of[m], "guest", conf.PERSON_IN_HEADER, "header", ev.sentence)
    for m in hm:
        if m.type == "Organization":
            business = counterpart_org(m.text)
            if not persons or business:
                take_part(ev, key_of[m], "guest", conf.ORG_IN_HEADER_BESIDE_PERSONS if persons
                          else conf.ORG_IN_HEADER, "header", ev.sentence)
        elif m.type == "Country" and (ev.type in ("StateVisit", "Visit") or not persons
                                      and not any(x.type == "Organization" for x in hm)):
            take_part(ev, key_of[m], "guest", conf.COUNTRY_IN_HEADER, "header", ev.sentence)
    generic = re.search(rf"\bwith\b.*\b{GROUP_NOUNS}\b", ev.label, re.I)
    if generic and not persons and not any(m.type == "Organization" for m in hm):
        for p in body:
            for m in p.mentions:
                if m.type == "Organization" and agency_like(m.text) and key_of.get(m) != host:
                    take_part(ev, key_of[m], "attendee", conf.AGENCY_AT_GROUP_MEETING, "rule", m.sentence)


def _speaker_participants(ctx: Context, ev: Event, body: list[Piece]) -> None:
    norm, key_of = ctx.norm, ctx.key_of
    for p in body:
        for m in p.mentions:  # addressed at the start of a sentence: "Minister of Defence Karel Brandt, this pace …"
            if m.type == "Person" and norm[m.end:m.end + 1] == "," and key_of.get(m) and \
                    ADDRESS.search(norm[max(p.offset, m.start - 80):m.start]) and \
                    re.search(r"(?:Mr|Mrs|Ms|Dear|Madam)\.?\s+$|" + title_regex().pattern + r"\s*$",
                              norm[max(p.offset, m.start - 60):m.start], re.I):
                take_part(ev, key_of[m], "attendee", conf.ADDRESSED, "rule", m.sentence)
        for r in speaker_intros(p, norm, ctx.roles[id(p)]):
            k = key_of.get(r.person)
            if k:
                take_part(ev, k, "attendee", conf.INTRODUCED_SPEAKER, "rule", r.sentence)
        for m in speaker_labels(p.text, [_shift(x, -p.offset) for x in p.mentions]):
            k = next((key_of[x] for x in p.mentions if x.start == m.start + p.offset), None)
            if k:
                take_part(ev, k, "attendee", conf.SPEAKER_LABEL, "rule",
                          Sentence(m.start + p.offset, m.end + p.offset))
                # "Maria Keller, Vice President of Nordwerk Energy Systems:": her company takes part too
                line_end = norm.find(":", m.end + p.offset)
                for x in p.mentions:
                    if x.type == "Organization" and m.end + p.offset < x.start < line_end and \
                            counterpart_org(x.text) and key_of.get(x) and "\n" not in norm[m.end + p.offset:x.start]:
                        take_part(ev, key_of[x], "attendee", conf.SPEAKERS_COMPANY, "rule", x.sentence)


def _shift(m: Mention, d: int) -> Mention:
    return Mention(m.text, m.type, m.start + d, m.end + d, m.sentence, m.method, m.confidence, m.gazetteer_id)


def _place(ctx: Context, ev: Event, header_piece: Piece) -> None:
    """"… at the Monument to the People's Heroes", "… in Samarkand": a place in the header after at/in."""
    for m in header_piece.mentions:
        if m.type in ("Place", "Country") and re.search(r"\b(?:at|in|near)\s+(?:the\s+)?$",
                                                        ctx.norm[max(0, m.start - 12):m.start]):
            if ctx.key_of.get(m) not in {p.entity for p in ev.participants}:
                ev.place = ctx.key_of[m]
                return


def _mentioned(ctx: Context, ev: Event, body: list[Piece]) -> None:
    taking_part = {p.entity for p in ev.participants}
    seen = []
    for p in body:
        for m in p.mentions:
            k = ctx.key_of.get(m)
            if k and ctx.entities[k].type == "Person" and k not in taking_part and k not in seen:
                seen.append(k)
    ev.mentioned = seen
