"""What tells a meeting in a sentence: the trigger table (meeting verbs, light verbs with meeting nouns, nouns that
name a meeting, the verbs of those who join one) and `trigger(token)`, which reads it off the dependency parse. Who
and whom are read by sentence_events.find_told and arguments.py.

Longer than ~350 lines because the table and the one function that applies it belong together.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..nlp.tokens import lemmas_lowers
from .arguments import misparsed_verb, nearest_subject
from .displaced import displaced

MEET_VERBS = {"meet": "Meeting", "receive": "Meeting", "host": "Meeting", "welcome": "Meeting"}
# verbs that take the one met after "with" (or "on"): "interacted with", "conferred with", "called on"
WITH_VERBS = {"interact": "Meeting", "confer": "Meeting", "negotiate": "Negotiations", "sit": "Meeting",
              "consult": "Meeting", "converse": "Meeting", "lunch": "Meeting", "dine": "Meeting",
              "breakfast": "Meeting", "din": "Meeting"}  # "lunched with", "dined with" (the small model's lemma
# of "dined" is "din")
# nouns that name a meeting when someone is met "with" them: "a bilateral meeting with", "talks between"
NOUN_TRIGGERS = {"meeting": "Meeting", "talk": "Negotiations", "talks": "Negotiations",
                 "negotiation": "Negotiations", "negotiations": "Negotiations", "conversation": "Meeting",
                 "call": "PhoneCall", "audience": "Meeting", "bilateral": "Meeting", "bilaterals": "Meeting",
                 "discussion": "Meeting", "discussions": "Meeting", "consultation": "Meeting",
                 "consultations": "Meeting", "session": "Meeting", "summit": "Meeting", "tete-a-tete": "Meeting",
                 "visit": "Meeting", "dialogue": "Meeting", "lunch": "Meeting", "luncheon": "Meeting",
                 "dinner": "Meeting", "breakfast": "Meeting", "chat": "Meeting", "encounter": "Meeting"}
# a noun trigger in the plural ("a series of bilateral meetings with A, B and C") is one meeting each
PLURAL_TRIGGERS = {"meetings", "bilaterals", "calls", "conversations", "audiences", "visits"}
EVENT_NOUNS = {"talk": "Negotiations", "talks": "Negotiations", "negotiation": "Negotiations",
               "negotiations": "Negotiations", "meeting": "Meeting", "conversation": "Meeting", "call": "PhoneCall",
               "consultation": "Meeting", "consultations": "Meeting"}
LIGHT_VERBS = {"hold", "have", "conduct"}


GROUP_SUBJECTS = re.compile(r"^(?:the two(?: (?:[\w-]+ ){0,2}?(?:leaders|presidents|sides|men|women|ministers|premiers|"
                            r"statesmen|chancellors|counterparts|heads of (?:state|government)|delegations|officials|"
                            r"diplomats))?|the leaders|they|both(?: leaders| sides| ministers| presidents)?|the presidents|"
                            r"the sides|the heads of state)$", re.I)  # "the two prime ministers", "the two African statesmen"


# whom a meeting was with, as a group whose members may be named later (header_events.GROUP_NOUNS is the
# narrower list of a header's "with … agencies")
GROUP_MET = re.compile(r"\b(?:delegations?|leaders|executives|investors|officials|members|parliamentarians|"
                         r"businessmen|businesspeople|business community|representatives|heads|envoys|ambassadors|"
                         r"chiefs|CEOs|ministers|governors|lawmakers|senators|group|dignitaries|guests|visitors|counterparts)\b", re.I)
HOST_OBJECT = re.compile(r"^\W*(?:on |with |by |to )?(?:the |His |Her )?(?:Excellency |Majesty |Highness )?(?:the )?"
                         r"(?:President|Prime Minister|Premier|Chancellor|King|Emir|Sultan|Crown Prince|"
                         r"Head of State)\b(?! of)", re.I)

CREDENTIALS = ("credential", "credentials", "letter", "letters")
# what a guest attends as someone's: "Y's swearing-in ceremony", "the inauguration of Y"
CEREMONY_NOUNS = {"ceremony", "inauguration", "swearing-in", "investiture", "coronation", "funeral", "wedding",
                  "parade", "reception", "banquet", "oath-taking"}  # what envoys present: "letters of credence"


def trigger(tok: Token) -> str | None:
    """The event type `tok` introduces, if it is a meeting verb or a light verb with a meeting noun."""
    return _trigger(tok) if _may_start(tok.lemma_.lower(), tok.lower_) else None


def _may_start(lemma: str, lower: str) -> bool:
    """A form of `_trigger` can start at a word of this lemma and lower-case form: each needs one of these lemmas or
    words (most tokens fail here)."""
    return lemma in TRIGGER_LEMMAS or lower in TRIGGER_WORDS or lemma.startswith("accredit")


def triggers_in(sent: Span) -> dict[int, str | None]:
    """`{tok.i: trigger(tok) for tok in sent}`, the pre-test read from the doc's arrays: a Token is made only for
    the few words that pass it."""
    doc = sent.doc
    lemmas, lowers = lemmas_lowers(doc)
    out: dict[int, str | None] = {}
    for i in range(sent.start, sent.end):
        out[i] = _trigger(doc[i]) if _may_start(lemmas[i].lower(), lowers[i]) else None
    return out


def _trigger(tok: Token) -> str | None:
    """`trigger` without its pre-test: the table's forms, tried one after another."""
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "discuss":
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        subj = [nearest_subject(subj, tok)] if subj else []
        with_someone = any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) or any(
            c.dep_ == "prep" and c.lower_ in ("at", "in") and any(  # "discussed at length with X", "in detail with"
                w.dep_ == "prep" and w.lower_ == "with" for n in c.children for w in n.children) for c in tok.children)
        pair = [c for c in tok.children if c.i < tok.i and c.pos_ == "PROPN" and c.dep_ in (
            "nsubj", "advmod", "npadvmod", "appos", "dep")]  # a headline's "X, Y discuss Z"
        if subj and (GROUP_SUBJECTS.match(" ".join(t.text for t in subj[0].subtree))
                     or any(c.dep_ == "conj" for c in subj[0].children)) or with_someone or len(pair) > 1:
            return "Meeting"  # "Kishida and Park had first discussed …", "he had discussed the park with Xi"
        return None
    if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in EVENT_NOUNS and any(
            c.dep_ == "poss" and c.lower_ in ("our", "their", "his", "her") for c in tok.children) and \
            not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS):
        return EVENT_NOUNS[tok.lemma_.lower()]  # "our conversation in Dushanbe last October", "their talks"
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("talk", "speak") and any(
            c.dep_ == "prep" and c.lower_ in ("to", "with") for c in tok.children):
        return "Meeting"  # "he had last talked to Aleksandr Lukashenko"
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "attend" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in CEREMONY_NOUNS and any(
                w.dep_ == "poss" and w.pos_ == "PROPN" or w.dep_ == "prep" and w.lower_ == "of" and any(
                    x.pos_ == "PROPN" for x in w.subtree) for w in c.children) for c in tok.children):
        return "Ceremony"  # "PM X attended President Y's swearing-in ceremony", "attended the inauguration of Y"
    if tok.pos_ == "VERB" and (tok.lemma_.lower() in ("attend", "join", "participate") or tok.lemma_.lower() == "take"
                               and any(c.lower_ == "part" for c in tok.children)) and any(
            c.dep_ in ("dobj", "prep") and (c.lower_ == "in" or any(
                w.lemma_.lower() in set(EVENT_NOUNS) | {"breakfast", "lunch", "dinner", "ceremony"}
                for w in c.subtree))
            for c in tok.children):
        return "Joined"  # "Minister … also took part in the meeting", "Carla Ventura … joined the breakfast", "A and B
        # attended the ceremony" (told_events: only where the event told last was told as a ceremony)
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "attend" and any(c.dep_ == "nsubj" for c in tok.children) and \
            not any(c.dep_ in ("dobj", "prep", "agent", "xcomp", "ccomp") for c in tok.children) and tok.dep_ == "ROOT":
        return "Joined"  # "Foreign Minister A and Adviser B also attended."
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "sit" and tok.i + 2 < len(tok.doc) and \
            tok.nbor(1).lower_ == "in" and tok.nbor(2).lower_ == "on":
        return "Joined"  # "A and B sat in on the talks"
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "attend" and any(c.dep_ == "agent" for c in tok.children) and \
            any(c.dep_ == "nsubjpass" and c.lemma_.lower() in set(EVENT_NOUNS) | set(NOUN_TRIGGERS) | {"ceremony"}
                for c in tok.children):
        return "Accompanied"  # "The meeting was attended by Director … Abbas Kamel"
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("head", "lead") and any(c.dep_ == "agent" for c in tok.children) \
            and any(c.dep_ == "nsubjpass" and GROUP_MET.match(c.text) for c in tok.children):
        return "Accompanied"  # "The visiting delegation was headed by Senator Renata Albuquerque Lins"
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("receive", "get", "take", "make", "place") and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "call" and not any(
                w.lower_ in ("courtesy", "farewell", "introductory") for w in c.children) for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ in ("from", "to", "with") for t in (tok, *tok.children) for c in t.children):
        return "PhoneCall"  # "received a telephone call on Monday (12 May) from X": "from" hung on the verb
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("grant", "give") and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "audience" for c in tok.children):
        return "Meeting"  # "granted an audience to a delegation"
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("include", "comprise") and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in ("delegation", "team", "entourage", "participant", "attendee")
            for c in tok.children) or tok.pos_ == "VERB" and tok.lemma_.lower() == "comprise" and tok.head.pos_ == \
            "VERB" and any(c.dep_ == "nsubjpass" and c.lemma_.lower() == "delegation" for c in tok.head.children):
        return "Accompanied"  # "the Indian delegation included External Affairs Minister S Jaishankar"
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("head", "lead") and tok.dep_ == "ROOT" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("delegation", "team") and any(
                w.lower_ == "including" for w in c.subtree) for c in tok.children):
        return "Accompanied"  # "A was leading a delegation of lawmakers, including B and C"
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "accompany" and any(c.dep_ == "agent" for c in tok.children):
        return "Accompanied"  # "The guest was accompanied by Hana Novak, Chief Executive of …"
    if tok.pos_ == "VERB" and any(c.dep_ == "agent" for c in tok.children) and (
            tok.lemma_.lower() == "join" and any(c.dep_ == "nsubjpass" for c in tok.children)
            or tok.lemma_.lower() == "present" and (tok.dep_ == "acl" and tok.head.lemma_.lower() in CREDENTIALS or any(
                c.dep_ == "nsubjpass" and c.lemma_.lower() in CREDENTIALS for c in tok.children))):
        return "Accompanied"  # "the minister was joined by A and B", "credentials were presented by A, B and C"
    if tok.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in tok.children) and (
            tok.lemma_.lower() == "lay" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("wreath", "flower", "flowers")
                                                for c in tok.children)
            or tok.lemma_.lower() in ("inaugurate", "unveil", "launch", "open") and any(
                c.dep_ == "dobj" and (c.pos_ == "PROPN" or any(w.pos_ == "PROPN" for w in c.subtree))
                for c in tok.children)):
        return "Ceremony"  # "the three presidents laid a wreath at …", "Aliyev inaugurated the Shirvan solar park"
    if tok.pos_ == "NOUN" and tok.lemma_.lower() == "visit" and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(w.dep_ == "pobj" and _person(w) for w in c.children)
            for c in tok.children):
        return "Meeting"  # "paid a visit to President X": a call on someone, not a trip to a country
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "visit" and any(c.dep_ == "nsubjpass" for c in tok.children) \
            and any(c.dep_ == "agent" and any(w.dep_ == "pobj" and _person(w) for w in c.children)
                    for c in tok.children):
        return "Meeting"  # "the President was visited by X"
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "report" and any(c.dep_ == "nsubj" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(w.dep_ == "pobj" and _person(w) for w in c.children)
            for c in tok.children):
        return "Meeting"  # "the governor reported to President X on the harvest": a report in person
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("hear", "receive") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("report", "briefing") for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "from" for t in (tok, *tok.children) for c in t.children):
        return "Meeting"  # "heard a report from the Prime Minister", "received a briefing from …"
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "exchange" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("view", "views", "opinion", "opinions") for c in tok.children) \
            and any(c.dep_ == "prep" and c.lower_ == "with" for t in (tok, *tok.children) for c in t.children):
        return "Meeting"  # "exchanged views with X"
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("host", "give", "offer", "throw") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in MEALS for c in tok.children) and any(
            c.dep_ == "prep" and (c.lower_ == "for" or c.lower_ == "in" and any(w.lemma_.lower() in ("honour", "honor")
                                                                                for w in c.children))
            for t in (tok, *tok.children) for c in t.children):
        return "Meeting"  # "hosted a luncheon for X", "gave a dinner in honour of X"
    if tok.pos_ == "VERB" and tok.lemma_.lower() in HONOUR_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in HONOURS | MEALS and _for_someone(c) for c in tok.children):
        return "Ceremony"  # "held a farewell ceremony for the outgoing ambassador A", "organised a reception in honour of"
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("award", "confer", "bestow", "present") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in DECORATIONS for c in tok.children) and any(
            c.dep_ in ("dative", "dobj") and _person(c) or c.dep_ == "prep" and c.lower_ in ("on", "upon", "to") and any(
                w.dep_ == "pobj" and _person(w) for w in c.children) for c in tok.children):
        return "Ceremony"  # "A awarded B the Order of Merit", "conferred the medal on B"
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in ("visit", "trip", "tour") and any(
            c.dep_ == "prep" and c.lower_ in ("to", "of") for c in tok.children) and not any(
            c.dep_ == "prep" and c.lower_ == "with" and any(w.dep_ == "pobj" and (_person(w) or w.pos_ == "PROPN")
                                                         for w in c.children) for c in tok.children):
        return "CountryVisit"  # "his first visit to France", "on a trip to Argentina": the country visited; "… with
        # a delegation of ministers": who came along, unlike "a visit to Paris with President X" (a meeting)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() == "arrival" and any(c.dep_ == "poss" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ in ("to", "in") and any(w.ent_type_ == "GPE" for w in c.subtree)
            for c in tok.children):
        return "CountryVisit"  # "upon his arrival in Ruricity": the visitor came to the city's country
    if tok.pos_ in ("AUX", "VERB") and tok.lemma_.lower() in ("be", "remain", "stay") and any(
            c.dep_ == "nsubj" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "in" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ in ("on", "for") and any(
                w.dep_ == "pobj" and w.lemma_.lower() in TRIP_NOUNS for w in c.children) for c in tok.children):
        return "CountryVisit"  # "A and a delegation are in Jamaica on an official visit": where the visit is
    if tok.pos_ == "AUX" and tok.lemma_.lower() == "be" and tok.dep_ in ("ROOT", "ccomp") and any(
            c.dep_ == "nsubj" and c.tag_ == "NNP" and any(w.ent_type_ in ("PERSON", "") for w in c.subtree)
            for c in tok.children) \
            and any(c.dep_ == "prep" and c.lower_ == "in" and any(w.dep_ == "pobj" and w.ent_type_ == "GPE"
                                                                  for w in c.children) for c in tok.children) \
            and any(c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    for c in tok.children):
        return "CountryVisit"  # "A is in Ruricity, Osterland, to seek support for …": there on a purpose
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("lead", "head") and any(c.dep_ == "nsubj" for c in tok.children) \
            and any(c.dep_ == "dobj" and c.lemma_.lower() in PARTIES for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(w.dep_ == "pobj" and w.ent_type_ in ("GPE", "LOC")
                                                          for w in c.children)
            for t in (tok, *(c for c in tok.children if c.dep_ == "dobj")) for c in t.children):
        return "CountryVisit"  # "the Speaker led a parliamentary delegation to Maldives": he went there
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "arrive" and any(
            c.dep_ == "prep" and c.lower_ == "in" for c in tok.children) and not any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() not in PEOPLE_NOUNS for c in tok.children):
        # not "with the consignment having arrived in Windhoek": a thing, not a visitor
        return "CountryVisit"  # "the President arrived in Harare"
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("travel", "fly", "head") and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in tok.children) and any(c.dep_ == "nsubj" for c in tok.children):
        return "CountryVisit"  # "the Chancellor travelled to Paris", "she flew to Nairobi"
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "visit" and any(c.dep_ == "nsubj" for c in tok.children):
        return "Visit"  # "Jan Kowal visited the Tarlenheim repair works together with Minister … Karel Brandt"
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "engage" and (noun := _engaged_in(tok)) is not None:
        # "A and B engaged in a 40-minute telephone conversation", "the delegation engaged in talks with C"
        if noun.lemma_.lower() in ("conversation", "call", "talk", "talks") and any(
                c.lower_ in ("telephone", "phone") for c in noun.children):
            return "PhoneCall"
        return EVENT_NOUNS.get(noun.lemma_.lower(), NOUN_TRIGGERS.get(noun.lemma_.lower(), "Meeting"))
    if tok.pos_ == "VERB" and tok.lemma_.lower() in WITH_VERBS and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return WITH_VERBS[tok.lemma_.lower()]  # "A interacted with a number of heads of state"
    if tok.pos_ == "VERB" and tok.lemma_.lower() in SERIES_VERBS and any(
            c.dep_ == "dobj" and c.lower_ in ("meetings", "talks", "consultations", "engagements", "bilaterals")
            for c in tok.children) and any(c.dep_ == "prep" and c.lower_ == "with" and any(
                w.dep_ == "pobj" and _person(w) for w in c.children) for c in tok.children):
        return "Meeting"  # "A started his meetings on Sunday with Ruritanian president B": the first of them
    if tok.pos_ == "VERB" and tok.lemma_.lower() == "call" and any(
            c.dep_ == "prep" and c.lower_ == "on" for c in tok.children):
        return "Meeting"  # "the minister called on the President"
    if tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in NOUN_TRIGGERS or tok.lower_ in PLURAL_TRIGGERS
                                          or tok.lemma_.lower() in NOUN_TRIGGERS):
        if any(c.dep_ == "prep" and (c.lower_ in ("with", "between") or c.lower_ == "on" and tok.lemma_.lower() ==
                                     "call" or c.lower_ == "from" and tok.lemma_.lower() in ("call", "visit"))
               for c in tok.children) \
                and not (tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in LIGHT_VERBS | {"pay"}):
            if tok.lemma_.lower() == "call" and any(c.lower_ in ("courtesy", "farewell", "introductory")
                                                    for c in tok.children):
                return "Meeting"  # "a courtesy call from the ambassador": a visit in person
            return NOUN_TRIGGERS.get(tok.lemma_.lower(), NOUN_TRIGGERS.get(tok.lower_, "Meeting"))
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in ("be", "take") and any(
            c.dep_ in ("nsubj", "nsubjpass") and _quantified(c).lemma_.lower() in NOUN_TRIGGERS
            for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return "Meeting"  # "the first bilateral meeting of the day was with …", "another meeting took place with"
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("receive", "accept") and any(
            c.dep_ == "dobj" and (c.lemma_.lower() in ("credential", "credentials") or c.lemma_.lower() == "letter" and
                                  any(w.lower_ == "credence" for w in c.subtree)) for c in tok.children):
        return "Meeting"  # "received the letters of credence of five ambassadors"
    if tok.pos_ == "VERB" and tok.lemma_.lower().startswith("accredit") and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() not in ("it", "which") for c in tok.children):
        return "Ceremony"  # "the President accredited the new ambassadors of A and B": their credentials received
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ("present", "submit", "hand", "deliver") and any(
            c.dep_ == "nsubj" for c in tok.children) and any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in tok.children) and any(
            c.dep_ == "dobj" and (c.lemma_.lower() in ("credential", "credentials") or c.lemma_.lower() == "letter" and
                                  any(w.lower_ == "credence" for w in c.subtree) or c.lemma_.lower() == "copy" and any(
                w.lemma_.lower() in ("credential", "credentials", "credence") for w in c.subtree))  # "copies of …"
            for c in tok.children):
        if not any(w.pos_ == "PROPN" for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                   for w in c.subtree):
            return "Joined"  # "A and B also presented their credentials to the president": more envoys at the
            # ceremony just told
        return "Meeting"  # "the new ambassador presented his credentials to President X": an audience with X
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in MEET_VERBS:
        if tok.lemma_.lower() in ("host", "welcome", "receive") and not any(
                c.dep_ == "dobj" and _someone(c) or c.dep_ == "nsubjpass" and (_someone(c) or c.lower_ in PERSONAL) and _by_someone(tok)
                for c in tok.children) and not (misparsed_verb(tok) and _someone(tok.head)) and not any(
                w.dep_ == "appos" and w.i > tok.i and w.lemma_.lower() in PEOPLE_NOUNS and w.head.dep_ == "npadvmod"
                for w in tok.subtree) and not displaced(tok, PEOPLE_NOUNS):
            # "received on Sunday, 13 April, the delegation", "received at X Palace on Monday King Y": hung on the date
            return None  # "welcomed the President's support", "received a letter": nobody was met
        return MEET_VERBS[tok.lemma_.lower()]
    if tok.lemma_.lower() in LIGHT_VERBS | {"pay"}:
        for c in tok.children:
            if c.dep_ not in ("dobj", "nsubjpass"):
                continue
            c = _quantified(c)
            if (c.lemma_.lower() in EVENT_NOUNS or c.lemma_.lower() in
                                                      NOUN_TRIGGERS and tok.lemma_.lower() != "pay"
                                                      or tok.lemma_.lower() == "pay" and c.lemma_.lower() == "call"):
                mods = {m.lower_ for m in c.children}
                if c.lemma_.lower() == "conversation" and ({"telephone", "phone"} & mods):
                    return "PhoneCall"
                if c.lemma_.lower() == "call" and {"courtesy", "farewell", "introductory"} & mods:
                    return "Meeting"  # "paid a courtesy call on the President": in person
                return EVENT_NOUNS.get(c.lemma_.lower(), NOUN_TRIGGERS.get(c.lemma_.lower(), "Meeting"))
    return None


