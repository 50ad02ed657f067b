"""Meetings told in sentences: "President Jan Kowal received the Chairman of … Thomas Ahrens on 17 June",
"Jan Kowal held talks with President of Bulgaria Rumen Radev", "You and I met in Samarkand in September 2022",
"we met with top officials of the Agriculture Ministry", "a meeting was held with …".

The parser finds the trigger (triggers.py: a meeting verb, or a light verb with a meeting noun); its arguments in the parse
(arguments.py) say who met whom: the subject (or the subject of the verb it is conjoined to or depends on), and the
names in the trigger's own phrase up to the end of the clause, without a second verb's objects, a relative clause or
the one who reports it. Works on any pipeline with a dependency parser; on one without (spaCy's blank pipeline) it
finds nothing.

Longer than ~350 lines because the one pass over a sentence that reads who met whom is one function; the trigger
table lives in triggers.py, the parse-reading helpers in arguments.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from ..nlp.tokens import doc_text
from ..records import Mention, Sentence
from ..text.dates import MONTHS, find_dates, relative_dates
from ..text.gazetteer import news_agencies
from .asides import hung_on_source
from .at_the_meeting import at_the_meeting
from .attendance import names_attendees
from .arguments import (CHANCES, covers, nearest_subject, object_tokens, side_clauses, subject_token,
                        subject_tokens, with_phrases)
from .displaced import displaced
from .envoys import unnamed_envoys
from .peer_lands import one_each, peers_of_lands
from .leader_lists import attended_by_all, leaders_apart, respectively, together_around
from .lists import colon_list, semicolon_list, title_fragment, under_plural_meetings
from .mentions import business
from .gatherings import attended_told, sidelines_only
from .signings import signing_told
from .trips import background_trip, tour_of_lands
from .triggers import (EVENT_NOUNS, GROUP_MET, GROUP_SUBJECTS, HOST_OBJECT, PEOPLE_NOUNS, PLURAL_TRIGGERS, _by_someone,
                       _quantified, _someone, trigger, triggers_in)

MEETINGS = ("Meeting", "Negotiations", "PhoneCall")
NATION_NOUNS = {"nation", "country", "kingdom", "republic", "state", "archipelago", "emirate", "island", "capital",
                "sultanate"}
MODALS = {"will", "would", "shall", "may", "might", "could", "should", "must", "can", "going", "plan", "intend"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
HOST_SUBJECTS = re.compile(r"^(?:the (?:president|head of state|prime minister|pm|chancellor|premier|king|emir|leader)|"
                           r"(?:his|her) (?:royal )?(?:majesty|highness|excellency)(?: the (?:king|queen|sultan|emir|"
                           r"amir|president|crown prince))?)$", re.I)
SPECIAL_SUBJECTS = re.compile(r"^(?:you and i|we|i|he|she|it|our|his|her|their|my)$", re.I)
CLAUSE_STOP = re.compile(r",\s*(?:who|which|where|whose|while)\b|\s(?:to discuss|to talk|in order to)\b|;|\sand "
                         r"(?:discussed|said|signed|agreed|thanked)\b")
TITLE_WORD = re.compile(r"\b(?:president|prime minister|premier|king|queen|emir|sultan|leader|head of state|"
                        r"chancellor|minister|secretary|ambassador|envoy|diplomat|FM|PM)\b", re.I)
LIST_STOP = re.compile(r",\s*(?:who|which|where|whose|while)\b|\s(?:to discuss|to talk|in order to)\b")
REPORTED_CUES = re.compile(r"\b(?:last|previously|earlier|first(?! (?:day|week|evening|morning|afternoon|session|"
                           r"round|part|of)\b)|once|had(?! (?:the|an) (?:opportunity|chance|honou?r|pleasure|"
                           r"privilege)\b)|already)\b", re.I)  # "had the opportunity to meet": simple past  # not "on the first day of the summit"
FIRST_TRIP = re.compile(r"\bfirst\s+(?:[\w-]+\s+){0,2}$", re.I)  # "is on his first official trip to X": this one
# a gathering a meeting was held beside: "on the sidelines of the multilateral Commonwealth Heads of Government Meeting
# (CHOGM)", "on the margins of the 76th session of the United Nations General Assembly", "on the fringes of G20"
SUMMIT_HEADS = (r"(?:[Ss]ummit|[Ff]orum|[Cc]onference|[Cc]ongress|[Aa]ssembly|[Ss]ession|[Mm]eeting|[Gg]ames|[Dd]ialogue|"
                r"[Ss]ymposium|[Cc]onvention|[Rr]etreat|[Ww]eek)")
SIDELINES = re.compile(r"\b(?:on|at|along|in) the (?:sidelines?|side-lines|margins?|fringes?) of (?:the )?"
                       r"((?:[\w'’.-]+\s+){0,8}?" + SUMMIT_HEADS + r"\b(?: of (?:the )?[A-Z0-9][\w'’+-]*(?:\s(?:(?:of|and|for|the)\s)*[A-Z0-9][\w'’+-]*)*)?"
                       r"(?:\s*\([A-Z][\w-]*\))?|#?[A-Z][\w-]*[A-Z0-9][\w-]*\b)")


@dataclass
class Told:
    """A meeting found in a sentence: who (subject mentions or a group word), whom, when, where.

    `find_told` reads it once per sentence, undated (`start` None); `dated(ref)` gives it the sentence's date as
    resolved against a reference date (the nearest dateline, the segment's date)."""

    type: str
    sentence: Sentence
    subject: list[Mention]
    subject_word: str
    objects: list[Mention]
    start: str | None
    date_given: bool
    place: Mention | None
    reported_cue: bool
    sidelines: str | None
    text: str = ""  # the sentence
    group: bool = False  # whom was met is a group named later: "a delegation of business leaders"
    host_object: bool = False  # whom was met is the host by title: "paid a courtesy call on the President"
    closed: bool = False  # both sides are named after the trigger: "a meeting between A and B"
    delegation: bool = False  # whom was met is a delegation: the body its leader heads is met as such
    envoys: tuple[tuple[str, str], ...] = ()  # whom was met: envoys named by nationality alone (envoys.py)
    nominal_place: bool = False  # a visit's destination named by a noun only: "to the East African nation"
    sides_of: tuple = ()  # a signing's (side signed for, who signed for it) mentions: "A for X and B for Y"
    pronoun: bool = False  # who met is a pronoun read as the one named before it: "received A on his visit to X"

    def dated(self, ref: dt.date | None) -> "Told":
        start, given = _date(self.text, ref)
        return replace(self, start=start, date_given=given)


def _unreal(tok: Token) -> bool:
    """Future, planned, wished or negated: "will meet", "to meet", "would like to hold talks", "did not meet"."""
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in CHANCES and tok.head.dep_ == "dobj" and \
            tok.head.head.lemma_.lower() == "have" and tok.head.head.tag_ in ("VBD", "VBN"):
        return _unreal(tok.head.head)  # "had the opportunity to meet with A" happened; "hopes to have …" did not
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX") and _unreal(tok.head):
        return True  # "hopes to pay a visit to X", "will hold talks with X": the light verb says so
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass", "neg") and c.lower_ in MODALS | {"to", "not", "n't", "never"}:
            return True
        if tok.pos_ in ("NOUN", "PROPN") and c.dep_ in ("amod", "compound") and c.lower_ in AHEAD:
            return True  # "his planned trip to …", "the upcoming visit"
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") and \
            any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in tok.head.children):
        return True  # "his meeting with X can only take place after …", "the talks will be held in May"
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and (
            tok.head.head.lemma_.lower() in ("anticipation", "invitation", "preparation", "eve", "ahead")
            or tok.head.lower_ in ("before", "ahead")):
        return True  # "anticipation for Xi's visit", "ahead of the visit", "on the eve of the talks"
    if tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in MODALS | {"want", "like", "hope", "agree",
                                                                                  "ask", "invite", "plan", "propose"}:
        return True
    # "looked forward to meeting", "hopes for talks with", "invited … to a meeting", "agreed to hold talks"
    # (only up through complements: "When we met in Khiva, we agreed …" is a meeting that happened)
    t = tok
    for _ in range(3):
        if t.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl") or t.head is t:
            break
        t = t.head
        if t.lemma_.lower() in WISH_VERBS or t.lemma_.lower() == "look" and any(
                c.lower_ == "forward" for c in t.children):
            return True
    return False


AHEAD = {"planned", "upcoming", "forthcoming", "future", "next", "proposed", "expected", "scheduled", "possible",
         "potential", "prospective"}
WISH_VERBS = {"hope", "plan", "expect", "intend", "want", "wish", "invite", "propose", "aim", "seek", "prepare",
              "agree", "schedule", "suggest", "offer", "urge"}


PRESENT = re.compile(r"\b(?:(?:were|was) (?:also )?present|(?:also )?present (?:at|during|in) the (?:meeting|talks|"
                     r"negotiations|ceremony|event|session|discussions?)|also present were|were in attendance|"
                     r"was in attendance|(?:also )?in attendance were|present were|(?:others|those) (?:also )?present "
                     r"(?:included|were)|(?:were|was) (?:also )?(?:part|members?) of the (?:[\w'’-]+ ){0,3}"
                     r"(?:delegation|entourage)|(?:are|were|is|was) (?:also )?among (?:the )?(?:[\w.'’-]+ ){0,4}(?:delegation|"
                     r"entourage)|attending the (?:meeting|talks|ceremony|event) "
                     r"(?:were|was)|(?:meeting|talks|ceremony) (?:was|were) also attended by)\b", re.I)
# the members of a group just met, named in a sentence of their own: "Among them were A, chief executive of B, and C"
MEMBERS = re.compile(r"^\W*(?:among (?:them|those present|those (?:at|attending) the (?:meeting|talks|negotiations|"
                     r"ceremony|event|dinner|audience)|the guests|the visitors) (?:were|was)|(?:they|these) "
                     r"(?:included|were|are)\b|the (?:delegation|group|guests|visitors) (?:were|was) made up of|"
                     r"the (?:[\w-]+ ){0,2}(?:ambassadors|envoys|delegates|guests|visitors|members|participants|"
                     r"diplomats|investors|executives|governors)(?:\s+(?:who|that)\s+[^,;.:–—]{0,60}?)?\s+"
                     r"(?:are|were|included|include)(?=[\s:–—-]+(?:the\s+)?[A-Z])|(?:the |other )?members of "
                     r"(?:the |[\w.'’-]+ ){0,3}(?:delegation|entourage|team) (?:also )?(?:included|include|were|are|"
                     r"comprised)|the (?:[\w'’-]+ ){0,3}(?:delegation|entourage) (?:also )?(?:consisted of|consists of|"
                     r"was composed of|is composed of))"
                     r"\b", re.I)
# a list of who else took part, or of one side's members, in a sentence of its own: "Also participating for the
# party were A and B", "Taking part in the talks were …", "On the Ruritanian side were A, Minister of …; B, …"
SIDE_LIST = re.compile(r"^\W*(?:(?:also|further|other) )?(?:participating|taking part|attending|(?:joining|accompanying) "
                       r"(?:him|her|them|the [\w-]+(?: [\w-]+)?)|(?:in|at) the (?:meeting|talks|negotiations|session))"
                       r"\b[^;.]{0,80}?\b(?:were|was)\b|^\W*(?:also )?(?:on|from) the [\w-]+(?: [\w-]+)? side,? (?:were|was|"
                       r"(?:the )?participants were|present were)\b|^\W*the [\w-]+(?: [\w-]+)? side (?:included|comprised|"
                       r"was represented by|was made up of)\b|^\W*the (?:meeting|talks|negotiations|session|discussions?) "
                       r"(?:was|were) (?:held|conducted) with the participation of\b", re.I)


def find_told(sent: Span, offset: int, mentions: list[Mention]) -> list[Told]:
    """Meetings told in one sentence (offsets into the document: `offset` is the piece's), undated."""
    out = []
    s_start, s_end = offset + sent.start_char, offset + sent.end_char
    text = sent.text
    members = MEMBERS.search(text)
    if PRESENT.search(text) or SIDE_LIST.search(text) or members or names_attendees(text):  # "Also present were …", "… were also present": more at the meeting just told
        people = [m for m in mentions if s_start <= m.start and m.end <= s_end and (
            m.type == "Person" or members and m.type == "Organization" and business(m.text))]
        if any(m.type == "Person" for m in people):
            return [Told("Joined", Sentence(s_start, s_end), people, "", [], None, False, None, False, None, text)]
    there = at_the_meeting(sent, offset, mentions)  # "During the meeting, Minister A presented …": A was there
    if there:
        out.append(Told("Joined", Sentence(s_start, s_end), there, "", [], None, False, None, False, None, text))
    found = triggers_in(sent)  # {tok.i: trigger(tok) for tok in sent}
    signed = signing_told(sent, offset, mentions, {i for i, e in found.items() if e in MEETINGS}, _unreal)
    went = attended_told(sent, offset, mentions, _unreal)  # "A attended the X Summit"
    taken = {i for took, _ in signed + went for i in took}  # a signing's words are no meeting of their own
    out.extend(t for _, t in signed + went)
    for i, etype in found.items():  # in the sentence's order; a Token made only where a meeting may start
        if etype is None or i in taken:
            continue
        tok = sent.doc[i]
        if _unreal(tok):
            continue
        if etype == "Accompanied" and tok.dep_ == "acl" and tok.i < sent.root.i and trigger(sent.root) not in (
                None, "Accompanied", "Joined"):
            continue  # "A, accompanied by B, received C": B is with A at the meeting the sentence tells
        if etype == "Visit" and tok.dep_ == "relcl" and background_trip(tok):
            continue  # "received B, who is currently visiting the country": background to the reception
        if etype == "CountryVisit" and (background_trip(tok) or tok.pos_ == "NOUN" and any(
                c.dep_ == "prep" and c.lower_ == "by" for c in tok.children)):
            # "… talks with X, who arrived in Minsk on a visit": the trip is background to the talks (trips.py);
            # "praised the first visit by the US President to Qatar": the visitor is not the sentence's subject
            continue
        if re.search(r"\b(?:times|often|regularly|every|each)\b", text[tok.idx - sent.start_char:]):
            continue  # habitual: "I've met with you five times"
        if etype not in ("Accompanied", "Joined") and any(c.dep_ == "nsubjpass" for c in tok.children) and \
                not _by_someone(tok) and not re.search(
                r"\b(?:with|between)\b", text[tok.idx - sent.start_char:]) and not colon_list(tok):
            continue  # "meetings have been held at the ministry": a place, not a counterpart
        v_start = offset + tok.idx
        v_end = v_start + len(tok.text)
        rest = text[v_end - s_start:]
        # "attended by A, Minister of …; B, Adviser …; C", "held meetings with the Chair of X, A; …": a list
        # set off by ";"
        listing = etype == "Accompanied" or _plural_trigger(tok) and semicolon_list(rest)
        stop = (LIST_STOP if listing else CLAUSE_STOP).search(rest)
        o_end = v_end + (stop.start() if stop else len(rest))
        side = SIDELINES.search(text)
        side_span = (s_start + side.start(), s_start + side.end()) if side else None
        nominal = unsaid = False
        subj_toks = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        subj_toks = [nearest_subject(subj_toks, tok)] if subj_toks else []
        if subj_toks and _quantified(subj_toks[0]) is not subj_toks[0]:
            # "One of the meetings she held was with …": who met is the subject of the clause on the meeting noun
            noun = _quantified(subj_toks[0])
            subj_toks = [c for r in noun.children if r.dep_ == "relcl" for c in r.children if c.dep_ == "nsubj"][:1]
            unsaid = not subj_toks  # "One of the meetings was with …": who held them is the one told of before
        if subj_toks and subj_toks[0].lower_ in ("who", "that") and tok.dep_ == "relcl":
            subj_toks = [tok.head]  # "… held talks with the President of X, Y, who arrived in Z": Y arrived
        poss = [c for c in tok.children if c.dep_ == "poss"] if tok.pos_ in ("NOUN", "PROPN") else []
        if poss:
            subj_toks = poss
        between = tok.pos_ not in ("VERB", "AUX") and any(c.dep_ == "prep" and c.lower_ == "between"
                                                          for c in tok.children)
        if not subj_toks and etype not in ("Accompanied", "Joined") and not unsaid:
            # "met A and held talks with B", "during the talks with B": who met is the governing verb's subject
            head = subject_token(tok)
            subj_toks = [head] if head is not None else []
        subj_cover = subject_tokens(subj_toks[0]) if subj_toks else set()
        subj_word = ""
        subj_range = (s_start, v_start)
        if subj_toks and subj_toks[0].lemma_.lower() not in EVENT_NOUNS:
            st = subj_toks[0]
            subj_range = (offset + st.left_edge.idx, offset + st.right_edge.idx + len(st.right_edge.text))
            subj_word = text[subj_range[0] - s_start:subj_range[1] - s_start]
            subj_word = re.sub(r"\s+(?:last|first|previously|also|already|once|earlier)$", "", subj_word.strip())
        elif subj_toks:
            subj_range = (v_start, v_start)
        in_side = (lambda m: side_span and side_span[0] <= m.start < side_span[1])
        subject = [m for m in mentions if subj_range[0] <= m.start and m.end <= subj_range[1]
                   and m.type in ("Person", "Organization", "Country") and not in_side(m)
                   and not _news_source(m, text, s_start)
                   and (not subj_cover or covers(subj_cover, sent, m.start, m.end, offset))]
        if not subj_toks:
            subject = []  # "the recent meeting between A and B", "Meeting with A": nobody before it is a side
        elif subject:  # "A, accompanied by Minister B, received C": B was there too
            escort = {w.i for t in sent if t.i in subj_cover or t.i == subj_toks[0].i for c in t.children
                      if c.dep_ == "acl" and c.lemma_.lower() in (
                "accompany", "join", "flank") and any(a.dep_ == "agent" for a in c.children) for w in c.subtree}
            subject += [m for m in mentions if m.type == "Person" and m not in subject and s_start <= m.start < s_end
                        and covers(escort, sent, m.start, m.end, offset)]
        if poss and not subject and subj_word.lower() not in ("our", "my", "their"):
            # "during His Majesty's visit to …", "prior to his visit to …": the one the sentence is about
            head = subject_token(tok)
            cover = subject_tokens(head) if head is not None else set()
            subject = [m for m in mentions if covers(cover, sent, m.start, m.end, offset) and s_start <= m.start
                       and m.type in ("Person", "Organization", "Country") and not _news_source(m, text, s_start)]
            subj_word = " ".join(m.text for m in subject) or subj_word
        if subj_word.lower() in ("our", "my"):
            subj_word = "we"
        if subj_word.lower() == "their":
            subj_word = "they"
        pronoun = subj_word.lower() in ("he", "she", "his", "her") or any(c.lower_ in ("his", "her") for c in poss)
        if subj_word.lower() in ("he", "she", "his", "her"):  # "Marek Halas recalled that he had last talked to …"
            # the one named before the pronoun ("X, where he met A and held a call with B": X, not A)
            subject = [m for m in mentions if s_start <= m.start and m.end <= min(v_start, subj_range[0])
                       and m.type == "Person"][-1:]
            subj_word = subject[0].text if subject else subj_word
        if re.match(r"(?:he|she) and\b", subj_word, re.I):  # "A said he and B talked": he is A, named before
            subject = [m for m in mentions if s_start <= m.start and m.end <= subj_range[0]
                       and m.type == "Person"][-1:] + subject
        if tok.pos_ == "VERB" and subject and (not any(c.dep_ in ("dobj", "prep") and c.lower_ != "on"
                                                       for c in tok.children if c.i > tok.i)
                                                or tok.lemma_.lower() == "discuss" and len(subject) == 1
                                                and not re.search(
                                                    r"\bwith\b", text[v_end - s_start:])):
            # "Tokayev and Wang Yi met on May 20": everyone named before the verb met
            lead = text[:v_start - s_start]
            cut = max(lead.rfind("—"), lead.rfind(" – "), lead.rfind(" - "), lead.rfind(":"), lead.rfind(";"))
            subject = [m for m in mentions if s_start + cut + 1 <= m.start and m.end <= v_start
                       and m.type == "Person" and not in_side(m)] or subject
        if tok.lemma_.lower() == "discuss" and len(subject) < 2 and not re.search(r"\bwith\b", rest) and not (
                SPECIAL_SUBJECTS.match(subj_word) or GROUP_SUBJECTS.match(subj_word)):
            continue  # "X, Y discuss Z" with one of them not read as a name: who the other met is unknown
        if subject and all(m.type == "Country" for m in subject) and (TITLE_WORD.search(subj_word) or TITLE_WORD.match(
                re.sub(r"^['’]s\s+(?:[\w-]+\s+)?", "", text[subject[-1].end - s_start:].lstrip()))):
            # "Iran's top diplomat" read with the country alone as the subject
            subject = []  # "The president of Brazil met …", "Turkey's president": a title; the country is no side
        special = SPECIAL_SUBJECTS.match(subj_word) or GROUP_SUBJECTS.match(subj_word) or \
            HOST_SUBJECTS.match(subj_word)
        if not subject and not special and tok.pos_ in ("VERB", "AUX"):
            # a parse gone astray after a dateline: take the names before the verb (the first of conjoined verbs),
            # but not those in a clause said about someone ("X, who arrived on his tour, called on …")
            first = tok
            while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
                first = first.head
            aside = side_clauses(sent, tok)
            lead = text[:offset + first.idx - s_start]
            cut = max(lead.rfind("—"), lead.rfind(" - "), lead.rfind(":"), lead.rfind(";"))
            subject = [m for m in mentions if s_start + cut + 1 <= m.start and m.end <= offset + first.idx
                       and m.type == "Person" and not in_side(m) and not covers(aside, sent, m.start, m.end, offset)]
        if tok.lemma_.lower() == "discuss":  # what was discussed is a topic; only "with X" is someone met
            w = re.search(r"\bwith\b", text[v_end - s_start:o_end - s_start])
            v_end = v_end + w.end() if w else o_end
        whom_cover, whom_or_where = object_tokens(tok), object_tokens(tok, places=True)
        whom_cover |= hung_on_source(sent, tok)  # "A met with B, Newsline reports": B hung on "reports" (asides.py)
        if tok.lemma_.lower() == "discuss":  # whom only in its "with" phrase: what was discussed is no one met
            withs = {t.i for w in tok.subtree if w.dep_ == "prep" and w.lower_ == "with" for t in w.subtree}
            # "discussed with X the future of Y": an "apposition" without a comma is what was discussed
            withs -= {t.i for w in sent if w.i in withs and w.dep_ == "appos" and w.i > w.head.i
                      and w.doc[w.left_edge.i - 1].text != "," for t in w.subtree}
            whom_cover, whom_or_where = whom_cover & withs or withs, whom_or_where & withs or withs
        if tok.lemma_.lower() in ("receive", "host", "welcome") and not any(c.dep_ == "dobj" and _someone(c)
                                                                            for c in tok.children):
            whom_cover |= displaced(tok, PEOPLE_NOUNS)  # "received at the palace on Monday the Emir of …"
        if listing and ";" in rest:  # the parse hangs each item of such a list apart
            whom_cover |= {t.i for t in sent if t.idx >= tok.idx + rest.index(";") + len(tok.text)}
        objects = [m for m in mentions if v_end <= m.start and m.end <= o_end and not in_side(m)
                   and m.type in ("Person", "Organization", "Country") and not _news_source(m, text, s_start)
                   and not re.match(r"\s+[A-Z]{2,}\b|\s+[A-Z][a-z]+ (?:terminal|airport|port|plant|bridge)\b",
                                    text[m.end - s_start:m.end - s_start + 30])  # "Lech Kaczyński LNG terminal"
                   and not (_after_place_prep(text, m.start - s_start) and not business(m.text)
                            and not (m.type == "Person" and re.search(r"\bto\s+(?:the\s+)?$", text[:m.start - s_start])))
                   and not _sender(sent, m, offset)
                   and not SOURCE.search(text[max(0, m.start - s_start - 80):m.start - s_start])
                   and (covers(whom_cover, sent, m.start, m.end, offset) or business(m.text)
                        and covers(whom_or_where, sent, m.start, m.end, offset))]  # "at Sinopharm premises"
        places = [m for m in mentions if s_start <= m.start < s_end and m.type in ("Place", "Country")
                  and _after_place_prep(text, m.start - s_start) and not in_side(m)]
        if etype == "CountryVisit":  # where a trip went is in its own "to" or "in" phrase, not anywhere in the sentence
            dest = {t.i for h in (tok, *(c for c in tok.children if c.dep_ == "dobj")) for c in h.children
                    if c.dep_ == "prep" and c.lower_ in ("to", "in") for t in c.subtree}  # "led a delegation to X"
            places = [m for m in mentions if s_start <= m.start < s_end and m.type in ("Place", "Country")
                      and not in_side(m) and covers(dest, sent, m.start, m.end, offset)]  # "in the X capital Y"
            nominal = not places and any(t.lemma_.lower() in NATION_NOUNS and any(
                d.lower_ in ("the", "this") for d in t.children) for t in sent if t.i in dest)
            # "to the East African nation", "a state visit to this capital" (the dateline's)
            if tour_of_lands(sent, dest):
                continue  # "as part of his tour to all five Central Asian countries and X": no one country visited
        if etype == "Accompanied" and attended_by_all(tok):
            # "The meeting was attended by the delegation of X which was led by A and the delegation of Y
            # including B and C": everyone named after "by" was there, relative clause and "including" too
            objects += [m for m in mentions if v_end <= m.start and m.end <= s_end and m.type == "Person"
                        and m not in objects and not _news_source(m, text, s_start)]
        if etype == "Visit":  # "A is visiting Ruricity as part of his tour to …": what he visits is the object
            seen = {t.i for c in tok.children if c.dep_ == "dobj" for t in c.subtree}
            places = places or [m for m in mentions if s_start <= m.start < s_end and m.type == "Place"
                                and not in_side(m) and covers(seen, sent, m.start, m.end, offset)]
            objects = [m for m in objects if m.type != "Country" or not seen or covers(seen, sent, m.start, m.end,
                                                                                       offset)]
        if any(m.type == "Person" for m in objects):
            objects = [m for m in objects if m.type != "Country"]
        groups = [objects]
        nominal = etype == "CountryVisit" and nominal
        persons = [m for m in objects if m.type == "Person"]
        listed = persons and re.search(r"\b(?:including|among them|such as|namely)\b",
                                       text[v_end - s_start:persons[0].start - s_start])
        listed = listed or persons and _leaders_listed(text, v_end - s_start, [(m.start - s_start, m.end - s_start)
                                                                             for m in persons])
        if persons and etype in MEETINGS and not listed and not between and not together_around(sent):
            spans = [(m.start - s_start, m.end - s_start) for m in persons]
            listed = leaders_apart(text, v_end - s_start, spans) or respectively(text, v_end - s_start, spans)
        delegations = _delegations(text, v_end - s_start, o_end - s_start, objects, s_start)
        # "bilateral meetings with A, B and C", "her meetings included talks with A, B and C": one each
        if (_plural_trigger(tok) or listed or under_plural_meetings(tok, PLURAL_TRIGGERS)) and len(persons) > 1:
            groups = [[m] for m in persons if not title_fragment(m, text, s_start)] or [[m] for m in persons]
        elif delegations:  # "received a delegation from X led by A, as well as a delegation … led by B"
            groups = delegations
        else:  # "met with A on Friday, and later with B", "met separately with A and with B": one meeting each
            apart = [[m for m in objects if covers(z, sent, m.start, m.end, offset)] for z in with_phrases(tok)]
            if len([g for g in apart if g]) > 1:
                groups = [g for g in apart if g]
            elif len(persons) > 1 and etype in ("Meeting", "Negotiations"):
                # "received A, followed by B", "met A and then B": one after another, a meeting each
                cuts = [m for a, m in zip(persons, persons[1:]) if SEQUENCE.search(text[a.end - s_start:m.start - s_start])]
                if cuts:
                    groups, group = [], []
                    for m in objects:
                        if m in cuts and group:
                            groups.append(group)
                            group = []
                        group.append(m)
                    groups.append(group)
        whom = text[v_end - s_start:o_end - s_start]
        peers = peers_of_lands(whom, text) if not persons and etype in MEETINGS and not unnamed_envoys(whom) else []
        if len(peers) > 1 and one_each(text):  # "met counterparts from A, B and C": a bilateral each
            groups = [[m for m in objects if m.type != "Country"] for _ in peers]
        for n, group in enumerate(groups):
            whom = text[v_end - s_start:o_end - s_start]
            lands = ((peers[n],) if len(groups) == len(peers) > 1 else tuple(peers)) if peers else ()
            out.append(Told(etype, Sentence(s_start, s_end), subject, subj_word.strip(), group, None, False,
                            places[0] if places else None,
                            bool(REPORTED_CUES.search(_before(text, tok, sent, etype))) or _past_perfect(tok),
                            summit_name(side.group(1)) if side else None, text,
                            group=bool(GROUP_MET.search(whom)), closed=between,
                            delegation=bool(re.match(r"\W*(?:\w+\W+){0,3}?delegation\b", whom, re.I)),
                            envoys=lands or (tuple(unnamed_envoys(whom)) if not persons else ()),
                            nominal_place=nominal, pronoun=pronoun,
                            host_object=bool(HOST_OBJECT.match(re.sub(r"^\s*(?:a |an )?(?:[\w-]+ )?(?:courtesy |farewell )*call ", " ", whom)))))
    side = SIDELINES.search(text)
    if side and not out and len(summit_name(side.group(1)).split()) > 1 and not any(
            found[t.i] and _unreal(t) for t in sent) and re.search(r"\b(?:meetings?|talks|discussions|bilaterals?|"
                                                                  r"met|took place|were held)\b", text):
        # "The meetings took place on the margins of the X Summit": a gathering the host was at
        out.append(sidelines_only(sent, offset, summit_name(side.group(1))))
    return out


def summit_name(said: str) -> str:
    """The gathering's name as said after "on the sidelines of": without the words before its name ("the
    multilateral Commonwealth … Meeting") or a hashtag's marks."""
    words = said.strip().lstrip("#").split()
    while len(words) > 1 and words[0][:1].islower():
        words = words[1:]
    return " ".join(words)


# who tells it, not whom was met: "… at 11 am Saturday, according to her press secretary A"
SOURCE = re.compile(r"\baccording to\s+(?:[\w'’.-]+\s+){0,6}$", re.I)


# nouns whose "of" or "from" names someone absent who sent, or is spoken for by, the one met
SENT_BY = {"envoy", "emissary", "representative", "message", "letter", "behalf", "greeting", "greetings",
           "invitation", "condolence", "condolences", "congratulations", "spokesman", "spokesperson", "aide"}


def _sender(sent: Span, m: Mention, offset: int) -> bool:
    """The mention names someone the one met speaks for: "Y, envoy of President X", "a letter from X", "on behalf
    of X"; X was not there."""
    toks = [t for t in sent if m.start <= offset + t.idx < m.end]
    heads = [t for t in toks if not (m.start <= offset + t.head.idx < m.end)]
    before = doc_text(sent.doc)[max(0, m.start - offset - 60):m.start - offset]
    return any(t.dep_ == "pobj" and t.head.lower_ in ("of", "from") and t.head.head.lemma_.lower() in SENT_BY
               for t in heads) or bool(re.search(r"\b(?:" + "|".join(SENT_BY) + r")\s+(?:of|from)\s+(?:the\s+)?"
                                                 r"(?:[A-Z][\w.-]*\s+){0,3}$", before, re.I))


# a plural title before a list of names: "met Presidents A (X), B (Y) and C (Z)", "met Prime Ministers A, B and C"
PLURAL_TITLE = re.compile(r"^\W*(?:with\s+)?(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:Presidents|Prime Ministers|Premiers|"
                          r"Ministers|Secretaries|Kings|Emirs|Chancellors|Governors|Ambassadors|[Cc]ounterparts|"
                          r"[Ll]eaders)\s*$")


def _leaders_listed(text: str, after: int, names: list[tuple[int, int]]) -> bool:
    """Leaders named after a plural title, three or more or each with his own country in brackets: a meeting with
    each ("met Presidents A (X), B (Y) and C (Z)"); two named without countries may have met together."""
    if len(names) < 2 or not PLURAL_TITLE.match(text[after:names[0][0]]):
        return False
    return len(names) > 2 or all(re.match(r"\s*\(", text[end:]) for _, end in names)


def _delegations(text: str, start: int, end: int, objects: list[Mention], offset: int) -> list[list[Mention]]:
    """The objects by delegation when whom was met is two or more delegations, each with its leader named: a meeting
    with each ("a delegation from X led by A, as well as a delegation of Y led by B")."""
    cuts = [start + m.start() for m in re.finditer(r"\bdelegation\b", text[start:end], re.I)]
    if len(cuts) < 2:
        return []
    parts = [[m for m in objects if a <= m.start - offset < b] for a, b in zip(cuts, cuts[1:] + [end])]
    persons = [m for m in objects if m.type == "Person"]
    if any(not any(m.type == "Person" for m in part) for part in parts) or sum(map(len, parts)) < len(persons) or \
            any(m.type == "Person" and m.start - offset < cuts[0] for m in objects):
        return []
    return parts


SEQUENCE = re.compile(r"\b(?:followed by|and then|and later|then|after that|afterwards)\b", re.I)


def _plural_trigger(tok: Token) -> bool:
    """The meeting noun of the trigger is plural: "held bilateral meetings", "a series of meetings with"."""
    if any(c.dep_ == "advmod" and c.lower_ in ("separately", "individually") for c in tok.children):
        return True  # "met separately with A and B"
    nouns = [tok] if tok.pos_ in ("NOUN", "PROPN") else [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    for n in nouns:
        if n.lower_ in PLURAL_TRIGGERS or n.lemma_.lower() == "series" or any(
                c.dep_ == "prep" and c.lower_ == "of" and any(w.lower_ in PLURAL_TRIGGERS for w in c.subtree)
                for c in n.children if n.lemma_.lower() in ("series", "number", "round"))\
                or any(c.lower_ in ("separate", "several", "respective") for c in n.children):
            return True
    return False


def _news_source(m: Mention, text: str, start: int) -> bool:
    """The outlet that tells the story: a news agency's name, "…, Kazinform reports", "according to IRNA"."""
    if m.type not in ("Organization", "Place", "Country") and m.text.casefold() not in news_agencies():
        return False
    before, after = text[max(0, m.start - start - 30):m.start - start], text[m.end - start:m.end - start + 30]
    return m.text.casefold() in news_agencies() or bool(
        re.match(r"\s*(?:news agency|reports?|reported|correspondent|'s correspondent|says|said)\b", after)
        or re.search(r"\b(?:according to|told|reported by|cited by)\s+(?:the\s+)?$", before))


def _before(text: str, tok: Token, sent: Span, etype: str) -> str:
    """The sentence before the trigger, where a cue says the meeting is past; for a trip without "first" right before
    it ("his first official visit to X" is the one the story tells)."""
    lead = text[:tok.idx - sent.start_char]
    return FIRST_TRIP.sub("", lead) if etype == "CountryVisit" and tok.pos_ == "NOUN" else lead


def _past_perfect(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)


def _after_place_prep(text: str, pos: int) -> bool:
    return bool(re.search(r"\b(?:in|at|near|to|on)\s+(?:the\s+)?$", text[max(0, pos - 10):pos]))


DATELINE = re.compile(r"^\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'-]+,\s*(?:\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4})\s*[—–-]+\s*")


# "they discussed the forum to be held on 12-13 May": the date of a thing spoken of, not of the talks
PLANNED = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )\bto be (?:held|hosted|staged|convened)\b[^,;]*|"
                     r"\b(?:to|will) take place\b[^,;]*|"  # "the next assembly, to take place from 3 to 5 May"
                     r"\b(?:scheduled|slated|due|set) (?:for|to (?:take place|be held|begin|open))\b[^,;]*")


