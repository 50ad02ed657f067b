"""Round 11 (speed): each shortcut gives what the code it replaced gave. Dates found with the look-ahead as without
it; a sentence's date read once per sentence; `doc.text` and the words' lemmas and lower-case forms kept for the doc
read last; `triggers_in` as `trigger` on every token; the pipeline's objects out of the cyclic garbage collector."""

import gc
import re

import pytest

from graph.extract import sentence_events
from graph.extract.triggers import trigger, triggers_in
from graph.nlp.tokens import doc_text, lemmas_lowers
from graph.text import dates

# invented officials, places and dates; forms at the edge of the look-ahead (a digit of another script, lower- and
# upper-case months, the words that start the "in 2023", "since June" forms, a month glued to a word)
SENTENCES = [
    "President Ana Lima met Prime Minister Tomas Varga in Kessin on 3 March 2025.",
    "The talks, held on March 4, 2025 and again from 12-14 April 2025, covered the railway.",
    "Foreign Minister Oskar Brandt visited Tarvos in mid-2024 and again since June; early 2023 saw a first visit.",
    "The envoy arrived by July 4, 2022, left until December and came back late May.",
    "Updated 2019/05/20 at noon; the page first ran on 2019-05-19.",
    "They met on ٣ March 2023 and on ३ May.",
    "the minister may 5 times have met his counterpart in march 2021 (lower case: not a date).",
    "THE MEETING ON 3 MARCH 2025 WAS POSTPONED TO MAY 2025.",
    "Chancellor Ivo Maric received the delegation on 28 February - 2 March 2023 in Kessin.",
    "NovMarch 3rd of June 2024, 3rd of June, Sept. 3-5, 2023, and 31 February 2023.",
    "A yesterday, today and tomorrow sentence with no date in it at all.",
]


def _plain_find_dates(text: str) -> list[tuple]:
    """`find_dates` with the forms' alternation alone, as before the look-ahead."""
    plain = re.compile(dates._REGEX.pattern[len(dates._FIRST) + 3:-1])
    found = []
    for m in plain.finditer(text):
        kind = m.lastgroup
        g = {k[len(kind) + 1:]: v for k, v in m.groupdict().items() if v is not None and k.startswith(kind + "_")}
        found.extend(dates._from_groups(kind, g, m.start(), m.end(), m.group()))
    return found


@pytest.mark.parametrize("text", SENTENCES + [" ".join(SENTENCES)])
def test_dates_with_look_ahead_as_without(text):
    assert dates.find_dates(text) == _plain_find_dates(text)


def test_the_look_ahead_strips_back_to_the_plain_alternation():
    # the test above compares with the right pattern: the forms joined, each named
    plain = dates._REGEX.pattern[len(dates._FIRST) + 3:-1]
    assert plain.startswith("(?P<dmy_dmy>") and plain.endswith(")") and "(?P<m>" in plain
    assert len(dates.find_dates(SENTENCES[0])) == 1 and dates.find_dates(SENTENCES[0])[0].begin == "2025-03-03"


def test_sentence_date_kept_gives_the_same_answer():
    import datetime as dt

    ref = dt.date(2025, 3, 10)
    for text in SENTENCES + ["They met on Tuesday.", "They met last month.", "Later that day they met again."]:
        for r in (ref, None):
            first = sentence_events._date(text, r)
            assert first == sentence_events._date.__wrapped__(text, r) == sentence_events._date(text, r)


def test_doc_text_follows_the_doc(blank_nlp):
    a, b = blank_nlp("President Ana Lima met Tomas Varga."), blank_nlp("Chancellor Ivo Maric received  Oskar Brandt.\n")
    for doc in (a, a, b, a, b, b):
        assert doc_text(doc) == doc.text


def test_lemmas_lowers_follow_the_doc(nlp):
    a, b = nlp("President Ana Lima met Tomas Varga."), nlp("The Chancellor received the ENVOYS of Kessin.")
    for doc in (a, b, a, b):
        lemmas, lowers = lemmas_lowers(doc)
        assert lemmas == [t.lemma_ for t in doc] and lowers == [t.lower_ for t in doc]


def test_lemmas_lowers_of_a_blank_pipeline(blank_nlp):
    doc = blank_nlp("Ana Lima met Tomas Varga.")
    lemmas, lowers = lemmas_lowers(doc)
    assert lemmas == [t.lemma_ for t in doc] and lowers == [t.lower_ for t in doc]
    assert lemmas_lowers(blank_nlp("")) == ([], [])


def test_triggers_in_as_trigger_on_each_token(nlp):
    text = (" ".join(SENTENCES) + " President Ana Lima held talks with Prime Minister Tomas Varga. The envoys were "
            "accredited on Monday. Varga paid a courtesy call on the Chancellor, and they signed an agreement. The "
            "ministers discussed trade; the two leaders spoke by telephone and attended the summit.")
    doc = nlp(text)
    found = 0
    for sent in doc.sents:
        got = triggers_in(sent)
        assert got == {tok.i: trigger(tok) for tok in sent}
        assert list(got) == [tok.i for tok in sent]  # in the sentence's order
        found += sum(v is not None for v in got.values())
    assert found >= 5  # meetings are found: the test compares something


def test_the_pipeline_is_out_of_the_collector(blank_nlp):
    from graph.nlp.model import make_nlp

    make_nlp("blank")
    assert gc.get_freeze_count() > 0


def _signing_tokens_one_by_one(sent):
    """`signings.signing_tokens` as it was: every token through both forms."""
    from graph.extract import signings as sg

    out = []
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in sg.SIGN_VERBS and sg._unphrasal(tok):
            if any(c.dep_ in ("dobj", "nsubjpass") and sg._document(c) for c in tok.children) or \
                    tok.dep_ in ("acl", "relcl") and sg._document(tok.head) or \
                    not any(c.dep_ == "dobj" for c in tok.children) and any(
                        c.dep_ == "prep" and c.lower_ in ("for", "on") for c in tok.children) and \
                    any(t.lemma_.lower() in sg.SIGN_VERBS and t.i < tok.i for t in sent):
                out.append(tok)
        elif tok.pos_ in ("NOUN", "PROPN") and sg._signing_noun(tok):
            out.append(tok)
    return out


def test_signing_tokens_as_one_by_one(nlp):
    from graph.extract.signings import signing_tokens

    doc = nlp("President Ana Lima and Prime Minister Tomas Varga signed an agreement on transport in Kessin. "
              "Chancellor Ivo Maric attended the signing of the water treaty, and Oskar Brandt signed for Tarvos. "
              "The signing ceremony took place in the presence of the two presidents. A memorandum was signed by "
              "the ministers; the Signature of the accord was witnessed by the Emir. They signed up for the course.")
    found = 0
    for sent in doc.sents:
        got = signing_tokens(sent)
        assert got == _signing_tokens_one_by_one(sent)
        found += len(got)
    assert found >= 3
