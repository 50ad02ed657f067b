"""Who met whom, learned: a logistic model over pairs of names told in one sentence, beside the rules.

The rules read the forms they know; news from an outlet they were not written on uses others. Here every pair of
people, countries and organisations named in one sentence (and each of them with the document's host, who takes
part without being named) is scored from what surrounds it: the words between the two names, the two words before
and the word after, the sentence's words, its place in the text, the kinds of the two, whether they hold posts and in
which countries. A pair the model passes (`Model.add`) that no event of the rules holds together becomes a meeting
of its own, dated by its sentence (or like the rules' meetings told there or before it); pairs of one sentence
that the model passes all together make one meeting.

The model is data (`graph/data/participants.json`: weights of string features, a bias, the threshold), trained on
the gold annotations of the real-news development set by `python -m graph.evaluate.train_participants` (docs/
evaluation.md tells how it was measured: whole outlets held out). No name from any text is in here or in it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable

from ..models import Model, Packaged  # noqa: F401 (Model: where the steps after this one read it)
from ..records import Event, Participant, Sentence
from .sentence_events import _date as sentence_date
from .context import Context
from .pair_filters import only_mentioned, planned
from .pair_parse import host_parse_features, pair_parse_features

KINDS = ("Person", "Country", "Organization")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
NEGATED = re.compile(r"\b(?:not|n't|never)\s+(?:\w+\s+)?(?:meet|met|hold|held|see|seen|talk|spoken|speak)\b|"
                     r"\bno (?:meeting|talks)\b", re.I)
MEETS = r"(?:meet|visit|hold|host|receive|travel|attend|come|go|pay|sign|discuss|talk)"
INTENT = r"(?:plans?|planning|expected|scheduled|due|set|invited|hopes?|wants?|wishes|agreed|decided|intends?|promised)"
PLANNED = re.compile(r"\b(?:will|would|shall|'ll)\s+(?:\w+\s+)?" + MEETS + r"\b|"
                     r"\b" + INTENT + r"\s+(?:[\w.'-]+\s+){0,4}to\s+(?:\w+\s+)?" + MEETS + r"\b|\bto be held\b", re.I)
LETTERS = frozenset({"letter", "letters", "message", "messages", "cable", "telegram", "note"})
JOINT = re.compile(r"\b(?:trilateral|multilateral|joint|together|jointly|summit|quadrilateral|all (?:three|four|five))\b",
                   re.I)
ENVOYS = frozenset({"ambassador", "envoy", "commissioner", "chargé", "charge", "consul", "nuncio"})
MAX_BETWEEN = 12  # words between two names read one by one; more is "far apart"
# the dependency-parse features (pair_parse.py) for rows made with no model (training: train_participants --parse);
# a model reads them when trained with them ("parse": true). Round 14 measured them: no gain on unseen outlets
PARSE_FEATURES = False

# set by the training command: receives each document's rows (and what it needs to label them) before any decision
Recorder = Callable[[Context, list[Event], list["Row"]], None]
RECORDER: Recorder | None = None


@dataclass(frozen=True)
class Row:
    """A pair of names told in one sentence (`b` the host when he is not named there)."""

    sentence: int  # index in the document's sentences
    a: str  # entity key
    b: str
    start: str  # the date a meeting told there takes
    features: tuple[str, ...]


PAIRS = Packaged("participants.json")
use_model = PAIRS.use  # use a model instead of the packaged one (None: the rules alone); for training and tests
reset_model = PAIRS.reset
packaged_model = PAIRS.packaged
current_model = PAIRS.current


def parse_wanted() -> bool:
    """Whether the pair rows are made with the parse features (analyse then keeps the sentences' parses)."""
    model = current_model()
    return model.parse if model is not None else PARSE_FEATURES


def learned_meetings(ctx: Context, events: list[Event], sentences: list[Sentence],
                     ref_at: Callable[[int], dt.date | None] = lambda pos: None) -> list[Event]:
    """The meetings of the pairs the model passes that no event of `events` holds together. `ref_at(position)`: the
    date a relative date ("on Monday") at that position of the text counts from."""
    model = current_model()
    if model is None and RECORDER is None:
        return []
    rows = list(pair_rows(ctx, events, sentences, ref_at, parse_wanted()))
    if RECORDER is not None:
        RECORDER(ctx, events, rows)
    if model is None:
        return []
    meetings = _meetings_of(events)
    passed: dict[int, list[tuple[Row, float]]] = {}
    for row in rows:
        if meetings.get(row.a, set()) & meetings.get(row.b, set()):
            continue  # a meeting of the rules holds both
        p = model.probability(row.features)
        if p >= model.add:
            passed.setdefault(row.sentence, []).append((row, p))
    part_of: dict[Sentence, str] = {}  # the first enclosing event of a rules' meeting told in the sentence
    for e in events:
        if e.part_of:
            part_of.setdefault(e.sentence, e.part_of)
    out = []
    for i, pairs in sorted(passed.items()):
        for group, p in _cliques(pairs):
            ev = Event("", "Meeting", "", pairs[0][0].start or None, None, sentences[i], "learned", round(p, 3))
            ev.participants = [Participant(k, "attendee", round(p, 3), "learned", sentences[i]) for k in group]
            ev.part_of = part_of.get(sentences[i])
            out.append(ev)
    return out


def _meetings_of(events: list[Event]) -> dict[str, set[int]]:
    """entity key → the indexes of the events of two or more that it takes part in."""
    out: dict[str, set[int]] = {}
    for i, ev in enumerate(events):
        keys = {p.entity for p in ev.participants}
        if len(keys) >= 2:
            for k in keys:
                out.setdefault(k, set()).add(i)
    return out


def _cliques(pairs: list[tuple[Row, float]]) -> list[tuple[list[str], float]]:
    """Groups in which every two passed together (greedily, in the order of the text), each pair in one group: the
    meetings then hold exactly the pairs passed."""
    edges = {tuple(sorted((r.a, r.b))): p for r, p in pairs}
    left = dict(edges)
    groups = []
    for (a, b), p in edges.items():
        if (a, b) not in left:
            continue
        group = [a, b]
        # in the order the keys first come in the pairs (a set's order would change with the hash seed)
        for x in dict.fromkeys(k for e in left for k in e):
            if x in group:
                continue
            if all(tuple(sorted((x, g))) in edges for g in group):
                group.append(x)
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                left.pop(tuple(sorted((x, y))), None)
        groups.append((sorted(group), min(edges[tuple(sorted((x, y)))] for i, x in enumerate(group)
                                          for y in group[i + 1:])))
    return groups


def pair_rows(ctx: Context, events: list[Event], sentences: list[Sentence],
              ref_at: Callable[[int], dt.date | None] = lambda pos: None, parse: bool = False) -> Iterable[Row]:
    """Every pair of names of the kinds in each sentence, and each with the host where he is not named there; each
    dated by the sentence's own date, else by the rules' meeting told there, else by the last dated one before, else
    by the date the text's relative dates count from (its dateline), else by the rules' most common date. `parse`:
    with the features of the sentence's dependency parse."""
    dated: dict[tuple[int, int], str] = {}
    host = ctx.host if ctx.host in ctx.entities else None
    # sentences telling a meeting of others: the host, unnamed there, was not at it
    others = {(ev.sentence.start, ev.sentence.end) for ev in events
              if len(ev.participants) >= 2 and all(p.entity != host for p in ev.participants)}
    # the rules' meetings: two names the rules put in different meetings and never in one ("received A and later B",
    # "met A, then held talks with B", envoys listed after their calls) were read apart
    meetings = _meetings_of(events)
    read_here: dict[tuple[int, int], list[Event]] = {}  # the rules' meetings of two or more told in each sentence
    for ev in events:
        if ev.start:
            dated.setdefault((ev.sentence.start, ev.sentence.end), ev.start)
        if len({p.entity for p in ev.participants}) >= 2:
            read_here.setdefault((ev.sentence.start, ev.sentence.end), []).append(ev)
    starts = Counter(ev.start for ev in events if ev.start)
    common = starts.most_common(1)[0][0] if starts else ""
    last = ""
    prev: set[str] = set()  # the words of the sentence before
    for i, sent in enumerate(sentences):
        last = dated.get((sent.start, sent.end), last)
        text = ctx.norm[sent.start:sent.end]
        bag = set(_words(text))
        before, prev = prev, bag
        first: dict[str, tuple[int, int]] = {}
        for m in ctx.mentions_between(sent.start, sent.end):
            key = ctx.key_of.get(m)
            if key in ctx.entities and ctx.entities[key].type in KINDS and m.end <= sent.end:
                first.setdefault(key, (m.start, m.end))
        if not first or NEGATED.search(text) or PLANNED.search(text) or planned(text):
            continue  # no name; or "did not meet A", "no meeting was requested", "would visit in May"
        before_text = ctx.norm[sentences[i - 1].start:sentences[i - 1].end] if i else ""
        start = _start(text, ref_at(sent.start), last, common, before_text)
        names = [k for k in first if not only_mentioned(text, first[k][0] - sent.start)]  # not "then President A"
        holders = _holders(ctx, first)
        posted = {k for k in names if _accredited_to(ctx, k, first)}
        read = read_here.get((sent.start, sent.end), ())
        for x, a in enumerate(names):
            for b in names[x + 1:]:
                if a in posted or b in posted or _read_apart(meetings, a, b) or \
                        _correspondence(ctx.norm, first[a], first[b]) or _leaders_apart(ctx, a, b, host, text) or \
                        _country_of_one_named(holders, a, b) or _beside_a_reading(ctx, a, b, read):
                    continue
                yield Row(i, a, b, start, tuple(_pair_features(ctx, i, sent, a, b, first, bag, len(first), parse)))
        if host and host not in first and (sent.start, sent.end) not in others:
            for a in names:
                if a in posted or _country_of_one_named(holders, a, host):
                    continue
                feats = _pair_features(ctx, i, sent, a, host, first, bag, len(first) + 1, parse)
                feats += [f"prev={w}" for w in before]
                yield Row(i, a, host, start, tuple(feats))


def _start(text: str, ref: dt.date | None, last: str, common: str, before: str = "") -> str:
    """A sentence's meeting's date: its own, else the day the sentence before gives ("On Friday, A attended a
    ceremony. She was welcomed by B."), else the rules' last, else the reference (dateline), else the rules' most common."""
    own = _own_date(text, ref)
    if own and not _other_month(own, ref):
        return own
    told_before = _own_date(before, ref)
    if told_before and len(told_before) >= 10:  # not "the treaty of 2019", "in May": the day the story is at
        return told_before
    return last or (ref.isoformat() if ref else common)


def _other_month(own: str, ref: dt.date | None) -> bool:
    """A month without a day that is not the reference's ("on preparations for the forum in March" in a story of
    January): the time of something else the sentence names, not of the meeting it tells."""
    return len(own) == 7 and ref is not None and own != ref.isoformat()[:7]


def _own_date(text: str, ref: dt.date | None) -> str | None:
    """The date the sentence gives a day of (relative dates from `ref`); none for a later year than `ref`'s ("… to
    be finished in 2028": a plan's date, not a meeting's)."""
    if not text:
        return None
    own, given = sentence_date(text, ref)
    if own and ref is not None and own[:4] > ref.isoformat()[:4]:
        return None
    return own if own and given else None


def _read_apart(meetings: dict[str, set[int]], a: str, b: str) -> bool:
    """Both in the rules' meetings, never in one."""
    return bool(meetings.get(a)) and bool(meetings.get(b)) and not meetings[a] & meetings[b]


def _leaders_apart(ctx: Context, a: str, b: str, host: str | None, text: str) -> bool:
    """Two guests holding posts in different countries, or two envoys, neither the host ("sessions with the Thai
    Prime Minister A and Jordan's King B"): met one by one, unless the sentence tells them together ("a trilateral
    meeting")."""
    if host in (a, b) or JOINT.search(text):
        return False
    if _title_head(ctx.entities[a]) in ENVOYS and _title_head(ctx.entities[b]) in ENVOYS:
        return True  # "Ambassador A, High Commissioner B and …" after a ceremony: each presented his own letters
    lands_a, lands_b = ctx.lands_of({a}), ctx.lands_of({b})
    return bool(lands_a and lands_b and not lands_a & lands_b)


def _holders(ctx: Context, named: Iterable[str]) -> dict[str, set[str]]:
    """country key → the people named in the sentence who hold a post in it."""
    out: dict[str, set[str]] = {}
    for k in named:
        if ctx.entities[k].type == "Person":
            for land in ctx.lands_of({k}):
                out.setdefault(land, set()).add(k)
    return out


def _country_of_one_named(holders: dict[str, set[str]], a: str, b: str) -> bool:
    """A country paired with someone when the sentence names another person holding a post in it ("met her peers
    from Chile and Kenya, A and B"): the person met, the country is only his (a country is met as such when no one
    of it is named). `holders`: `_holders` of the sentence (only countries are keys)."""
    return bool(holders.get(a, set()) - {a, b} or holders.get(b, set()) - {a, b})


ACCREDITED = re.compile(r"(?i:ambassador|envoy|high commissioner|charg[ée] d['’]affaires|consul)[^.,;:]{0,40}\bto\s+"
                        r"(?:the\s+)?$")


def _accredited_to(ctx: Context, key: str, named: dict[str, tuple[int, int]]) -> bool:
    """A country named as where an envoy is posted ("the Ambassador of Chile to Spain"): no one met it as such."""
    if ctx.entities[key].type != "Country":
        return False
    start = named[key][0]
    return bool(ACCREDITED.search(ctx.norm[max(0, start - 80):start]))


def _beside_a_reading(ctx: Context, a: str, b: str, read: Iterable[Event]) -> bool:
    """The rules read a meeting in this sentence, and the pair goes beside it: a country with someone that meeting
    holds (the rules read whom he met here; the country only tells where from), or a name no such meeting holds
    with that meeting's guest ("Before the meeting with C, A met with B": C was A's, the host's, not B's)."""
    for ev in read:
        held = {p.entity: p.role for p in ev.participants}
        for one, other in ((a, b), (b, a)):
            if one in held and other not in held and (
                    ctx.entities[other].type == "Country" or (held[one] == "guest" and not _in_any(ev, other, read))):
                return True
    return False


def _in_any(ev: Event, key: str, read: Iterable[Event]) -> bool:
    return any(key in {p.entity for p in e.participants} for e in read if e is not ev)


def _correspondence(norm: str, one: tuple[int, int], two: tuple[int, int]) -> bool:
    """A letter or message between the two names ("received a letter from A"): written, not met."""
    lo, hi = sorted((one, two))
    return bool(LETTERS & set(_words(norm[lo[1]:hi[0]])))


def _words(text: str) -> list[str]:
    """The text's words; a word with a capital is only that ("<cap>"): names are never features."""
    return [w if w.islower() else "<cap>" for w in WORD.findall(text)]


def _name_context(ctx: Context, sent: Sentence, span: tuple[int, int]) -> list[str]:
    """The two words before a name and the one after it (a possessive "'s" is a word of its own)."""
    before = _words(ctx.norm[max(sent.start, span[0] - 60):span[0]])[-2:]
    after = _words(ctx.norm[span[1]:min(sent.end, span[1] + 30)])[:1]
    return [f"nb{len(before) - j}={w}" for j, w in enumerate(before)] + [f"na={w}" for w in after]


def _title_head(ent) -> str:
    """The head word of the entity's first title ("Foreign Minister", "Minister of Foreign Affairs" → "minister"),
    "" without one."""
    if not ent.roles:
        return ""
    words = WORD.findall(re.split(r"\s(?:of|to|for|at|in)\s", ent.roles[0].title)[0])
    return words[-1].casefold() if words else ""


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16+"


def _pair_features(ctx: Context, i: int, sent: Sentence, a: str, b: str, first: dict[str, tuple[int, int]],
                   bag: set[str], n: int, parse: bool = False) -> list[str]:
    ents = ctx.entities
    kinds = sorted((ents[a].type, ents[b].type))
    feats = [f"types={'|'.join(kinds)}", f"n={_bucket(n)}", f"sent={min(i, 3)}", f"host={ctx.host in (a, b)}"]
    tree = ctx.parses.get(sent.start) if parse else None
    if b not in first:
        feats.append("implicit_host")
        if parse:
            feats += host_parse_features(tree, first[a])
    else:
        if parse:
            feats += pair_parse_features(tree, first[a], first[b])
        lo, hi = sorted((first[a], first[b]))
        between = _words(ctx.norm[lo[1]:hi[0]])
        feats.append(f"gap={_bucket(len(between))}")
        if len(between) <= MAX_BETWEEN:
            feats += [f"btw={w}" for w in set(between)]
        else:
            feats.append("btw_long")
        feats += [f"pre={w}" for w in _words(ctx.norm[sent.start:lo[0]])[-2:]]
        feats += [f"post={w}" for w in _words(ctx.norm[hi[1]:sent.end])[:1]]
    for key in (a, b):
        if key in first:
            feats += _name_context(ctx, sent, first[key])
    feats += [f"w={w}" for w in bag]
    feats.append(f"titled={int(bool(ents[a].roles)) + int(bool(ents[b].roles))}")
    heads = sorted(_title_head(ents[k]) for k in (a, b))
    feats += [f"title={h}" for h in heads if h] + [f"titles={heads[0]}|{heads[1]}"]
    lands_a, lands_b = ctx.lands_of({a}), ctx.lands_of({b})
    if lands_a and lands_b:
        feats.append(f"same_land={bool(lands_a & lands_b)}")
    if "Country" in kinds:
        country, other = (a, b) if ents[a].type == "Country" else (b, a)
        feats.append(f"country_of_other={any(r.org == country for r in ents[other].roles)}")
    return feats
