"""Is this a word of a person's name? The name-word tests the person rules share: honorifics ("Datuk Seri",
"H.E."), vocatives, whitespace-delimited words ("Kassym-Jomart"), and runs of name words with their particles
("Luiz Inácio Lula da Silva")."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..text import gazetteer as gz
from .tokens import MONTHS

VOCATIVES = {"dear", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "comrade", "madam", "sir", "his", "her", "excellency",
             "your", "majesty", "highness", "h.e.", "dr", "dr.", "mister"}
PARTICLES = {"da", "de", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al",
             "el", "la", "le", "du", "ter", "ten"}


NAME_WORD = re.compile(r"^(?:[^\W\d_]\.)*[^\W\d_][^\W\d_'’]*(?:['’][^\W\d_]{2,})?(?:-[^\W\d_]+)?$")


@lru_cache(maxsize=1)
def honorific_words() -> frozenset[str]:
    """One-word honorifics ("sheikh", "hon.", "hon", "datuk"): never a word of the name they stand before."""
    words = set()
    for h in gz.honorifics():
        if " " not in h:
            words.update((h.lower(), h.lower().rstrip(".")))
    return frozenset(words)


@lru_cache(maxsize=65536)
def _honorifics_from(word: str) -> tuple[str, ...]:
    """The honorifics (longest first) that can be printed from a token `word` on: those that start with it (one
    followed by a space cannot end inside a token, which holds no space)."""
    return tuple(h for h in gz.honorifics() if h.startswith(word))


def honorific_end(doc: Doc, i: int) -> int:
    """Where an honorific printed at token i ends ("Datuk Seri", "Hon.", "H.E."), i if there is none."""
    tok = doc[i]
    candidates = _honorifics_from(tok.text)
    if not candidates:
        return i
    # the next few tokens only: `doc.text` is built anew on each read, so reading it per token was quadratic
    window = doc[i:i + 8].text + (" " if i + 8 >= len(doc) else doc[i + 7].whitespace_ or "x")
    for h in candidates:
        if window.startswith(h) and len(window) > len(h) and window[len(h)].isspace():
            end = tok.idx + len(h)
            span = doc.char_span(tok.idx, end, alignment_mode="expand")
            if span is not None and span.end_char == end:
                return span.end
    return i


def is_name_token(tok) -> bool:
    """A capitalised word that can be part of a person's name: no title, month, vocative, honorific, country,
    demonym, organisation word or stop word. One apostrophe inside is a name's ("Mata’afa", "O'Neill"): the
    tokenizer splits a possessive off."""
    return _is_name_text(tok.text, tok.is_stop)


@lru_cache(maxsize=65536)
def _is_name_text(t: str, is_stop: bool) -> bool:
    """`is_name_token` of a token's text and stop-word flag (all it reads), memoised."""
    low = t.lower().rstrip(".")
    return (
        bool(NAME_WORD.match(t)) and t[0].isupper()
        and (len(t) == 1 or not t[1:].replace("-", "").replace("'", "").isupper())
        and low not in gz.org_heads()
        and low not in gz.title_words()
        and low not in MONTHS
        and low not in VOCATIVES
        and t.lower() not in honorific_words()
        and gz.country_of(t) is None
        and t not in gz.demonym_index()
        and not is_stop
    )


def word_end(doc: Doc, i: int) -> int:
    """The end of the whitespace-delimited word starting at token i ("Kassym-Jomart" is three tokens)."""
    k = i + 1
    while k < len(doc) and not doc[k - 1].whitespace_ and doc[k].text in ("-", "'") and k + 1 < len(doc) \
            and not doc[k].whitespace_:
        k += 2
    return k


def is_name_word(doc: Doc, i: int, k: int) -> bool:
    """Tokens i..k (one whitespace-delimited word, at most one hyphen) are all name tokens."""
    toks = [doc[x] for x in range(i, k) if doc[x].text not in ("-", "'")]
    return bool(toks) and all(is_name_token(t) for t in toks) and (k - i == 1 or doc[i:k].text.count("-") == 1)


_LAST_LOWER: list = [None, frozenset(), frozenset()]  # the doc `_lower_words` read last, and its words


def _lower_words(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """The words `doc` prints in lower case somewhere: all, and those used as a past form or participle of a
    verb; kept for the doc read last."""
    if _LAST_LOWER[0] is not doc:
        lower = [t for t in doc if t.is_lower]
        _LAST_LOWER[:] = [doc, frozenset(t.text for t in lower),
                          frozenset(t.text for t in lower if t.tag_ in ("VBD", "VBN", "VBG"))]
    return _LAST_LOWER[1], _LAST_LOWER[2]


def headline_word(tok: Token) -> bool:
    """A capitalised verb or preposition of a title-case headline read into the name before it ("Kowal Invited",
    "Brandt Following"): a word the text also uses in lower case as a verb's past form or participle, or as a
    preposition where this one is tagged so. A name that is also a word ("Young", "Hope") is no verb's form."""
    if not tok.text[:1].isupper():
        return False
    words, verbs = _lower_words(tok.doc)
    low = tok.text.lower()
    return low in verbs or tok.tag_ == "IN" and low in words


def name_run(doc: Doc, j: int, free: list[bool] | None = None, most: int = 3) -> int:
    """Where a run of up to `most` name-like words starting at token j ends (j if there is none); particles inside
    a name are part of it ("Luiz Inácio Lula da Silva")."""
    k, words = j, 0
    while k < len(doc) and words < most + 1:
        if words and (doc[k].lower_ in PARTICLES and doc[k].text.islower() or re.fullmatch(r"[A-Z]\.", doc[k].text)) \
                and k + 1 < len(doc) and is_name_token(doc[k + 1]) and (free is None or free[k]):
            k += 1  # also a middle initial: "Carmen G. Cantor"
            continue
        e = word_end(doc, k)
        if not is_name_word(doc, k, e) or words and headline_word(doc[k]) or (free is not None and not all(free[x] for x in range(k, e))):
            break
        k, words = e, words + 1
        if words >= most and not (k < len(doc) and doc[k].lower_ in PARTICLES):
            break
        while k < len(doc) and doc[k].is_space and "\n" not in doc[k].text and k + 1 < len(doc) \
                and is_name_token(doc[k + 1]):
            k += 1  # a double space left by removed brackets (never a line break: a name ends with its line)
    return k
