"""The trained who-met-whom pair model (graph/extract/learned.py) and its training (graph/evaluate/train_participants):
pairs it passes become meetings beside the rules', dated by their sentence; names are never features; the packaged
model is the one the documented command writes. Texts here are invented."""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from graph.evaluate import train_participants as tp
from graph.extract import learned, same_events
from graph.extract.analyse import analyse

ROOT = Path(__file__).resolve().parents[1]

# a verb no rule knows: only a model that weighs it can read a meeting here
ZORBLED = "OSTERVILLE, 3 May 2024 — President Ana Vale zorbled Prime Minister Ben Kor at the lakeside residence."


@pytest.fixture(autouse=True)
def _packaged_model_after():
    same_events.use_model(None)  # the pair model's meetings as it makes them, none joined (tests/test_same_events_s11.py)
    yield
    learned.reset_model()
    same_events.reset_model()


def _events(nlp, text):
    doc = analyse("t", text, nlp)
    return [(e.method, e.start, sorted(doc.entities[p.entity].label for p in e.participants)) for e in doc.events]


def test_a_pair_the_model_passes_is_a_meeting_dated_by_the_dateline(nlp):
    learned.use_model(learned.Model({"btw=zorbled": 6.0}, -3.0, 0.8))
    assert ("learned", "2024-05-03", ["Ana Vale", "Ben Kor"]) in _events(nlp, ZORBLED)


def test_without_a_model_the_rules_alone_decide(nlp):
    learned.use_model(None)
    assert not any(m == "learned" for m, _, _ in _events(nlp, ZORBLED))


def test_a_model_that_does_not_pass_the_pair_adds_nothing(nlp):
    learned.use_model(learned.Model({"btw=zorbled": -6.0}, -3.0, 0.8))
    assert _events(nlp, ZORBLED) == []


def test_the_sentence_own_date_wins_over_the_dateline(nlp):
    learned.use_model(learned.Model({"btw=zorbled": 6.0}, -3.0, 0.8))
    text = ZORBLED.replace("at the lakeside residence", "on 1 May 2024 at the lakeside residence")
    assert ("learned", "2024-05-01", ["Ana Vale", "Ben Kor"]) in _events(nlp, text)


def test_pairs_the_rules_hold_together_make_no_second_meeting(nlp):
    learned.use_model(learned.Model({}, 10.0, 0.5))  # passes every pair
    text = "OSTERVILLE, 3 May 2024 — President Ana Vale met Prime Minister Ben Kor at the lakeside residence."
    got = _events(nlp, text)
    assert [m for m, _, ps in got if ps == ["Ana Vale", "Ben Kor"]] == ["rule"]


def test_envoys_listed_after_a_ceremony_each_meet_the_host_with_the_packaged_model(nlp):
    text = ("OSTERVILLE, 3 May 2024 — President Ana Vale of Ruritania received the letters of credence of three "
            "new ambassadors at State House. Vestrian Ambassador Cal Dun, Norlandic Ambassador Eda Fay and "
            "Ambassador of Molvania Gus Hale.")
    learned.use_model(None)
    rules = _events(nlp, text)
    learned.reset_model()
    got = _events(nlp, text)
    envoys = {ps[0] if ps[1] == "Ana Vale" else ps[1] for m, d, ps in got if m == "learned" and len(ps) == 2
              and "Ana Vale" in ps and d == "2024-05-03"}
    assert not any(m == "learned" for m, _, _ in rules)
    assert {"Cal Dun", "Eda Fay"} <= envoys
    assert not any(m == "learned" and "Ana Vale" not in ps for m, _, ps in got)  # envoys did not meet each other


def _row(a, b, i=0):
    return learned.Row(i, a, b, "", ())


def test_cliques_hold_exactly_the_pairs_passed():
    pairs = [(_row("a", "b"), 0.9), (_row("a", "c"), 0.8), (_row("b", "c"), 0.95), (_row("c", "d"), 0.85)]
    groups = learned._cliques(pairs)
    assert sorted(g for g, _ in groups) == [["a", "b", "c"], ["c", "d"]]
    assert dict((tuple(g), p) for g, p in groups)[("a", "b", "c")] == 0.8  # the weakest pair's probability
    made = {tuple(sorted((x, y))) for g, _ in groups for i, x in enumerate(g) for y in g[i + 1:]}
    assert made == {tuple(sorted((r.a, r.b))) for r, _ in pairs}


def test_names_are_never_features():
    assert learned._words("met President Ana Vale in Osterland") == ["met", "<cap>", "<cap>", "<cap>", "in",
                                                                      "<cap>"]
    data = json.loads(resources.files("graph.data").joinpath("participants.json").read_text("utf-8"))
    structural = {"True", "False", "Person", "Country", "Organization", "Meeting"}
    for feature in data["weights"]:
        value = feature.split("=", 1)[-1]
        for part in re.split(r"[|]", value):
            assert part == "<cap>" or part in structural or part == part.lower(), feature


def test_the_packaged_model_says_how_it_was_made():
    data = json.loads(resources.files("graph.data").joinpath("participants.json").read_text("utf-8"))
    assert data["command"].startswith("python -m graph.evaluate.train_participants eval/realnews/dev --out")
    assert 0.5 <= data["add"] < 1 and data["l2"] == tp.L2
    model = learned.packaged_model()
    assert model is not None and model.add == data["add"] and len(model.weights) == len(data["weights"])


