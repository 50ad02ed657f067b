"""The project's own test corpus (tests/corpus/*.txt with *.yaml gold) is
well-formed per the evaluation contract (FORMAT.md), consistent with its
texts, and scores perfectly against a prediction built from itself."""
from __future__ import annotations

import datetime as dt
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from graph.evaluate import ENTITY_TYPES, load_gold, normalise_name, report, score

from .conftest import NO_REFERENCE, REFERENCE_SCORER

CORPUS = Path(__file__).parent / "corpus"
TEXTS = sorted(CORPUS.glob("*.txt"))
GOLDS = sorted(CORPUS.glob("*.yaml"))

ALLOWED_ENTITY_TYPES = {"Person", "Organization", "Country", "Place", "Project", "Equipment"}
ALLOWED_EVENT_TYPES = {"Meeting", "Negotiations", "Conference", "StateVisit", "Ceremony", "Visit"}
TOP_KEYS = {"document", "host", "entities", "events"}
ENTITY_KEYS = {"id", "type", "names", "roles", "tier"}
EVENT_KEYS = {"id", "type", "title", "start", "end", "participants", "counterparts", "topics",
              "mentioned", "part_of", "place", "tier"}
ID_LISTS = ("participants", "counterparts", "topics", "mentioned")
ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
MAX_TOPICS = 5


def _ids(paths):
    return [p.stem for p in paths]


def _iso(value) -> str:
    """A gold date as ISO text; fails unless it is a date or YYYY-MM(-DD)."""
    if isinstance(value, dt.datetime):
        raise AssertionError(f"{value!r}: a date, not a timestamp")
    if isinstance(value, dt.date):
        return value.isoformat()
    assert isinstance(value, str), f"{value!r}: not a date"
    m = ISO.match(value)
    assert m, f"{value!r}: not ISO 8601 (YYYY-MM-DD or YYYY-MM)"
    year, month, day = int(m[1]), int(m[2]), m[3]
    dt.date(year, month, int(day) if day else 1)  # raises on a bad month/day
    return value


def _in_text(name: str, norm_text: str) -> bool:
    return f" {normalise_name(name)} " in norm_text


# --------------------------------------------------------------------------
# the corpus as a whole
# --------------------------------------------------------------------------

def test_every_text_has_gold_and_every_gold_has_text():
    assert set(_ids(TEXTS)) == set(_ids(GOLDS))
    assert len(TEXTS) >= 8


def test_readme_lists_every_file():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for p in TEXTS:
        assert p.name in readme, p.name


@pytest.mark.parametrize("text", TEXTS, ids=_ids(TEXTS))
def test_text_length(text):
    words = len(text.read_text(encoding="utf-8").split())
    assert 150 <= words <= 600, f"{text.name}: {words} words"


# --------------------------------------------------------------------------
# one gold file
# --------------------------------------------------------------------------

@pytest.fixture(params=GOLDS, ids=_ids(GOLDS))
def doc(request):
    gold = load_gold(request.param)
    text = request.param.with_suffix(".txt").read_text(encoding="utf-8")
    return request.param, gold, text


def test_top_level(doc):
    path, gold, _ = doc
    assert set(gold) <= TOP_KEYS, set(gold) - TOP_KEYS
    assert gold["document"] == path.with_suffix(".txt").name
    assert isinstance(gold.get("entities"), list) and gold["entities"]
    assert isinstance(gold.get("events"), list) and gold["events"]


def test_entities(doc):
    _, gold, _ = doc
    ids = [e.get("id") for e in gold["entities"]]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    known = set(ids)
    for e in gold["entities"]:
        where = e.get("id")
        assert isinstance(where, str) and re.fullmatch(r"[a-z0-9_]+", where), where
        assert set(e) <= ENTITY_KEYS, (where, set(e) - ENTITY_KEYS)
        assert e.get("type") in ALLOWED_ENTITY_TYPES, (where, e.get("type"))
        names = e.get("names")
        assert isinstance(names, list) and names, where
        assert all(isinstance(n, str) and normalise_name(n) for n in names), where
        assert e.get("tier", "minor") == "minor", where
        for role in e.get("roles") or []:
            assert set(role) == {"title", "org"}, (where, role)
            assert isinstance(role["title"], str) and role["title"].strip(), (where, role)
            assert role["org"] in known, (where, role)


