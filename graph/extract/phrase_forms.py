"""More forms of news English that say what a meeting was about, read beside phrases.py's (round 7): what a side
said or noted in a clause ("stressed that the grain deliveries …"), the copular and elliptic agenda forms ("X was
another subject at the meeting", "X is a priority", "…were discussed, as was X"), "ranging from A to B", "issues
related to X", the documents a signing's text lists ("the memoranda include an MoU on A, an MoU on B"); and what is not
a subject though the parse hangs it where one would be: who said it ("…, the ministry said"), the occasion ("on the
sidelines of the summit"), the people acted on ("commended the government for …").

`more_heads(tok)` gives (head token, strength) pairs for one token, as phrases.py's loop does for its own forms.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

# "attention was paid to X", "emphasis was placed on X": the verbs and the nouns of weight given to a subject
WEIGHT_VERBS = {"pay", "place", "put", "give", "attach", "lay", "devote", "accord", "draw"}
WEIGHT_SUBJECTS = {"attention", "emphasis", "priority", "importance", "focus", "stress", "significance",
                   "consideration", "accent"}
# verbs by which a side says, notes or stresses a thing in a clause: what the clause is about is a subject
REPORT_VERBS = {"say", "stress", "note", "underline", "underscore", "emphasize", "emphasise", "point", "add",
                "state", "affirm", "reaffirm", "reiterate", "mention", "observe", "remark", "assert", "insist",
                "recall", "explain", "highlight", "accentuate", "indicate", "acknowledge", "recognize", "recognise",
                "tell", "inform", "assure", "agree"}
# nouns of feeling or belief after "expressed": "expressed confidence that …", "voiced hope that …"
BELIEF_NOUNS = {"confidence", "hope", "belief", "conviction", "optimism", "certainty", "expectation"}
# the noun after "be" that says its subject was what the talks dealt with: "X was the main topic", "X is a priority"
TOPIC_ATTRS = {"subject", "topic", "issue", "theme", "focus", "priority", "item", "question", "point", "concern",
               "centrepiece", "centerpiece", "highlight"}
COPULAS = {"be", "remain", "become"}
# "issues related to X", "matters relating to X", "questions pertaining to X"
RELATED = {"relate", "related", "relating", "pertain", "pertaining", "link", "linked", "connect", "connected"}
# the nouns a "ranging from A to B" list hangs on is any; the verb
# "spanning", "covering", "encompassing": what a thing named before them takes in
SPAN_VERBS = {"span", "cover", "encompass", "include", "involve", "embrace"}
RANGE = {"range", "ranging", "vary", "varying", "span", "spanning"}
# documents: "the memoranda include …", "the agreements signed included …"
DOCUMENTS = {"memorandum", "memoranda", "memorandums", "mou", "mous", "agreement", "agreements", "document",
             "documents", "deal", "deals", "accord", "accords", "treaty", "treaties", "instrument", "instruments",
             "pact", "pacts", "protocol", "protocols", "contract", "contracts", "declaration", "declarations"}
# "the signing of X", "the review of X": an act on a thing names the thing
ACT_NOUNS = {"signing", "conclusion", "ratification", "adoption", "review", "analysis", "examination",
             "discussion", "discussions", "seminar", "conference", "forum", "symposium", "workshop", "roundtable",
             "summit", "session", "colloquium", "webinar"}
# gatherings: their "of" phrase names who or which one ("the session of the assembly"), their "on" what about
GATHERINGS = {"seminar", "conference", "forum", "symposium", "workshop", "roundtable", "summit", "session",
              "colloquium", "webinar"}
# verbs by which a side praises, thanks or blames someone "for" a thing: the one acted on is who, not what about
PRAISE_VERBS = {"commend", "praise", "laud", "hail", "thank", "congratulate", "applaud", "salute", "criticize",
                "criticise", "slam", "blame", "condemn", "fault", "rebuke", "reproach", "denounce", "accuse"}
# verbs of saying whose subject is the source of a text, not what it is about
SOURCE_VERBS = {"say", "tell", "tweet", "post", "write", "state", "add", "report", "inform", "announce", "note",
                "quote", "cite", "publish", "release", "issue", "confirm", "disclose", "reveal"}
# the kinds of names that name things (a body, a product, a building, an event, a law), not people or lands
THING_TYPES = {"ORG", "PRODUCT", "FAC", "EVENT", "LAW", "WORK_OF_ART"}
# verbs of will or ability: their subject is a side ("the two cities want to work together")
WILL_VERBS = {"want", "wish", "intend", "plan", "hope", "aim", "seek", "need", "try", "wait", "like", "prefer",
              "stand", "look", "expect", "mean"}
# the meeting itself: "discussed trade in a phone conversation" says how, not what about
MEETING_NOUNS = {"conversation", "call", "meeting", "talk", "visit", "videoconference", "teleconference"}
ACTOR_WORDS = {"government", "governments", "administration", "team", "side", "sides", "country", "countries",
               "authorities", "ministry", "ministries", "office", "people", "nation", "nations", "party",
               "parties", "province", "provinces", "region", "regions", "city", "cities", "neighbour", "neighbours", "neighbor",
               "neighbors", "state", "states", "he", "she", "him", "her", "them", "they", "it", "us", "we", "you"}


def more_heads(tok: Token, lemma: str) -> list[tuple[Token, float]]:
    """(head, strength) of the subjects the forms of this module find at `tok`."""
    heads: list[tuple[Token, float]] = []
    if tok.pos_ in ("VERB", "AUX"):
        heads += _said(tok, lemma)
        heads += _copular(tok, lemma)
        heads += _as_was(tok)
        if lemma == "include" and any(c.dep_ == "nsubj" and (c.lower_ in DOCUMENTS or c.lemma_.lower() in DOCUMENTS)
                                      for c in tok.children):
            heads += [(c, 0.85) for c in tok.children if c.dep_ == "dobj"]  # "the memoranda include …"
        if lemma == "include":  # "the agenda included looking at X": what the gerund looks at
            heads += [(w, 0.8) for v in tok.children if v.dep_ in ("xcomp", "dobj") and v.tag_ == "VBG"
                      for c in v.children if c.dep_ == "prep" and c.lower_ in ("at", "into", "on")
                      for w in c.children if w.dep_ == "pobj"]
    if tok.pos_ == "VERB" and lemma in WEIGHT_VERBS:
        heads += _weight_given(tok)
    if tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in ACT_NOUNS or lemma in ACT_NOUNS):
        preps = ("on", "about", "regarding", "concerning") if tok.lower_ in GATHERINGS or lemma in GATHERINGS \
            else ("of", "on")
        heads += [(w, 0.8) for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                  for w in c.children if w.dep_ == "pobj" and not _when(w)]
    return heads


def _weight_given(verb: Token) -> list[tuple[Token, float]]:
    """"Special attention was paid to X", "emphasis was placed on X", "priority was given to X": the passive of
    "paid attention to" (phrases.py reads the active form)."""
    if not any(c.dep_ == "nsubjpass" and c.lemma_.lower() in WEIGHT_SUBJECTS for c in verb.children):
        return []
    return [(w, 0.6) for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ("on", "upon", "to")
            for w in c.children if w.dep_ == "pobj"]


def _said(verb: Token, lemma: str) -> list[tuple[Token, float]]:
    """What a clause a side says, notes or stresses is about ("noted that forty Korean firms operate there",
    "expressed confidence that the tram depot would be finished"; "According to the mayor, the dock is …"): the
    clause's subject and object, where they are things (not a person, a land or a pronoun)."""
    clauses = []
    if lemma in REPORT_VERBS:
        clauses += [c for c in verb.children if c.dep_ == "ccomp"]
    if lemma in ("express", "voice", "share") or verb.dep_ == "ROOT":
        clauses += [c for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in BELIEF_NOUNS
                    for c in o.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")]
    if verb.dep_ == "ROOT" and any(c.dep_ == "prep" and c.lower_ == "according" for c in verb.children):
        clauses.append(verb)  # "According to the mayor, X is …"
    out = []
    for v in clauses:
        if v.lemma_.lower() in SOURCE_VERBS | REPORT_VERBS:
            continue
        agent = v.lemma_.lower() in WILL_VERBS  # "the two cities want to …": its subject is a side
        # "the province was satisfied with …": the adjective says how the subject feels (phrases.py reads "with …")
        felt = any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in v.children)
        # "said the truth was that …", "noted that the focus is on …": what a said "be" says of its subject is a
        # view, not a subject (dev, 185 items: 8 such, none right, 8 outlets)
        felt = felt or v.lemma_.lower() == "be" and v is not verb  # ("According to A, the dock is …" stays)
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj") and _a_thing(c) and not ((felt or agent) and c.dep_ == "nsubj"):
                out.append((c, 0.6))
            elif c.dep_ in ("csubj",):  # "cutting red tape is a shared goal": what the gerund acts on
                out += [(o, 0.6) for o in c.children if o.dep_ == "dobj" and _a_thing(o)]
    return out


