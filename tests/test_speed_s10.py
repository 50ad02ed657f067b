"""Round 10 (speed): linking against documents not yet written (`link.KnownEvents`) gives the store that writing
each document before linking the next gives, with every batch written whole; `kg_lines` reads the text once and
marks the same sentence starts as before."""

import re

import pytest
from rdflib import URIRef

from graph.nlp import model
from graph.rdf.mapping import date_literal
from graph.store import build as build_mod
from graph.store.build import build
from graph.store.kgstore import KGStore
from graph.store.link import KnownEvents, event_triples

# invented officials and countries; several documents tell meetings of the same days, some the same meeting
TEMPLATES = [
    "{day} {month} 2025\n\nPresident Ana Lima met Prime Minister Tomas Varga in Kessin on {day} {month} 2025. "
    "The two leaders discussed trade and the new railway.",
    "{day} {month} 2025\n\nPrime Minister Tomas Varga held talks with President Ana Lima in Kessin on {day} {month} "
    "2025. Foreign Minister Oskar Brandt also took part in the meeting.",
    "{day} {month} 2025\n\nChancellor Ivo Maric received Foreign Minister Oskar Brandt on {day} {month} 2025 and "
    "discussed the water treaty.",
    "{day} {month} 2025\n\nSenator Rui Amaral met Deputy Minister Lea Moro in Tarvos on {day} {month} 2025 to discuss "
    "the port.",
]


def _corpus(folder, n=21):
    folder.mkdir()
    for i in range(n):
        day, month = 3 + i % 3, ("March", "April")[i % 2]
        (folder / f"note-{i:02d}.txt").write_text(TEMPLATES[i % len(TEMPLATES)].format(day=day, month=month),
                                                  encoding="utf-8")
    return sorted(folder.glob("*.txt"))


def _nquads(store: KGStore) -> list[str]:
    return sorted(f"{s.n3()} {p.n3()} {o.n3()} {g.n3()}" for s, p, o, g in store.quads())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return _corpus(tmp_path_factory.mktemp("s10") / "texts")


def test_a_run_linked_before_writing_is_the_store_written_document_by_document(corpus, blank_nlp, tmp_path,
                                                                               monkeypatch):
    flushed: list[int] = []
    flush = build_mod._Writer.flush

    def counted(self):
        if self.pending:
            flushed.append(len(self.pending))
        flush(self)

    monkeypatch.setattr(build_mod._Writer, "flush", counted)
    whole = KGStore(tmp_path / "whole")
    build(corpus, whole, nlp=blank_nlp)
    # no batch cut short because a document had an event on a day of one still in the batch
    assert flushed == [16, len(corpus) - 16]
    monkeypatch.setattr(build_mod._Writer, "flush", flush)
    one_by_one = KGStore(tmp_path / "one")
    for path in corpus:  # each document written before the next one is linked
        build([path], one_by_one, nlp=blank_nlp)
    assert _nquads(whole) == _nquads(one_by_one)
    # the texts do link: one meeting told by two documents is one event
    events = {str(r.event) for r in whole.query("SELECT DISTINCT ?event WHERE { ?event schema:startDate ?d }")}
    dated = list(whole.query("SELECT ?event ?g WHERE { GRAPH ?g { ?event schema:startDate ?d } }"))
    assert len(events) < len(dated)


def test_known_events_give_the_rows_of_the_store(corpus, blank_nlp, tmp_path):
    store = KGStore(tmp_path / "store")
    build(corpus, store, nlp=blank_nlp)
    read = KnownEvents.of_store(store)
    added = KnownEvents()
    for iri in store.documents():
        added.add(event_triples(_Index(store.graph(URIRef(iri)))))
    days = {str(r.d) for r in store.query("SELECT DISTINCT ?d WHERE { ?e schema:startDate ?d }")}
    assert len(days) >= 6
    for day in sorted(days) + ["2031-01-01"]:
        rows = {(str(r.date), str(r.event), str(r.participant))
                for r in store.named("events_on_date", date=date_literal(day))}
        assert {tuple(map(str, row)) for row in read.on_date(date_literal(day))} == rows
        assert {tuple(map(str, row)) for row in added.on_date(date_literal(day))} == rows
    assert any(read.on_date(date_literal(day)) for day in days)


