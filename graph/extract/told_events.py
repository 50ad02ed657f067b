"""Events told in sentences (sentence_events.py finds them): inside a headed segment, meetings told in passing; in a
text without headers, the document's own events. Each becomes an `Event` with its participants, date (resolved
against the nearest dateline), place, summit and topics, or is merged into the meeting it tells again.

A little over ~350 lines: the one pass that carries dates, attendees and merges from sentence to sentence is one
function, and its small helpers sit beside it."""

from __future__ import annotations

import datetime as dt
import re

from ..ids import summit_key
from ..records import Event, Mention
from ..text.dates import find_dates, to_date
from ..text.gazetteer import country_of, country_of_city
from .trips import visitor_from_abroad
from . import confidence as conf
from .chunks import Piece
from .context import Context, take_part
from .companions import accompanying, delegation_event, enclosing_visit, joined_events
from .credentials import CUE, ceremonies, envoys_listed
from .envoys import country_entity, envoy_party
from .first_person import first_person
from .named_subjects import named_subject
from .home import dateline_country, travelled_to
from .identity import meeting_key, same_meeting, same_people
from .mentions import counterpart_org
from .at_the_meeting import not_a_call
from .nominals import two_named
from .nouns_met import objects_by_noun, subject_by_noun
from .signings import signing_event
from .sentence_events import GROUP_SUBJECTS, HOST_SUBJECTS, SIDE_LIST, Told
from .topics import rank_topics, stated_topics
from .retold import THE_MEETING, host_apart, named_now

AGAIN = re.compile(r"\b(?:met again|again met|second meeting|another meeting|met once more|"
                   r"later that day|in the evening|in the afternoon|(?:following|after) the (?:meeting|talks))\b", re.I)


# gatherings other than a meeting: who takes part in one is not at the meeting told before
OTHER_GATHERING = re.compile(r"\b(?:conference|symposium|forum|summit|congress|convention|festival|exhibition|expo|"
                             r"fair|ceremony|celebration|parade|games|assembly|workshop|seminar|retreat)", re.I)
# "visited (Acting President) B": the one visited named straight after the verb
CALLED_ON = re.compile(r"\bvisit(?:ed|s)?\s+(?:[A-Z][\w.'’-]*\s+){0,5}$")
MEETING_NOUN = re.compile(r"\b(?:meeting|talks|negotiations|discussions?|audience|session|call)\b", re.I)


def datelines(norm: str, doc_date: dt.date | None) -> list[tuple[int, dt.date]]:
    """(position, date) of every dateline ("BERLIN, 3 May 2024 —") and dated first line; the document's date at 0."""
    out = [(0, doc_date)] if doc_date else []
    for m in re.finditer(r"(?m)^[^\n]{0,80}?\b(\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4})\s*(?:[—–-]|$)",
                         norm):
        d = find_dates(m.group(1))
        if d and d[0].year_given and d[0].precision == "day":
            out.append((m.start(), to_date(d[0].begin)))
    return sorted(out, key=lambda x: x[0])


def _ref_at(lines: list[tuple[int, dt.date]], pos: int, default: dt.date | None) -> dt.date | None:
    ref = default
    for p, d in lines:
        if p <= pos:
            ref = d
    return ref