def _a_thing(tok: Token) -> bool:
    """A noun that can name a subject: a common noun, or a name of a thing (not a pronoun, a person, a land, a
    people, nor a word for the sides)."""
    return (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.ent_type_ in THING_TYPES) \
        and tok.lower_ not in ACTOR_WORDS


def _copular(verb: Token, lemma: str) -> list[tuple[Token, float]]:
    """"X was another subject at the meeting", "X remains a top priority", "X was on the table"; a passive the parse
    read as "be" + an adjective ("X was highly appreciated")."""
    if lemma not in COPULAS:
        return []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and c.lower_ not in ACTOR_WORDS]
    if not subjects:
        return []
    attrs = [c for c in verb.children if c.dep_ == "attr" and (c.lower_ in TOPIC_ATTRS or c.lemma_.lower() in
                                                                TOPIC_ATTRS)]
    table = any(c.dep_ == "prep" and c.lower_ == "on" and any(w.lower_ == "table" for w in c.children)
                for c in verb.children)
    from .phrases import OBJECT_VERBS
    passive = any(c.dep_ == "acomp" and (c.lemma_.lower() in OBJECT_VERBS or c.lower_[:-1] in OBJECT_VERBS
                                        or c.lower_[:-2] in OBJECT_VERBS) and c.lower_.endswith("ed")
                  for c in verb.children)
    if not (attrs or table or passive):
        return []
    out = []
    for s in subjects:
        if s.dep_ == "csubj":  # "reducing energy dependence is a priority": what the gerund acts on
            out += [(o, 0.8) for o in s.children if o.dep_ == "dobj"]
        elif s.tag_ == "VBG":
            out += [(o, 0.8) for o in s.children if o.dep_ == "dobj"] or [(s, 0.8)]
        else:
            out.append((s, 0.8))
    return out


