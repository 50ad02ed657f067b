"""A regular expression's alternation of many words, factored by their common prefixes (a trie).

Python's `re` tries the branches of an alternation one after another at each position: the title grammar
(`extract/roles.py`: 164 titles, 88 portfolios, the honorifics) tried every title at every character of the text
before each name. `alternation(words)` matches what `"|".join(map(re.escape, words))` matches, with the same
preference, in one pass down a trie: `words` come longest first, so at a position that alternation takes the longest
word that lets the rest of the pattern match, and so does the trie (a word's longer continuations are tried before
it ends). Under `re.IGNORECASE` two branches of a trie whose first letters differ only in case ("Chief …",
"chief …") could both match; such words stay a plain alternation among themselves, in their order; where a word
goes on with a non-ASCII letter, the words from there on too (IGNORECASE folds "ſ" with "s", "K" with "k")."""

from __future__ import annotations

import re
from typing import Iterable


def alternation(words: Iterable[str]) -> str:
    """The alternation of `words` (longest first) as one non-capturing group: `(?:…)`."""
    words = list(words)
    if any(len(a) < len(b) for a, b in zip(words, words[1:])):
        raise ValueError("alternation: words must come longest first")
    return "(?:" + _node([w for w in words if w], any(not w for w in words)) + ")"


def _node(suffixes: list[str], ends: bool) -> str:
    """The regex matching `suffixes` (longest first) after a common prefix, as a group, or as a plain sequence
    where there is one way on (sre's parser is slow on deep nesting); `ends`: a word ends at that prefix, so the
    group is optional (greedy: the longer words are tried first)."""
    if not suffixes:
        return ""
    if not all(s[0].isascii() for s in suffixes):  # IGNORECASE folds some letters across ASCII ("ſ" and "s")
        alternatives = [_escape(s) for s in suffixes]
    else:
        groups: dict[str, list[str]] = {}
        for s in suffixes:
            groups.setdefault(s[0].lower(), []).append(s)
        alternatives = []
        for members in groups.values():
            if len({s[0] for s in members}) > 1:  # "Chief …" and "chief …": as given, longest first
                alternatives.extend(_escape(s) for s in members)
            else:
                rest = [s[1:] for s in members]
                alternatives.append(_escape(members[0][0]) + _node([r for r in rest if r], any(not r for r in rest)))
    if len(alternatives) == 1 and not ends:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + (")?" if ends else ")")


def _escape(s: str) -> str:
    """`s` as a literal, but a space between its words matches a run of spaces: texts copied from web pages keep
    their layout's double spaces ("Prime  Minister")."""
    return " +".join(re.escape(w) for w in s.split(" "))
