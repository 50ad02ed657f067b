"""The scorer: a prediction (the JSON of `kg export --format json`) against a gold annotation (YAML), by the
matching rules of the shared evaluation kit's FORMAT.md.

Counts are kept raw in a :class:`collections.Counter` so that a corpus score
is simply the sum of the per-document counters (micro-averaging). Keys are
``<measure>.tp_p`` / ``.pred`` / ``.tp_g`` / ``.gold`` for precision/recall
measures and ``<measure>.hit`` / ``.tot`` for ratios.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any, Iterable

import yaml

__all__ = [
    "ENTITY_TYPES",
    "COMPATIBLE_TYPES",
    "normalise_name",
    "load_gold",
    "score",
    "score_corpus",
]

#: Entity types scored with precision/recall.
ENTITY_TYPES = ("Person", "Organization", "Country", "Project", "Equipment")

#: For a gold entity of type K, the predicted types under which it may appear.
COMPATIBLE_TYPES: dict[str, frozenset[str]] = {
    "Person": frozenset({"Person"}),
    "Organization": frozenset({"Organization", "Country", "Project"}),
    "Country": frozenset({"Country", "Place", "Organization"}),
    "Place": frozenset({"Place", "Country"}),
    "Project": frozenset({"Project", "Organization"}),
    "Equipment": frozenset({"Equipment"}),
}

PRF_MEASURES = tuple(f"entities.{t}" for t in ENTITY_TYPES) + ("events", "who_met_whom")
RATIO_MEASURES = ("entities.duplicates", "events_reported", "topics", "topics_precision", "topics_per_event",
                  "roles")

_NON_WORD = re.compile(r"\W+")
_SQUARE_BRACKETS = re.compile(r"[\[\]]")


# --------------------------------------------------------------------------
# names
# --------------------------------------------------------------------------

def normalise_name(name: Any) -> str:
    """Comparison key of a name: NFKC, curly apostrophe made straight, case
    folded, brackets dropped, every run of non-word characters made one
    space, trimmed, a leading "the " dropped.

    >>> normalise_name("The S-400 [system]")
    's 400 system'
    """
    text = unicodedata.normalize("NFKC", "" if name is None else str(name))
    text = text.replace("\u2019", "'").casefold()
    text = _SQUARE_BRACKETS.sub("", text)
    text = _NON_WORD.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


#: Words that carry no content when a topic named in other words is compared by its content words.
STOP_WORDS = frozenset("the of and in on for a an with to between at by from its their his her our this that".split())


def content_words(name: Any) -> frozenset[str]:
    """The content words of a name, normalised: "the supply of farm machines" -> {supply, farm, machines}."""
    return frozenset(normalise_name(name).split()) - STOP_WORDS


def _same_content(a: frozenset[str], b: frozenset[str]) -> bool:
    """One name's content words hold the other's, and they share a word of four or more letters."""
    common = a & b
    return bool(a and b and (a <= b or b <= a) and max((len(w) for w in common), default=0) >= 4)


def _date_text(value: Any) -> str:
    """A gold or predicted date as text ('' when absent). YAML turns
    ``2023-03-01`` into a ``datetime.date``; ``str`` gives it back in ISO."""
    return "" if value is None else str(value)


# --------------------------------------------------------------------------
# gold
# --------------------------------------------------------------------------

def load_gold(path) -> dict:
    """Read a gold annotation (YAML) into a plain dict."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ValueError(f"{path}: malformed YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a gold annotation must be a YAML mapping")
    return data


class _GoldView:
    """Gold entities indexed by normalised name."""

    def __init__(self, gold: dict):
        self.host = gold.get("host")
        self.entities: dict[str, dict] = {}
        self.by_name: dict[str, list[str]] = {}
        for ent in gold.get("entities") or []:
            self.entities[ent["id"]] = ent
            for name in ent.get("names") or []:
                ids = self.by_name.setdefault(normalise_name(name), [])
                if ent["id"] not in ids:
                    ids.append(ent["id"])
        self.events: list[dict] = list(gold.get("events") or [])

    def type_of(self, gid: str) -> str | None:
        return self.entities[gid].get("type")

    def lookup(self, names: Iterable[Any], typ: str | None) -> str | None:
        """The gold id named by any of `names`: one of the same type first,
        then one of a compatible type (any type when `typ` is None)."""
        candidates = [gid for n in names for gid in self.by_name.get(normalise_name(n), [])]
        for gid in candidates:
            if self.type_of(gid) == typ:
                return gid
        for gid in candidates:
            if typ is None or typ in COMPATIBLE_TYPES.get(self.type_of(gid), ()):
                return gid
        return None


