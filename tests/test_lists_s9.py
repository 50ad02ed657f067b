"""Lists of those met (ninth round): one meeting per foreign leader named with his own title and country, the
members named in the sentence after a group or ceremony sentence, and sentence splits that keep a sentence whole.
Every sentence here is written for the test, none taken from an evaluation text: the events `analyse` finds with the
real model."""

from __future__ import annotations

from graph import analyse
from graph.extract.leader_lists import item_country, leaders_apart


def doc_of(nlp, text: str):
    return analyse("news.txt", text, nlp)


def groups(doc) -> list[list[str]]:
    """The people of each event, sorted."""
    return sorted(sorted(doc.entities[q.entity].label for q in ev.participants
                         if doc.entities[q.entity].type == "Person") for ev in doc.events)


def pairs(doc) -> set[frozenset[str]]:
    out = set()
    for names in groups(doc):
        out |= {frozenset((a, b)) for i, a in enumerate(names) for b in names[i + 1:]}
    return out


# --- one meeting per foreign leader in a list -------------------------------------------------------------------

def test_the_country_of_a_list_item_is_read_from_its_title_words():
    assert item_country(", Kenyan President ") == "Kenya"
    assert item_country(" and Chile's Prime Minister ") == "Chile"
    assert item_country(", and the President of Ghana, ") == "Ghana"
    assert item_country(" and Kenya ") is None  # no title: a country, not a leader's
    assert item_country(", Minister ") is None  # a title without a country


def test_leaders_apart_needs_a_country_each_and_two_countries():
    text = "met with Kenyan President A B and Chilean President C D"
    names = [(text.index("A B"), text.index("A B") + 3), (text.index("C D"), text.index("C D") + 3)]
    assert leaders_apart(text, 8, names)
    same = "met with Kenyan President A B and Kenyan Prime Minister C D"
    names2 = [(same.index("A B"), same.index("A B") + 3), (same.index("C D"), same.index("C D") + 3)]
    assert not leaders_apart(same, 8, names2)  # one country's two leaders may have been met together
    joint = "held a joint meeting with Kenyan President A B and Chilean President C D"
    names3 = [(joint.index("A B"), joint.index("A B") + 3), (joint.index("C D"), joint.index("C D") + 3)]
    assert not leaders_apart(joint, 18, names3)


def test_a_day_of_meetings_with_leaders_of_several_countries_is_one_meeting_each(nlp):
    doc = doc_of(nlp, "On Sunday, Premier Ana Ruiz met with Chilean President Tomas Vidal, Kenyan President John "
                      "Mwangi, Indian Prime Minister Ravi Kumar and Polish Prime Minister Jan Nowak.\n")
    assert groups(doc) == [["Ana Ruiz", "Jan Nowak"], ["Ana Ruiz", "John Mwangi"], ["Ana Ruiz", "Ravi Kumar"],
                           ["Ana Ruiz", "Tomas Vidal"]]


def test_sessions_with_two_leaders_of_two_countries_are_two_meetings(nlp):
    doc = doc_of(nlp, "President Lena Berg held bilateral talks in Geneva on Friday.\n\n"
                      "These were followed by sessions with Thai Prime Minister Somchai Dee and Jordan's King Faisal "
                      "on Saturday.\n")
    assert frozenset(("Somchai Dee", "Faisal")) not in pairs(doc)


def test_a_call_with_two_leaders_of_two_countries_is_two_calls(nlp):
    doc = doc_of(nlp, "President Lena Berg spoke by phone with British Prime Minister Tom Hale and French President "
                      "Luc Morel.\n")
    assert frozenset(("Tom Hale", "Luc Morel")) not in pairs(doc)
    assert frozenset(("Lena Berg", "Tom Hale")) in pairs(doc)
    assert frozenset(("Lena Berg", "Luc Morel")) in pairs(doc)


def test_leaders_named_by_title_of_country_after_a_comma_are_met_one_by_one(nlp):
    doc = doc_of(nlp, "King Omar also received the President of Ghana, Kofi Mensah, and the Prime Minister of "
                      "Jamaica, Gail Brown.\n")
    assert frozenset(("Kofi Mensah", "Gail Brown")) not in pairs(doc)
    assert frozenset(("Omar", "Gail Brown")) in pairs(doc)


