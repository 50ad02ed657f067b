"""Round 13 (speed): Python's young collections made rare while the pipeline is loaded and while a build runs
(`model.rare_collections`); the thresholds put back after a build; the same graph whether the collector runs often
or rarely."""

import gc
import io
import shutil
from pathlib import Path

import pytest

from graph.nlp import model
from graph.store import build as gb
from graph.store.kgstore import KGStore

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_rare_collections_raises_only_the_first_threshold(thresholds):
    gc.set_threshold(700, 10, 10)
    assert model.rare_collections() == (700, 10, 10)
    assert gc.get_threshold() == (model.YOUNG_COLLECTION, 10, 10)


def test_rare_collections_leaves_an_off_or_higher_threshold(thresholds):
    gc.set_threshold(0, 10, 10)  # the collector off: it stays off
    model.rare_collections()
    assert gc.get_threshold() == (0, 10, 10)
    gc.set_threshold(model.YOUNG_COLLECTION * 2, 5, 7)
    model.rare_collections()
    assert gc.get_threshold() == (model.YOUNG_COLLECTION * 2, 5, 7)


def test_make_nlp_makes_collections_rare(thresholds, blank_nlp):
    gc.set_threshold(700, 10, 10)
    model.make_nlp("blank")
    assert gc.get_threshold()[0] == model.YOUNG_COLLECTION


def test_build_raises_then_puts_back_the_thresholds(thresholds, blank_nlp, tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(gb, "_apply", lambda *args, **kwargs: seen.append(gc.get_threshold()))
    gc.set_threshold(700, 10, 10)
    text = tmp_path / "a.txt"
    text.write_text("President Ana Lima met Prime Minister Tomas Varga in Kessin on 3 March 2025.\n")
    with KGStore("memory") as store:
        gb.build([text], store, nlp=blank_nlp)
    assert seen == [(model.YOUNG_COLLECTION, 10, 10)]
    assert gc.get_threshold() == (700, 10, 10)


def _quads(paths, nlp, young: int, tmp: Path) -> str:
    gc.set_threshold(young, 2, 2)
    where = tmp / f"store-{young}"
    with KGStore(str(where)) as store:
        gb.build(paths, store, nlp=nlp)
        out = io.BytesIO()
        store.dump(out, "nquads")
    shutil.rmtree(where, ignore_errors=True)
    return "\n".join(sorted(out.getvalue().decode().splitlines()))


def test_the_same_graph_with_frequent_or_rare_collections(thresholds, blank_nlp, tmp_path, monkeypatch):
    paths = sorted(CORPUS.glob("*.txt"))[:3]
    assert paths
    monkeypatch.setattr(model, "YOUNG_COLLECTION", 1)  # build() leaves the collector at 50 objects here
    often = _quads(paths, blank_nlp, 50, tmp_path)
    monkeypatch.setattr(model, "YOUNG_COLLECTION", 50_000)
    rarely = _quads(paths, blank_nlp, 700, tmp_path)
    assert often.count("\n") > 100 and often == rarely
