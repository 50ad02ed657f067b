"""Credentials ceremonies told for several envoys at once: "X received the credentials of the new ambassadors of A,
B and C", "X accredited the envoys of A, name1, and B, name2", or a credentials sentence followed by the list ("They
include …", "The ambassadors are …") and the list's sentences that go on with it ("Others are: …", "The envoys also
included …"). Each envoy presents his own letters: one ceremony per envoy (with the country his post names), or per
country when only the countries or nationalities are named. Calls a group of envoys pays on someone ("Nine heads of
mission paid courtesy calls on Vice President X", the envoys listed after it) are read the same way: one call each,
the envoy's country met as such (the annotation's convention)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..records import Event, Mention
from . import confidence as conf
from .chunks import Piece
from .context import Context, take_part
from .envoy_lands import text_land
from .envoys import envoy_party, unnamed_envoys
from .identity import meeting_key
from .leader_lists import titled_list

if TYPE_CHECKING:
    from .sentence_events import Told

CUE = re.compile(r"\b(?:credentials|letters? of credence|accredit(?:s|ed|ing)?)\b", re.I)
ENVOYS = r"(?i:ambassadors|envoys|heads of (?:diplomatic )?missions?|high commissioners|diplomats|chiefs of mission)"
# calls a group of envoys paid on someone: "Nine heads of mission on Friday paid courtesy calls on X" (not "called
# on X to …": an appeal)
GROUP_CALL = re.compile(r"\b" + ENVOYS + r"\b[^.;]{0,60}?\b(?:paid|pay|paying|made)\s+(?:separate\s+)?(?:courtesy|"
                        r"introductory|farewell)\s+(?:calls?|visits?)\s+on\b", re.I)
# a sentence that goes on with the list just read: "Others are: …", "The envoys also included …"
LIST_GOES_ON = re.compile(r"^\W*(?:(?:(?i:the\s+)?(?i:others)|(?i:other)\s+" + ENVOYS + r")\s+(?i:are|were|include[sd]?)"
                          r"|(?i:the\s+(?:other\s+)?)" + ENVOYS + r"\s+(?i:also)\s+(?i:are|were|include[sd]?)|"
                          r"(?i:they\s+also\s+include[sd]?))\s*[:–—-]?\s*(?=[A-Z])")  # "Others were expected …": no
# a sentence that lists the envoys just told of: "They include …", "The new ambassadors are …"
LIST_OPENER = re.compile(r"^\W*(?:they|these|the (?:new |other |[a-z]+ )?(?:ambassadors|envoys|diplomats|"
                         r"heads of mission|high commissioners)(?: (?:who|that) [^.;]{0,80}?)?) (?:include[sd]?|are|"
                         r"were)\b", re.I)  # "The envoys who presented their credentials were – A, B …"


def envoys_listed(ctx: Context, piece: Piece, start: int, end: int) -> tuple[list[str], int]:
    """Each envoy a credentials sentence (`start`:`end`) names after its cue (or before it: "A and B presented their
    letters"), or the list sentence right after it names; each country when no envoy is named ("the ambassadors of A,
    B and C"). The envoy is whom the receiver met: his country is told by his post ("Ambassador of A"), not here.
    Also where the envoys' list ends (`end`, or the end of the list sentence). Empty when no cue or nobody is listed,
    or when one envoy alone is named (the meeting told in the sentence is his ceremony)."""
    cue = CUE.search(ctx.norm, start, end) or GROUP_CALL.search(ctx.norm, start, end)
    receiver = _receiver(ctx, cue, end)
    if cue is None or receiver is None:
        return [], end
    people, lands = _listed(ctx, piece, cue.end(), end, receiver)
    if not people:  # "A and B also presented their letters of credence": the envoys named before the cue
        before = _listed(ctx, piece, start, cue.start(), receiver)
        people, lands = before if before[0] or before[1] and not lands else (people, lands)
    last = end
    if len(people) < 2:  # the envoys named in the sentence after it, rather than their countries
        # (for calls, the list may come a sentence later: "… paid courtesy calls on X. X discussed … with the
        # envoys. The nine heads of mission who paid the calls were A, …")
        nxt = sorted({m.sentence for m in piece.mentions if m.sentence.start >= end}, key=lambda s: s.start)
        for s in nxt[:1 if CUE.match(cue.group()) else 2]:
            if LIST_OPENER.match(ctx.norm[s.start:s.end]) or GROUP_CALL.search(ctx.norm, s.start, s.end) and \
                    re.search(r"\b(?:were|are|included?)\b", ctx.norm[s.start:s.end]) or _bare_list(ctx, s):
                # "The nine heads of mission who paid the courtesy calls on X were A …"
                s_end = _uncut(ctx, piece, s.end)
                named = _listed(ctx, piece, s.start, s_end, receiver)
                if len(named[0]) >= 2 or not lands:
                    people, lands = named
                    last = s_end
                break
    if people:
        more, last = _going_on(ctx, piece, last, receiver)
        people += [m for m in more if ctx.key_of[m] not in {ctx.key_of[p] for p in people}]
    if len(people) >= 2:
        return [ctx.key_of[m] for m in people], last
    if not people and not lands:  # "the new Mexican, Italian and Belgian ambassadors presented …": no one named
        return [envoy_party(ctx, land, kind) for land, kind in unnamed_envoys(ctx.norm[start:end])], end
    if not people and lands and ENVOYS_OF.search(ctx.norm, start, end):  # "Ambassadors of A and B presented …"
        return [ctx.key_of[m] for m in lands], last
    return [], end


# envoys told by the countries they come from: "the ambassadors of A and B", "credentials from 18 heads of
# mission-designate from A; B; …"
ENVOYS_OF = re.compile(r"\b(?:ambassadors?|envoys?|high commissioners?|heads? of (?:diplomatic )?missions?"
                       r"(?:[- ]designates?)?|chiefs? of missions?)\s+(?:of|from)\b", re.I)


def _bare_list(ctx: Context, s) -> bool:
    """The sentence `s` is a list of titled envoys and nothing else: "Kenya's High Commissioner A, Chilean Ambassador B
    and Irish Ambassador C." (no opener such as "They include")."""
    text = ctx.norm[s.start:s.end]
    names = [(m.start - s.start, m.end - s.start) for m in ctx.mentions_between(s.start, s.end)
             if ctx.is_person(ctx.key_of.get(m))]
    return re.search(ENVOY_TITLE, text) is not None and titled_list(text, names)


ENVOY_TITLE = re.compile(r"\b(?:ambassador|envoy|high commissioner|charg[ée] d['’]affaires|nuncio|head of mission)",
                         re.I)


def _receiver(ctx: Context, cue: re.Match | None, end: int) -> str | None:
    """Who received the envoys: for calls paid on someone, the person named right after "on"; else the host."""
    host = ctx.host if ctx.is_person(ctx.host) else None
    if cue is None or CUE.match(cue.group()):
        return host
    return next((ctx.key_of[m] for m in ctx.mentions_between(cue.end(), min(end, cue.end() + 60))
                 if ctx.is_person(ctx.key_of.get(m))), host)


SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Dr|Mr|Ms|St|Lt|Jr|Sr|No))(?<!\b(?:Mrs|Gen|Col|Sen|Rep))(?<!\bProf)"
                          r"[.!?][\"”’]?(?=\s)|\n")


