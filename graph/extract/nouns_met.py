"""Who met and whom, when a sentence names them by a noun alone (told_events reads the rest): "the visiting
premier called on …", "the Ruritanian Prime Minister's first visit to …", "the Prime Minister received the visiting Ruritanian
premier", "received his Santomean counterpart", "paid a courtesy call on the king and queen of X". The noun
stands for the one person the text named before (visitors.py, nominals.py); when it may be more than one, for
nobody."""

from __future__ import annotations

import re

from ..records import Event
from .context import Context
from .nominals import titled_in, titled_subject
from .visitors import counterpart, visitor

# reported speech before a subject: "… said the premier's visit to X gave momentum to …" tells no visit of the text
SAID = re.compile(r"\b(?:said|says|stated|noted|added|recalled|told)\b")


def subject_by_noun(ctx: Context, t, earlier: list[Event], parent: Event | None) -> str | None:
    """Who met, when `t` (a sentence_events.Told) names him by a noun and by no name: the visitor ("the visiting
    premier", "the guest", "the delegation"), or the holder of a post ("the Ruritanian Prime Minister's first visit")
    who is not the one met (and, inside a headed segment, not the host: the header says who he is)."""
    if any(ctx.is_person(ctx.key_of.get(m)) for m in t.subject):
        return None
    guest = visitor(ctx, t.subject_word, earlier, parent)
    if guest is not None or t.subject:
        return guest
    titled = titled_subject(ctx, t.subject_word)
    if titled is None or titled in {ctx.key_of.get(m) for m in t.objects} or parent is not None and titled == ctx.host:
        return None
    if t.type == "CountryVisit" and SAID.search(t.text[:max(0, t.text.find(t.subject_word))]):
        return None
    return titled


def objects_by_noun(ctx: Context, t, ev: Event, earlier: list[Event], parent: Event | None) -> list[str]:
    """Whom `t` says was met by a noun alone, read in what follows who met: his counterpart of a country, the
    visitor, or the holders of the posts named ("the king and queen of X")."""
    whom = t.text[t.text.index(t.subject_word) + len(t.subject_word):] if t.subject_word and \
        t.subject_word in t.text else t.text
    guest = counterpart(ctx, whom, {q.entity for q in ev.participants}) or visitor(ctx, whom, earlier, parent)
    return [guest] if guest is not None else titled_in(ctx, whom)
