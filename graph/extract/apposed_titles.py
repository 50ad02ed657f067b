"""Titles printed before a name with a comma between, read where roles.py reads none for the name.

roles.py takes "<lower-case title>, <Name>" for another's title ("With the Ruritanian president, A discussed …").
Two forms make the title the name's all the same, when the apposition is closed after the name (a comma, a full
stop, a semicolon, "and" or a bracket follows it):

- a possessive or determiner before the title: "met the country's president, Jan Kowal, on Monday", "hosts were
  the mayor and his designated chancellor, Ana Lima.", "the party's defence spokeswoman, Olga Berg.";
- a title that opens an item of a list or follows "led/headed by": "a delegation headed by deputy foreign
  minister, Jan Kowal."; "Minister of Mining, Jan Kowal; Minister of Energy, Ana Lima".

The title is kept as printed; its org is the country told before it ("the Ruritanian foreign minister, A"), the
body or country named right before "'s" ("Ruritania's president, A"), else none (the delegation's country is
then added by roles._shared_country).
"""
from __future__ import annotations

import re
from functools import cache

from ..records import Mention, RoleMention
from ..text import gazetteer as gz
from . import confidence as conf
from .chunks import Piece

# what stands before the title: a determiner or possessive, with up to two modifiers ("designated", "Brexit")
_OWNER = re.compile(r"(?:(?<![\w'’-])(?:the|his|her|its|their)|([\w.-]+(?:\s+[\w.-]+){0,3}?)['’]s?)\s+"
                    r"((?:[\w-]+\s+){0,2})$", re.I)
# or where an item of a list or a delegation's leader begins
_OPENS = re.compile(r"(?:[;:]\s*(?:and\s+)?|\n|(?<![\w-])(?:(?:led|headed|chaired)\s+by|were|are|include[sd]?|"
                    r"including))\s*$", re.I)
# the apposition closes after the name
_CLOSED = re.compile(r"\s*(?:[,.;)]|\s+and\b|$)")
# words before a title that make it no post ("the former", counting "two presidents")
_NOT_A_POST = re.compile(r"\b(?:former|late|then|ex|next|previous|future)\b", re.I)


@cache
def _pattern() -> re.Pattern:
    """"<Title> [of/at/for <Org words>], [honorifics]" at the end of the text before a name."""
    from .roles import _honorifics, title_regex
    return re.compile(rf"((?:{title_regex().pattern}))"
                      rf"((?:\s+(?:of|at|for|in)\s+(?:the\s+)?(?-i:[A-Z])[\w'&-]+(?:\s+(?:of\s+|and\s+)?(?-i:[A-Z])"
                      rf"[\w'&-]+){{0,5}})?)\s*,\s*{_honorifics()}$", re.I)


def apposed_title(p: Mention, text: str, orgs: list[Mention], piece: Piece) -> RoleMention | None:
    """The title before "<Title>, <p>" in one of the two forms above, or None."""
    from .roles import _country_before, _title_case
    from .title_start import title_search, title_starts
    left = text[max(0, p.start - 200):p.start]
    if "," not in left[-12:]:
        return None
    m = title_search(_pattern(), left, title_starts(left))
    if m is None or "\n" in m.group(0):
        return None
    before = left[:m.start()]
    offset = p.start - len(left)
    if any(q.type == "Person" and offset + m.start() <= q.start < p.start for q in piece.mentions):
        return None  # "President A, B": a name between is the title's holder
    owner = _OWNER.search(before)
    opens = _opens_sentence(text[max(p.sentence.start, offset):offset + m.start()])
    if not opens and not _CLOSED.match(text[p.end:p.end + 6]):
        return None  # "With the Ruritanian president, A discussed …": A is not the president
    if owner is None and not opens and not _OPENS.search(before):
        return None
    if owner is not None and (_NOT_A_POST.search(owner.group(0)) or re.search(r"\b(?:with|to|for|from)\s+$",
                                                                              before[:owner.start()], re.I)
                              and not owner.group(1)):
        return None  # "talks with the president, A said" is told by A about another
    title = _title_case(" ".join((_modifiers(owner) + m.group(1) + m.group(2)).split()))
    org = _country_before(before, offset, p.sentence, piece)
    if org is None and owner is not None and owner.group(1):
        at = offset + owner.start(1)
        org = next((o for o in orgs if o.start >= at and o.end <= offset + owner.end(1)
                    and o.type in ("Country", "Organization")), None)
    if org is None and owner is not None and owner.group(1):
        org = _body_told_before(owner.group(1), offset + owner.start(1), p, orgs)
    return RoleMention(title, p, org, p.sentence, conf.TITLE_WITH_DEMONYM if org else conf.TITLE_ALONE)


# a body called by its kind: "the party's spokeswoman", "the ministry's secretary"
_KINDS = {"party", "ministry", "council", "commission", "committee", "company", "firm", "group", "bank",
          "organisation", "organization", "agency", "union", "assembly", "senate", "movement", "alliance"}


def _body_told_before(owner: str, at: int, p: Mention, orgs: list[Mention]) -> Mention | None:
    """"Labour Party leader A and the party's health spokeswoman, B": the body named last before "the party's" in
    the same sentence, when it is called by its kind."""
    if owner.lower().split()[-1] not in _KINDS:
        return None
    return max((o for o in orgs if o.type == "Organization" and p.sentence.start <= o.start and o.end <= at),
               key=lambda o: o.end, default=None)


# words between the determiner and the title that tell no part of the post
_PASSING = {"new", "newly", "current", "incoming", "outgoing", "visiting", "acting", "interim", "appointed",
            "elected", "then", "own", "country", "nation", "de", "facto", "powerful", "long-time", "longtime"}


def _modifiers(owner: re.Match | None) -> str:
    """"his designated chancellor", "the party's Brexit spokeswoman": the words before the title that are part of
    the post as printed (not "new", not a demonym: the country is the org), with a trailing space."""
    if owner is None:
        return ""
    words = owner.group(2).split()
    keep = [w for w in words if w.lower() not in _PASSING and gz.demonym_index().get(w) is None
            and gz.country_of(w) is None]
    return " ".join(keep) + " " if keep and len(keep) == len(words) else ""


def _opens_sentence(head: str) -> bool:
    """The title opens its sentence, with at most a determiner, a country and words like "new" before it: "The
    Ruritanian Minister of Energy, A said", "Newly-appointed Ruritanian envoy to Freedonia, A was also present"."""
    words = re.findall(r"[\w'’.]+", head.replace("-", " "))
    return len(words) <= 4 and all(w.lower() in _PASSING or w.lower() in ("the", "his", "her", "its", "their")
                                   or gz.demonym_index().get(w) or gz.country_of(w) for w in words)