def test_fit_separates_and_is_repeatable():
    rows = [learned.Row(0, "a", "b", "", ("w=met", "kind=x")) for _ in range(20)] + \
           [learned.Row(0, "a", "b", "", ("w=praised", "kind=x")) for _ in range(20)]
    labels = [1] * 20 + [0] * 20
    one, two = tp.fit(rows, labels), tp.fit(rows, labels)
    assert one == two
    assert one.probability(("w=met", "kind=x")) > 0.5 > one.probability(("w=praised", "kind=x"))
    loose = tp.fit(rows, labels, l2=0.01)  # weaker regularisation: surer
    assert loose.probability(("w=met", "kind=x")) > 0.8 > 0.2 > loose.probability(("w=praised", "kind=x"))
    assert "w=never" not in one.weights


def test_count_is_the_scorer_s_pair_count():
    doc = tp.DocRows("d", rows=[learned.Row(0, "k_a", "k_c", "2024-05-03", ("w=met",))], labels=[1],
                     gold_of={"k_a": "a", "k_b": "b", "k_c": "c"},
                     rule_pairs={("a", "b", "2024-05-03")}, together={("k_a", "k_b")},
                     allowed={("a", "b", "2024-05-03"), ("a", "c", "")}, wanted={("a", "b", "2024-05-03"), ("a", "c", "")})
    assert tp.count(doc, None, 0.5) == Counter(tp_p=1, pred=1, tp_g=1, gold=2)
    model = learned.Model({"w=met": 5.0}, 0.0, 0.5)
    assert tp.count(doc, model, 0.5) == Counter(tp_p=2, pred=2, tp_g=2, gold=2)  # an undated gold pair: any date
    assert tp.count(doc, model, 0.999) == Counter(tp_p=1, pred=1, tp_g=1, gold=2)


def test_folds_keep_each_outlet_whole():
    docs = [tp.DocRows(f"t{i}") for i in range(12)]
    outlet = {f"t{i}": f"o{i % 5}" for i in range(12)}
    folds = tp.folds_by_outlet(docs, outlet, 3)
    assert sorted(d.name for f in folds for d in f) == sorted(d.name for d in docs)
    for f in folds:
        for o in {outlet[d.name] for d in f}:
            assert all(outlet[d.name] != o for g in folds if g is not f for d in g)


@pytest.mark.slow
def test_the_training_command_measures_and_writes_a_model(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    names = sorted(p.stem for p in (ROOT / "tests" / "corpus").glob("*.yaml"))[:4]
    for n in names:
        for ext in (".txt", ".yaml"):
            (corpus / (n + ext)).write_bytes((ROOT / "tests" / "corpus" / (n + ext)).read_bytes())
    (tmp_path / "hold.txt").write_text(names[0] + "\n", encoding="utf-8")
    out = tmp_path / "m.json"
    assert tp.main([str(corpus), "--hold-out", str(tmp_path / "hold.txt"), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "held out: 1 texts" in printed and "rules alone" in printed and "rules + model, add 0.8" in printed
    model = learned.Model.from_json(json.loads(out.read_text(encoding="utf-8")))
    assert model.add == tp.ADD and model.weights


def test_what_did_not_happen_makes_no_meeting(nlp):
    learned.use_model(learned.Model({}, 10.0, 0.5))  # passes every pair it is asked about
    text = ("OSTERVILLE, 3 May 2024 — President Ana Vale did not meet Prime Minister Ben Kor, and her office said "
            "no meeting had been requested.")
    assert not any(m == "learned" for m, _, _ in _events(nlp, text))


def test_the_unnamed_host_is_not_joined_to_a_meeting_of_others(nlp):
    learned.use_model(learned.Model({"implicit_host": 10.0}, -5.0, 0.5))  # passes only pairs with the host
    text = ("OSTERVILLE, 3 May 2024 — Dear President Ana Vale, welcome. Dear President Ana Vale, thank you.\n"
            "Prime Minister Ben Kor met Foreign Minister Cal Dun in Osterville on Friday.\n"
            "Prime Minister Ben Kor zorbled the garden.")
    doc = analyse("t", text, nlp)
    host = doc.entities[doc.host].label if doc.host else None
    learned_pairs = [sorted(doc.entities[p.entity].label for p in e.participants) for e in doc.events
                     if e.method == "learned"]
    assert host == "Ana Vale"
    assert ["Ana Vale", "Ben Kor"] in learned_pairs  # the sentence of his own
    assert ["Ana Vale", "Cal Dun"] not in learned_pairs  # the meeting the rules read between the other two


def test_what_is_planned_makes_no_meeting(nlp):
    learned.use_model(learned.Model({}, 10.0, 0.5))  # passes every pair it is asked about
    for text in ("OSTERVILLE, 3 May 2024 — President Ana Vale said that King Ben Kor would visit in June.",
                 "OSTERVILLE, 3 May 2024 — President Ana Vale and King Ben Kor agreed to hold talks in June.",
                 "OSTERVILLE, 3 May 2024 — President Ana Vale invited King Ben Kor to visit Osterland."):
        assert not any(m == "learned" for m, _, _ in _events(nlp, text)), text
