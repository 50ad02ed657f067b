"""A name written after a two-letter initial with no space ("Kh.Battulga", a usual way of writing Mongolian names)
is one word and one person (graph/nlp/model.py). Invented sentences."""

from graph import analyse
from graph.nlp.model import make_nlp


def test_the_tokenizer_keeps_a_glued_two_letter_initial_with_its_name():
    nlp = make_nlp("blank")
    words = [t.text for t in nlp("President Ts.Oyunbileg met Mr.Smith and U.Bold in Ulaanbaatar.")]
    assert "Ts.Oyunbileg" in words and "U.Bold" in words
    assert "Mr.Smith" not in words  # a title's abbreviation is not an initial
    assert [t.text for t in nlp("It ended.Then it began.")][:3] == ["It", "ended", "."]


def test_a_person_written_after_a_glued_initial_takes_part_whole(nlp):
    doc = analyse("t", "On 17 September 2024, President Ch.Oyunbileg received the credentials of the new "
                       "ambassador of Peru, Ana Soto.\n", nlp)
    people = {e.label for e in doc.entities.values() if e.type == "Person"}
    assert "Ch.Oyunbileg" in people and "Ch" not in people
    assert any({"Ch.Oyunbileg", "Peru"} <= {doc.entities[p.entity].label for p in e.participants}
               for e in doc.events)
