"""About what: subject areas (graph/text/areas.py), agreements signed at meetings (graph/extract/outcomes.py), and
`kg meetings --about` by area, by name and by words of a topic. Texts are written here."""

import pytest
from rdflib import Literal
from rdflib.namespace import PROV, RDF, SKOS

from graph.ids import area_iri, doc_iri, entity_iri
from graph.records import Document, Entity, Event, Outcome, Participant, Sentence, Topic
from graph.rdf.mapping import to_graph
from graph.rdf.namespaces import KG
from graph.rdf.validate import validate
from graph.store.kgstore import KGStore
from graph.text.areas import area_named, areas, areas_of
from graph.views import canned
from graph.views.canned import QuestionError


@pytest.mark.parametrize("label, kind, expected", [
    ("gas distribution station", "Topic", {"energy"}),
    ("supply of farm machines", "Topic", {"agriculture", "industry"}),
    ("energy security", "Topic", {"energy", "security"}),
    ("Su-30SM", "Equipment", {"defence"}),  # by its class in equipment.csv: multirole fighter
    ("joint research laboratories", "Topic", {"education"}),
    ("cooperation in tourism", "Topic", {"culture"}),
])
def test_a_topic_is_in_the_areas_its_words_name(label, kind, expected):
    assert expected <= set(areas_of(label, kind))


@pytest.mark.parametrize("label", ["friendship", "roadmap for 2024-2026", "the significance of the visit"])
def test_a_topic_of_no_area_words_is_in_none(label):
    assert areas_of(label) == ()


def test_areas_are_found_by_id_or_label_and_not_by_any_word():
    assert area_named("Energy").id == "energy"
    assert area_named("the defence and military").id == "defence"
    assert area_named("culture").id == "culture"
    assert area_named("oil") is None and area_named("great stone") is None
    assert len({a.id for a in areas()}) == len(areas()) >= 10


# ---------------------------------------------------------------------------------------------------- the store

S1, S2 = Sentence(0, 60), Sentence(61, 130)
TEXT = "x" * 131


def _doc() -> Document:
    ents = {
        "person/anna-host": Entity("person/anna-host", "Person", "Anna Host"),
        "person/ben-guest": Entity("person/ben-guest", "Person", "Ben Guest"),
        "person/cara-guest": Entity("person/cara-guest", "Person", "Cara Guest"),
        "topic/gas-distribution-station": Entity("topic/gas-distribution-station", "Topic",
                                                 "gas distribution station", areas=("energy",)),
        "topic/tourism": Entity("topic/tourism", "Topic", "tourism", areas=("culture",)),
        "agreement/agreement-on-oil-supplies": Entity("agreement/agreement-on-oil-supplies", "Agreement",
                                                      "agreement on oil supplies", areas=("energy",)),
    }
    part = [Participant("person/anna-host", "host", 0.9, "rule", S1)]
    talks = Event("event/2024-05-02-talks", "Negotiations", "Talks with Ben Guest", "2024-05-02", None, S1, "rule",
                  0.9, part + [Participant("person/ben-guest", "guest", 0.9, "rule", S1)],
                  [Topic("agreement/agreement-on-oil-supplies", 1, 0.9),
                   Topic("topic/gas-distribution-station", 2, 0.8)],
                  outcomes=[Outcome("agreement/agreement-on-oil-supplies",
                                    ("person/anna-host", "person/ben-guest"), S1)])
    visit = Event("event/2024-05-03-meeting", "Meeting", "Meeting with Cara Guest", "2024-05-03", None, S2, "rule",
                  0.9, part + [Participant("person/cara-guest", "guest", 0.9, "rule", S2)],
                  [Topic("topic/tourism", 1, 0.8)])
    return Document("about.txt", TEXT, "0", {}, [S1, S2], ents, [talks, visit], "person/anna-host")


@pytest.fixture(scope="module")
def store():
    st = KGStore("memory")
    st.replace_graph(doc_iri("about.txt"), to_graph(_doc()))
    yield st
    st.close()


def test_agreements_and_areas_are_mapped_and_conform_to_the_shapes():
    g = to_graph(_doc())
    agreement, talks = entity_iri("agreement/agreement-on-oil-supplies"), entity_iri("event/2024-05-02-talks")
    assert (agreement, RDF.type, KG.Agreement) in g
    assert (agreement, PROV.wasGeneratedBy, talks) in g
    assert set(g.objects(agreement, KG.signatory)) == {entity_iri("person/anna-host"), entity_iri("person/ben-guest")}
    assert (entity_iri("topic/tourism"), KG.subjectArea, area_iri("culture")) in g
    assert (area_iri("energy"), SKOS.prefLabel, Literal("energy")) in g
    ok, problems = validate(g)
    assert ok, problems


def test_an_agreement_without_its_event_breaks_the_shapes():
    g = to_graph(_doc())
    g.remove((entity_iri("agreement/agreement-on-oil-supplies"), PROV.wasGeneratedBy, None))
    assert not validate(g)[0]


