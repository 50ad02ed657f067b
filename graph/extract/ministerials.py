"""Meetings of several countries' ministers or leaders, told by their countries: "A hosted this year's meeting of the
foreign ministers of Ruritania, Osterland, Vestria and Norland", "B headed a meeting of foreign ministers from G20
countries", "The third meeting of the X Platform was held in Y on 3 May with the participation of the foreign
ministers of A, B and C". One conference: who hosted, chaired or attended it (the subject), and each country listed
(or the group "<ACRONYM> countries") as a counterpart; the subject's own country is his side, not a counterpart.
Rules over the text and its mentions (no parse: the small model hangs such lists anywhere)."""

from __future__ import annotations

import datetime as dt
import re

from ..ids import plain_key, summit_key
from ..records import Entity, Event, Sentence
from . import confidence as conf
from .context import Context, take_part

PLURAL_TITLES = (r"(?:ministers|leaders|heads of (?:state|government)(?: and (?:state|government))?|counterparts|"
                 r"colleagues|presidents|prime ministers|premiers|secretaries|chiefs|envoys|ambassadors)")
GATHERINGS = r"(?:meeting|session|summit|conference|gathering|council|forum)"
# "hosted this year's meeting of the foreign ministers of A, B and C": a verb of taking part, the gathering, its members
TOOK_PART = re.compile(r"\b(?P<verb>hosted|chaired|co-chaired|headed|convened|presided over|attended|took part in|"
                       r"participated in)\s+(?:(?:a|an|the|this|last|year['’]s|its|his|her|their|[\w-]+)\s+){0,4}?"
                       + GATHERINGS + r"\s+(?:of|with|between)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?" + PLURAL_TITLES +
                       r"\s+(?:of|from)\s+(?P<list>[^.;:\n]*)", re.I)
# "… was held in X on 3 May with the participation of the foreign ministers of A, B and C"
PARTICIPATION = re.compile(r"\b" + GATHERINGS + r"\b[^.;\n]{0,160}?\b(?:was|were) (?:held|convened)\b[^.;\n]{0,100}?"
                           r"\bwith the participation of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?" + PLURAL_TITLES +
                           r"\s+(?:of|from)\s+(?P<list>[^.;:\n]*)", re.I)
LIST_END = re.compile(r",\s*(?:which|where|who|except|excluding|but|while|as)\b|\s(?:to discuss|to talk|in order to|"
                      r"for the|on the|in the|at the)\b|\s(?:in|at|on)\s+(?=[A-Z])")
# "from G20 countries", "of the SCO member states": the group, not any one country
GROUP = re.compile(r"^(?:the\s+)?(?P<name>[A-Z][A-Z0-9+&-]{1,8})\s+(?:member\s+)?(?:countries|states|nations|"
                   r"economies|members)\b")
# the group the meeting is held in, named by a lower-case-led name and its acronym in brackets: "chairing the
# Arctic-Baltic cooperation (AB6)" (a capitalised name is read by the model and mentions.py already)
FRAME = re.compile(r"\bthe (?P<name>(?:[A-Z][\w+-]*\s+){1,3}(?:cooperation|group|format|platform|forum|partnership|"
                   r"initiative|process|dialogue|framework))\s+\((?P<acronym>[A-Z][A-Z0-9+&-]{1,8})\)")
HOSTING = {"hosted", "chaired", "co-chaired", "headed", "convened", "presided over"}


