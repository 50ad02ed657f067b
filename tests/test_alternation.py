"""`text.alternation`: a trie of words matches what the plain alternation matches (a space matching a run of
spaces), with the same preference (the title grammar of extract/roles.py is built from it), with and without
IGNORECASE, wherever backtracking into it happens; and the title grammar built from it gives the same matches as the
one built the plain way."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.text import gazetteer as gz
from graph.text.alternation import alternation

# words that share prefixes, differ only in case, end inside others, and hold spaces, dots and non-ASCII letters
WORDS = st.lists(st.text(alphabet="aAbBsſkK .é-", min_size=0, max_size=5), min_size=1, max_size=12, unique=True)
TEXT = st.text(alphabet="aAbBsSſkKK .é-x", max_size=25)


def _plain(words: list[str]) -> str:
    """The plain alternation, each word as a literal but for a space, which matches a run of spaces (as in texts
    copied from web pages: "Prime  Minister")."""
    return "(?:" + "|".join(" +".join(re.escape(part) for part in w.split(" ")) for w in words) + ")"


def _longest_first(words: list[str]) -> list[str]:
    return sorted(words, key=len, reverse=True)


# what comes after the words in a pattern: nothing, anchors, and tails that force backtracking into the words
TAILS = ["", "$", r"\b", r"(?=b)", r"b+a$", r"(\s*\.?)\1?B", r"(?:a|\s)+x"]


@settings(max_examples=400, deadline=None)
@given(WORDS, TEXT, st.sampled_from(TAILS), st.booleans())
def test_the_trie_matches_as_the_alternation(words, text, tail, ignore_case):
    words = _longest_first(words)
    flags = re.I if ignore_case else 0
    plain = re.compile(f"({_plain(words)}){tail}", flags)
    trie = re.compile(f"({alternation(words)}){tail}", flags)
    for start in range(len(text) + 1):
        a, b = plain.match(text, start), trie.match(text, start)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (words, text, start)
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in trie.finditer(text)]


def test_words_must_come_longest_first():
    try:
        alternation(["a", "abc"])
    except ValueError:
        return
    raise AssertionError("accepted words not sorted longest first")


def test_the_title_grammar_finds_the_same_titles_as_the_plain_alternation():
    from graph.extract import roles

    alts, ports = _plain(gz.titles()), _plain(gz.portfolios())
    trie_alts, trie_ports = alternation(gz.titles()), alternation(gz.portfolios())
    pattern = roles.title_regex().pattern
    assert trie_alts in pattern and trie_ports in pattern
    plain = re.compile(pattern.replace(trie_alts, alts).replace(trie_ports, ports), re.I)
    texts = ["the Deputy Prime Minister of Foreign Affairs and Trade Minister Jan Kowal met",
             "Minister of State for Defence Affairs, Ambassador to Vietnam Ana Ruiz and the chief executive",
             "Chief Executive Officer and Chairman of the Management Board, the Tánaiste, Chargé d'Affaires a.i.",
             "First Vice President, acting president; the Secretary-General of the Council of Ministers",
             " ".join(gz.titles()[::7]), " ".join(gz.portfolios()[::5])]
    for text in texts:
        for flags in (re.I, 0):
            a = [(m.span(), m.groups()) for m in re.finditer(plain.pattern, text, flags)]
            b = [(m.span(), m.groups()) for m in re.finditer(pattern, text, flags)]
            assert a == b