def _titles(answer):
    p = answer.parts[0]
    return [str(r[p.columns.index("title")]) for r in p.rows]


def test_meetings_about_an_area_find_topics_in_it_by_whatever_name(store):
    a = canned.meetings(store, about="energy")
    assert _titles(a) == ["Talks with Ben Guest"]
    assert "subject area" in a.notes[0]
    assert _titles(canned.meetings(store, about="culture")) == ["Meeting with Cara Guest"]
    assert _titles(canned.meetings(store, about="health")) == []


def test_meetings_about_a_concept_or_an_agreement_by_name(store):
    assert _titles(canned.meetings(store, about="tourism")) == ["Meeting with Cara Guest"]  # a concept's name
    assert _titles(canned.meetings(store, about="Agreement on oil supplies")) == ["Talks with Ben Guest"]


def test_meetings_about_free_text_match_words_of_a_topic(store):
    assert _titles(canned.meetings(store, about="Distribution Station")) == ["Talks with Ben Guest"]  # a name's words
    a = canned.meetings(store, about="gas station")  # words of no name, in a topic's name
    assert _titles(a) == ["Talks with Ben Guest"]
    assert "in order" in a.notes[0]
    assert _titles(canned.meetings(store, about="station gas")) == []
    assert _titles(canned.meetings(store, about="no such subject")) == []
    with pytest.raises(QuestionError):
        canned.meetings(store, about="   ")


# ---------------------------------------------------------------------------------------------------- the text

SIGNING = ("Minsk, 14 May 2024. President Anna Kovalenko held talks with Prime Minister of Estonia Mart Laas. "
           "Following the talks, the two leaders signed an agreement on oil product supplies and a memorandum of "
           "understanding on cooperation in agriculture. A roadmap for industrial cooperation until 2030 was "
           "signed by the ministers of industry.")


def test_what_was_signed_at_the_talks_becomes_agreements_with_their_signatories(nlp):
    from graph import analyse

    doc = analyse("signing.txt", SIGNING, nlp)
    made = {doc.entities[o.entity].label: o for ev in doc.events for o in ev.outcomes}
    assert "agreement on oil product supplies" in made
    assert any(k.startswith("memorandum of understanding") for k in made)
    assert any(k.startswith("roadmap for industrial cooperation") for k in made)
    oil = made["agreement on oil product supplies"]
    names = {doc.entities[k].label for k in oil.signatories}
    assert any("Laas" in n for n in names) and any("Kovalenko" in n for n in names)  # "the two leaders"
    talks = next(ev for ev in doc.events if any(o.entity == oil.entity for o in ev.outcomes))
    assert talks.topics[0].entity == oil.entity  # what was signed comes first
    assert "energy" in doc.entities[oil.entity].areas
    assert "agriculture" in next(doc.entities[o.entity].areas for o in talks.outcomes
                                 if doc.entities[o.entity].label.startswith("memorandum"))


@pytest.mark.parametrize("sentence", [
    "He said the agreement would help trade.",  # mentioned, not signed
    "They discussed the draft treaty on border cooperation.",  # discussed, not signed
    "The sides signed an agreement.",  # which agreement? a topic at most
])
def test_documents_only_mentioned_or_unnamed_are_no_outcomes(nlp, sentence):
    from graph.extract.outcomes import outcome_phrases

    assert [o for s in nlp(sentence).sents for o in outcome_phrases(s)] == []


def test_one_meeting_lists_what_was_signed_with_its_signatories_and_areas(store):
    a = canned.meeting(store, "Talks with Ben Guest")
    signed = a.part("signed")
    row = dict(zip(signed.columns, map(str, signed.rows[0])))
    assert len(signed.rows) == 1 and row["agreement"] == "agreement on oil supplies"
    assert sorted(row["signatories"].split(" | ")) == ["Anna Host", "Ben Guest"]
    assert row["areas"] == "energy"
    assert canned.meeting(store, "Meeting with Cara Guest").part("signed").rows == []


SEVERAL = ("Rome, 12 March 2024. President Tomas Berg held separate meetings with Prime Minister of Italy Marco Bellini "
           "and President of Kenya Daniel Mwangi on Tuesday. With the Kenyan president, Berg discussed cooperation in "
           "agriculture. The Italian prime minister and Berg talked about energy security.")


def test_a_subject_goes_to_the_meeting_its_sentence_names(nlp):
    from graph import analyse

    doc = analyse("several.txt", SEVERAL, nlp)
    by_guest = {}
    for ev in doc.events:
        for q in ev.participants:
            by_guest.setdefault(doc.entities[q.entity].label, set()).update(doc.entities[t.entity].label
                                                                            for t in ev.topics)
    kenya = next(v for k, v in by_guest.items() if "Mwangi" in k)
    italy = next(v for k, v in by_guest.items() if "Bellini" in k)
    assert any("agriculture" in t for t in kenya) and not any("agriculture" in t for t in italy)
    assert any("energy security" in t for t in italy) and not any("energy security" in t for t in kenya)
