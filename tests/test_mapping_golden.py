"""The pure mapping, records → triples, against a checked-in graph: one small hand-built `Document` (no spaCy, no
store) must map to exactly `tests/golden/mapping.nt`. A change of IRIs, classes or provenance shows as a diff.

To accept an intended change: `python tests/test_mapping_golden.py` rewrites the file (review its git diff)."""

from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph.records import Document, Entity, Event, Mention, Participant, Role, Sentence, Topic
from graph.rdf.mapping import to_graph

GOLDEN = Path(__file__).parent / "golden" / "mapping.nt"
TEXT = ("Meeting with Prime Minister of Ruritania Jan Kowal, 3 May 2024\n"
        "President Maria Lopez met Jan Kowal in Samarkand. They discussed the BNBC-3 plant.")


def at(name: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(name, after)
    return start, start + len(name)


def document() -> Document:
    header, body = Sentence(0, TEXT.index("\n")), Sentence(TEXT.index("President"), TEXT.index(" They") + 1)
    topic_sentence = Sentence(TEXT.index("They"), len(TEXT))
    kowal = Mention("Jan Kowal", "Person", *at("Jan Kowal"), header, "model", 0.8)
    kowal2 = Mention("Jan Kowal", "Person", *at("Jan Kowal", body.start), body, "model", 0.8)
    lopez = Mention("Maria Lopez", "Person", *at("Maria Lopez"), body, "model", 0.8)
    ruritania = Mention("Ruritania", "Country", *at("Ruritania"), header, "gazetteer", 0.9, "Ruritania")
    samarkand = Mention("Samarkand", "Place", *at("Samarkand"), body, "model", 0.8)
    bnbc = Mention("BNBC-3", "Project", *at("BNBC-3"), topic_sentence, "rule", 0.75)
    ents = {
        "person/jan-kowal": Entity("person/jan-kowal", "Person", "Jan Kowal", {"Kowal"}, [kowal, kowal2],
                                   [Role("Prime Minister", "country/ruritania", None, header, 0.85)], 0.8, "model"),
        "person/maria-lopez": Entity("person/maria-lopez", "Person", "Maria Lopez", set(), [lopez],
                                     [Role("President", None, None, body, 0.7)], 0.8, "model"),
        "country/ruritania": Entity("country/ruritania", "Country", "Ruritania", set(), [ruritania], [], 0.9,
                                    "gazetteer"),
        "place/samarkand": Entity("place/samarkand", "Place", "Samarkand", set(), [samarkand], [], 0.8, "model"),
        "project/bnbc-3": Entity("project/bnbc-3", "Project", "BNBC-3", set(), [bnbc], [], 0.75, "rule"),
    }
    meeting = Event("event/2024-05-03-jan-kowal-maria-lopez", "Meeting", "Meeting with Prime Minister of Ruritania "
                    "Jan Kowal", "2024-05-03", None, header, "header", 0.95,
                    [Participant("person/maria-lopez", "host", 0.9, "inference", header),
                     Participant("person/jan-kowal", "guest", 0.95, "header", header)],
                    [Topic("project/bnbc-3", 1, 0.73)], [], None, "place/samarkand")
    told = Event("event/2024-05-03-reported-jan-kowal-maria-lopez", "Negotiations", "Maria Lopez holds talks with "
                 "Jan Kowal", "2024-05", None, body, "rule", 0.6,
                 [Participant("person/maria-lopez", "host", 0.7, "rule", body),
                  Participant("person/jan-kowal", "guest", 0.6, "rule", body)],
                 [], [], meeting.key, None, True)
    return Document("golden week.txt", TEXT, "sum-golden", {"date": "2024-05-03", "source": "https://example.org/w"},
                    [header, body, topic_sentence], ents, [meeting, told], "person/maria-lopez")


def test_the_mapping_of_a_hand_built_document_is_the_checked_in_graph():
    got = to_graph(document())
    want = Graph().parse(GOLDEN, format="nt")
    if not isomorphic(got, want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        new = sorted(" ".join(x.n3() for x in t) for t in only_got)
        gone = sorted(" ".join(x.n3() for x in t) for t in only_want)
        raise AssertionError("the mapping changed:\n  new:\n    " + "\n    ".join(new) + "\n  gone:\n    "
                             + "\n    ".join(gone))


if __name__ == "__main__":
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text("".join(sorted(to_graph(document()).serialize(format="nt").splitlines(keepends=True))),
                      encoding="utf-8")
    print(f"wrote {GOLDEN}")