# --------------------------------------------------------------------------
# scoring one document
# --------------------------------------------------------------------------

class _Alignment:
    """Predicted entities aligned with gold ones, and the event matcher."""

    def __init__(self, pred: dict, gold: _GoldView):
        self.gold = gold
        self.entities: dict[Any, dict] = {}
        for ent in pred.get("entities") or []:
            self.entities[ent.get("id", ent.get("label"))] = ent
        self.to_gold: dict[Any, str | None] = {
            pid: gold.lookup([ent.get("label", "")] + list(ent.get("aliases") or []), ent.get("type"))
            for pid, ent in self.entities.items()
        }
        self.events: list[dict] = list(pred.get("events") or [])

    def ref(self, value: Any) -> str | None:
        """Gold id of a reference in the prediction: an entity id, or else a
        plain label looked up under any type."""
        try:
            if value in self.entities:
                return self.to_gold[value]
        except TypeError:  # unhashable junk
            return None
        return self.gold.lookup([value or ""], None)

    def topic_label(self, value: Any) -> tuple[str, str | None, str | None]:
        """(label, type, gold id) of a predicted topic: an entity id, or else a plain label."""
        ent = self.entities.get(value) if isinstance(value, str) else None
        if ent is None:
            return str(value or ""), None, self.ref(value)
        return str(ent.get("label", "")), ent.get("type"), self.ref(value)

    def pred_people(self, event: dict) -> set[str]:
        return {g for g in map(self.ref, event.get("participants") or []) if g}

    @staticmethod
    def gold_people(event: dict) -> set[str]:
        return set(event.get("participants") or []) | set(event.get("counterparts") or [])

    def same_event(self, pev: dict, gev: dict) -> bool:
        gold_start = _date_text(gev.get("start"))
        if gold_start and not _date_text(pev.get("start")).startswith(gold_start):
            return False
        others = self.gold_people(gev) - {self.gold.host}
        if others:
            return bool(others & self.pred_people(pev))
        return normalise_name(pev.get("label", "")) == normalise_name(gev.get("title", ""))


def _count_entities(al: _Alignment, c: Counter) -> None:
    found = {g for g in al.to_gold.values() if g}
    for typ in ENTITY_TYPES:
        preds = [pid for pid, e in al.entities.items() if e.get("type") == typ]
        golds = [gid for gid, e in al.gold.entities.items()
                 if e.get("type") == typ and e.get("tier") != "minor"]
        c[f"entities.{typ}.tp_p"] += sum(1 for pid in preds if al.to_gold[pid])
        c[f"entities.{typ}.pred"] += len(preds)
        c[f"entities.{typ}.tp_g"] += sum(1 for gid in golds if gid in found)
        c[f"entities.{typ}.gold"] += len(golds)
    hits_per_gold = Counter(g for g in al.to_gold.values() if g)
    c["entities.duplicates.hit"] += sum(n - 1 for n in hits_per_gold.values())
    c["entities.duplicates.tot"] += len(hits_per_gold)


def _count_events(al: _Alignment, c: Counter, headed: list[dict], reported: list[dict]) -> None:
    c["events.tp_p"] += sum(1 for p in al.events if any(al.same_event(p, g) for g in al.gold.events))
    c["events.pred"] += len(al.events)
    c["events.tp_g"] += sum(1 for g in headed if any(al.same_event(p, g) for p in al.events))
    c["events.gold"] += len(headed)
    c["events_reported.hit"] += sum(1 for g in reported if any(al.same_event(p, g) for p in al.events))
    c["events_reported.tot"] += len(reported)


def _pairs(people: set[str], date: Any) -> set[tuple[str, str, str]]:
    day = _date_text(date)[:10]
    return {(a, b, day) for a, b in combinations(sorted(people), 2)}