@lru_cache(maxsize=1)
def _discussing_verbs() -> frozenset[str]:
    """The verbs of discussing `_as_was` reads: phrases.py's OBJECT_VERBS and the verbs of its PREP_VERBS."""
    from .phrases import OBJECT_VERBS, PREP_VERBS
    return frozenset(OBJECT_VERBS) | {v for v, _ in PREP_VERBS}


def _as_was(verb: Token) -> list[tuple[Token, float]]:
    """"Fisheries were discussed, as was the ferry link": the subject of the elliptic "as" clause on a verb of
    discussing."""
    lemma = verb.lemma_.lower()
    if lemma not in _discussing_verbs():
        return []
    return [(s, 0.8) for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() == "be"
            and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
            for s in c.children if s.dep_ in ("nsubj", "attr") and _a_thing(s)]


def ranged(tok: Token) -> list[Token]:
    """"matters ranging from crime to road safety": the ends of the range (and a "to" after the last one)."""
    out = []
    for v in tok.children:
        if v.dep_ == "acl" and v.lemma_.lower() in RANGE | {"range"}:
            stack = [c for c in v.children if c.dep_ == "prep" and c.lower_ in ("from", "to")]
            while stack:
                p = stack.pop(0)
                stack += [c for c in p.children if c.dep_ == "prep" and c.lower_ == "to"]
                for w in p.children:
                    if w.dep_ == "pobj":
                        out.append(w)
                        stack += [c for c in w.children if c.dep_ == "prep" and c.lower_ == "to"]
            # "from port fees to student visas", the parse reading "to student" as a verb: what it "acts on"
            out += [o for a in v.children if a.dep_ == "advcl" and any(x.dep_ == "aux" and x.lower_ == "to"
                                                                       for x in a.children)
                    for o in a.children if o.dep_ == "dobj"]
    return out


def related(tok: Token) -> list[Token]:
    """"issues related to X", "questions pertaining to X", "issues bordering on X": X."""
    return [w for v in tok.children if v.dep_ in ("acl", "amod") and (v.lower_ in RELATED or v.lower_ == "bordering")
            for c in v.children if c.dep_ == "prep" and c.lower_ == ("on" if v.lower_ == "bordering" else "to")
            for w in c.children if w.dep_ == "pobj"]


def purpose_objects(tok: Token) -> list[Token]:
    """What a purpose told after a subject acts on: "efforts to combat [terrorism]", "measures to halt the
    [programme]"; after a gerund, its object's purpose ("improving coordination to combat [terrorism]")."""
    heads = [tok] + ([o for o in tok.children if o.dep_ == "dobj"] if tok.tag_ == "VBG" else []) + (
        [tok.head] if tok.dep_ == "dobj" and tok.head.tag_ == "VBG" else [])
    return [o for h in heads for v in h.children if v.dep_ in ("acl", "relcl", "advcl", "xcomp") and v.tag_ == "VB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children)
            for w in (v, *v.conjuncts) for o in w.children if o.dep_ == "dobj"]


def spanned(tok: Token) -> list[Token]:
    """"a partnership spanning priority areas including health", "a programme covering roads and ports": what the
    thing spans or covers."""
    return [o for v in tok.children if v.dep_ == "acl" and v.tag_ == "VBG" and v.lemma_.lower() in SPAN_VERBS
            for o in v.children if o.dep_ == "dobj"]


def _when(tok: Token) -> bool:
    from .phrases import _a_time
    return _a_time(tok)


def not_a_subject(tok: Token) -> bool:
    """A noun the parse hangs where a subject would be that is not one: the source of the text ("the ministry said",
    "the ministry's spokesman tweeted"), one praised or blamed "for" a thing, a meeting itself ("in a phone call")."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in MEETING_NOUNS and not any(
            c.pos_ == "PROPN" for c in tok.lefts):  # (a named one, "the Trilateral Summit Meeting", may be a subject)
        return True
    for a in (tok, *tok.ancestors):
        if a.dep_ == "nsubj" and a.head.lemma_.lower() in SOURCE_VERBS:
            return True
        if a.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "ROOT"):
            break
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in PRAISE_VERBS and any(
            c.dep_ == "prep" and c.lower_ == "for" for c in tok.head.children):
        return True
    return False