def ministerial_meetings(ctx: Context, events: list[Event], ref: dt.date | None) -> list[Event]:
    """The conferences of several countries' ministers the text tells, each once: new events, or countries added to
    a conference already found in the same sentence or by the name it is told with."""
    out: list[Event] = []
    for form in (TOOK_PART, PARTICIPATION):
        for m in form.finditer(ctx.norm):
            start, end = _sentence(ctx.norm, m.start(), m.end())
            cut = LIST_END.search(m.group("list"))
            lst = (m.start("list"), m.start("list") + (cut.start() if cut else len(m.group("list"))))
            lands = [k for k in _keys(ctx, *lst) if ctx.entities[k].type == "Country"]
            group = GROUP.match(ctx.norm[lst[0]:lst[1]])
            if len(lands) < 2 and group is None:
                continue
            who = _subject(ctx, start, m.start()) if form is TOOK_PART else _host_among(ctx, lands)
            ev = _event(ctx, events + out, Sentence(start, end), ref, m.group(0))
            if who is not None:
                role = "host" if form is TOOK_PART and m.group("verb").lower() in HOSTING else "attendee"
                take_part(ev, who, role, conf.SUBJECT, "rule", ev.sentence)
            own = ctx.lands_of({who}) if who else set()
            for k in lands:
                if k not in own:
                    take_part(ev, k, "guest", conf.COUNTERPART, "rule", ev.sentence)
            if group is not None:
                take_part(ev, _group_entity(ctx, group.group("name")), "guest", conf.COUNTERPART, "rule", ev.sentence)
            for g in FRAME.finditer(ctx.norm, start, m.start()):  # "chairing the Arctic-Baltic cooperation (AB6)"
                take_part(ev, _group_entity(ctx, g.group("acronym"), g.group("name")), "guest", conf.COUNTERPART,
                          "rule", ev.sentence)
            if ev not in events and ev not in out and len(ev.participants) > 1:
                out.append(ev)
    return out


def _sentence(norm: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around [start, end)."""
    a = max(norm.rfind(". ", 0, start) + 2, norm.rfind("\n", 0, start) + 1, 0)
    b = min(x for x in (norm.find(". ", end), norm.find("\n", end), len(norm)) if x >= 0)
    return a, b


def _keys(ctx: Context, start: int, end: int) -> list[str]:
    """The entities named in [start, end), in order, once each."""
    return list(dict.fromkeys(ctx.key_of[m] for m in ctx.mentions_between(start, end) if m.end <= end))


def _subject(ctx: Context, start: int, verb: int) -> str | None:
    """Who hosted or attended: the person named last before the verb, in the same clause."""
    lead = ctx.norm[start:verb]
    cut = start + max(lead.rfind(";"), lead.rfind(" and "), lead.rfind(":"), -1) + 1
    people = [k for k in _keys(ctx, cut, verb) if ctx.is_person(k)]
    return people[-1] if people else None


def _host_among(ctx: Context, lands: list[str]) -> str | None:
    """The text's host when his country is one of those whose ministers met (the minister it is about)."""
    return ctx.host if ctx.host and ctx.is_person(ctx.host) and ctx.lands_of({ctx.host}) & set(lands) else None


def _event(ctx: Context, known: list[Event], sent: Sentence, ref: dt.date | None, said: str) -> Event:
    """The conference told in `sent`: one found there already, or one told before by a name this sentence repeats
    ("on the sidelines of the meeting of the X Platform" … "The third meeting of the X Platform was held …")."""
    text = ctx.norm[sent.start:sent.end]
    from .sentence_events import _date  # one reading of a sentence's date for every event told in it
    start, given = _date(re.sub(r"\bin \d{4}\b", "", text), ref)  # "is chairing it in 2017, and … today"
    start = start if start and start != "same-day" else None
    for e in known:
        if e.type in ("Summit", "Conference") and (sent.start <= e.sentence.start < sent.end or len(e.label) > 8 and
                                                    e.label in text):
            if given and start:
                e.start = start  # the gathering told in passing before, dated here
            return e
    start = start or (ref.isoformat() if ref else None)
    label = re.sub(r"^\w+(?: \w+)?\s+(?=(?:a|an|the|this)\b)", "", said.strip(), flags=re.I)
    label = label[:1].upper() + label[1:]
    ev = Event(summit_key(start, label[:60]), "Conference", label, start, None, sent, "rule", conf.SUMMIT)
    return ev


def _group_entity(ctx: Context, acronym: str, name: str | None = None) -> str:
    """The key of the group named by its acronym ("G20 countries"; `name` its full name, "the Arctic-Baltic
    cooperation (AB6)"), made when the text has no entity for it."""
    for k, e in ctx.entities.items():
        if e.type == "Organization" and ({acronym, name} & ({e.label} | set(e.aliases))):
            return k
    key = plain_key("Organization", name or acronym)
    ctx.entities.setdefault(key, Entity(key, "Organization", name or acronym, {acronym} if name else set(), [], [],
                                        conf.ORG_OF_ROLE, "rule"))
    return key