def test_no_name_names_two_entities_of_one_type(doc):
    _, gold, _ = doc
    seen: dict = {}
    for e in gold["entities"]:
        for n in e["names"]:
            key = (normalise_name(n), e["type"])
            assert seen.setdefault(key, e["id"]) == e["id"], f"{n!r} names {seen[key]} and {e['id']}"


def test_entities_are_named_in_the_text(doc):
    """Each entity is named in the text by at least one of its names; only a
    minor entity standing as a role's organisation may be known just through
    a demonym ("Ukrainian President ...")."""
    _, gold, text = doc
    norm_text = f" {normalise_name(text)} "
    role_orgs = {r["org"] for e in gold["entities"] for r in e.get("roles") or []}
    for e in gold["entities"]:
        if e.get("tier") == "minor" and e["id"] in role_orgs:
            continue
        assert any(_in_text(n, norm_text) for n in e["names"]), f"{e['id']}: none of {e['names']} in the text"


def test_host(doc):
    _, gold, text = doc
    ents = {e["id"]: e for e in gold["entities"]}
    host = gold.get("host")
    assert host in ents and ents[host]["type"] == "Person", host
    norm_text = f" {normalise_name(text)} "
    assert any(_in_text(n, norm_text) for n in ents[host]["names"]), "the host's names are not in the text"
    assert any(host in ev.get("participants") or [] for ev in gold["events"]), "the host takes part in nothing"


def test_events(doc):
    _, gold, _ = doc
    ents = {e["id"]: e for e in gold["entities"]}
    ev_ids = [ev.get("id") for ev in gold["events"]]
    assert len(ev_ids) == len(set(ev_ids)), [i for i, n in Counter(ev_ids).items() if n > 1]
    for ev in gold["events"]:
        where = ev.get("id")
        assert isinstance(where, str) and re.fullmatch(r"[a-z0-9_]+", where), where
        assert set(ev) <= EVENT_KEYS, (where, set(ev) - EVENT_KEYS)
        assert ev.get("type") in ALLOWED_EVENT_TYPES, (where, ev.get("type"))
        assert isinstance(ev.get("title"), str) and ev["title"].strip(), where
        assert ev.get("tier", "reported") == "reported", where
        for key in ID_LISTS:
            values = ev.get(key) or []
            assert isinstance(values, list), (where, key)
            missing = [v for v in values if v not in ents]
            assert not missing, (where, key, missing)
            assert len(values) == len(set(values)), (where, key)
        for pid in ev.get("participants") or []:
            assert ents[pid]["type"] in {"Person", "Organization", "Country"}, (where, pid)
        for cid in ev.get("counterparts") or []:
            assert ents[cid]["type"] in {"Organization", "Country"}, (where, cid)
        people = set(ev.get("participants") or []) | set(ev.get("counterparts") or [])
        assert people, f"{where}: nobody took part"
        assert not people & set(ev.get("mentioned") or []), f"{where}: both taking part and only mentioned"
        assert len(ev.get("topics") or []) <= MAX_TOPICS, where
        if ev.get("place") is not None:
            assert ents.get(ev["place"], {}).get("type") in {"Place", "Country"}, (where, ev["place"])
        if ev.get("part_of") is not None:
            assert ev["part_of"] in ev_ids and ev["part_of"] != where, (where, ev["part_of"])


def test_dates(doc):
    _, gold, _ = doc
    events = {ev["id"]: ev for ev in gold["events"]}
    for ev in gold["events"]:
        where = ev["id"]
        if ev.get("tier") != "reported":
            assert ev.get("start") is not None, f"{where}: a headed event needs a date"
        start = _iso(ev["start"]) if ev.get("start") is not None else None
        assert start is None or "1990" <= start <= "2030", where
        if ev.get("end") is not None:
            end = _iso(ev["end"])
            assert start is not None and end >= start, where
        parent = events.get(ev.get("part_of"))
        if parent is not None and start is not None:
            p_start = _iso(parent["start"])
            p_end = _iso(parent["end"]) if parent.get("end") is not None else p_start
            assert p_start[:len(start)] <= start <= p_end + "~", f"{where}: outside {parent['id']}"