PEOPLE_NOUNS = {"delegation", "president", "minister", "ambassador", "envoy", "guest", "leader", "counterpart",
                "chairman", "chairwoman", "chairperson", "head", "secretary", "premier", "king", "queen", "prince",
                "princess", "emir", "sultan", "governor", "senator", "mayor", "chief", "official", "member",
                "representative", "executive", "investor", "ceo", "director", "commander", "speaker", "chancellor",
                "general", "deputy", "team", "group", "businessman", "diplomat", "sheikh", "participant", "him", "her",
                "them", "vice", "heir", "founder", "lawmaker", "parliamentarian", "mission", "crew", "party"}


SERIES_VERBS = {"start", "begin", "open", "continue", "conclude", "end", "wrap", "close", "round"}
TRIP_NOUNS = {"visit", "trip", "tour", "mission"}
PARTIES = {"delegation", "team", "mission", "group"}  # what someone leads on a trip abroad
MEALS = {"lunch", "luncheon", "dinner", "banquet", "breakfast", "reception", "iftar"}


HONOUR_VERBS = {"hold", "organise", "organize", "arrange", "host", "give", "offer", "throw"}
HONOURS = {"ceremony", "farewell", "party", "gala"}  # held for someone: "a farewell ceremony for A"
DECORATIONS = {"order", "medal", "award", "decoration", "prize", "insignia", "honour", "honor", "title", "star"}


