from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "presidents-week-2023-02-27.txt"
SEED_GOLD = Path(__file__).parent / "gold-presidents-week-2023-02-27.yaml"
# The shared evaluation kit lies beside the checkout (`../shared`); the project never needs it at run time.
SHARED_EVAL = ROOT.parent / "shared" / "eval"
REFERENCE_SCORER = SHARED_EVAL / "score.py"
NO_REFERENCE = f"the shared reference scorer is not at {REFERENCE_SCORER} (../shared/eval beside the checkout)"


@pytest.fixture(scope="session")
def blank_nlp():
    from graph.nlp.model import make_nlp

    return make_nlp("blank")


@pytest.fixture(scope="session")
def nlp():
    from graph.nlp.model import make_nlp

    return make_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(nlp, seed_text):
    from graph.extract.analyse import analyse

    return analyse(SEED.name, seed_text, nlp)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """The seed built into an on-disk Oxigraph store, once per test session."""
    from graph.store.build import build
    from graph.store.kgstore import KGStore

    path = tmp_path_factory.mktemp("seed") / "store"
    store = KGStore(path)
    build([SEED], store)
    yield store
    store.close()


@pytest.fixture(scope="session")
def seed_export(seed_store):
    from graph.views.export import export_json

    return export_json(seed_store)


@pytest.fixture(scope="session")
def seed_store_dir(seed_store, tmp_path_factory):
    """A closed on-disk copy of `seed_store`, for commands that open the store themselves (`kg viz --store DIR`):
    the session's store stays open and Oxigraph locks its folder."""
    from rdflib import Graph, URIRef

    from graph.store.kgstore import KGStore

    graphs: dict[str, Graph] = {}
    for g, s, p, o in seed_store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"):
        graphs.setdefault(str(g), Graph()).add((s, p, o))
    path = tmp_path_factory.mktemp("seed-copy") / "store"
    with KGStore(path) as copy:
        for name, graph in graphs.items():
            copy.replace_graph(URIRef(name), graph)
        assert len(copy) == len(seed_store)
    return path


# Two lanes. The fast lane, `python -m pytest -m "not slow"`, is what a developer runs while working (spaCy's blank
# pipeline + rules, the pure mapping, stores of small graphs, the scorer; well under a minute). The full lane,
# `python -m pytest -q`, runs everything and is what CI runs. Tests are marked here, in one place, not file by file:
# a test is slow when it needs the real model (through these fixtures), or lives in a module that runs `kg` in
# subprocesses, a browser, a SPARQL server, a notebook or the benchmarks. A test that loads the real model another
# way (calling `build` or `make_nlp()` itself) fails in the fast lane with a message naming it; list it below.
SLOW_FIXTURES = {"nlp", "seed_doc", "seed_store", "seed_store_dir", "seed_export",
                 "dask_cluster"}  # test_cluster: a two-worker distributed.LocalCluster
SLOW_MODULES = {
    "test_bench_smoke",  # every benchmark script on a tiny input
    "test_browser",  # headless Chromium
    "test_corpus_scores",  # the real model over tests/corpus, the thresholds
    "test_durability",  # kill -9 in the middle of `kg build`
    "test_end_to_end",  # the real model, `kg` in subprocesses
    "test_growth",  # builds and rebuilds with the real model, parallel ingest
    "test_notebook",  # executes notebooks/who-met-whom.ipynb
    "test_remote",  # an `oxigraph serve` process
    "test_serve",  # `kg serve` and its worker processes
}
# "module::test" of tests that load the real model, or run `kg`, without the fixtures above
SLOW_TESTS = {
    "test_sentence_events::test_one_meeting_told_by_two_documents_is_one_event",  # build() with the default model
    "test_docs::test_the_docs_quote_the_code_as_it_is_now",  # cog --check: builds the seed, scores the corpora
    "test_large::test_a_long_document_read_across_workers_gives_the_same_graph",  # two worker processes
    "test_determinism_s13::test_groups_the_same_under_any_hash_seed",  # Python in subprocesses, one a hash seed
}


def _is_slow(item) -> bool:
    module = item.path.stem
    name = item.originalname if hasattr(item, "originalname") else item.name
    return (module in SLOW_MODULES or f"{module}::{name}" in SLOW_TESTS
            or not SLOW_FIXTURES.isdisjoint(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config, items):
    for item in items:
        if _is_slow(item):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _fast_tests_use_no_model(request, monkeypatch):
    """A test outside the slow lane that loads a spaCy model package fails, saying how to mark it (also when the
    code under test catches the error and goes on)."""
    if request.node.get_closest_marker("slow"):
        yield
        return
    import spacy

    refused = []

    def refuse(name, *args, **kwargs):
        refused.append(name)
        raise RuntimeError(f"the fast lane loads no spaCy model ({name!r})")

    monkeypatch.setattr(spacy, "load", refuse)
    yield
    if refused:
        pytest.fail(f"{request.node.nodeid} loads the spaCy model {refused[0]!r}: use the `nlp` fixture or add it to "
                    "SLOW_TESTS in tests/conftest.py (fast tests use `blank_nlp`)", pytrace=False)