# --------------------------------------------------------------------------
# round trip through the scorer
# --------------------------------------------------------------------------

def prediction_from_gold(gold: dict) -> dict:
    """The prediction a perfect extractor would export for this gold."""
    return {
        "entities": [
            {"id": e["id"], "type": e["type"], "label": e["names"][0], "aliases": e["names"][1:],
             "roles": [{"title": r["title"], "organization": r["org"]} for r in e.get("roles") or []]}
            for e in gold["entities"]
        ],
        "events": [
            {"id": ev["id"], "type": ev["type"], "label": ev["title"],
             "start": None if ev.get("start") is None else str(ev["start"]),
             "end": None if ev.get("end") is None else str(ev["end"]),
             "participants": list(ev.get("participants") or []) + list(ev.get("counterparts") or []),
             "topics": list(ev.get("topics") or []),
             "part_of": ev.get("part_of"), "place": ev.get("place")}
            for ev in gold["events"]
        ],
    }


def test_a_perfect_prediction_scores_one(doc):
    _, gold, _ = doc
    rep = report(score(prediction_from_gold(gold), gold))
    for measure in [f"entities.{t}" for t in ENTITY_TYPES] + ["events", "who_met_whom"]:
        v = rep[measure]
        assert v["P"] in (None, 1.0) and v["R"] in (None, 1.0), (measure, v)
    for measure in ("events_reported", "topics", "roles"):
        assert rep[measure]["ratio"] in (None, 1.0), (measure, rep[measure])
    assert rep["entities.duplicates"]["ratio"] == 0.0
    assert rep["events"]["R"] == 1.0 and rep["who_met_whom"]["R"] == 1.0


def degraded_prediction(gold: dict, seed: str) -> dict:
    """A deterministic, imperfect prediction: some entities lost, retyped,
    renamed or duplicated, some dates shifted, participants dropped."""
    rnd = random.Random(seed)
    pred = prediction_from_gold(gold)
    retype = {"Country": "Place", "Organization": "Project", "Project": "Organization", "Place": "Organization"}
    ents = []
    for e in pred["entities"]:
        roll = rnd.random()
        if roll < 0.15:
            continue
        if roll < 0.3:
            e["type"] = retype.get(e["type"], e["type"])
        elif roll < 0.4:
            e["label"], e["aliases"] = e["label"].upper() + " (the)", []
        elif roll < 0.5:
            ents.append(dict(e, id=e["id"] + "_dup", roles=[]))
        if e["roles"] and rnd.random() < 0.4:
            e["roles"] = [{"title": "Deputy " + r["title"], "organization": rnd.choice(pred["entities"])["label"]}
                          for r in e["roles"]]
        ents.append(e)
    ents.append({"id": "bogus", "type": "Person", "label": "Nobody Atall", "aliases": []})
    pred["entities"] = ents
    for ev in pred["events"]:
        roll = rnd.random()
        if roll < 0.2 and ev["start"] and len(ev["start"]) == 10:
            ev["start"] = (dt.date.fromisoformat(ev["start"]) + dt.timedelta(days=1)).isoformat()
        elif roll < 0.35 and ev["participants"]:
            ev["participants"] = ev["participants"][1:] + ["bogus"]
        elif roll < 0.45:
            ev["topics"] = ev["topics"][:1] + ["Some label", "bogus"]
    return pred


@pytest.mark.skipif(not REFERENCE_SCORER.exists(), reason=NO_REFERENCE)
@pytest.mark.parametrize("gold_path", GOLDS, ids=_ids(GOLDS))
def test_scorer_agrees_with_the_reference_on_the_corpus(gold_path, tmp_path):
    gold = load_gold(gold_path)
    pred = degraded_prediction(gold, gold_path.stem)
    pred_file = tmp_path / "pred.json"
    pred_file.write_text(json.dumps(pred))
    out = subprocess.run([sys.executable, str(REFERENCE_SCORER), "--json", str(pred_file), str(gold_path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    theirs = json.loads(out.stdout)
    ours = report(score(pred, gold))
    for measure, values in theirs.items():
        assert ours[measure] == pytest.approx(values), measure
