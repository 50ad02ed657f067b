"""Who speaks in a text: transcript speakers introduced by title and name or by a label line ("Vladimir Putin: …"),
and persons addressed directly ("Dear President Lukashenko"). Rules over text and mentions only (no spaCy)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..records import Mention, RoleMention
from .chunks import Piece
from .roles import title_regex

def speaker_intros(piece: Piece, text: str, roles: list[RoleMention]) -> list[RoleMention]:
    """Transcript speakers introduced inline by title and name with no verb between them and the speech:
    "Chairman of the State Authority for Military Industry of Belarus Dmitry Pantus We presented a report"."""
    out = []
    for r in roles:
        start = r.org.start if r.org and r.org.start < r.person.start else r.person.start
        # the title text begins the sentence ...
        lead = text[r.sentence.start:start]
        title_at_start = re.fullmatch(rf"\s*(?:[A-Z][\w'-]+\s+)?{title_regex().pattern}(?:\s+of\s+(?:the\s+)?)?\s*",
                                      lead, re.I)
        # ... and a new sentence (a capitalised pronoun or word) follows the name directly
        after = text[r.person.end:r.person.end + 12]
        if title_at_start and re.match(r"\s+(?:We|I|Our|My|The|This|Thank|Good|Dear|First|As|It)\b", after):
            out.append(r)
    return out


SPEAKER_LINE = re.compile(r"^(?P<who>[A-Z][^\n:]{2,120}?):\s", re.M)


def speaker_labels(text: str, mentions: list[Mention]) -> list[Mention]:
    """Kremlin style "Vladimir Putin: Good afternoon" or "President of Ruritania Jan Kowal: …": the person
    mention inside each speaker label."""
    persons = sorted((x.start, i) for i, x in enumerate(mentions) if x.type == "Person")
    starts = [a for a, _ in persons]
    out = []
    for m in SPEAKER_LINE.finditer(text):  # the persons that start in the label, by bisection: a long text has many
        a, b = m.start("who"), m.end("who")
        inside = [i for _, i in persons[bisect_left(starts, a):bisect_right(starts, b)] if mentions[i].end <= b]
        if inside:
            out.append(mentions[max(inside)])  # the last of them in `mentions`
    return out


VOCATIVE = re.compile(r"\b(?:Dear|Mr\.?|Mrs\.?|Ms\.?|Madam|Comrade)\s+(?:(?:President|Prime Minister|Chairman|"
                      r"Premier|Chancellor|Minister|Mr\.?)\s+)*$")


ADDRESS_TITLE = re.compile(r"(?:^|[.!?]\s+|\n)(?:President|Prime Minister|Premier|Chancellor|Chairman|Mr\.?|Madam)"
                           r"\s+$")


def vocatives(text: str, mentions: list[Mention]) -> list[Mention]:
    """Person mentions addressed directly: "Dear President Lukashenko", "Mr. President Lukashenko",
    "President Vučić, welcome to …" (a title and name opening a sentence, then a comma)."""
    # "Mr."/"Ms." before a name is how news refers to people: a vocative only when the address ends there
    return [m for m in mentions if m.type == "Person" and (
        VOCATIVE.search(text[max(0, m.start - 40):m.start]) and (
            re.search(r"\b(?:Dear|Comrade)\b", text[max(0, m.start - 40):m.start])
            or text[m.end:m.end + 1] in (",", "!", "?"))
        or ADDRESS_TITLE.search(text[max(0, m.start - 40):m.start]) and text[m.end:m.end + 1] in (",", "!"))]
