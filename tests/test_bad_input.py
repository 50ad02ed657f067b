"""Hostile and malformed text goes through the whole pipeline without an exception, and what comes out is valid."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from graph.mapping import doc_iri, to_graph
from graph.namespaces import ID
from graph.pipeline import analyse
from graph.resolve import slug
from graph.store import KGStore
from graph.validate import validate

NASTY = {
    "html": "<html><body><h1>Meeting with President <b>Jan Kowal</b>, 3 May 2024</h1><p>Good morning!</p></body>",
    "markdown": "# Meeting with *President* Jan Kowal, 3 May 2024\n\n- **Good** morning\n- [link](http://x)\n",
    "control": "Meeting with Jan\x00 Kowal\x07, 3 May 2024 \x1b[31mGood\x1b[0m morning.\r\n",
    "long line": ("Meeting with President Jan Kowal, 3 May 2024 " + "We discussed the roadmap. " * 3000),
    "impossible date": "Meeting with Chairman of Acme Group Corporation Jan Kowal, 31 February 2023 Good day!",
    "header without body": "Meeting with Prime Minister Jan Kowal, 3 May 2024",
    "quotes and brackets": 'Meeting with President Jan "The Hammer" O\'Kowal [of <Ruritania>, 3 May 2024 ((( Hello ]]',
    "script payload": ("Meeting with President of Ruritania <img src=x onerror=alert(1)> Kowal, 3 May 2024 "
                       "<script>alert(2)</script> Dear President Lopez!"),
    "only dates": "3 May 2024, 4 May 2024 - 5 May 2024, May 2024",
    "unicode": "Встреча с Президентом, 3 мая 2024. Meeting with President Łukasz Żółć, 3 May 2024 Dzień dobry!",
}


@pytest.mark.parametrize("name", list(NASTY))
def test_nasty_text_goes_through(nlp, name):
    text = NASTY[name]
    doc = analyse(f"{name}.txt", text, nlp, host="Maria Lopez")
    graph = to_graph(doc)
    for s, p, o in graph:
        for term in (s, p, o):
            if isinstance(term, URIRef):
                assert " " not in str(term) and "<" not in str(term) and '"' not in str(term)
    store = KGStore("memory")
    store.replace_graph(doc_iri(f"{name}.txt"), graph)
    conforms, messages = validate(store.union_graph())
    assert conforms, messages[:3]


def test_impossible_header_date_gives_no_event(nlp):
    doc = analyse("x.txt", NASTY["impossible date"], nlp, host="Maria Lopez")
    assert all(e.start != "2023-02-31" for e in doc.events)


@given(st.text(min_size=0, max_size=60))
def test_any_name_gives_a_valid_iri(name):
    s = slug(name)
    assert s and len(s) <= 80
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in s)
    iri = ID[f"person/{s}"]
    assert URIRef(str(iri)) == iri


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300))
def test_any_text_goes_through_the_blank_pipeline(blank_nlp, text):
    doc = analyse("h.txt", text, blank_nlp)
    to_graph(doc)


def test_a_text_longer_than_spacy_max_length_is_cut_into_chunks(blank_nlp):
    para = "We discussed the new roadmap with the Prime Minister. " * 40
    text = "Meeting with President Jan Kowal, 3 May 2024 Good morning.\n\n" + "\n\n".join([para] * 520)
    # about 1.1 million characters, over spaCy's default max_length
    assert len(text) > blank_nlp.max_length
    doc = analyse("long.txt", text, blank_nlp, host="Maria Lopez")
    assert doc.events


def test_utf16_and_a_symlink_loop_in_a_folder(tmp_path):
    from graph.build import collect, read_text

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "u16.txt").write_text("Meeting with President Jan Kowal, 3 May 2024 Dobrý den!", encoding="utf-16")
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # a folder that contains itself
    files, problems = collect([folder])
    assert [f.name for f in files] == ["u16.txt"] and not problems
    assert read_text(files[0]).startswith("Meeting with President Jan Kowal")