def told_events(ctx: Context, parent: Event | None, body: list[Piece], ref_default: dt.date | None,
                lines: list[tuple[int, dt.date]], events: list[Event]) -> list[Event]:
    """Events told in the sentences of `body`. Inside a headed segment (`parent`) they are meetings told in passing
    (`reported`), unless they are the header's own event told again; in a text without headers they are the
    document's events, reported only when the text says they happened before ("last met", "had discussed")."""
    key_of, entities, host = ctx.key_of, ctx.entities, ctx.host
    out: list[Event] = []
    starts: list[tuple[int, Event, Piece]] = []
    told_date = None  # the date of a meeting told without a name to it ("held talks with Japan's new minister
    # on Thursday"), for the next sentence that names who was met without a date ("Park held talks with … Sato")
    headline: set[int] = set()  # the undated meeting a headline tells (id of its event)
    overview = False  # … or for all the sentences after it, when it told meetings with a group ("met dozens of guests")
    signings: list[Event] = []  # the signing ceremonies told so far (signings.signing_event)
    listed_to = -1  # where the envoys' list of the last credentials ceremony told ends: its sentences are read
    for p in body:
        for undated in ctx.told[id(p)]:
            if undated.sentence.start < listed_to:
                continue
            ref = _ref_at(lines, undated.sentence.start, ref_default) if parent is None else ref_default
            t = undated.dated(ref)
            # "credentials were presented by A, B and C" (one ceremony of them all) is read below
            listed, listed_to = envoys_listed(ctx, p, t.sentence.start, t.sentence.end) if t.type != "Accompanied" \
                else ([], -1)
            if listed:  # "received the credentials of the ambassadors of A, B and C": one ceremony each
                reported = parent is not None or t.reported_cue
                out = [e for e in out if not ({q.entity for q in e.participants} <= {host} and CUE.search(
                    ctx.norm[e.sentence.start:e.sentence.end]))]  # "received the credentials of four envoys" before
                out.extend(ceremonies(ctx, t, listed, _start(t, parent, ref, events + out, t.subject_word.lower()),
                                      reported, parent.key if parent is not None and parent.type in (
                                          "StateVisit", "Visit") else None))
                continue
            listed_to = -1
            if t.type == "Conference":  # a gathering attended (gatherings.py)
                if parent is None:
                    _went(ctx, t, _start(t, parent, ref, events + out, t.subject_word.lower()), events, out)
                continue
            if t.type == "Signing":  # one ceremony of the signings told of a day (signings.py)
                ev = signing_event(ctx, t, parent, _start(t, parent, ref, events + out, t.subject_word.lower()), ref,
                                   events + out, signings)
                if ev is not None:
                    out.append(ev)
                    starts.append((ev.sentence.start, ev, p))
                continue
            if t.type == "Ceremony" and CUE.search(t.text) and not any(
                    key_of.get(m) and entities[key_of[m]].type == "Person" for m in t.objects):
                continue  # "accredited four new ambassadors": the ceremonies are told with their names
            if t.type in ("Joined", "Accompanied"):  # more people at the meeting just told
                told = out or ([parent] if parent else []) or [None]
                last = told[-1]
                if MEETING_NOUN.search(t.text) or SIDE_LIST.search(t.text):
                    # "… were present at the meeting", "Also participating were …": not the trip or ceremony before it
                    last = next((e for e in reversed(told) if e is not None and e.type not in ("Visit", "Ceremony")),
                                last)
                    if not_a_call(t.text):  # "At the meeting, A …" after a phone call told: the meeting before it
                        last = next((e for e in reversed(told) if e is not None and e.type not in (
                            "Visit", "Ceremony", "PhoneCall")), last)
                last = delegation_event(ctx, events + told, t.sentence.start, t.sentence.end) or last  # A's delegation
                other = OTHER_GATHERING.search(t.text)
                if t.type == "Joined" and last is not None and other and not re.search(
                        rf"\b{other.group()}", ctx.norm[last.sentence.start:last.sentence.end], re.I):
                    continue  # "X also took part in a symposium on …": another gathering, not the meeting just told
                joining = [m for m in (t.subject if t.type == "Joined" else t.objects) if key_of.get(m) and (
                    entities[key_of[m]].type == "Person" or m.type == "Organization" and counterpart_org(m.text))]
                # "… included Park Ji-ho, Chairman of Hanbit Steel": a company its member speaks for is there too
                if last is not None and last in out and _one_by_one(ctx, last, joining):
                    # envoys named after "received the credentials of five ambassadors": each presented his own
                    out.remove(last)
                    for m in joining:
                        ev = _with(ctx, last, key_of[m], t)
                        out.append(ev)
                    continue
                visit, trip_only = enclosing_visit(events + out + ([parent] if parent else []), last, host, t.text) \
                    if t.type == "Accompanied" else (None, False)
                if visit is not None:  # "He was accompanied by A and B": on the visit he is on too
                    for m in joining:
                        take_part(visit, key_of[m], "attendee", conf.JOINED, "rule", t.sentence)
                    if trip_only or visit is last:
                        continue
                receivers = [q for q in last.participants if q.role == "host"] if last is not None else []
                envoys = [m for m in joining if entities[key_of[m]].type == "Person"]
                if t.type == "Accompanied" and last in out and receivers and len(envoys) > 1 and \
                        CREDENTIALS.search(t.text):
                    # "credentials were also presented by A, B and C": their own ceremony with who received them,
                    # not more people at the meeting just told (which may be the first envoy's own audience)
                    out.append(_envoys(ctx, last, receivers, envoys, t))
                    continue
                for ev in joined_events(ctx, out, last, t.text):  # the meeting just told ("… attended the meetings":
                    for m in joining:  # each told in its paragraph)
                        take_part(ev, key_of[m], "attendee", conf.JOINED, "rule", t.sentence)
                continue
            acc = accompanying(ctx, events + out + [parent], t.sentence.start, t.sentence.end, t.subject)
            if acc is not None:  # "A and B are accompanying X on his visit": on X's visit, no trip of their own
                for k in acc[1]:
                    take_part(acc[0], k, "attendee", conf.JOINED, "rule", t.sentence)
                continue
            ev = _told_event(ctx, t, parent, ref, events + out)
            if t.date_given and t.start != "same-day" and (ev is None or t.group and len(ev.participants) < 2):
                # "met Oct. 10 with dozens of foreign guests": the day of the meetings told after it, one by one
                told_date, overview = t.start, t.group
            elif t.date_given:
                told_date = None
            if ev is None:
                if t.sidelines and parent is None and not t.reported_cue:
                    # "X held three meetings on the sidelines of the Y Summit": the summit X attended, whoever the
                    # meetings were with (told next)
                    _attended(ctx, t, _start(t, parent, ref, events + out, t.subject_word.lower()), events, out)
                continue
            if told_date and not t.date_given and parent is None:
                ev.start = told_date
                told_date = told_date if overview else None
                ev.key = meeting_key(ev)
            if parent is not None and same_meeting(parent, ev, host, any_tier=True):
                for q in ev.participants:
                    take_part(parent, q.entity, "guest" if q.entity != host else "host", q.confidence,
                              q.method, q.sentence)
                continue
            again = AGAIN.search(p.text[ev.sentence.start - p.offset:ev.sentence.end - p.offset])
            if not again and not t.date_given and parent is None and ev.type != "Visit":
                # told again without a date of its own ("On her arrival, the Prime Minister was received by …"):
                # the day of the meeting told before with the same people, not the reference date
                told = next((e for e in reversed(events + out) if e.start and e.start != ev.start and
                             e.type not in ("Visit", "StateVisit") and e.reported == ev.reported and
                             same_people(e, ev, host)), None)
                if told is not None:
                    ev.start = told.start
                    ev.key = meeting_key(ev)
            # a meeting told again as past in a later paragraph ("yesterday during the talks with A I asked …"),
            # the same day and people as one told as news, is that one, whatever its tier
            twin = None if again else next((e for e in events + out if same_meeting(
                e, ev, host, any_tier=bool(ev.start) and e.start == ev.start and t.subject_word.lower() == "i") and not any(
                e is g for g in signings) and not host_apart(ctx, e, ev)), None)
            if twin is None and not again and t.date_given and parent is None:
                # the headline's meeting ("X meets Y", dated by the story's date) told with its own day in the body
                twin = next((e for e in out if id(e) in headline and e.reported == ev.reported and (
                    e.type in ("StateVisit", "Visit")) == (ev.type in ("StateVisit", "Visit")) and
                             same_people(e, ev, host)), None)
                if twin is not None:
                    headline.discard(id(twin))
                    twin.start = ev.start
                    twin.key = meeting_key(twin)
            if twin is None and not again and THE_MEETING.search(t.text):
                twin = named_now(ctx, ev, out)
            if twin is not None:
                for q in ev.participants:
                    take_part(twin, q.entity, q.role, q.confidence, q.method, q.sentence)
                continue
            if t.sidelines and not ev.reported:  # a past meeting told in passing: its summit is not this text's news
                summit = _summit(t.sidelines, ev, events + out)
                if summit not in out and summit not in events:
                    out.append(summit)
                ev.part_of = summit.key
                if host and any(q.entity == host for q in ev.participants):
                    # the summit's own participants are not known from a meeting on its sidelines
                    take_part(summit, host, "attendee", conf.SUMMIT_ATTENDEE, "rule", ev.sentence)
            out.append(ev)
            if not t.date_given and _headline(ctx, ev):
                headline.add(id(ev))
            if t.type != "CountryVisit":  # a trip frames the meetings in it: what they discussed is theirs
                starts.append((ev.sentence.start, ev, p))
    for i, (start, ev, p) in enumerate(starts):
        nxt = starts[i + 1][0] if i + 1 < len(starts) and starts[i + 1][2] is p else p.offset + len(p.text)
        para = p.text.find("\n\n", ev.sentence.end - p.offset)
        end = min(nxt, p.offset + para) if para >= 0 else nxt
        # what was said about it runs on, past the paragraph, to the next meeting told (or the end of the text)
        said_end = starts[i + 1][0] if i + 1 < len(starts) else max(q.offset + len(q.text) for q in body)
        rank_topics(ctx, ev, [m for m in p.mentions if start <= m.start < end],
                    stated_topics(ctx, ev, body, ev.sentence.start, end if ev.reported else said_end))
    # a signing with one side named is no meeting of anyone ("X signed the treaty in 2010")
    return [e for e in out if len(e.participants) > 1 or not any(e is g for g in signings)]


