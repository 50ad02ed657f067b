"""Credentials from envoys told only by the countries they come from ("… from six heads of mission-designate
from the Republic of A; the Kingdom of B; …"): one ceremony per country, the country met as such (the annotation's
convention). Invented texts."""

from graph import analyse

HEADS_FROM = ("PRETORIA - President Ana Kowal on Thursday received letters of credence from six Heads of "
              "Mission-designate from the Republic of Chile; the Kingdom of Norway; the Republic of Peru; the Kingdom "
              "of Thailand; the Republic of Ghana and the Republic of Zambia at a ceremony in Pretoria.\n")
AMBASSADORS_FROM = ("President Tomas Varga accepted the credentials of the new ambassadors from Chile, Kenya and "
                    "Vietnam at the Presidential Palace on Monday.\n")


def _ceremonies(doc):
    return sorted(sorted(doc.entities[p.entity].label for p in e.participants) for e in doc.events
                  if e.type == "Ceremony")


def test_one_ceremony_per_country_the_heads_of_mission_come_from(nlp):
    doc = analyse("t", HEADS_FROM, nlp)
    assert _ceremonies(doc) == sorted(sorted(["Ana Kowal", land]) for land in
                                      ["Chile", "Ghana", "Norway", "Peru", "Thailand", "Zambia"])


def test_ambassadors_from_countries_each_their_ceremony(nlp):
    doc = analyse("t", AMBASSADORS_FROM, nlp)
    assert _ceremonies(doc) == sorted(sorted([land, "Tomas Varga"]) for land in ["Chile", "Kenya", "Vietnam"])
