"""IRIs read as the names they stand for: slugs from the label as written (anyascii), the phonetic fold only a
matching key. Issue 18."""

from pathlib import Path

import pytest
from anyascii import anyascii

from graph.extract.resolve import resolve
from graph.ids import entity_key, key_of_iri, match_key, slug
from graph.records import Entity, Mention, Sentence
from graph.store.link import KnownActors

from .conftest import SEED

TESTS = Path(__file__).parent
ENTITY_TYPES = ("person/", "organization/", "project/", "country/", "place/", "equipment/", "topic/")


def _plain(name: str) -> list[str]:
    """A name's words as anyascii writes them, lower case (what a reader expects in the IRI)."""
    return slug(anyascii(name)).split("-")


def strange_words(key: str, names: set[str]) -> list[str]:
    """The words of the key's slug that no name of its entity has (a fold's "ksi" for "Xi", "intao" for
    "Jintao"): each word of the slug must be a word of one of the names as transliterated."""
    words = {w for n in names for w in _plain(n)}
    return [w for w in key.split("/", 1)[1].split("-") if w not in words]


@pytest.mark.parametrize("label, key", [
    ("Xi Jinping", "person/xi-jinping"), ("Jiang Zemin", "person/jiang-zemin"), ("Hu Jintao", "person/hu-jintao"),
    ("Zhu Heqin", "person/zhu-heqin"), ("Kassym-Jomart Tokayev", "person/kassym-jomart-tokayev"),
    ("Aleksandr Grigoryevich Lukashenko", "person/aleksandr-lukashenko"),
    ("Recep Tayyip Erdoğan", "person/recep-tayyip-erdogan"), ("Søren Bräuer", "person/soren-brauer"),
])
def test_a_persons_key_is_the_name_as_written(label, key):
    assert entity_key("Person", label) == key
    assert not strange_words(key, {label})


def test_the_fold_is_the_matching_key_not_the_iri():
    assert match_key("Person", "Xi Jinping") == match_key("Person", "Ksi Jinping")
    assert match_key("Person", "Alexander Lukashenko") == match_key("Person", "Aleksandr Lukashenko")
    assert entity_key("Person", "Xi Jinping") != entity_key("Person", "Ksi Jinping")


def test_any_script_gives_an_ascii_slug():
    assert slug("Зеленський").isascii() and slug("Зеленський").startswith("zelens")
    assert slug("习近平") == "xijinping"


def _mention(text: str, start: int) -> Mention:
    return Mention(text, "Person", start, start + len(text), Sentence(start, start + 30))


def test_two_spellings_in_one_document_are_one_entity_with_the_first_spellings_key():
    ms = [_mention("Alexander Lukashenko", 0), _mention("Aleksandr Lukashenko", 40),
          _mention("Aleksandr Lukashenko", 80)]
    entities, of_mention = resolve(ms, {})
    assert len(entities) == 1
    (key, ent), = entities.items()
    assert set(of_mention.values()) == {key} and key == entity_key("Person", ent.label)
    assert {ent.label, *ent.aliases} == {"Alexander Lukashenko", "Aleksandr Lukashenko"}


def test_a_stored_key_is_kept_whatever_the_spelling():
    known = KnownActors()
    known.add("Person", "person/xi-jinping", ["Xi Jinping"])
    assert known.match(Entity(key=entity_key("Person", "Ksi Jinping"), type="Person", label="Ksi Jinping")) \
        == "person/xi-jinping"


@pytest.fixture(scope="module")
def corpora_store(nlp, tmp_path_factory):
    """The seed and both corpora in one store (cross-document linking on)."""
    from graph.store.build import build
    from graph.store.kgstore import KGStore

    store = KGStore(tmp_path_factory.mktemp("iris") / "store")
    paths = [SEED, *sorted((TESTS / "corpus").glob("*.txt")), *sorted((TESTS / "news").glob("*.txt"))]
    report = build(paths, store, nlp=nlp)
    assert not report.failed
    yield store
    store.close()


def test_no_iri_has_a_word_its_names_do_not_have(corpora_store):
    from rdflib.namespace import RDFS, SDO, SKOS

    g = corpora_store.union_graph()
    names: dict[str, set[str]] = {}
    for p in (RDFS.label, SDO.name, SDO.alternateName, SKOS.prefLabel):
        for s, o in g.subject_objects(p):
            key = key_of_iri(s)
            if key and key.startswith(ENTITY_TYPES) and key.count("/") == 1:
                names.setdefault(key, set()).add(str(o))
    persons = [k for k in names if k.startswith("person/")]
    assert len(persons) >= 30
    bad = {k: (sorted(n), strange_words(k, n)) for k, n in names.items() if strange_words(k, n)}
    assert not bad, bad
    assert {"person/xi-jinping", "person/aleksandr-lukashenko"} <= set(persons)