def _told_event(ctx: Context, t: Told, parent: Event | None, ref: dt.date | None,
                earlier: list[Event]) -> Event | None:
    entities, key_of, host = ctx.entities, ctx.key_of, ctx.host
    ev = Event("", t.type, "", None, None, t.sentence, "rule", conf.REPORTED_EVENT, reported=parent is not None)
    subj_word = t.subject_word.lower()
    if (subj_word == "you and i" or subj_word == "we" and not t.objects) and parent is not None:
        # "You and I met in Samarkand", "When we met in Khiva in May": the principals of the meeting
        for q in parent.participants:
            if q.role in ("host", "guest") and entities[q.entity].type == "Person":
                take_part(ev, q.entity, q.role, conf.PRINCIPALS_AGAIN, "rule", t.sentence)
    elif (named := subject_by_noun(ctx, t, earlier, parent)) is not None:
        # "the visiting premier called on …", "the Ruritanian Prime Minister's first visit to …" (nouns_met.py)
        take_part(ev, named, "host" if named == host else "guest", conf.HOST_BY_TITLE, "inference", t.sentence)
    elif t.subject:
        persons = [m for m in t.subject if key_of.get(m) and entities[key_of[m]].type == "Person"] or t.subject
        for m in persons:
            k = key_of.get(m)
            if k:
                take_part(ev, k, "host" if k == host else "guest", conf.SUBJECT, "rule", t.sentence)
    elif (me := first_person(ctx, subj_word, {key_of.get(m) for m in t.objects}, t.sentence)) is not None:
        take_part(ev, me, "host", conf.HOST_UNSAID, "inference", t.sentence)  # "I met with A": the text's official
    elif subj_word.lower() in ("he", "she", "his", "her") and earlier:  # the last one told of
        if earlier[-1].participants:
            first = earlier[-1].participants[0]
            take_part(ev, first.entity, first.role, conf.LAST_TOLD, "rule", t.sentence)
    elif subj_word.lower() in ("he", "she", "his", "her") and host and parent is None:
        take_part(ev, host, "host", conf.LAST_TOLD, "inference", t.sentence)  # nothing told before: the text's own
    elif GROUP_SUBJECTS.match(subj_word) and two_named(ctx, t.sentence, subj_word):  # "A and B talked, after the
        for k in two_named(ctx, t.sentence, subj_word):  # two met": the two named before it
            take_part(ev, k, "host" if k == host else "guest", conf.GROUP_OF_LAST_TOLD, "rule", t.sentence)
    elif GROUP_SUBJECTS.match(subj_word) and earlier and not _others_since(ctx, earlier[-1], t):
        prev = earlier[-1]
        for q in prev.participants:
            take_part(ev, q.entity, q.role, conf.GROUP_OF_LAST_TOLD, "rule", t.sentence)
    elif host and parent is None and (HOST_SUBJECTS.match(subj_word) or _host_by_title(ctx, subj_word)):
        take_part(ev, host, "host", conf.HOST_BY_TITLE, "inference", t.sentence)
    elif host and parent is None and not t.closed and (not subj_word or subj_word.split()[-1] in
                                      " ".join({entities[host].label, *entities[host].aliases}).lower().split()):
        # "a bilateral meeting with …" told with nobody before it, or the host named in a form the model missed
        take_part(ev, host, "host", conf.HOST_UNSAID, "inference", t.sentence)
    elif not t.subject and t.type in ("Meeting", "Negotiations", "PhoneCall") and \
            (named := named_subject(ctx, t.subject_word)) is not None:  # (a trip so told may be a plan: trips.py)
        # "Talia on Tuesday met with …": a name the model did not read, of one person named elsewhere
        take_part(ev, named, "host" if named == host else "guest", conf.SUBJECT, "rule", t.sentence)
    if t.host_object and host and parent is None:
        take_part(ev, host, "host", conf.HOST_UNSAID, "inference", t.sentence)  # "paid a courtesy call on the President"
    objects = [m for m in t.objects if key_of.get(m)]
    if t.type == "CountryVisit":  # a visit to a country: the visitor and the country, nothing else
        land = key_of.get(t.place) if t.place is not None and t.place.type == "Country" else \
            _land_of_city(ctx, t.place) if t.place is not None and t.place.type == "Place" else \
            _named_land(ctx, ev, t) if t.nominal_place else None
        if not ev.participants and (named := _known_name(ctx, t.subject_word)) is not None:
            take_part(ev, named, "host" if named == host else "guest", conf.SUBJECT, "rule", t.sentence)
        if land is None or not ev.participants or parent is not None:
            return None
        if t.pronoun and (abroad := visitor_from_abroad(ctx, {q.entity for q in ev.participants}, land, t.sentence.start,
                                          t.sentence.end)) is not None:
            ev.participants = []  # "the Emir received A on his visit to <the Emir's country>": A's visit
            take_part(ev, abroad, "host" if abroad == host else "guest", conf.SUBJECT, "rule", t.sentence)
        ev.type = "Visit"
        take_part(ev, land, "guest", conf.COUNTERPART, "rule", t.sentence)
        ev.start = _start(t, parent, ref, earlier, subj_word)
        ev.label = f"Visit to {entities[land].label}"
        ev.key = meeting_key(ev)
        ev.reported = t.reported_cue or t.date_given and _long_before(ev.start, ref)  # "her first trip … on 11 April"
        return ev
    if t.type in ("Visit", "Ceremony"):  # the visited place or works is where, the companions are who
        objects = [m for m in objects if m.type == "Person" or m.type == "Country" and parent is None]
        if not ev.participants:
            return None
        lands = [key_of[m] for m in objects if entities[key_of[m]].type == "Country"]
        if t.type == "Visit" and not objects and parent is None and t.place is not None and t.place.type == "Place":
            lands = [k for k in [_land_of_city(ctx, t.place)] if k]  # "A is visiting Ruricity": its country
        if t.type == "Visit" and lands and len(lands) >= len(objects):  # "X visited Portugal": the country visited
            take_part(ev, lands[0], "guest", conf.COUNTERPART, "rule", t.sentence)
            ev.start = _start(t, parent, ref, earlier, subj_word)
            ev.label = f"Visit to {entities[lands[0]].label}"
            ev.key = meeting_key(ev)
            ev.reported = t.reported_cue
            return ev
        if t.type == "Visit" and any(CALLED_ON.search(t.text[:m.start - t.sentence.start]) for m in objects
                                     if m.type == "Person"):
            ev.type = "Meeting"  # "A visited Acting President B at his residence": a call on B, not a trip
    kind = {m: entities[key_of[m]].type for m in objects}
    has_person = any(kind[m] == "Person" for m in objects)
    guests = [m for m in objects if kind[m] == "Person" or not has_person and kind[m] == "Organization"
              or kind[m] == "Organization" and (counterpart_org(m.text) or t.delegation)]
    for m in guests:
        k = key_of[m]
        take_part(ev, k, "host" if k == host else "guest", conf.COUNTERPART, "rule", t.sentence)
    if not has_person and t.type not in ("Visit", "Ceremony", "CountryVisit"):
        # "received the visiting Ruritanian premier", "a courtesy call on the king and queen of X" (nouns_met.py)
        for k in objects_by_noun(ctx, t, ev, earlier, parent):
            take_part(ev, k, "host" if k == host else "guest", conf.HOST_BY_TITLE, "inference", t.sentence)
    if not guests and t.envoys and t.type not in ("Visit", "Ceremony"):  # "met the Mexican ambassador"
        for land, kind in t.envoys:
            take_part(ev, envoy_party(ctx, land, kind), "guest", conf.COUNTERPART, "rule", t.sentence)
    if not guests and not t.envoys and not t.group and not (subj_word in ("you and i", "we") or GROUP_SUBJECTS.match(subj_word)) \
            and t.type not in ("Visit", "Ceremony") and len(ev.participants) < 2:
        return None  # "the Congress received constitutional status": nobody was met
    alone_ok = t.type in ("Visit", "Ceremony") or any(entities[q.entity].type == "Organization"
                                                      for q in ev.participants)
    group_met = t.group and host and parent is None and any(q.entity == host for q in ev.participants)
    if len(ev.participants) < 2 and not alone_ok and not group_met:  # a delegation met, named later or never
        return None
    ev.start = _start(t, parent, ref, earlier, subj_word)
    if parent is None:
        start = ev.start
        ev.reported = t.reported_cue or _long_before(start, ref)
    if t.place is not None and key_of.get(t.place) not in {q.entity for q in ev.participants}:
        ev.place = key_of.get(t.place)
    if parent is not None:
        ev.part_of = parent.part_of or (parent.key if parent.type in ("StateVisit", "Visit") else None)
    ev.label = _label(ctx, ev, t)
    ev.key = meeting_key(ev)
    ev.confidence = conf.REPORTED_EVENT if ev.reported else conf.TOLD_EVENT
    return ev