class _Index:
    """The look-ups `event_triples` makes, over an rdflib Graph."""

    def __init__(self, graph):
        self.graph = graph

    def subjects(self, p, o):
        return list(self.graph.subjects(p, o))

    def objects(self, s, p):
        return list(self.graph.objects(s, p))


# ------------------------------------------------------------------------------------------------------- kg_lines

def _kg_lines_before(doc):
    """`kg_lines` as it was before round 10 (the text joined again at each line break)."""
    wrapped = model.hard_wrapped(doc.text)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = not _wrapped_on_before(doc, tok, wrapped)
        elif (prev.text in model.NAME_ABBREVIATIONS or prev.text in model.BARE_TITLES) and tok.text[:1].isupper():
            tok.is_sent_start = False
    return doc


def _wrapped_on_before(doc, tok, wrapped):
    j = tok.i - 1
    while j > 0 and doc[j].is_space:
        j -= 1
    gap = doc.text[doc[j].idx + len(doc[j].text):tok.idx]
    if gap.count("\n") != 1:
        return False
    if tok.text[:1].islower() and tok.is_alpha:
        return True
    line = doc.text[:doc[j].idx + len(doc[j].text)].rsplit("\n", 1)[-1]
    return wrapped and len(line) > 50 and not model.LINE_END.search(line)


LONG = ("President Ana Lima met Prime Minister Tomas Varga of Veldora in Kessin on Monday and the two\n"
        "leaders held talks on trade, energy and the new railway to the coast of the northern\n"
        "province, where the works began last year under the agreement signed by both sides in\n"
        "Tarvos. Foreign Minister Oskar Brandt also took part in the meeting with Mr. Kowal.\n\n")
TEXTS = [
    LONG * 3,
    "Meeting with the Minister of Energy\nPresident Ana Lima met Mr. Kowal and St. Clair.\n\nPM Ana Lima said",
    "The talks\ncontinued into the night.\n  \n\nHon. Rui Amaral thanked HE Omar Ali\nFM Jan Kowal spoke.",
    "\n\nA line\n\n\nanother line\n \nand a third one: ends here\nNext.",
    LONG.replace("\n", "\n ") + "Dr. Petra Novak\nwelcomed the delegation.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_kg_lines_marks_the_same_sentence_starts_as_before(blank_nlp, text):
    after = model.kg_lines(blank_nlp.make_doc(text))
    before = _kg_lines_before(blank_nlp.make_doc(text))
    assert [t.is_sent_start for t in after] == [t.is_sent_start for t in before]
    assert any(t.is_sent_start is not None for t in after[1:])  # the rules did mark something


def test_wrapped_on_given_the_text_or_not_agrees(blank_nlp):
    doc = blank_nlp.make_doc(LONG * 2)
    wrapped = model.hard_wrapped(doc.text)
    assert wrapped
    breaks = [t for t in doc[1:] if "\n" in doc[t.i - 1].text and not t.is_space]
    assert len(breaks) >= 5
    assert [model.wrapped_on(doc, t, wrapped, doc.text) for t in breaks] == \
        [model.wrapped_on(doc, t, wrapped) for t in breaks] == [_wrapped_on_before(doc, t, wrapped) for t in breaks]
    assert re.search(r"\n", doc.text)


# ------------------------------------------------------------------------------------------------------- segment

def test_segments_kept_for_a_text_are_the_segments_of_the_text():
    from graph.text import segment as seg

    text = seg.normalize("Visit of the President to Veldora, 3 March 2025\nPresident Ana Lima arrived in Kessin.\n\n"
                         "Meeting with the Prime Minister, 4 March 2025\nThe two leaders held talks.\n")
    first = seg.segment(text)
    assert len(first) == 2 and first[0].header is not None
    first.append("changed by a caller")  # a caller's list is its own
    assert seg.segment(text) == seg._segment(text) == first[:2]
    long = text + "x" * seg.CACHED_CHARS
    assert seg.segment(long) == seg._segment(long)
