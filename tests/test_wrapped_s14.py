"""Round 14: a subject broken over two lines of a hard-wrapped text. Its label once kept the line break, and the
test of a project's head word (a regular expression whose `.` stops at a line end) then failed on it: the whole
text was skipped ("analysis failed"). Sentences written here, names invented."""

from __future__ import annotations

import pytest

import graph.extract.topics as topics

from .test_topics_s11 import _meetings

WRAPPED = [
    "Speaker Tomas Verhoeven met the Ambassador of\nNorway, Ms. Aline Borsk, at the Parliament House on "
    "Tuesday. They discussed ways to strengthen parliamentary \neconomic ties and the invitation on behalf of "
    "the Norwegian\nSpeaker to visit the country.\n",
    "Minister Karel Dvorak received the Ambassador of Chile, Mr. Pablo Serna, on Monday. The two sides discussed "
    "closer maritime \ntransport links and the invitation on behalf of the Chilean\nMinister to visit Santiago.\n",
]


@pytest.mark.parametrize("text", WRAPPED)
def test_a_subject_over_a_line_break_is_read_with_one_space(nlp, text):
    got = _meetings(nlp, text)
    assert got, "the text was read"
    labels = {label for _, subjects in got for label in subjects}
    assert labels and not any("\n" in label or "  " in label for label in labels)


def test_the_project_test_takes_a_label_with_a_line_break():
    assert topics._a_project("the maritime\ntransport corridor") is True
    assert topics._a_project("economic\nties") is False
    assert topics._a_project("") is False
