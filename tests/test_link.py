"""Cross-document linking through the indexed `KnownActors`: it must find exactly what comparing a document's
entity with every stored actor finds (the definition of a match), and stay in step with a growing build."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.store.link import KnownActors, link_to_store
from graph.records import Entity
from graph.extract.resolve import part_of_name, same_name
from graph.ids import org_key
from graph.store.kgstore import KGStore


def exhaustive_match(ent: Entity, known: dict[str, dict[str, set[str]]]) -> str | None:
    """The reference: `ent` compared with every stored actor, pair by pair."""
    names = {ent.label, *ent.aliases}
    if ent.type == "Person":
        full = [n for n in names if len(n.split()) >= 2]
        hits = {k for k, kn in known["Person"].items()
                if any(same_name(a, b) for a in full for b in kn if len(b.split()) >= 2)}
        if not hits:
            hits = {k for k, kn in known["Person"].items()
                    if any(part_of_name(a, b) or part_of_name(b, a) for a in names for b in kn
                           if min(len(a.split()), len(b.split())) == 1)}
    else:
        keys = {org_key(n) for n in names if len(n) > 3}
        hits = {k for k, kn in known["Organization"].items() if keys & {org_key(n) for n in kn}}
    return hits.pop() if len(hits) == 1 else None


# Name tokens chosen to collide: transliterations, fuzzy neighbours, initials that folding changes (X→ks, Y/J→i),
# letters folding drops (Ł, Ø), accents, a patronymic, "Er" (folds to "r").
TOKENS = ["Aleksandr", "Alexander", "Alexandr", "Lukashenko", "Lukashenka", "Xi", "Ksi", "Jinping", "Yury", "Iury",
          "Jury", "Zelensky", "Zelenskyy", "Zelenskiy", "Łukasz", "Ukasz", "Øyvind", "Oyvind", "Éric", "Eric", "Erik",
          "Er", "R", "Łukaszewicz", "Łakaszewicz", "Maria", "Mariya", "Lopez", "López", "Kim", "Jong", "Un", "Il",
          "Petrovich", "Li", "Lee"]
ORGS = ["CITIC Group", "the CITIC Group", "Ministry of Defence of Belarus", "Ministry of Defence", "Rosatom",
        "FAW Group", "Faw Group", "Silk Road Rail Holdings"]
names = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=3).map(" ".join)
person = st.builds(lambda label, more: Entity(key="new", type="Person", label=label, aliases=set(more)),
                   names, st.lists(names, max_size=2))
org = st.builds(lambda label, more: Entity(key="new", type="Organization", label=label, aliases=set(more)),
                st.sampled_from(ORGS), st.lists(st.sampled_from(ORGS), max_size=1))
stored = st.tuples(st.lists(st.lists(names, min_size=1, max_size=3), max_size=8),
                   st.lists(st.lists(st.sampled_from(ORGS), min_size=1, max_size=2), max_size=4))


def _index(people, orgs) -> tuple[KnownActors, dict]:
    index, plain = KnownActors(), {"Person": {}, "Organization": {}}
    for i, ns in enumerate(people):
        index.add("Person", f"person/{i}", ns)
        plain["Person"][f"person/{i}"] = set(ns)
    for i, ns in enumerate(orgs):
        index.add("Organization", f"org/{i}", ns)
        plain["Organization"][f"org/{i}"] = set(ns)
    return index, plain


@settings(max_examples=400, deadline=None)
@given(stored, st.one_of(person, org))
def test_index_finds_what_comparing_with_every_actor_finds(store, ent):
    index, plain = _index(*store)
    assert index.match(ent) == exhaustive_match(ent, plain)


def test_every_pair_of_tokens_as_first_or_last_name():
    """Each pair of tokens, one stored and one in the document, as a given name and as a surname."""
    for stored_token in TOKENS:
        for token in TOKENS:
            for stored_name, name in ((f"{stored_token} Lopez", f"{token} Lopez"),
                                      (f"Maria {stored_token}", f"Maria {token}"), (stored_token, token)):
                index, plain = _index([[stored_name], ["Ivan Petrov"]], [])
                ent = Entity(key="new", type="Person", label=name)
                assert index.match(ent) == exhaustive_match(ent, plain), (stored_name, name)


def test_transliterated_and_surname_only_mentions_link():
    index, _ = _index([["Aleksandr Lukashenko", "Lukashenko"], ["Xi Jinping"], ["Maria Lopez"]],
                      [["CITIC Group"]])
    assert index.match(Entity(key="x", type="Person", label="Alexander Lukashenko")) == "person/0"
    assert index.match(Entity(key="x", type="Person", label="Ksi Jinping")) == "person/1"
    assert index.match(Entity(key="x", type="Person", label="Lopez")) == "person/2"
    assert index.match(Entity(key="x", type="Person", label="Maria Lopez Garcia")) is None
    assert index.match(Entity(key="x", type="Organization", label="the CITIC Group")) == "org/0"


def test_two_stored_people_a_surname_could_be_is_no_match():
    index, _ = _index([["Maria Lopez"], ["Juan Lopez"]], [])
    assert index.match(Entity(key="x", type="Person", label="Lopez")) is None


def test_index_built_from_a_store_and_kept_by_a_build_agree(tmp_path, nlp):
    """After each document of a build, the index the build keeps equals one read afresh from the store."""
    from pathlib import Path

    from graph.store.build import document_graph
    from graph.extract.analyse import analyse

    store = KGStore(str(tmp_path / "s"))
    kept = KnownActors()
    for path in sorted(Path(__file__).parent.joinpath("corpus").glob("*.txt"))[:5]:
        doc = analyse(path.name, path.read_text(encoding="utf-8"), nlp)
        doc = link_to_store(doc, store, kept)
        graph = document_graph(doc)
        store.replace_graph(graph_iri(doc), graph)
        kept.add_graph(graph)
        fresh = KnownActors.of_store(store)
        assert {t: dict(v) for t, v in kept.names.items()} == {t: dict(v) for t, v in fresh.names.items()}
    assert kept.names["Person"], "the documents name persons"
    store.close()


def graph_iri(doc):
    from graph.ids import doc_iri

    return doc_iri(doc.name)
