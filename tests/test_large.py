"""A long text is analysed piece by piece: progress is reported inside it, and what each piece's `Doc` said is kept
as records once the `Doc` is dropped."""

from graph.extract import chunks
from graph.extract.analyse import analyse

PARAGRAPH = ("President Jan Kowal received the Chairman of Acme Group Corporation Thomas Ahrens on 17 June 2024. "
             "They discussed the roadmap of the joint venture and the supply of equipment to the region.\n\n")


def test_progress_grows_inside_a_long_text(blank_nlp):
    text = "Meeting with President Jan Kowal, 3 May 2024\n\n" + PARAGRAPH * (3 * chunks.CHUNK // len(PARAGRAPH))
    calls: list[tuple[int, int]] = []
    doc = analyse("long.txt", text, blank_nlp, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) >= 4  # the header and at least three body chunks
    done = [d for d, _ in calls]
    assert done == sorted(done) and len(set(done)) == len(done)
    (total,) = {t for _, t in calls}
    assert done[-1] == total and abs(total - len(text.split())) <= 10
    assert doc.sentences[-1].end > 2 * chunks.CHUNK  # sentences come from every chunk


def test_long_text_streams_in_small_batches(blank_nlp, monkeypatch):
    """Above WHOLE_BATCH characters spaCy gets BATCH pieces at a time, so it never holds every piece's Doc."""
    sizes = []
    pipe = type(blank_nlp).pipe

    def spy(self, texts, **kw):
        sizes.append(kw.get("batch_size"))
        return pipe(self, texts, **kw)

    monkeypatch.setattr(type(blank_nlp), "pipe", spy)
    analyse("short.txt", PARAGRAPH, blank_nlp)
    analyse("long.txt", PARAGRAPH * (chunks.WHOLE_BATCH // len(PARAGRAPH) + 1), blank_nlp)
    assert sizes == [None, chunks.BATCH]