def test_a_trilateral_meeting_of_leaders_of_three_countries_stays_one(nlp):
    doc = doc_of(nlp, "President Ana Ruiz held a trilateral meeting with Japanese Prime Minister Ken Sato and "
                      "Korean President Min Park.\n")
    assert ["Ana Ruiz", "Ken Sato", "Min Park"] in groups(doc)


def test_two_leaders_of_the_host_country_may_be_met_together(nlp):
    doc = doc_of(nlp, "Visiting Kenyan President John Mwangi held talks with Chilean President Tomas Vidal and "
                      "Chilean Foreign Minister Rosa Soto in Santiago.\n")
    assert ["John Mwangi", "Rosa Soto", "Tomas Vidal"] in groups(doc)



def test_peers_from_two_countries_named_in_order_are_two_meetings(nlp):
    doc = doc_of(nlp, "Talks in Lima\n\nOn his second day in Lima, Foreign Minister Ana Ruiz met her peers from Chile "
                      "and Kenya, Tomas Vidal and John Mwangi.\n")
    assert groups(doc) == [["Ana Ruiz", "John Mwangi"], ["Ana Ruiz", "Tomas Vidal"]]


def test_presidents_met_where_she_visited_two_countries_are_two_meetings(nlp):
    doc = doc_of(nlp, "Tour of West Africa\n\nShe has already visited Ghana and Togo, where she met with Presidents "
                      "Kofi Mensah and Faure Eyadema.\n")
    assert frozenset(("Kofi Mensah", "Faure Eyadema")) not in pairs(doc)


def test_respectively_needs_as_many_countries_as_names():
    from graph.extract.leader_lists import respectively
    text = "met her peers from Chile and Kenya, A B and C D"
    names = [(text.index("A B"), text.index("A B") + 3), (text.index("C D"), text.index("C D") + 3)]
    assert respectively(text, 3, names)
    three = "met her peers from Chile, Peru and Kenya, A B and C D"
    names3 = [(three.index("A B"), three.index("A B") + 3), (three.index("C D"), three.index("C D") + 3)]
    assert not respectively(three, 3, names3)


# --- the envoys named in a bare list after the credentials sentence ---------------------------------------------

def ceremonies(doc) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(doc.entities[q.entity].label for q in ev.participants))
                  for ev in doc.events if ev.type == "Ceremony")


def test_a_bare_list_of_titled_envoys_after_the_credentials_sentence_is_one_ceremony_each(nlp):
    doc = doc_of(nlp, "Envoys present credentials\n\n"
                      "President Mwila Banda received letters of credence from diplomats accredited to Zambia from "
                      "four countries on Tuesday.\n\n"
                      "Kenya’s High Commissioner Ana Bell, Nigerian High Commissioner Obi Eze, Czech Republic "
                      "Ambassador Jan Hus and Irish Ambassador Mary Carr.\n")
    assert ceremonies(doc) == [("Ana Bell", "Kenya", "Mwila Banda"), ("Czech Republic", "Jan Hus", "Mwila Banda"),
                               ("Ireland", "Mary Carr", "Mwila Banda"), ("Mwila Banda", "Nigeria", "Obi Eze")]


def test_a_sentence_with_a_verb_after_the_credentials_sentence_is_no_list_of_envoys(nlp):
    doc = doc_of(nlp, "Envoys present credentials\n\n"
                      "President Mwila Banda received letters of credence from diplomats accredited to Zambia on "
                      "Tuesday.\n\n"
                      "Kenyan Ambassador Ana Bell later spoke with Irish Ambassador Mary Carr about trade.\n")
    assert not any(len(c) == 3 and "Mwila Banda" in c and "Mary Carr" in c for c in ceremonies(doc))


def test_titled_list_reads_only_names_titles_and_countries():
    from graph.extract.leader_lists import titled_list
    text = "Chilean Ambassador Ana Bell, Kenya's High Commissioner Obi Eze and Irish Ambassador Mary Carr."
    names = [(text.index(n), text.index(n) + len(n)) for n in ("Ana Bell", "Obi Eze", "Mary Carr")]
    assert titled_list(text, names)
    said = "Chilean Ambassador Ana Bell thanked Obi Eze and Irish Ambassador Mary Carr."
    names2 = [(said.index(n), said.index(n) + len(n)) for n in ("Ana Bell", "Obi Eze", "Mary Carr")]
    assert not titled_list(said, names2)
    assert not titled_list("Ana Bell.", [(0, 8)])  # one name is no list