def _for_someone(noun: Token) -> bool:
    """The thing held is for a person: "a farewell ceremony for the ambassador A", "a dinner in honour of B"."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "for" and any(w.dep_ == "pobj" and _person(w) for w in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and any(w.lemma_.lower() in ("honour", "honor") and any(
                p.lower_ == "of" and any(x.dep_ == "pobj" and _person(x) for x in p.children) for p in w.children)
                for w in c.children):
            return True
    return False


def _engaged_in(tok: Token) -> Token | None:
    """The meeting noun of "engaged in (a) … discussion(s)": the object of its "in"."""
    return next((w for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for w in c.children
                 if w.dep_ == "pobj" and (w.lemma_.lower() in EVENT_NOUNS or w.lemma_.lower() in NOUN_TRIGGERS)
                 and w.lemma_.lower() not in ("visit", "summit", "session")), None)


def _person(tok: Token) -> bool:
    """`tok` names a person: a name, or a title of one ("the President")."""
    return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in PEOPLE_NOUNS - {"delegation", "team", "group", "mission",
                                                                              "crew", "party", "them", "him", "her"}


PERSONAL = {"he", "she", "they", "we"}  # "he was received by President X": someone, unlike "it"


def _someone(tok: Token) -> bool:
    """The object of "received", "hosted", "welcomed" names someone: a name, a title, a delegation."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or \
        tok.lemma_.lower() in PEOPLE_NOUNS or tok.lower_ in PEOPLE_NOUNS or \
        any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in tok.children)


