"""The pair model's tenth-round changes: trained as multiple instances (a pair met when any of its sentences tells
it), and a pair's meeting dated by the day the sentence before gives. Texts here are invented."""

from __future__ import annotations

from graph.evaluate import train_participants as tp
from graph.extract import learned
from tests.test_learned_s9 import _events, _packaged_model_after  # noqa: F401 (the packaged model after each test)


def _bags():
    """20 pairs that met, each named in a sentence telling it ("met") and in one that does not ("said"); 20 pairs
    that did not meet, named only in a "said" sentence."""
    rows, labels, bags = [], [], []
    for i in range(20):
        for feats in (("w=met",), ("w=said",)):
            rows.append(learned.Row(0, f"a{i}", f"b{i}", "", feats))
            labels.append(1)
            bags.append(i)
    for i in range(20, 40):
        rows.append(learned.Row(0, f"a{i}", f"b{i}", "", ("w=said",)))
        labels.append(0)
        bags.append(i)
    return rows, labels, bags


def test_a_bag_is_explained_by_its_telling_sentence():
    rows, labels, bags = _bags()
    per_row = tp.fit(rows, labels, l2=0.1)
    per_pair = tp.fit(rows, labels, l2=0.1, bags=bags)
    # row by row, a sentence that only names both looks half like a meeting; as bags, the telling one explains it
    assert per_row.probability(("w=said",)) > 0.4
    assert per_pair.probability(("w=said",)) < 0.2 < 0.8 < per_pair.probability(("w=met",))


def test_without_bags_each_row_is_its_own_pair():
    rows, labels, _ = _bags()
    assert tp.fit(rows, labels) == tp.fit(rows, labels, bags=list(range(len(rows))))


def test_fit_docs_makes_one_bag_per_pair_of_a_text():
    rows, labels, _ = _bags()
    docs = [tp.DocRows("one", rows=rows, labels=labels)]
    assert tp.fit_docs(docs, l2=0.1) == tp.fit(rows, labels, l2=0.1, bags=_bags()[2])


def test_a_pair_without_a_date_takes_the_day_the_sentence_before_gives(nlp):
    learned.use_model(learned.Model({"btw=zorbled": 6.0}, -3.0, 0.8))
    text = ("OSTERVILLE, 3 May 2024 — On 1 May 2024 the new lakeside bridge was opened to traffic. "
            "Later President Ana Vale zorbled Prime Minister Ben Kor at the lakeside residence.")
    assert ("learned", "2024-05-01", ["Ana Vale", "Ben Kor"]) in _events(nlp, text)


def test_a_year_alone_in_the_sentence_before_does_not_date_the_pair(nlp):
    learned.use_model(learned.Model({"btw=zorbled": 6.0}, -3.0, 0.8))
    text = ("OSTERVILLE, 3 May 2024 — The lakeside bridge was first planned in 2019. "
            "President Ana Vale zorbled Prime Minister Ben Kor at the lakeside residence.")
    assert ("learned", "2024-05-03", ["Ana Vale", "Ben Kor"]) in _events(nlp, text)


def _pairs(nlp, text):
    return {frozenset((a, b)) for _, _, p in _events(nlp, text) for i, a in enumerate(p) for b in p[i + 1:]}


def test_a_country_is_not_paired_when_a_person_of_it_is_named_there(nlp):
    learned.use_model(learned.Model({}, 10.0, 0.5))  # passes every pair it is given
    text = ("OSTERVILLE, 3 May 2024 — President Ana Vale of Peru zorbled Foreign Minister Tomas Vidal of Chile at "
            "the lakeside residence.")
    got = _pairs(nlp, text)
    assert frozenset(("Ana Vale", "Tomas Vidal")) in got
    assert frozenset(("Ana Vale", "Chile")) not in got and frozenset(("Tomas Vidal", "Peru")) not in got


def test_a_name_beside_a_meeting_the_rules_read_goes_with_its_host_not_its_guest(nlp):
    learned.use_model(learned.Model({}, 10.0, 0.5))
    text = ("Before the talks with Prime Minister Karl Berg, President Lena Varga met with Foreign Minister Omar "
            "Haddad in the capital.")
    got = _pairs(nlp, text)
    assert frozenset(("Lena Varga", "Omar Haddad")) in got and frozenset(("Karl Berg", "Lena Varga")) in got
    assert frozenset(("Karl Berg", "Omar Haddad")) not in got


def test_a_country_beside_a_meeting_the_rules_read_is_not_paired_with_its_people(nlp):
    learned.use_model(learned.Model({}, 10.0, 0.5))
    text = "In Lima, Foreign Minister Ana Ruiz met her peers from Chile and Kenya, Tomas Vidal and John Mwangi."
    got = _pairs(nlp, text)
    assert frozenset(("Ana Ruiz", "Tomas Vidal")) in got
    assert frozenset(("Ana Ruiz", "Chile")) not in got and frozenset(("Ana Ruiz", "Kenya")) not in got


def test_the_country_an_envoy_is_posted_to_is_not_met(nlp):
    learned.use_model(learned.Model({}, 10.0, 0.5))
    text = ("OSTERVILLE, 3 May 2024 — President Ana Vale zorbled the Ambassador of Chile to Peru, Tomas Vidal, at the "
            "lakeside residence.")
    got = _pairs(nlp, text)
    assert frozenset(("Ana Vale", "Tomas Vidal")) in got
    assert not any("Peru" in p for p in got)