def _known_name(ctx: Context, subj_word: str) -> str | None:
    """The one person the text names elsewhere by the name a subject starts with, when the model read no name there
    ("Vale, who arrived in …": a surname alone at the start of a line)."""
    if not re.search(r",\s*who\b", subj_word):
        return None  # only the subject of the trip's own clause ("Chinh travels on to X on Wednesday" is a plan)
    name = re.split(r"[,(]", subj_word)[0].strip()
    if not re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}", name):
        return None
    people = [k for k, e in ctx.entities.items() if e.type == "Person" and (
        name in {e.label, *e.aliases} or name == e.label.split()[-1])]
    return people[0] if len(people) == 1 else None


def _long_before(start: str | None, ref: dt.date | None) -> bool:
    """A date more than ten days before the reference (or a month or year before its own)."""
    return bool(start and ref and len(start) == 10 and to_date(start) < ref - dt.timedelta(days=10)) or \
        bool(start and ref and len(start) < 10 and start < ref.isoformat()[:len(start)])


def _headline(ctx: Context, ev: Event) -> bool:
    """The event is told in the story's first line, a headline (no full stop at its end)."""
    line = ctx.norm[ev.sentence.start:ev.sentence.end].strip()
    return not ctx.norm[:ev.sentence.start].strip() and "\n" not in line and not line.endswith((".", "!", "?"))


