"""Properties of ingest and export (hypothesis): order and repetition do not matter; an export scores perfectly
against itself."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from graph.store.build import build
from graph.evaluate import report, score
from graph.store.kgstore import KGStore

TEXTS = {
    "a.txt": "Meeting with Prime Minister of Ruritania Jan Kowal, 3 May 2024 Dear President Lopez, welcome.",
    "b.txt": "Talks with President of Borduria Anton Kurvi, 4 May 2024 Dear President Lopez! Mr. Kowal sends regards.",
    "c.txt": "State visit to the Republic of Syldavia, 5 May 2024 - 7 May 2024 Meeting with King Muskar XII, "
             "6 May 2024 Dear President Maria Lopez, we discussed the Klow industrial park.",
}


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(sorted(TEXTS)), repeat=st.lists(st.sampled_from(sorted(TEXTS)), max_size=3))
def test_any_order_any_repetition_gives_the_same_graph(tmp_path_factory, blank_nlp, order, repeat):
    folder = tmp_path_factory.mktemp("docs")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    reference = KGStore("memory")
    build([folder], reference, nlp=blank_nlp, check=False)
    store = KGStore("memory")
    for name in list(order) + list(repeat):
        build([folder / name], store, nlp=blank_nlp, check=False)
    assert isomorphic(store.union_graph(), reference.union_graph())


def as_gold(pred: dict) -> dict:
    """The gold YAML that a prediction would be if a person had written it."""
    entities = [{"id": e["id"], "type": e["type"], "names": [e["label"], *e["aliases"]],
                 "roles": [{"title": r["title"], "org": r["organization"]} for r in e["roles"] if r["organization"]]}
                for e in pred["entities"]]
    events = [{"id": e["id"], "type": e["type"], "title": e["label"], "start": e["start"],
               "participants": e["participants"], "topics": e["topics"],
               **({"tier": "reported"} if e.get("reported") else {})} for e in pred["events"]]
    return {"host": None, "entities": entities, "events": events}


def test_an_export_scores_perfectly_against_itself(seed_export):
    rep = report(score(seed_export, as_gold(seed_export)))
    for measure in ("events", "who_met_whom", "entities.Person", "entities.Organization", "entities.Equipment"):
        assert rep[measure]["F1"] == 1.0, (measure, rep[measure])
    assert rep["roles"]["ratio"] == 1.0
