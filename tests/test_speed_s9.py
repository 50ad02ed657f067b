"""Round 9 (speed): the pre-tests that let the rules pass over tokens at which none of their forms can start give
the same results as the forms tried at every token."""

import pytest

from graph.extract import phrase_forms, phrases, triggers

SENTENCES = [
    "President Ana Lima met Prime Minister Tomas Varga of Veldora in Kessin on Monday.",
    "The two leaders held talks on trade, energy and the new railway to the coast.",
    "Foreign Minister Oskar Brandt also took part in the meeting, which was attended by Director Ines Kalo.",
    "The delegation was headed by Senator Rui Amaral and included Deputy Minister Lea Moro.",
    "Ambassador Petra Novak presented her letters of credence to President Jan Kowal.",
    "The sides exchanged views regarding the water treaty and the fishing quotas.",
    "With regard to the port, the minister said the works would be finished next year.",
    "Special attention was paid to the training of nurses, as was the supply of vaccines.",
    "The agenda included looking at the customs rules, and the talks were dominated by the pipeline.",
    "She received a telephone call from Chancellor Ivo Maric and later dined with the mayor of Tarvos.",
    "The President accredited the new ambassadors of Ostrava and Belmar and granted an audience to a delegation.",
    "Minister Sara Holt arrived in Pelago on an official visit and laid a wreath at the memorial.",
    "They discussed the grain corridor concerning which both sides expressed confidence that exports would grow.",
    # forms the round's rules added while the pre-tests were written (their words must pass the pre-tests)
    "President Ana Lima started her meetings on Sunday with Veldoran President Tomas Varga.",
    "Upon his arrival in Kessin, the minister was welcomed by Mayor Rui Amaral.",
    "The ministers held discussions on fisheries; the coast guard, as well as the new port.",
    "The floods in the north were touched upon, and highlighted during the meeting was water security.",
]


@pytest.fixture(scope="module")
def docs(nlp, seed_text):
    return [nlp(s) for s in SENTENCES] + [nlp(seed_text[:20000])]


def test_trigger_pre_test_agrees_with_the_forms_on_every_token(docs):
    tokens = [tok for doc in docs for tok in doc]
    assert len(tokens) > 2000
    found = [triggers.trigger(tok) for tok in tokens]
    assert found == [triggers._trigger(tok) for tok in tokens]
    assert sum(x is not None for x in found) >= 15  # the sentences do tell meetings


def test_trigger_pre_test_passes_over_other_words(nlp):
    doc = nlp("The weather in the northern valley was cold and dry.")
    assert all(triggers.trigger(tok) is None for tok in doc)
    assert not any(tok.lemma_.lower() in triggers.TRIGGER_LEMMAS for tok in doc if tok.pos_ in ("NOUN", "ADJ"))


def test_topic_phrases_pre_test_agrees_with_every_token_tried(docs, monkeypatch):
    sents = [s for doc in docs for s in doc.sents]
    fast = [phrases.topic_phrases(s) for s in sents]
    every_pos = {tok.pos_ for doc in docs for tok in doc}
    monkeypatch.setattr(phrases, "HEAD_POS", frozenset(phrases.HEAD_POS | every_pos))  # no token passed over
    assert fast == [phrases.topic_phrases(s) for s in sents]
    assert sum(len(x) for x in fast) >= 20


def test_topics_after_words_of_any_part_of_speech(nlp):
    """"regarding", "concerning", "with regard to" start a form whatever the tagger calls them."""
    labels = {label for label, *_ in phrases.topic_phrases(next(nlp(SENTENCES[5]).sents))}
    assert any("water treaty" in label for label in labels)


def test_as_was_reads_the_verbs_of_discussing():
    verbs = phrase_forms._discussing_verbs()
    assert set(phrases.OBJECT_VERBS) <= verbs
    assert {v for v, _ in phrases.PREP_VERBS} <= verbs
    assert "weather" not in verbs


def test_role_patterns_compiled_once_with_the_grammar():
    import re

    from graph.extract import roles

    pat = roles._rx(r"({T})\s*,?\s*{H}$", re.I)
    assert pat is roles._rx(r"({T})\s*,?\s*{H}$", re.I)
    assert pat.pattern == rf"({roles.title_regex().pattern})\s*,?\s*{roles._honorifics()}$"
    assert pat.flags & re.I
    assert roles._rx(r"a{{0,2}}b").pattern == "a{0,2}b"  # doubled braces are literal, as in the f-strings
    assert pat.search("talks with the Minister of Energy ") and not pat.search("talks about the weather ")


def test_kg_lines_reads_the_token_before(nlp):
    from graph.nlp.model import kg_lines

    doc = kg_lines(nlp.make_doc("Meeting with the Minister of Energy\nPresident Ana Lima met Mr. Kowal and St. Clair."))
    starts = {t.text for t in doc if t.is_sent_start}
    assert "President" in starts
    assert doc[[t.text for t in doc].index("Kowal")].is_sent_start is False
    assert doc[[t.text for t in doc].index("Clair")].is_sent_start is False


def _same_output():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "same_output.py"
    spec = importlib.util.spec_from_file_location("same_output", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_same_output_canonical_nquads_sorts_and_renames_blank_nodes():
    so = _same_output()
    a = "<b> <p> _:x1 <g> .\n<a> <p> \"v\" <g> .\n_:x1 <q> \"w\" <g> .\n"
    b = "_:zz <q> \"w\" <g> .\n<a> <p> \"v\" <g> .\n<b> <p> _:zz <g> .\n"
    assert so.canonical_nquads(a) == so.canonical_nquads(b)
    assert so.canonical_nquads(a).splitlines()[0].startswith("<a>")
    assert so.canonical_nquads(a) != so.canonical_nquads(a.replace('"w"', '"other"'))


def test_same_output_compare_names_what_differs(tmp_path, capsys):
    so = _same_output()
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    for d, text in (("b", "x\ny\n"), ("a", "x\nz\n")):
        (tmp_path / d / "one.nq").write_text(text)
        (tmp_path / d / "two.nq").write_text("same\n")
    assert so.compare(tmp_path / "b", tmp_path / "a", ["one.nq", "two.nq"]) == ["one.nq"]
    assert "DIFFERENT one.nq" in capsys.readouterr().out