def _others_since(ctx: Context, prev: Event, t: Told) -> bool:
    """Someone else named since the meeting told last, in a sentence that names none of its people: "they" may be
    them ("… was President X in 2010. He and Y signed a treaty. They also held talks with …"), not the last
    meeting's people ("B's spokesman C said …" still speaks of it)."""
    there = {q.entity for q in prev.participants}
    named: dict[int, set[str]] = {}  # sentence start → people named in it
    for m in ctx.mentions_between(prev.sentence.end, t.sentence.start):
        if ctx.is_person(k := ctx.key_of[m]):
            cut = max(ctx.norm.rfind(". ", 0, m.start), ctx.norm.rfind("\n", 0, m.start))
            named.setdefault(cut, set()).add(k)
    return any(people - there and not people & there for people in named.values())


def _host_by_title(ctx: Context, subj_word: str) -> bool:
    """"The newly sworn-in German chancellor": a subject named only by a title the host holds."""
    words = subj_word.lower().split()
    if "visiting" in words or "guest" in words:
        return False  # "the visiting prime minister" is not the host (visitors.py)
    return 2 <= len(words) <= 6 and words[0] == "the" and words[-1] in _title_words(ctx)


def _title_words(ctx: Context) -> set[str]:
    return {w for r in ctx.entities[ctx.host].roles for w in r.title.lower().split()} - {"of", "the", "and", "for"}


