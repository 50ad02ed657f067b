"""Who met whom (issue 15, eighth round): the arguments of events told around the trigger. An envoy's country read
from the words around his name at his ceremony; lists of envoys tied to a group told in sentences of their own;
members named in a sentence after the meeting. Forms written here, none taken from an evaluation text."""

from __future__ import annotations

import pytest

from graph.extract.analyse import analyse


def _events(nlp, text: str):
    doc = analyse("t.txt", text, nlp)
    label = {k: e.label for k, e in doc.entities.items()}
    return [(ev, {label[q.entity] for q in ev.participants}) for ev in doc.events]


def _groups(nlp, text: str) -> list[set[str]]:
    return [people for _, people in _events(nlp, text)]


def _with(groups: list[set[str]], name: str) -> list[set[str]]:
    return [g for g in groups if name in g]


# ------------------------------------------------------------------------------ the envoy's country at his ceremony

@pytest.mark.parametrize("text, envoy, land", [
    # "X (Name)" in a list of envoys
    ("President Ilse Marwood received the credentials of Ambassador Tomas Hruby on Monday. The ceremony also saw "
     "credentials presented by new envoys from Norway (Erik Johansen), Peru (Maria Gonzalez) and Chile (Pedro Alvarez).",
     "Erik Johansen", "Norway"),
    ("President Ilse Marwood received the credentials of Ambassador Tomas Hruby on Monday. The ceremony also saw "
     "credentials presented by new envoys from Norway (Erik Johansen), Peru (Maria Gonzalez) and Chile (Pedro Alvarez).",
     "Pedro Alvarez", "Chile"),
    # "<Country>'s new ambassador in <City> Name"
    ("Receiving the credentials of Portugal's new ambassador in Valletta Rui Mendes, President Ilse Marwood said "
     "relations were excellent.", "Rui Mendes", "Portugal"),
    # "Name, the new <Country> Ambassador to <Country>"
    ("President Ilse Marwood accepted the credentials of Jonas Berg, the new Sweden Ambassador to Malta, on "
     "Tuesday.", "Jonas Berg", "Sweden"),
])
def test_envoy_country_read_around_his_name(nlp, text, envoy, land):
    groups = _with(_groups(nlp, text), envoy)
    assert groups and all(land in g for g in groups), groups


def test_envoy_country_not_the_receivers_own(nlp):
    text = ("Maltese President Ilse Marwood received the credentials of Rui Mendes, the new Portuguese Ambassador to "
            "Malta, on Tuesday at the palace.")
    groups = _with(_groups(nlp, text), "Rui Mendes")
    assert groups and all("Malta" not in g for g in groups), groups


def test_envoy_country_not_at_an_ordinary_meeting(nlp):
    # a courtesy call by one ambassador: his country is not met as such (the annotation's convention)
    text = ("President Ilse Marwood on Monday met Rui Mendes, Portugal's ambassador to Malta, to discuss fisheries "
            "and tourism.")
    groups = _with(_groups(nlp, text), "Rui Mendes")
    assert groups and all("Portugal" not in g for g in groups), groups
