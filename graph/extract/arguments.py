"""Who a meeting trigger's arguments are, read from the dependency parse rather than from the words around it.

A trigger (sentence_events.trigger) has a subject (who met: its `nsubj`, the subject of the verb it is conjoined to
or depends on, the possessor of a meeting noun) and objects (whom: its direct object, the "with", "between", "to"
or "by" phrase, with their conjuncts and appositions). What the parse hangs elsewhere in the sentence is not an
argument: a relative clause ("Ramaphosa, who is chair of SADC, met …"), a second verb ("met A and held a phone call
with B"), the one who reports it ("…, the spokesperson said"), a place ("in Ankara") or a topic ("talks on trade").

`subject_token(tok)` gives the subject's head token (or None); `subject_tokens(head)` and `object_tokens(tok)` give
the set of token indices the arguments cover, so that a mention counts only when its words are among them.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lists import colon_list, copula_list

# clauses and phrases inside an argument that name someone who is not met: "who is chair of …", "to discuss …",
# "…, the spokesperson said", "as he said"
NOT_ARGUMENT = {"relcl", "advcl", "ccomp", "parataxis", "csubj", "mark", "nsubj", "nsubjpass", "xcomp", "acl"}
# prepositions whose object may be the one met (or a part of that one's name: "President of Bulgaria Rumen Radev")
ARGUMENT_PREPS = {"with", "between", "to", "by", "of", "including", "among", "alongside"}
VERBAL = ("VERB", "AUX")
# clauses inside a trigger's phrase that tell of something else than whom it met
SIDE_CLAUSES = {"relcl", "advcl", "parataxis", "csubj"}
PLACE_PREPS = {"in", "at", "near", "inside", "outside"}


def _covered(head: Token, preps: set[str] | None, skip: set[str], keep_acl: bool) -> set[int]:
    out = {head.i}
    for c in head.children:
        if c.dep_ in skip and not (keep_acl and c.dep_ == "acl" and _led_by(c)):
            continue
        if c.dep_ == "conj" and c.pos_ in VERBAL:
            continue  # "met A and held talks with B": the second verb has its own objects
        if c.dep_ == "prep" and preps is not None and c.lower_ not in preps:
            continue  # "in Ankara", "on trade": a place or a topic
        out |= _covered(c, preps, skip, keep_acl)
    return out


def _led_by(acl: Token) -> bool:
    """"the delegation led by Jennifer Granholm", "a team headed by": the leader is one of those met."""
    return acl.lemma_.lower() in ("lead", "head", "include", "comprise") or any(c.dep_ == "agent"
                                                                                  for c in acl.children)


def object_tokens(tok: Token, places: bool = False) -> set[int]:
    """Token indices where whom `tok` says was met may be named: the trigger's own phrase (a verb's clause, a meeting
    noun's phrase), without the clauses hung in it that tell of something else: a second verb ("met A and held talks
    with B"), a relative or adverbial clause ("…, where the two leaders …", "…, saying …") and, unless `places`, a
    place ("in the building of the Foreign Ministry"). Read as what to leave out rather than what to take, so that a
    name the parse attaches loosely ("held talks with the President of Angola, João Lourenço") still counts; a
    reporter's "…, X said" lies outside the trigger's clause."""
    out: set[int] = set()
    stack = [tok, tok.head] if misparsed_verb(tok) else [tok]
    if tok.dep_ == "dobj" and tok.head.pos_ in VERBAL:  # "received a call from A, …, and B": B hung on the verb
        stack += [c for c in tok.head.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > tok.i]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in ("comprise", "include"):
                stack.append(c)  # "received a delegation led by A, comprising B and C": the parse hangs the list
                continue  # on the verb
            if c.dep_ in SIDE_CLAUSES or c.dep_ == "conj" and c.pos_ in VERBAL:
                continue
            if c.dep_ == "acl" and not _led_by(c) and c.pos_ in VERBAL and c.tag_ != "VBN":
                continue
            if not places and c.dep_ == "prep" and c.lower_ in PLACE_PREPS and not any(
                    w.dep_ == "pobj" and w.lemma_.lower() in ("presence", "company", "attendance") for w in c.children):
                # "in the building of Iran's Foreign Ministry": where, not whom ("in the presence of" is whom); a
                # "with" the parse hung inside it is still whom ("met in turn with A and B")
                stack += [w for w in c.subtree if w.dep_ == "prep" and w.lower_ in ("with", "between")
                          and w.head.head.i == c.i]
                out |= _person_glued(c)  # "the ambassador in Rome Jane Doe": the name the parse hung on the city
                continue
            stack.append(c)
    return out | _trailing_appositions(tok, out) | _list_under_reporter(tok) | colon_list(tok) | copula_list(tok)


REPORTING = {"say", "report", "add", "note", "state", "announce", "write", "confirm", "tell"}


def _list_under_reporter(tok: Token) -> set[int]:
    """A list the parse gave to the reporter after it: "the delegation includes A, B, and C, the agency reports"
    read as "(B, C and the agency) report". The subject of the reporting verb after the trigger's clause, when it is
    a list, is the trigger's list but for its last item (the one who reports)."""
    head = tok.head
    if tok.dep_ != "ccomp" or head.i <= tok.i or head.lemma_.lower() not in REPORTING:
        return set()
    subj = next((c for c in head.children if c.dep_ == "nsubj" and tok.i < c.i < head.i), None)
    if subj is None:
        return set()
    items = [t for t in subj.subtree if t.dep_ == "conj" and t.pos_ == "PROPN"]
    if not items:
        return set()  # "…, the ministry said": the one who tells it
    last = max(items, key=lambda t: t.i)
    source = {t.i for t in last.subtree}
    return {t.i for t in subj.subtree if t.i < min(source)}