CREDENTIALS = re.compile(r"\b(?:credentials|letters? of credence|copies of (?:their|his|her) credentials)\b", re.I)


def _one_by_one(ctx: Context, ev: Event, joining: list[Mention]) -> bool:
    """Envoys named after a credentials ceremony told for them all: each presents his own (one event each)."""
    people = [m for m in joining if ctx.entities[ctx.key_of[m]].type == "Person"]
    return len(people) > 1 and len(people) == len(joining) and \
        [ctx.entities[q.entity].type for q in ev.participants].count("Person") == 1 and \
        bool(CREDENTIALS.search(ctx.norm[ev.sentence.start:ev.sentence.end]))


def _with(ctx: Context, ev: Event, key: str, t: Told) -> Event:
    """The ceremony of one envoy: who received him, and him."""
    one = Event("", "Ceremony", "", ev.start, ev.end, ev.sentence, ev.method, ev.confidence,
                [q for q in ev.participants if ctx.entities[q.entity].type == "Person"], reported=ev.reported,
                place=ev.place, part_of=ev.part_of)
    take_part(one, key, "guest", conf.JOINED, "rule", t.sentence)
    one.label = f"Credentials presented by {ctx.entities[key].label}"
    one.key = meeting_key(one)
    return one


def _envoys(ctx: Context, ev: Event, receivers: list, envoys: list[Mention], t: Told) -> Event:
    """The ceremony of envoys named together after one envoy's: who received them, and them."""
    one = Event("", "Ceremony", "", ev.start, ev.end, t.sentence, ev.method, ev.confidence, list(receivers),
                reported=ev.reported, place=ev.place, part_of=ev.part_of)
    for m in envoys:
        take_part(one, ctx.key_of[m], "guest", conf.JOINED, "rule", t.sentence)
    one.label = "Credentials presented by " + ", ".join(ctx.entities[ctx.key_of[m]].label for m in envoys)
    one.key = meeting_key(one)
    return one