def _count_pairs(al: _Alignment, c: Counter, headed: list[dict]) -> None:
    allowed: set = set()  # pairs of every gold event: precision
    for g in al.gold.events:
        allowed |= _pairs(al.gold_people(g), g.get("start"))
    wanted: set = set()  # pairs of headed gold events: recall
    for g in headed:
        wanted |= _pairs(al.gold_people(g), g.get("start"))
    got: set = set()
    for p in al.events:
        got |= _pairs(al.pred_people(p), p.get("start"))

    undated_allowed = {(a, b) for a, b, day in allowed if not day}
    got_undated = {(a, b) for a, b, _ in got}
    c["who_met_whom.tp_p"] += sum(1 for p in got if p in allowed or p[:2] in undated_allowed)
    c["who_met_whom.pred"] += len(got)
    c["who_met_whom.tp_g"] += sum(1 for p in wanted if p in got or (not p[2] and p[:2] in got_undated))
    c["who_met_whom.gold"] += len(wanted)


def _count_topics(al: _Alignment, c: Counter, headed: list[dict]) -> None:
    for g in headed:
        topics = g.get("topics") or []
        if not topics:
            continue
        predicted = [t for p in al.events if al.same_event(p, g) for t in p.get("topics") or []]
        have = {al.ref(t) for t in predicted}
        # A topic named in other words counts when one name's content words hold the other's
        # ("roadmap" ~ "roadmap for cooperation in 2024-2026"); countries and places only by name.
        loose = [content_words(label) for label, typ, gid in map(al.topic_label, predicted)
                 if gid is None and typ not in ("Country", "Place")]
        for t in topics:
            names = [content_words(n) for n in al.gold.entities.get(t, {}).get("names") or []]
            if t in have or any(_same_content(a, b) for a in loose for b in names):
                c["topics.hit"] += 1
        c["topics.tot"] += len(topics)
    c["topics_per_event.hit"] += sum(len(p.get("topics") or []) for p in al.events)
    c["topics_per_event.tot"] += len(al.events)
    # Precision (this project's measure, not in FORMAT.md): the topics of each predicted event that matches a
    # headed gold event with topics, right when they name one of that event's topics, by the same rules.
    for p in al.events:
        gold = [g for g in headed if g.get("topics") and al.same_event(p, g)]
        if not gold:
            continue
        wanted = {t for g in gold for t in g["topics"]}
        names = [content_words(n) for t in wanted for n in al.gold.entities.get(t, {}).get("names") or []]
        for t in p.get("topics") or []:
            label, typ, gid = al.topic_label(t)
            c["topics_precision.tot"] += 1
            if gid in wanted or gid is None and typ not in ("Country", "Place") and any(
                    _same_content(content_words(label), b) for b in names):
                c["topics_precision.hit"] += 1


def _count_roles(al: _Alignment, c: Counter) -> None:
    for gid, ent in al.gold.entities.items():
        for role in ent.get("roles") or []:
            c["roles.tot"] += 1
            title = normalise_name(role.get("title", ""))
            org = role.get("org")  # none written: the prediction's must name no gold entity (as the shared kit's)
            if any(
                al.to_gold[pid] == gid
                and title in normalise_name(pr.get("title", ""))
                and al.ref(pr.get("organization")) == org
                for pid, pe in al.entities.items()
                for pr in pe.get("roles") or []
            ):
                c["roles.hit"] += 1


def score(pred: dict, gold: dict) -> Counter:
    """Raw counts for one document (see the module docstring for the keys)."""
    view = _GoldView(gold)
    al = _Alignment(pred or {}, view)
    headed = [g for g in view.events if g.get("tier") != "reported"]
    reported = [g for g in view.events if g.get("tier") == "reported"]
    c: Counter = Counter()
    _count_entities(al, c)
    _count_events(al, c, headed, reported)
    _count_pairs(al, c, headed)
    _count_topics(al, c, headed)
    _count_roles(al, c)
    return c


def score_corpus(pred_dir, gold_dir) -> Counter:
    """Micro-averaged counts: every GOLD_DIR/X.yaml against PRED_DIR/X.json
    (a missing prediction counts as an empty one)."""
    total: Counter = Counter()
    for gold_file in sorted(Path(gold_dir).glob("*.yaml")):
        pred_file = Path(pred_dir) / (gold_file.stem + ".json")
        pred = json.loads(pred_file.read_text(encoding="utf-8")) if pred_file.exists() else {}
        total += score(pred, load_gold(gold_file))
    return total