def _person_glued(prep: Token) -> set[int]:
    """A person's name the parse took for part of a place phrase: "the new ambassador in Oslo Jane Doe" read as "in
    (Oslo Jane Doe)". A place is not a person: the words of a person's name heading the phrase are whom."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ != "PERSON":
        return set()
    return {w.i for w in obj.subtree if w.ent_type_ == "PERSON" and w.i <= obj.i}


def misparsed_verb(tok: Token) -> bool:
    """The sentence's verb taken for a modifier of its object, in a sentence the parse left without a verb: "President
    X on Thursday hosted leaders from …" read as "hosted" describing "leaders"."""
    return tok.pos_ == "VERB" and tok.dep_ == "amod" and tok.i < tok.head.i and tok.sent.root.pos_ not in VERBAL \
        and not any(t.pos_ in VERBAL and t.i < tok.i for t in tok.sent)


def _trailing_appositions(tok: Token, zone: set[int]) -> set[int]:
    """A name set off by a comma right after a title in the zone, which the parse hung elsewhere: "… led by the
    Minister of Public Works, Ramiro Choque Mamani"."""
    out: set[int] = set()
    doc = tok.doc
    for i in sorted(zone):
        j = i + 1
        if j + 1 < len(doc) and j not in zone and doc[j].text == "," and doc[i].pos_ in ("PROPN", "NOUN") and \
                doc[j + 1].pos_ == "PROPN" and j + 1 not in zone:
            k = j + 1
            while k < len(doc) and doc[k].pos_ == "PROPN" and k not in zone:
                k += 1
            if k < len(doc) and doc[k].pos_ in VERBAL:
                continue  # "…, Diko said": the one who tells it
            out |= set(range(j + 1, k))
    return out


def with_phrases(tok: Token) -> list[set[int]]:
    """Token indices of each "with" phrase of the trigger told apart ("met with A on Friday, and later with B"):
    the trigger's (or its meeting noun's) own "with" phrases and those conjoined to them, not "with the
    participation of"."""
    heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    withs = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"]
    for w in list(withs):
        withs += [c for c in w.children if c.dep_ == "conj" and c.lower_ == "with"]
    out = []
    for w in withs:
        if any(c.dep_ == "pobj" and c.lemma_.lower() in ("participation", "presence", "support", "help", "view")
               for c in w.children):
            continue
        inner = {t.i for c in w.children if c.dep_ == "conj" and c.lower_ == "with" for t in c.subtree}
        out.append({t.i for t in w.subtree} - inner)
    return out


# a chance one had to meet: "had the opportunity to meet", "had the honour of meeting"
CHANCES = {"opportunity", "chance", "honour", "honor", "pleasure", "privilege"}


