"""The model's `attribute_ruler` and `lemmatizer`, the same results at a fraction of the cost (make_nlp).

spaCy's attribute ruler runs a `Matcher` of all its patterns (179 in the small English model: a tag's POS and
morphology, and exceptions by word and dependency) over every token and sets each match's attributes from Python,
one `Span` per match: 8 % of our spaCy time, more than the parser. Nearly all its patterns are one token long and
read only the token's TAG, LOWER, DEP and IS_SPACE, so which of them match a token depends on those four values
alone: `FastAttributeRuler` finds that set once per distinct combination (memoised), merges the matched patterns'
attributes in the ruler's own order (later patterns win, as in `AttributeRuler.set_annotations`), and sets them
with spaCy's own `set_token_attrs`; the other patterns (several tokens long, or reading anything else) still go
through a `Matcher`, and their matches are merged in the same order. The attributes the model's ruler sets (POS,
MORPH, LEMMA, TAG, DEP) are token fields, never lexeme ones, so the order in which tokens are set is free.

spaCy's rule lemmatizer caches a token's lemma by (word, POS, morphology) except for base forms, which it tests
again for every token; `memoise_lemmatizer` memoises all of them (the result is a function of those three).

Both keep their memo for one process and bound it; `tests/test_attributes.py` compares every token's attributes
with the model's own components.
"""

from __future__ import annotations

import re
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

FIELDS = (TAG, LOWER, DEP, IS_SPACE)  # what a one-token pattern may read to be matched here
_NAMES = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
MEMO_LIMIT = 500_000  # distinct values (or combinations) kept before a memo starts afresh


def _tests(strings, pattern: dict) -> list[tuple[int, str, object]] | None:
    """A one-token Matcher pattern as tests of the (TAG, LOWER, DEP, IS_SPACE) values (hashes; 0/1 for IS_SPACE):
    (field, kind, argument), kind "in" (a set of hashes), "not in" or "regex" (on the string); None if it reads
    anything else or uses an operator (then the Matcher keeps it)."""
    out = []
    for name, value in pattern.items():
        if name not in _NAMES:
            return None
        k = _NAMES[name]
        if k == 3:
            if not isinstance(value, bool):
                return None
            out.append((k, "in", {int(value)}))
        elif isinstance(value, str):
            out.append((k, "in", {strings[value]}))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN"):
                out.append((k, "in" if op == "IN" else "not in", {strings[v] for v in arg}))
            elif op == "REGEX":
                out.append((k, "regex", re.compile(arg)))
            else:
                return None
        else:
            return None
    return out


class _Masks:
    """For each field, value → the bit mask of the tests it passes (tests on other fields pass): a test of
    several fields passes where the masks of the four values all have its bit."""

    def __init__(self, strings):
        self.strings = strings
        self.n = 0
        self.untested = [0, 0, 0, 0]  # bits of the tests that do not read the field
        self.index: list[dict[int, int]] = [{}, {}, {}, {}]  # value → bits of the "in" tests it passes
        self.others: list[list[tuple[int, str, object]]] = [[], [], [], []]  # (bit, kind, argument)
        self.memo: list[dict[int, int]] = [{}, {}, {}, {}]

    def add(self, tests: list[tuple[int, str, object]]) -> int:
        bit = 1 << self.n
        self.n += 1
        read = {k for k, _, _ in tests}
        for k in range(4):
            if k not in read:
                self.untested[k] |= bit
        for k, kind, arg in tests:
            if kind == "in":
                for h in arg:
                    self.index[k][h] = self.index[k].get(h, 0) | bit
            else:
                self.others[k].append((bit, kind, arg))
        return bit

    def of(self, k: int, value: int) -> int:
        got = self.memo[k].get(value)
        if got is None:
            if len(self.memo[k]) >= MEMO_LIMIT:
                self.memo[k].clear()
            got = self.untested[k] | self.index[k].get(value, 0)
            for bit, kind, arg in self.others[k]:
                if kind == "not in" and value not in arg or \
                        kind == "regex" and arg.search(self.strings[value] if k < 3 else str(value)):
                    got |= bit
            self.memo[k][value] = got
        return got


