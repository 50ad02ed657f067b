"""Round 15 (speed): three rules made cheaper without changing what they find.

- `reach_titles.title_of_body` and `body_titles.title_at_body` first test the end of their pattern (a comma or colon,
  then titles or honorifics up to the name), tried from each comma only, before the whole pattern, which the regular
  expression engine tries from every character of the 220-250 characters before the name;
- `entity_rules.whole_countries` builds the text of the first 1..7 tokens of a span once, as `Span.text` does,
  instead of a Span (and its tokens) for each length.

Each is compared here with the rule as it was: the pre-test switched off (always passing), and `Span.text`."""

import re

import pytest
from spacy.tokens import Doc, Span

from graph.extract import body_titles, reach_titles, roles
from graph.extract.chunks import Piece
from graph.nlp import entity_rules
from graph.records import Mention, Sentence
from graph.text import gazetteer as gz

TEXTS = [
    "The visitors met the Deputy Director for Asia of the Ruritanian Development Agency, Ana Lima.",
    "He met the Head of the Ruritanian President's Bureau for International Policy, Jan Kowal, on Monday.",
    "Present was the head of the National Security Office: Ola Berg.",
    "The Minister Counsellor for Trade at the Embassy of Ruritania, Ana Lima, attended.",
    "Senior Fellow at the Brookings Institution, Dr. Jan Kowal, said so.",
    "The Minister of Coastal Works, Ana Lima, spoke; then President Jan Kowal met Ola Berg.",
    "Ana Soto, Advisor at the Ministry of Energy, Jon Ruiz, and Minister Ola Berg of the Office of Trade, Pedro Soto.",
    "the Border Guard Service of the Ruritanian Republic, Chief Ana Lima, and the Head of the Office, "
    "His Excellency Sheikh Jan Kowal",
    "Vice-President of the Council of Ministers and the Minister of Energy, Ana Lima, arrived: Jan Kowal",
    "The Director General of the World Health Organization, Tedros Ghebreyesus, met the Secretary of the Board, "
    "Ana Lima, and the Chair at the Council of Europe, Jan Kowal",
    "No comma before the name here, only President Ana Lima of the Office of Trade and Jan Kowal.",
]
NAMES = re.compile(r"(?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+)")


def _mentions(text: str) -> tuple[list[Mention], list[Mention]]:
    sentence = Sentence(0, len(text))
    people, orgs = [], []
    for m in NAMES.finditer(text):
        people.append(Mention(m.group(), "Person", m.start(), m.end(), sentence))
    for m in re.finditer(r"(?:the )?((?:[A-Z][\w']+ )*(?:Office|Service|Institution|Embassy of Ruritania|Council of "
                         r"Europe|World Health Organization|Board|Bureau[\w ]*Policy))", text):
        orgs.append(Mention(m.group(1), "Organization", m.start(1), m.end(1), sentence))
    return people, orgs


class _Unfiltered:
    """The module's `re` with the round's pre-test always passing: the rule as it was."""

    def __init__(self, prefix: str):
        self.prefix = prefix

    def __getattr__(self, name):
        return getattr(re, name)

    def search(self, pattern, string, flags=0):
        if isinstance(pattern, str) and pattern.startswith(self.prefix) and pattern.endswith("$"):
            return True  # the pre-test: passes
        return re.search(pattern, string, flags)


def _roles(fn, module, prefix, monkeypatch, unfiltered: bool, *extra) -> list:
    if unfiltered:
        monkeypatch.setattr(module, "re", _Unfiltered(prefix))
    else:
        monkeypatch.setattr(module, "re", re)
    out = []
    for text in TEXTS:
        people, orgs = _mentions(text)
        piece = Piece(0, text, 0, False, people + orgs)
        for p in people:
            args = {"title_of_body": (p, text, orgs, people, roles.title_regex().pattern, roles._honorifics(), piece),
                    "title_at_body": (p, text, orgs, roles.title_regex().pattern, roles._honorifics(), people)}
            out.append(repr(fn(*args[fn.__name__])))
    return out


@pytest.mark.parametrize("fn, module, prefix", [(reach_titles.title_of_body, reach_titles, "[,:]"),
                                                (body_titles.title_at_body, body_titles, ",")])
def test_the_title_rules_find_what_they_found_without_their_pre_test(fn, module, prefix, monkeypatch):
    before = _roles(fn, module, prefix, monkeypatch, True)
    after = _roles(fn, module, prefix, monkeypatch, False)
    assert after == before
    assert any(r != "None" for r in after)  # the rules do find titles in these texts


def test_the_pre_tests_are_cheaper(monkeypatch):
    searched: list[str] = []

    class Counting(_Unfiltered):
        def search(self, pattern, string, flags=0):
            searched.append(pattern)
            return re.search(pattern, string, flags)

    monkeypatch.setattr(reach_titles, "re", Counting("[,:]"))
    text = "President Ana Lima met Prime Minister Jan Kowal in Kessin."  # no comma before either name
    people, orgs = _mentions(text)
    for p in people:
        assert reach_titles.title_of_body(p, text, orgs, people, roles.title_regex().pattern, roles._honorifics(),
                                          Piece(0, text, 0, False, people)) is None
    assert searched and all(s.startswith("[,:]") for s in searched)  # the whole pattern never tried


def _old_whole_countries(doc, spans):
    """`entity_rules.whole_countries` before round 15 (a Span's text for each length)."""
    out = list(spans)
    for s in sorted(spans, key=lambda x: x.start):
        if not any(x is s for x in out):
            continue
        hit = gz.country_at_start(doc[s.start:s.start + 7], 7, text_of=lambda n: doc[s.start:s.start + n].text)
        if hit is None or hit[1] <= len(s) or s.start + hit[1] > len(doc):
            continue
        land = Span(doc, s.start, s.start + hit[1], label="GPE", span_id=hit[0].name)
        out = [x for x in out if x.end <= land.start or x.start >= land.end] + [land]
    return out


@pytest.mark.parametrize("words, spaces, cuts", [
    (["He", "flew", "to", "St.", "Lucia", "and", "the", "Federated", "States", "of", "Micronesia", "."],
     [True, True, True, True, True, True, True, True, True, True, False, False], [(3, 4), (4, 5), (7, 9), (10, 11)]),
    (["Talks", "in", "St", ".", "Kitts", "and", "Nevis", "\n", "United", "Kingdom", "of", "Great", "Britain"],
     [True, True, False, True, True, True, False, False, True, True, True, True, False], [(2, 3), (4, 5), (8, 9)]),
    (["The", "Republic", "of", "the", "Congo", "  ", "Côte", "d'Ivoire"],
     [True, True, True, True, False, False, True, False], [(0, 2), (3, 5), (6, 7), (7, 8)]),
])
def test_whole_countries_reads_the_same_texts(blank_nlp, words, spaces, cuts):
    doc = Doc(blank_nlp.vocab, words=words, spaces=spaces)
    for a, b in cuts:  # every run of every length from every cut, as Span.text
        texts = []
        before = ""
        for t in doc[a:a + 7]:
            texts.append(before + t.text)
            before += t.text_with_ws
        assert texts == [doc[a:a + n].text for n in range(1, len(texts) + 1)]
    spans = [Span(doc, a, b, label="GPE") for a, b in cuts]
    old = [(s.start, s.end, s.label_, s.id_) for s in _old_whole_countries(doc, spans)]
    new = [(s.start, s.end, s.label_, s.id_) for s in entity_rules.whole_countries(doc, spans)]
    assert new == old