@lru_cache(maxsize=2048)
def _date(text: str, ref: dt.date | None) -> tuple[str | None, bool]:
    """The sentence's own date, resolved against `ref`: explicit, relative or a weekday (a dateline's date is the
    reference, not the event's). Kept for the last sentences read: the rules ask it of the same sentence several
    times (each event told in it, each pair of names the pair model reads there)."""
    text = text[DATELINE.match(text).end():] if DATELINE.match(text) else text
    text = PLANNED.sub("", text)
    dates = [d.resolve(ref) for d in find_dates(text)]
    dates = [d for d in dates if d.begin and d.year_given]
    if dates:
        return dates[0].begin, True
    rel = relative_dates(text, ref)
    if rel:
        return rel[0].begin, True
    if ref is not None:
        m = re.search(r"\b(?:on|last)\s+(" + "|".join(WEEKDAYS) + r")\b", text, re.I) or \
            re.search(r"(?<![A-Z][a-z] )\b(" + "|".join(w.title() for w in WEEKDAYS) + r")\b(?! \d)", text)
        if m:
            back = (ref.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7
            return (ref - dt.timedelta(days=back)).isoformat(), True
        m = re.search(r"\blast month\b", text, re.I)
        if m:
            first = ref.replace(day=1) - dt.timedelta(days=1)
            return f"{first.year:04d}-{first.month:02d}", True
        m = re.search(r"\blast (January|February|March|April|May|June|July|August|September|October|November|"
                      r"December)\b", text)
        if m:
            mon = MONTHS[m.group(1).lower()]
            year = ref.year if mon < ref.month else ref.year - 1
            return f"{year:04d}-{mon:02d}", True
    if re.search(r"\b(?:the same day|later that day|that (?:evening|afternoon)|later the same day)\b", text, re.I):
        return "same-day", False
    return None, False
