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


def test_a_short_form_defined_earlier_is_met_later(nlp, monkeypatch):
    """The meetings a sentence tells are read while its piece's Doc is alive, before a short form defined in an
    earlier piece gives it one more mention; that sentence, kept as a small Doc, is read again with it."""
    from graph.extract import analyse as module

    told = []
    retell = module._Read.retell

    def spy(self, pieces, extra):
        retell(self, pieces, extra)
        told.extend(t for per_piece in self.told.values() for per_sentence in per_piece for t in per_sentence)

    monkeypatch.setattr(module._Read, "retell", spy)
    monkeypatch.setattr(chunks, "CHUNK", 120)  # the definition and the meeting in different pieces
    text = ("Meeting with President Jan Kowal, 3 May 2024\n\n"
            "The Bulgarian National Bank Construction Company (BNBC) builds the new bridge over the river.\n\n"
            "On 3 May 2024 President Jan Kowal met BNBC in Warsaw.")
    analyse("a.txt", text, nlp)
    met = [t for t in told if "met BNBC" in t.text]
    assert met and [m.text for m in met[0].objects] == ["BNBC"]
