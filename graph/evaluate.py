"""Score an extracted graph against a gold annotation.

The evaluation contract (prediction JSON, gold YAML, matching rules) is the
one of the shared evaluation kit's FORMAT.md; this module is the project's
own implementation of it, so that the project can score itself without any
file outside the repository.

    python -m graph.evaluate PRED.json GOLD.yaml
    python -m graph.evaluate --corpus PRED_DIR GOLD_DIR      # micro-averaged
    add --json for machine-readable output

Counts are kept raw in a :class:`collections.Counter` so that a corpus score
is simply the sum of the per-document counters (micro-averaging). Keys are
``<measure>.tp_p`` / ``.pred`` / ``.tp_g`` / ``.gold`` for precision/recall
measures and ``<measure>.hit`` / ``.tot`` for ratios.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
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
    "report",
    "format_report",
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
RATIO_MEASURES = ("entities.duplicates", "events_reported", "topics", "topics_per_event", "roles")

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


def _count_roles(al: _Alignment, c: Counter) -> None:
    for gid, ent in al.gold.entities.items():
        for role in ent.get("roles") or []:
            c["roles.tot"] += 1
            title = normalise_name(role.get("title", ""))
            org = role.get("org")
            if any(
                al.to_gold[pid] == gid
                and title in normalise_name(pr.get("title", ""))
                and (org is None or al.ref(pr.get("organization")) == org)
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


# --------------------------------------------------------------------------
# reporting
# --------------------------------------------------------------------------

def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def report(counts: Counter) -> dict:
    """measure -> {"P", "R", "F1", "pred", "gold"} or {"ratio", "n"}.
    Values are None where the denominator is zero."""
    measures = set(PRF_MEASURES) | set(RATIO_MEASURES) | {k.rsplit(".", 1)[0] for k in counts}
    out: dict = {}
    for m in sorted(measures, key=lambda k: (k.split(".")[0], k)):
        is_prf = m in PRF_MEASURES or (m not in RATIO_MEASURES and (f"{m}.pred" in counts or f"{m}.gold" in counts))
        if is_prf:
            n_pred, n_gold = counts[f"{m}.pred"], counts[f"{m}.gold"]
            p = _ratio(counts[f"{m}.tp_p"], n_pred)
            r = _ratio(counts[f"{m}.tp_g"], n_gold)
            # n/a only when there was nothing to find; 0 when something was to be found and nothing right
            f1 = None if r is None else (2 * p * r / (p + r) if p and r else 0.0)
            out[m] = {"P": p, "R": r, "F1": f1, "pred": n_pred, "gold": n_gold}
        else:
            n = counts[f"{m}.tot"]
            out[m] = {"ratio": _ratio(counts[f"{m}.hit"], n), "n": n}
    return out


def _fmt(x: float | None) -> str:
    return " n/a" if x is None else f"{x:.2f}"


SUMMARY_FIELDS = (
    ("events_F1", "events", "F1"),
    ("who_met_whom_F1", "who_met_whom", "F1"),
    ("person_F1", "entities.Person", "F1"),
    ("org_F1", "entities.Organization", "F1"),
    ("equipment_F1", "entities.Equipment", "F1"),
    ("topics_R", "topics", "ratio"),
    ("roles_R", "roles", "ratio"),
)


def format_report(rep: dict) -> str:
    """One line per measure, then a ``summary`` line."""
    lines = []
    for m, v in rep.items():
        if "P" in v:
            lines.append(f"{m:24s} P={_fmt(v['P'])} R={_fmt(v['R'])} F1={_fmt(v['F1'])}"
                         f"  (pred {v['pred']}, gold {v['gold']})")
        else:
            lines.append(f"{m:24s} {_fmt(v['ratio'])}  (n {v['n']})")
    summary = " ".join(f"{label}={_fmt(rep.get(m, {}).get(key))}" for label, m, key in SUMMARY_FIELDS)
    lines.append(f"summary {summary}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m graph.evaluate", description=__doc__.split("\n\n")[0])
    ap.add_argument("pred", help="prediction JSON (or, with --corpus, a directory of them)")
    ap.add_argument("gold", help="gold YAML (or, with --corpus, a directory of them)")
    ap.add_argument("--corpus", action="store_true", help="score every GOLD/X.yaml against PRED/X.json")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    try:
        if args.corpus:
            counts = score_corpus(args.pred, args.gold)
        else:
            pred = json.loads(Path(args.pred).read_text(encoding="utf-8"))
            counts = score(pred, load_gold(args.gold))
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"evaluate: cannot read input: {exc}", file=sys.stderr)
        return 2
    rep = report(counts)
    print(json.dumps(rep) if args.json else format_report(rep))
    return 0


if __name__ == "__main__":
    sys.exit(main())


def evaluate_corpus(corpus_dir, nlp) -> tuple[Counter, dict[str, Counter]]:
    """Build every `NAME.txt` of `corpus_dir` that has a `NAME.yaml` into its own in-memory store, export it by
    SPARQL and score it; returns the micro-averaged counts and the counts per document."""
    from pathlib import Path

    from .store.build import read_meta, read_text
    from .views.export import export_json
    from .ids import doc_iri
    from .rdf.mapping import to_graph
    from .extract.analyse import analyse
    from .store.kgstore import KGStore

    total: Counter = Counter()
    per_doc: dict[str, Counter] = {}
    for gold_path in sorted(Path(corpus_dir).glob("*.yaml")):
        text_path = gold_path.with_suffix(".txt")
        if not text_path.exists():
            continue
        meta = read_meta(text_path)
        doc = analyse(text_path.name, read_text(text_path), nlp, host=meta.pop("host", None), meta=meta)
        store = KGStore("memory")
        store.replace_graph(doc_iri(text_path.name), to_graph(doc))
        counts = score(export_json(store), load_gold(gold_path))
        store.close()
        per_doc[text_path.stem] = counts
        total += counts
    return total, per_doc