def _sentence_end(ctx: Context, pos: int) -> int:
    """Where the sentence going on at `pos` ends, read from the text (a parse may cut a list at an honorific or
    an initial): at a full stop that ends no abbreviation or initial, or at a line break."""
    m = SENTENCE_END.search(ctx.norm, pos)
    return m.end() if m else len(ctx.norm)


def _uncut(ctx: Context, piece: Piece, end: int) -> int:
    """Where a list sentence ending at `end` really ends: the parse may cut it without a full stop ("… were His
    Excellencies (HE) | A, Ambassador of X, …"); then it runs on to the text's next full stop."""
    if re.search(r"[.!?][\"”’]?\s*$", ctx.norm[max(0, end - 3):end]) or "\n" in ctx.norm[end - 1:end + 1]:
        return end
    return _sentence_end(ctx, end)


def _going_on(ctx: Context, piece: Piece, end: int, receiver: str) -> tuple[list[Mention], int]:
    """The envoys named in the sentences right after a list (ending at `end`) that go on with it ("Others are: A
    from X, B from Y"), and where the last of them ends."""
    more: list[Mention] = []
    while True:
        start = end + len(ctx.norm[end:]) - len(ctx.norm[end:].lstrip())
        if not LIST_GOES_ON.match(ctx.norm[start:start + 200]):
            return more, end
        end = _sentence_end(ctx, start)
        more += _listed(ctx, piece, start, end, receiver)[0]