def _named_land(ctx: Context, ev: Event, t: Told) -> str | None:
    """"on a state visit to the East African nation": the first country the text names that is not the visitor's
    own (named with him, or where he holds a post)."""
    visitors = {q.entity for q in ev.participants}
    persons = sorted((m for m in t.subject if ctx.is_person(ctx.key_of.get(m))), key=lambda m: m.start)
    # a country named after the visitor's name in the subject is his: "President A of X", "A, President of X"
    after = [(m, next((p for p in reversed(persons) if p.end <= m.start), None)) for m in t.subject]
    own = ctx.lands_of(visitors) | {ctx.key_of.get(m) for m, p in after if p is not None and ctx.key_of.get(p) in visitors}
    line = travelled_to(ctx.norm) or {c.name for c in [dateline_country(ctx.norm)] if c}
    there = [country_entity(ctx, n) for n in sorted(line) if ctx.country_key(country_of(n)) not in own]
    if len(there) == 1:  # "NAIROBI, May 4 – … began a state visit to this capital": the dateline's country
        return there[0]
    firsts = sorted((min(m.start for m in e.mentions), k) for k, e in ctx.entities.items()
                    if e.type == "Country" and e.mentions and k not in own)
    return firsts[0][1] if firsts else None


def _land_of_city(ctx: Context, place: Mention) -> str | None:
    """The country a visit to a city ("arrived in Harare") is a visit to: the text's entity for it, made when the text
    does not name it."""
    land = country_of_city(place.text)
    if land is None:
        return None
    return next((k for k, e in ctx.entities.items() if e.type == "Country" and any(
        country_of(n) == land for n in {e.label, *e.aliases})), None) or country_entity(ctx, land.name)