def _by_someone(tok: Token) -> bool:
    """A passive told with who did it: "was received by President …"."""
    return any(c.dep_ == "agent" and any(w.dep_ == "pobj" and _someone(w) for w in c.children) for c in tok.children)


def _quantified(tok: Token) -> Token:
    """"a series of meetings", "a number of meetings", "a round of talks": the meeting noun."""
    if tok.lemma_.lower() in ("series", "number", "round", "couple", "string", "host", "one", "first", "last"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for w in c.children:
                    if w.dep_ == "pobj" and (w.lemma_.lower() in EVENT_NOUNS or w.lemma_.lower() in NOUN_TRIGGERS):
                        return w
    return tok


# Every lemma (lowercased) that one of `_trigger`'s forms requires of the token itself, and the words its noun form
# accepts by their lower-case text: a token with neither (nor a lemma "accredit…") is no trigger (`trigger`'s
# pre-test; tests/test_speed_s9.py compares the two on every token of a set of sentences).
TRIGGER_LEMMAS = frozenset({
    "discuss", "talk", "speak", "attend", "join", "participate", "take", "sit", "head", "lead", "receive", "get",
    "make", "place", "grant", "give", "include", "comprise", "accompany", "present", "lay", "inaugurate", "unveil",
    "launch", "open", "visit", "report", "hear", "exchange", "host", "offer", "throw", "award", "confer", "bestow",
    "trip", "tour", "be", "remain", "stay", "arrive", "travel", "fly", "engage", "call", "accept", "submit", "hand",
    "deliver", "pay", "arrival", *SERIES_VERBS, *EVENT_NOUNS, *NOUN_TRIGGERS, *WITH_VERBS, *MEET_VERBS, *LIGHT_VERBS, *HONOUR_VERBS})
TRIGGER_WORDS = frozenset({*NOUN_TRIGGERS, *PLURAL_TRIGGERS})