def _listed(ctx: Context, piece: Piece, start: int, end: int, receiver: str) -> tuple[list[Mention], list[Mention]]:
    """The envoys (persons other than the receiver) and the countries named between `start` and `end`; a country
    named more than once there (the receiving country: "… to Ghana") or the receiver's own is nobody's."""
    names = [m for m in ctx.mentions_between(start, end) if ctx.key_of.get(m)]  # (the list may run on past the
    # piece: "The envoys also included …" in a paragraph of its own)
    own = {r.org for r in ctx.entities[receiver].roles}
    people, seen = [], set()
    for m in names:
        k = ctx.key_of[m]
        if ctx.entities[k].type == "Person" and k != receiver and k not in seen:
            people.append(m)
            seen.add(k)
    lands = [m for m in names if ctx.entities[ctx.key_of[m]].type == "Country" and ctx.key_of[m] not in own]
    counts: dict[str, int] = {}
    for m in lands:
        counts[ctx.key_of[m]] = counts.get(ctx.key_of[m], 0) + 1
    return people, [m for m in lands if counts[ctx.key_of[m]] == 1]


def ceremonies(ctx: Context, t: Told, listed: list[str], start: str | None, reported: bool,
               part_of: str | None) -> list[Event]:
    """One ceremony per envoy (or country) listed: who received the credentials, and the envoy (with his country);
    one call each when the sentence tells calls the envoys paid ("paid courtesy calls on X")."""
    calls = GROUP_CALL.search(t.text) is not None and not CUE.search(t.text)
    host = ctx.host if ctx.is_person(ctx.host) else None
    receiver = next((ctx.key_of[m] for m in t.objects if ctx.is_person(ctx.key_of.get(m))), host) if calls else host
    own = ctx.lands_of({receiver}) if receiver else set()
    out = []
    for key in listed:
        ev = Event("", "Meeting" if calls else "Ceremony", "", start, None, t.sentence, "rule",
                   conf.REPORTED_EVENT if reported else conf.TOLD_EVENT, reported=reported, part_of=part_of)
        take_part(ev, receiver, "host", conf.HOST_UNSAID, "inference", t.sentence)
        take_part(ev, key, "guest", conf.COUNTERPART, "rule", t.sentence)
        # the words around his name first: a title after the name in a list may be read as the next one's role
        lands = [x for x in [text_land(ctx, key)] if x and x not in own] or envoy_lands(ctx, key)
        for land in lands:  # the country he speaks for is met as such
            take_part(ev, land, "guest", conf.COUNTERPART, "inference", t.sentence)
        label = ctx.entities[key].label
        ev.label = f"Courtesy call by {label}" if calls else f"Credentials presented by {label}"
        ev.key = meeting_key(ev)
        out.append(ev)
    return out


ENVOY_TITLE = re.compile(r"\b(?:ambassador|envoy|high commissioner|charg[ée] d['’]affaires)\b", re.I)


def envoy_lands(ctx: Context, key: str) -> list[str]:
    """The country an envoy's post says he speaks for ("Ambassador of Chile", "the Chilean Ambassador"), not the one
    he is accredited to (the receiver's)."""
    if not ctx.is_person(key):
        return []
    own = ctx.lands_of({ctx.host}) if ctx.host else set()
    lands = {r.org for r in ctx.entities[key].roles if ENVOY_TITLE.search(r.title) and r.org in ctx.entities
             and ctx.entities[r.org].type == "Country" and r.org not in own}
    return sorted(lands) if len(lands) == 1 else []
