"""`store.ahead`: the pieces of several documents read by spaCy in one stream give each document what its pieces
read alone gave; a document whose analysis failed before reading leaves the stream in step; a long document is
not in it; and builds with it (1 job, or workers taking groups of documents) give the same graph."""

import io
from dataclasses import dataclass

from graph.extract.analyse import analyse
from graph.extract.chunks import WHOLE_BATCH
from graph.store import build as module
from graph.store.ahead import Ahead
from graph.store.kgstore import KGStore

TEXTS = [
    "Minsk, 3 May 2024. President Jan Kowal met Minister of Energy of Ruritania Olga Vesely.\n\n"
    "Meeting with the Governor of the Velgrad Region, 4 May 2024\n\nThe President received Governor Ivan Petrov.",
    "Strelsau, 4 May 2024. President Jan Kowal held talks with King Rudolf of Ruritania.\n",
    "Lima, 5 May 2024. Prime Minister Ana Lima received the Ambassador of Chile, Pedro Soto.\n\n"
    "State visit to the Republic of Peru, 6 June - 8 June 2024\n\nTalks with President Luis Vega.",
]


@dataclass
class Src:
    iri: str
    text: str


def _sources(texts=TEXTS):
    return [Src(f"urn:x-kg:test:{i}", t) for i, t in enumerate(texts)]


def _no_fallback(monkeypatch):
    """Each document's pieces come from the stream (not read again because they did not match)."""
    from graph.store import ahead

    monkeypatch.setattr(ahead, "read_pieces", lambda *a, **k: (_ for _ in ()).throw(AssertionError("read again")))


def test_each_document_reads_what_it_read_alone(blank_nlp, monkeypatch):
    _no_fallback(monkeypatch)
    sources = _sources()
    ahead = Ahead(blank_nlp, sources, batch_size=2)
    got = [analyse(f"{i}.txt", s.text, blank_nlp, reader=ahead.reader(s)) for i, s in enumerate(sources)]
    alone = [analyse(f"{i}.txt", s.text, blank_nlp) for i, s in enumerate(sources)]
    assert got == alone


def test_a_document_never_read_leaves_the_stream_in_step(blank_nlp, monkeypatch):
    _no_fallback(monkeypatch)
    sources = _sources()
    ahead = Ahead(blank_nlp, sources, batch_size=1)
    first = analyse("0.txt", sources[0].text, blank_nlp, reader=ahead.reader(sources[0]))
    # the second document's analysis failed before it read its pieces: the third still reads its own
    third = analyse("2.txt", sources[2].text, blank_nlp, reader=ahead.reader(sources[2]))
    assert first == analyse("0.txt", sources[0].text, blank_nlp)
    assert third == analyse("2.txt", sources[2].text, blank_nlp)


def test_a_long_document_is_not_in_the_stream(blank_nlp):
    long = "President Jan Kowal met Minister Olga Vesely. " * (WHOLE_BATCH // 40)
    sources = _sources([TEXTS[0], long, TEXTS[1]])
    ahead = Ahead(blank_nlp, sources)
    assert ahead.reader(sources[1]) is None and ahead.reader(sources[0]) is not None


def test_builds_with_one_job_and_with_groups_in_workers_give_the_same_graph(tmp_path, blank_nlp, monkeypatch):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(7):  # groups of 4 and of 3
        (folder / f"{i}.txt").write_text(TEXTS[i % 3].replace("Jan", f"Jan{chr(65 + i)}"), encoding="utf-8")
    plain = KGStore("memory")
    monkeypatch.setattr(module.Ahead, "reader", lambda self, src: None)  # each document's pieces alone
    module.build([folder], plain, nlp=blank_nlp)
    monkeypatch.undo()
    for jobs in (1, 2):
        store = KGStore("memory")
        report = module.build([folder], store, nlp=blank_nlp, jobs=jobs, bar=io.StringIO())
        assert len(report.ingested) == 7 and not report.failed
        assert sorted(store.quads()) == sorted(plain.quads())