def _start(t: Told, parent: Event | None, ref: dt.date | None, earlier: list[Event], subj_word: str) -> str | None:
    """The told meeting's date: the sentence's own, else the meeting just told, the parent's or the reference."""
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
    return start


def _label(ctx: Context, ev: Event, t: Told) -> str:
    """"Jan Kowal meets Rumen Radev", "Jan Kowal holds talks with …", "Visit with …"."""
    names = [ctx.entities[q.entity].label for q in ev.participants]
    lands = [ctx.entities[q.entity].label for q in ev.participants if ctx.entities[q.entity].type == "Country"]
    if t.type == "Visit" and lands and len(lands) < len(names):
        return f"{names[0]} visits " + ", ".join(lands)
    if len(names) > 1:
        return " ".join(" ".join(names[:1]).split()) + \
            (" meets " if t.type != "Negotiations" else " holds talks with ") + ", ".join(names[1:])
    return f"{t.type} with " + ", ".join(names)


def _went(ctx: Context, t: Told, start: str | None, events: list[Event], out: list[Event]) -> None:
    """The gathering `t` says its subject attended (or, said of no one, that the host was at), found or made."""
    people = [ctx.key_of[m] for m in t.subject if ctx.key_of.get(m) and ctx.is_person(ctx.key_of[m])]
    if not people and not t.subject_word and ctx.host:
        people = [ctx.host]
    if not people:
        return
    ev = Event("", "Meeting", "", start, None, t.sentence, "rule", conf.SUMMIT, reported=t.reported_cue)
    summit = _summit(t.sidelines, ev, events + out)
    if summit not in out and summit not in events:
        out.append(summit)
    for k in people:
        take_part(summit, k, "attendee", conf.SUMMIT_ATTENDEE, "rule", t.sentence)


def _attended(ctx: Context, t: Told, start: str | None, events: list[Event], out: list[Event]) -> None:
    """The summit on whose sidelines the subject of `t` met someone not named there: its host attends it."""
    people = [ctx.key_of[m] for m in t.subject if ctx.key_of.get(m) and ctx.is_person(ctx.key_of[m])]
    if not people or ctx.host not in people:
        return
    ev = Event("", "Meeting", "", start, None, t.sentence, "rule", conf.SUMMIT)
    summit = _summit(t.sidelines, ev, events + out)
    if summit not in out and summit not in events:
        out.append(summit)
    take_part(summit, ctx.host, "attendee", conf.SUMMIT_ATTENDEE, "rule", t.sentence)


def _summit(name: str, ev: Event, known: list[Event]) -> Event:
    key = summit_key(ev.start, name)
    short = re.sub(r"\d+$", "", name.lstrip("#"))  # "#CHOGM18": the summit named before as "… Meeting (CHOGM)"
    for e in known:
        if e.key == key or e.type in ("Summit", "Conference") and (not e.start or not ev.start or e.start == ev.start) \
                and len(short) > 1 and re.search(rf"\b{re.escape(short)}\b", e.label):
            return e
    etype = "Summit" if "summit" in name.lower() else "Conference"
    return Event(key, etype, name, ev.start, None, ev.sentence, "rule", conf.SUMMIT, reported=ev.reported)
