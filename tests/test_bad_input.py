"""Hostile and malformed text goes through the whole pipeline without an exception, and what comes out is valid."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from graph.extract.analyse import analyse, checksum
from graph.ids import doc_iri, slug
from graph.rdf.mapping import to_graph
from graph.rdf.namespaces import ID, NIF
from graph.rdf.validate import validate
from graph.store.kgstore import KGStore

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
def test_any_text_gives_a_valid_graph_that_points_into_it(blank_nlp, text):
    doc = analyse("h.txt", text, blank_nlp)
    assert doc.text == text and doc.checksum == checksum(text)
    for s in doc.sentences:
        assert 0 <= s.start <= s.end <= len(text)
    for key, ent in doc.entities.items():
        assert ent.key == key and key.startswith(ent.type.lower() + "/")
        for m in ent.mentions:
            assert 0 <= m.start < m.end <= len(text)
    for ev in doc.events:
        assert {p.entity for p in ev.participants} | {t.entity for t in ev.topics} <= set(doc.entities)
    g = to_graph(doc)
    conforms, problems = validate(g)
    assert conforms, problems
    anchors = {str(o) for o in g.objects(None, NIF.anchorOf)}
    assert all(a in text for a in anchors)


def test_a_text_longer_than_spacy_max_length_is_cut_into_chunks(blank_nlp):
    para = "We discussed the new roadmap with the Prime Minister. " * 40
    text = "Meeting with President Jan Kowal, 3 May 2024 Good morning.\n\n" + "\n\n".join([para] * 520)
    # about 1.1 million characters, over spaCy's default max_length
    assert len(text) > blank_nlp.max_length
    doc = analyse("long.txt", text, blank_nlp, host="Maria Lopez")
    assert doc.events


def test_utf16_and_a_symlink_loop_in_a_folder(tmp_path):
    from graph.store.build import collect, read_text

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "u16.txt").write_text("Meeting with President Jan Kowal, 3 May 2024 Dobrý den!", encoding="utf-16")
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # a folder that contains itself
    files, problems = collect([folder])
    assert [f.name for f in files] == ["u16.txt"] and not problems
    assert read_text(files[0]).startswith("Meeting with President Jan Kowal")


# ---------------------------------------------------------------------------------------------------- issue 12

def read(tmp_path, raw: bytes):
    from graph.store.build import read_text

    f = tmp_path / "x.txt"
    f.write_bytes(raw)
    warnings = []
    return read_text(f, warnings.append), warnings


def test_a_file_mixing_utf8_and_a_legacy_encoding_is_read_right_and_said(tmp_path):
    raw = ("Meeting with President Jan Novák, 3 May 2024\n".encode("utf-8")
           + "Jan Novák meets Anna Bërg in Łódź.\n".encode("cp1250", errors="replace")
           + "Dobrý den!\n".encode("utf-8"))
    text, warnings = read(tmp_path, raw)
    assert "Ã" not in text and "Jan Novák, 3 May 2024" in text and "Dobrý den!" in text
    assert "Jan Novák meets Anna B" in text
    assert len(warnings) == 1 and "line 2 " in warnings[0] and "not UTF-8" in warnings[0]


def test_a_legacy_file_is_decoded_without_a_warning(tmp_path):
    text, warnings = read(tmp_path, "Spotkanie z prezydentem Janem Nowakiem w Łodzi, źródło: żółć.\n".encode("cp1250"))
    assert "Łodzi" in text and "żółć" in text and warnings == []


def test_nul_and_control_bytes_are_stripped_with_a_warning(tmp_path):
    text, warnings = read(tmp_path, b"Meeting with Jan\x00\x00 Kowal, 3 May 2024\nGood \x1b[31mmorning\x07.\n")
    assert text == "Meeting with Jan Kowal, 3 May 2024\nGood [31mmorning.\n"
    assert len(warnings) == 1 and "4 control characters" in warnings[0] and "lines 1, 2" in warnings[0]


def test_a_binary_file_is_still_refused(tmp_path):
    from graph.store.build import InputError

    with pytest.raises(InputError, match="binary"):
        read(tmp_path, bytes(range(256)) * 20)


def test_a_link_out_of_the_folder_is_not_followed_unless_asked(tmp_path):
    from graph.store.build import collect

    secret = tmp_path / "secret.txt"
    secret.write_text("not for the store")
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Meeting with President Jan Kowal, 3 May 2024")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "sub" / "out").symlink_to(tmp_path, target_is_directory=True)
    files, problems = collect([folder])
    assert sorted(f.name for f in files) == ["a.txt", "inside.txt"]
    assert [p for p, _ in problems] == [str(folder / "passwd.txt")] and "--follow-links" in problems[0][1]
    files, problems = collect([folder], follow_links=True)
    assert "passwd.txt" in {f.name for f in files} and not problems
