"""The programme's host: given, or guessed from who is addressed, who speaks, who receives and meets."""

from __future__ import annotations

import re
from collections import Counter

from ..ids import entity_key
from ..records import Entity, Mention
from . import confidence as conf
from .context import Context
from .resolve import part_of_name, same_name
from .speakers import speaker_labels, vocatives

HEAD_TITLES = r"(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Sultan|Crown Prince|Head of State)"
# a subject that is the text's principal named by a post alone: "The Prime Minister", "the PM", "The Chief Executive"
PRINCIPAL_BY_TITLE = re.compile(rf"(?:the\s+)?(?:[\w-]+\s+)?(?:{HEAD_TITLES}|PM|Minister|Secretary|Chief Executive)",
                                re.I)


def find_host(ctx: Context, given: str | None, mentions: list[Mention]) -> str | None:
    """The programme's host. Given on the command line: the entity whose name matches it (created, with
    `entity_key`'s key, if the text never names it). Otherwise the person most often addressed ("Dear President
    Lukashenko") or labelled as a speaker, among those not named in any header (the host is implicit in his own
    headers)."""
    entities, key_of, norm = ctx.entities, ctx.key_of, ctx.norm
    if given:
        for ent in entities.values():
            if ent.type == "Person" and any(same_name(given, n) or part_of_name(n, given) or n == given
                                            for n in {ent.label, *ent.aliases}):
                return ent.key
        key = entity_key("Person", given)
        entities[key] = Entity(key, "Person", given, set(), [], [], conf.GIVEN_HOST, "cli")
        return key
    in_headers = {key_of[m] for p in ctx.pieces if p.is_header for m in p.mentions}
    score: Counter = Counter()
    speakers = speaker_labels(norm, mentions)
    if len(speakers) >= 3:  # a transcript: the host speaks most (vocatives there invite the next speaker)
        for m in speakers:
            score[key_of[m]] += 1
    else:
        told_by = {m.start for p in ctx.pieces for t in ctx.told[id(p)] for m in t.subject}
        for m in vocatives(norm, mentions):
            if m.start not in told_by and not in_apposition(norm, m):  # "Ms. Anna Holm, the outgoing ambassador, paid a call on …": not addressed
                score[key_of[m]] += 3
    preamble = [p for p in ctx.pieces if ctx.segments[p.segment].header is None and not p.is_header]
    if len(ctx.segments) > 1:  # a programme's title line names its host: "… WEEK with President of Ruritania …"
        for p in preamble:
            for m in p.mentions:
                if m.type == "Person" and head_title_before(norm, m):
                    score[key_of[m]] += 5
    for k in list(score):
        if k in in_headers or entities[k].type != "Person":
            del score[k]
    if score:
        return score.most_common(1)[0][0]
    # a report or a wire item: who receives, meets and holds talks most often (the earliest on a tie) ...
    subjects: Counter = Counter()
    first: dict[str, int] = {}
    for p in ctx.pieces:
        for t in ctx.told[id(p)]:
            if t.type in ("Joined", "Accompanied"):
                continue  # "… attended the meeting", "the delegation included …": at a meeting, not its host
            # "A visited B": B receives, B is the host ("A called on B" is told by A's side: A stays)
            visited = [m for m in t.objects if m.type == "Person"] if t.type in ("Visit", "StateVisit") else []
            for m in visited or t.subject:
                k = key_of.get(m)
                if k and entities[k].type == "Person":
                    subjects[k] += 1
                    first.setdefault(k, m.start)
    for k in in_headers:  # in a programme, who is named in a header is the host's guest
        subjects.pop(k, None)
    if subjects:
        return max(subjects, key=lambda k: (subjects[k], -first[k]))
    # ... or the first person named with a head of state's or government's title who is not the one met ("The
    # Prime Minister also held talks with Indian Prime Minister …": the text's own principal goes by title alone),
    # or else who took part in what is told ("Dr Kowal and his delegation also attended …")
    met = {key_of[m] for p in ctx.pieces for t in ctx.told[id(p)] if t.type not in ("Joined", "Accompanied")
           and t.subject_word and not t.subject and PRINCIPAL_BY_TITLE.fullmatch(t.subject_word)
           for m in t.objects if key_of.get(m)}  # met by someone named only by a title ("The PM"), not "Envoys of …"
    titled = [key_of[m] for m in sorted(mentions, key=lambda x: x.start)
              if m.type == "Person" and head_title_before(norm, m) and key_of[m] not in in_headers]
    joined = [key_of[m] for p in ctx.pieces for t in ctx.told[id(p)] if t.type in ("Joined", "Accompanied")
              for m in t.subject if key_of.get(m) and entities[key_of[m]].type == "Person"]
    for k in [k for k in titled if k not in met] + [k for k in joined if k not in met and k not in in_headers]:
        return k
    return titled[0] if titled else None


def in_apposition(norm: str, m: Mention) -> bool:
    """"the Special Assistant on Media, Mr. Ana Ruiz, said": a courtesy title after a post and a comma names who
    holds it; nobody is addressed (as in "Thank you, Mr. Ruiz," or "Welcome, Mr. Ruiz,")."""
    left = norm[m.sentence.start:m.start]
    lead = re.search(r"([\w'’]+)\s*,\s*(?:Mr|Mrs|Ms|Dr|Madam)\.?\s+(?:[A-Z][\w'’-]*\s+)*$", left)
    return bool(lead) and lead.group(1)[:1].isupper() and len(left[:lead.start()].split()) >= 1


def head_title_before(norm: str, m: Mention) -> bool:
    """"President of Ruritania Jan Kowal", "German Chancellor Olaf Scholz", "President Jan Kowal"."""
    left = norm[max(0, m.start - 80):m.start]
    return bool(re.search(rf"\b{HEAD_TITLES}(?:\s+of\s+(?:the\s+)?[A-Z][\w' -]*?)?\s*,?\s*$", left)) \
        and not re.search(r"\b(?:Vice|Deputy|former|First Deputy)\s+" + HEAD_TITLES + r"[^.]*$", left)
