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