def subject_token(tok: Token) -> Token | None:
    """The head of who met: the trigger's subject, else the subject of the verb it is conjoined to or depends on
    ("met A and held talks with B", "after holding talks with B", "during the talks with B"); None for a meeting
    noun that names both sides ("a meeting between A and B") or when the parse has no subject."""
    if tok.pos_ not in VERBAL and any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children):
        return None
    t = tok
    for _ in range(6):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and t.dep_ == "relcl" and subj[0].lower_ in ("who", "that", "which"):
            return t.head  # "the minister, who met …": the one the clause is about
        if subj and (t is not tok or tok.pos_ in VERBAL):
            return nearest_subject(subj, t)
        if t.dep_ == "acl" and t.head.lemma_.lower() in CHANCES and t.head.dep_ == "dobj":
            t = t.head.head  # "A had the opportunity to meet B": who had it met
            continue
        if t.dep_ == "acl" and t.pos_ in VERBAL and not any(c.dep_ == "agent" for c in t.children):
            return t.head  # "Erdogan, meeting with Putin, said …" (and a long subject the parse cut off)
        if t.dep_ in ("conj", "xcomp", "advcl", "pcomp", "pobj", "prep", "dobj", "attr") and t.head is not t:
            t = t.head
            continue
        return None
    return None


def nearest_subject(subjects: list[Token], verb: Token) -> Token:
    """Of two subjects the parse gives a verb, the one next to it: a dateline ("ASTANA, 3 May 2024 --") is taken for
    a subject too."""
    before = [s for s in subjects if s.i < verb.i]
    return before[-1] if before else subjects[0]


def subject_tokens(head: Token) -> set[int]:
    """Token indices of the subject headed by `head`, with its conjuncts and titles, but not a relative clause or a
    phrase said about it ("Ramaphosa, who is also chair of …")."""
    return _covered(head, None, NOT_ARGUMENT, keep_acl=False)


def side_clauses(sent, tok: Token) -> set[int]:
    """Token indices of the clauses in `sent` said about someone and not holding the trigger `tok`: "who arrived on
    his tour", "…, the spokesperson said"."""
    out: set[int] = set()
    for t in sent:
        if t.dep_ in ("relcl", "acl", "advcl", "parataxis", "appos") and not (t.left_edge.i <= tok.i <= t.right_edge.i):
            out |= {w.i for w in t.subtree}
    return out


def covers(tokens: set[int], sent_tokens, start: int, end: int, offset: int) -> bool:
    """Some word of the mention at document offsets [start, end) is among `tokens` (indices into the sentence's
    `Doc`; `offset` is the piece's offset in the document)."""
    return any(offset + t.idx >= start and offset + t.idx < end for t in sent_tokens if t.i in tokens)



# what may stand between "received" and whom it received: when and where ("received on Monday at the palace …")
ADJUNCT_PREPS = {"on", "at", "in"}


def displaced_object(verb: Token, title_words: set[str]) -> set[int]:
    """Token indices of whom "received", "hosted" or "welcomed" met when news puts when and where first and the
    parse, left without a direct object, hangs the one received on them: "received at the palace on Monday the
    Prime Minister of X, Y", "received on Sunday at Z Palace Minister A". After each "on", "at" or "in" one run of
    names is the day or the place; the zone starts at the first word after them that names someone (a person, a
    nationality, a title in `title_words`) and runs to the end of the clause. Empty when the object comes first
    (the parse has it) or something else comes first ("received at the palace a letter from …")."""
    doc, out = verb.doc, set()
    if verb.i + 1 >= len(doc) or not (doc[verb.i + 1].lower_ in ADJUNCT_PREPS | {"yesterday", "today"}
                                      or doc[verb.i + 1].ent_type_ in ("DATE", "TIME")):
        return out
    side = {w.i for t in verb.sent if t.dep_ in SIDE_CLAUSES and t.i > verb.i for w in t.subtree}
    run = False  # inside the day or place after a preposition
    for t in doc[verb.i + 1:verb.sent.end]:
        if t.i in side:
            break
        names = t.lemma_.lower() in title_words or t.ent_type_ == "NORP" or t.ent_type_ == "PERSON" and (
            t.ent_iob_ == "B" and not (run and doc[t.i - 1].lower_ in ADJUNCT_PREPS | {"the"}))
        if names and not (run and t.ent_iob_ == "I"):
            return {w.i for w in doc[t.i:verb.sent.end] if w.i not in side}
        if t.lower_ in ADJUNCT_PREPS:
            run = True
        elif t.lower_ in ("the", "yesterday", "today", ",") or t.ent_type_ in ("DATE", "TIME"):
            continue
        elif run and t.pos_ in ("PROPN", "NOUN", "ADJ", "NUM"):
            continue
        else:
            break
    return out
