"""Round 12 on what a meeting was about (issue 16): recall on unseen outlets. Sentences written here, names
invented (the lands are real: the gazetteer knows them)."""

from __future__ import annotations

import graph.extract.topics as topics
from graph.extract.topic_rank import content, echoes

from .test_topics_s11 import _has, _meetings  # the same readers of meetings and their subjects

LEAD = "TALVA, 9 April 2024 — President Ora Lind met Prime Minister Tam Usko of Ghana on Tuesday. "
# a long readout: more subjects than a meeting keeps, the bare ones echoing the longer ones said before them
READOUT = ("They discussed economic cooperation, cooperation, bilateral ties, ties, trade, cocoa trade, energy "
           "security, security, maritime security, port fees, fishing licences, road tolls, grain silos, rail "
           "freight, cattle vaccines, solar farms, copper smelters, bus depots, seed banks, river dredging, "
           "teacher training and the salt mines of the north.")  # (round 13: four more, as the cap is 20 now)


def test_a_bare_word_beside_a_longer_subject_is_an_echo():
    got = echoes({"a": "cooperation", "b": "economic cooperation", "c": "the ties", "d": "bilateral ties",
                  "e": "trade"})
    assert got == {"a", "c"}


def test_no_echo_among_different_subjects():
    assert echoes({"a": "trade", "b": "energy", "c": "cocoa exports", "d": "fishing rights"}) == set()


def test_the_same_words_twice_are_no_echo_of_each_other():
    assert echoes({"a": "the border", "b": "border"}) == set()


def test_function_words_carry_no_subject():
    assert content("the ties between the two countries") == {"ties", "countries"}


def test_a_subject_stated_last_in_a_long_readout_is_kept(nlp):
    got = _meetings(nlp, LEAD + READOUT)
    assert len(got) == 1
    kept = got[0][1]
    assert len(kept) <= topics.MAX_STATED
    assert _has(kept, "salt mines") and _has(kept, "teacher training")
    assert _has(kept, "economic cooperation") and _has(kept, "maritime security")


def test_echoes_are_what_the_cap_leaves_out(nlp):
    kept = _meetings(nlp, LEAD + READOUT)[0][1]
    assert len(kept) == topics.MAX_STATED
    assert "trade" not in kept and "security" not in kept  # the echoes stated last go first


def test_without_the_echo_rule_the_last_subjects_are_lost(nlp, monkeypatch):
    monkeypatch.setattr(topics, "echoes", lambda labels: set())
    kept = _meetings(nlp, LEAD + READOUT)[0][1]
    assert not _has(kept, "salt mines") and "trade" in kept


def test_a_short_readout_keeps_its_echoes(nlp):
    kept = _meetings(nlp, LEAD + "They discussed economic cooperation, cooperation, cocoa trade and trade.")[0][1]
    assert "cooperation" in kept and _has(kept, "economic cooperation") and "trade" in kept


# what a side is congratulated for, commended or praised on, what the sides work together against (dev: 13 texts of
# 259 in 13 outlets use one of these)
def test_congratulated_for_a_win(nlp):
    got = _meetings(nlp, LEAD + "President Lind congratulated Prime Minister Usko for the successful hosting of "
                                "the regional games.")
    assert len(got) == 1 and _has(got[0][1], "hosting of regional games")


def test_commended_on_a_record(nlp):
    got = _meetings(nlp, LEAD + "Prime Minister Usko commended President Lind on her country's record in press "
                                "freedom.")
    assert len(got) == 1 and _has(got[0][1], "press freedom")


def test_praised_on_a_reform(nlp):
    got = _meetings(nlp, LEAD + "The prime minister praised the president on the land reform.")
    assert len(got) == 1 and _has(got[0][1], "land reform")


def test_cooperate_against_a_threat(nlp):
    got = _meetings(nlp, LEAD + "The two leaders agreed to cooperate against piracy in the Gulf of Guinea.")
    assert len(got) == 1 and _has(got[0][1], "piracy")


def test_thanked_for_still_read_and_a_date_is_no_subject(nlp):
    got = _meetings(nlp, LEAD + "President Lind congratulated him for his election on Monday and thanked him for "
                                "the gift of maize seed.")
    assert len(got) == 1 and _has(got[0][1], "election") and _has(got[0][1], "maize seed")
    assert not _has(got[0][1], "monday")


# a later object of a list the parser hung on the verb ("issues" as an adverbial noun)
def test_a_list_item_hung_on_the_verb_is_an_object():
    from graph.extract.phrases import _list_slips

    class T:  # a stand-in token: only what _list_slips reads
        def __init__(self, i, dep, pos="NOUN", text="x"):
            self.i, self.dep_, self.pos_, self.text, self.lower_ = i, dep, pos, text, text.lower()
            self.like_num, self.ent_type_ = False, ""
            self.left_edge = self

    class Doc(list):
        pass

    doc = Doc([T(0, "ROOT", "VERB", "discussed"), T(1, "dobj", text="trade"), T(2, "punct", "PUNCT", ","),
               T(3, "npadvmod", text="issues")])
    verb = doc[0]
    verb.doc = doc
    assert [t.text for t in _list_slips(verb, [doc[1], doc[2], doc[3]])] == ["issues"]
    doc[2].text = "and"
    assert _list_slips(verb, [doc[1], doc[2], doc[3]]) == []


# what a side says matters, and the inverted "on the agenda were …"
def test_what_is_said_to_be_important_is_a_subject(nlp):
    got = _meetings(nlp, LEAD + "Prime Minister Usko said that the fishing agreement between the two countries "
                                "is very important.")
    assert len(got) == 1 and _has(got[0][1], "fishing agreement")


def test_it_is_important_names_no_subject(nlp):
    got = _meetings(nlp, LEAD + "Usko said it is important and the visit was very important.")
    assert len(got) == 1 and not _has(got[0][1], "visit") and "it" not in got[0][1]


def test_on_the_agenda_were(nlp):
    got = _meetings(nlp, LEAD + "On the agenda of the talks were the grazing rights of cattle herders.")
    assert len(got) == 1 and _has(got[0][1], "grazing rights")


def test_among_the_subjects_discussed_were(nlp):
    got = _meetings(nlp, LEAD + "Among the subjects discussed by the two leaders were the price of fertiliser and "
                                "the dredging of the harbour.")
    assert len(got) == 1 and _has(got[0][1], "fertiliser") and _has(got[0][1], "dredging")
