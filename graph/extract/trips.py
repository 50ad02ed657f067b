"""Trips told in passing: whether a visit told in a relative clause is the story's own trip or background to it.

"PM A, who arrived in Ruricity today on his tour, met B": the clause is about the sentence's subject, the one whose
trip the story tells, so the arrival is his visit. "B received A, who arrived in Ruricity for a conference": the
clause is about the one received, and the trip is background to the reception (news rarely tells it as an event of
its own)."""

from __future__ import annotations

from spacy.tokens import Token

RELATIVE = ("who", "that")
SUBJECTS = ("nsubj", "nsubjpass")


def clause_person(tok: Token) -> Token | None:
    """The noun a relative clause holding `tok` is about ("A, who arrived in …", "A, who is on a visit to …"): the
    head of the nearest relcl above `tok` whose subject is "who"/"that"; None when `tok` is in no such clause."""
    t = tok
    for _ in range(6):
        if t.dep_ == "relcl" and any(c.dep_ in SUBJECTS and c.lower_ in RELATIVE for c in t.children):
            return t.head
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def background_trip(tok: Token) -> bool:
    """The trip `tok` tells is in a relative clause about someone who is not the sentence's subject: "received B,
    who is on a working visit to X" (background), unlike "A, who arrived in X on Friday, met B" (the story's trip)."""
    if tok.dep_ == "acl":
        return True  # "X, arriving in Y …": a participle, not read as a trip of its own
    person = clause_person(tok)
    if person is None:
        return tok.dep_ == "relcl"  # a relative clause about no person ("the city where he arrived")
    while person.dep_ in ("appos", "conj") and person.head.i != person.i:
        person = person.head  # "Prime Minister of X, A, who …": the title the name stands beside
    return person.dep_ not in SUBJECTS


def tour_of_lands(sent, dest: set[int]) -> bool:
    """The trip's destination is a group of countries ("his tour to all five Central Asian countries and X", "a
    visit to Pacific island nations"): no one country is the one visited."""
    return any(t.i in dest and t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() in LAND_NOUNS for t in sent)


LAND_NOUNS = {"country", "nation", "state", "capital", "island", "republic", "kingdom", "emirate", "economy"}


def visitor_from_abroad(ctx, visitors: set[str], land: str, start: int, end: int) -> str | None:
    """When `visitors` all hold posts in `land`, the country visited (or, holding none read, are the text's host),
    they are the hosts, not the visitor:
    "the Emir received at the palace the President of X, A, on his official visit to Ruritania" (the "his" read as
    the Emir). The one person named in the sentence [start, end) who holds posts only elsewhere is the visitor; None
    when the visitors may be right or no one else fits."""
    if not visitors or not all(ctx.is_person(k) and (land in ctx.lands_of({k}) or not ctx.lands_of({k})
                                                     and k == ctx.host) for k in visitors) \
            or ctx.lands_of(visitors) - {land}:
        return None  # a visitor of another country, or one not read as this country's (other than the text's host)
    others = {ctx.key_of[m] for m in ctx.mentions_between(start, end) if ctx.is_person(ctx.key_of.get(m))}
    abroad = [k for k in others - visitors if ctx.lands_of({k}) and land not in ctx.lands_of({k})]
    return abroad[0] if len(abroad) == 1 else None