# --- sentence splits that keep a sentence whole -----------------------------------------------------------------

def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_bare_title_before_a_name_ends_no_sentence(nlp):
    got = sentences(nlp, "The delegation of Ruritania was led by PM Ana Lima and the delegation of Grenada by FM "
                         "Jan Kowal.")
    assert len(got) == 1


def test_a_line_break_before_a_lower_case_word_ends_no_sentence(nlp):
    got = sentences(nlp, "The two presidents met in the capital on Monday and\ndiscussed trade and security.")
    assert len(got) == 1


def test_hard_wrapped_lines_run_on_and_a_blank_line_still_ends_a_paragraph(nlp):
    text = ("The two presidents met on the sidelines of the regional summit on\n"
            "Friday, their first meeting since the election in the spring of that\n"
            "year, a spokesman for the Ruritanian Foreign Ministry told reporters\n"
            "Osterland Agency reported.\n\n"
            "Trade talks follow.")
    got = sentences(nlp, text)
    assert got[-1] == "Trade talks follow."
    assert got[0].startswith("The two presidents") and "Friday" in got[0] and "spokesman" in got[0]


def test_a_headline_line_without_a_full_stop_still_ends_its_sentence(nlp):
    got = sentences(nlp, "President Lima Meets Kenyan Leader\nMonday, May 3, 2021\n\nPresident Ana Lima met her "
                         "Kenyan counterpart today.")
    assert got[0] == "President Lima Meets Kenyan Leader"


def test_the_attendees_of_a_meeting_led_by_and_including_are_all_at_it(nlp):
    doc = doc_of(nlp, "Talks in Basseterre\n\n"
                      "Prime Minister Tom Reid of Grenada held talks with Prime Minister Ana Lima of Ruritania in "
                      "Basseterre on Monday.\n\n"
                      "The meeting was attended by the delegation of Ruritania which was led by PM Ana Lima and the "
                      "delegation of Grenada including Minister of Utility Jan Kowal, Deputy Prime Minister Rosa "
                      "Diaz and Minister of Tourism Omar Ali.\n")
    assert ["Ana Lima", "Jan Kowal", "Omar Ali", "Rosa Diaz", "Tom Reid"] in groups(doc)


def test_a_span_of_two_parser_sentences_joined_is_one_sentence_record():
    import spacy

    from graph.extract.mentions import sentence_of
    doc = spacy.blank("en")("the talks were opened by Minister Rosa Diaz in Castries .")
    for tok in doc:
        tok.is_sent_start = tok.i in (0, 6)  # the parser ended a sentence after the title
    joined = doc[0:len(doc)]
    assert sentence_of(joined, 100).end == 100 + len(doc.text)
    assert sentence_of(doc[7:9], 100).start == 100 + doc[6].idx  # a name: the parser's sentence it is in


def test_leaders_of_two_countries_hosted_for_trilateral_talks_told_next_stay_one_meeting(nlp):
    doc = doc_of(nlp, "Summit in Vilnius\n\n"
                      "President Ana Ruiz hosted President of Chile Tomas Vidal and President of Kenya John Mwangi "
                      "in Santiago on Monday. The trilateral talks focused on trade.\n")
    assert ["Ana Ruiz", "John Mwangi", "Tomas Vidal"] in groups(doc)


# --- a first name after a post set off by a comma ---------------------------------------------------------------

def test_the_first_name_after_a_post_and_a_comma_is_part_of_the_name(nlp):
    doc = nlp("President Tom Reid was accompanied by the Minister of International Relations and Cooperation, "
              "Lindiwe Sisulu and other officials.")
    assert ("Lindiwe Sisulu", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_a_word_after_a_comma_with_no_post_before_it_is_no_first_name(nlp):
    from spacy.tokens import Span

    from graph.nlp.first_names import with_first_name
    doc = nlp.make_doc("In Lusaka, Banda said so.")
    assert with_first_name(Span(doc, 3, 4, label="PERSON")).text == "Banda"  # no post before the comma
    doc2 = nlp.make_doc("the Minister of Defence, Thabo Nkosi spoke")
    assert with_first_name(Span(doc2, 6, 7, label="PERSON")).text == "Thabo Nkosi"
    doc3 = nlp.make_doc("the Minister of Defence, Mr Nkosi spoke")
    assert with_first_name(Span(doc3, 6, 7, label="PERSON")).text == "Nkosi"  # an honorific is no first name