class FastAttributeRuler:
    """Sets what spaCy's `AttributeRuler` `ruler` sets, on the same tokens, with the same values."""

    def __init__(self, ruler):
        self.vocab = ruler.vocab
        self.attrs: list[dict] = ruler.attrs  # normalised: attribute id → value, one per pattern group
        self.indices: list[int] = ruler.indices
        self.masks = _Masks(self.vocab.strings)
        self.groups: dict[int, int] = {}  # bit of a one-token pattern → its pattern group
        self.rest = Matcher(self.vocab)
        # the Matcher's patterns start only where their first token's tests pass; each matches exactly as many
        # tokens as it has (no operator), so it is run on windows from those tokens on (else on the whole doc)
        self.starts = 0  # bits of the first tokens' tests
        self.windows = True
        self.width = 0
        strings = self.vocab.strings
        for i, group in enumerate(ruler.patterns):
            for pattern in group["patterns"]:
                tests = _tests(strings, pattern[0])
                if len(pattern) == 1 and tests is not None:
                    self.groups[self.masks.add(tests)] = i
                    continue
                self.rest.add(str(i), [pattern])
                if tests is None or any("OP" in tok for tok in pattern):
                    self.windows = False
                else:
                    self.starts |= self.masks.add(tests)
                    self.width = max(self.width, len(pattern))
        self._memo: dict[tuple, tuple[tuple[int, ...], dict, bool]] = {}

    def _matched(self, key: tuple) -> tuple[tuple[int, ...], dict, bool]:
        """The one-token pattern groups matching a token of these values, in order, their merged attributes, and
        whether one of the Matcher's patterns may start at it."""
        got = self._memo.get(key)
        if got is None:
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            m = self.masks
            bits = m.of(0, key[0]) & m.of(1, key[1]) & m.of(2, key[2]) & m.of(3, key[3])
            ids = tuple(sorted({i for b, i in self.groups.items() if bits & b}))
            got = self._memo[key] = (ids, self._merge(ids), not self.windows or bool(bits & self.starts))
        return got

    def _merge(self, ids) -> dict:
        merged: dict = {}
        for i in ids:
            merged.update(self.attrs[i])
        return merged

    def _others(self, doc: Doc, starts: list[int]) -> dict[int, set[int]]:
        """Token index → the pattern groups of the Matcher's patterns that set it (matches starting at `starts`)."""
        out: dict[int, set[int]] = {}
        if not len(self.rest) or not starts:
            return out
        strings = self.vocab.strings
        if not self.windows:
            found = self.rest(doc, allow_missing=True)
        else:
            found = [(m, s + a, e + a) for a in starts
                     for m, s, e in self.rest(doc[a:a + self.width], allow_missing=True) if s == 0]
        for match_id, start, end in found:
            i = int(strings[match_id])
            index = self.indices[i]
            at = start + index if index >= 0 else end + index
            if start <= at < end:
                out.setdefault(at, set()).add(i)
        return out

    def __call__(self, doc: Doc) -> Doc:
        values = doc.to_array(list(FIELDS)).tolist()
        got = [self._matched(tuple(key)) for key in values]
        others = self._others(doc, [t for t, g in enumerate(got) if g[2]])
        for t, (ids, merged, _) in enumerate(got):
            if t in others:
                merged = self._merge(sorted(set(ids) | others[t]))
            if merged:
                set_token_attrs(doc[t], merged)
        return doc


def memoise_lemmatizer(lemmatizer) -> None:
    """Memoise a rule lemmatizer's `lemmatize` on (word, POS, morphology) for every token (spaCy's own cache skips
    base forms and lookups); what it returns is a function of those."""
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    original = lemmatizer.lemmatize
    memo: dict[tuple, list[str]] = {}

    def lemmatize(token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        got = memo.get(key)
        if got is None:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            got = memo[key] = original(token)
        return got

    lemmatizer.lemmatize = lemmatize


def speed_up(nlp: Language) -> None:
    """The model's attribute ruler and lemmatizer replaced by their memoised equivalents (same results)."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        if type(ruler).__name__ == "AttributeRuler":
            fast = FastAttributeRuler(ruler)
            nlp.replace_pipe("attribute_ruler", "kg_fast_attributes")
            nlp.get_pipe("attribute_ruler").ruler = fast
    if "lemmatizer" in nlp.pipe_names:
        memoise_lemmatizer(nlp.get_pipe("lemmatizer"))


class _Holder:
    """The `kg_fast_attributes` component: runs the `FastAttributeRuler` set on it (from the model's ruler)."""

    ruler: FastAttributeRuler | None = None

    def __call__(self, doc: Doc) -> Doc:
        return self.ruler(doc)


@Language.factory("kg_fast_attributes", assigns=["token.pos", "token.morph", "token.lemma"], default_config={})
def make_fast_attributes(nlp: Language, name: str):
    return _Holder()
