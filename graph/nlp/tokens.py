"""Token helpers the entity rules share: common word lists, which tokens no span covers yet, sentence starts, and
phrase matching in one pass over a text."""

from __future__ import annotations

from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc, Span

DETERMINERS = {"the", "a", "an", "this", "that", "our", "my", "your", "his", "her", "their"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}


def texts(doc: Doc) -> list[str]:
    """Each token's text (`[t.text for t in doc]`, read from the doc's array: no Token objects made)."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(ORTH).tolist()] if len(doc) else []


def lowers(doc: Doc) -> list[str]:
    """Each token's lower-case form (`[t.lower_ for t in doc]`), as `texts`."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(LOWER).tolist()] if len(doc) else []


_LAST_TEXT: list = [None, ""]  # the doc `doc_text` read last, and its text


def doc_text(doc: Doc) -> str:
    """`doc.text`, which spaCy joins from the tokens on each read: kept for the doc read last (its text never changes:
    merging tokens keeps it), so that rules reading it per mention do not join the whole doc each time."""
    if _LAST_TEXT[0] is not doc:
        _LAST_TEXT[0], _LAST_TEXT[1] = doc, doc.text
    return _LAST_TEXT[1]


_LAST_WORDS: list = [None, (), ()]  # the doc `lemmas_lowers` read last, and its rows


def lemmas_lowers(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's lemma (`t.lemma_`) and lower-case form (`t.lower_`), read from the doc's arrays (no Token
    objects made), kept for the doc read last: the sentence rules read them sentence by sentence. The pipeline has
    run: neither changes after it."""
    if _LAST_WORDS[0] is not doc:
        strings = doc.vocab.strings
        rows = doc.to_array([LEMMA, LOWER]).tolist() if len(doc) else []
        _LAST_WORDS[:] = [doc, [strings[a] for a, _ in rows], [strings[b] for _, b in rows]]
    return _LAST_WORDS[1], _LAST_WORDS[2]


_LAST_POS: list = [None, ()]  # the doc `parts_of_speech` read last, and its row


def parts_of_speech(doc: Doc) -> list[str]:
    """Each token's coarse part of speech (`t.pos_`), read from the doc's array and kept for the doc read last, as
    `lemmas_lowers`."""
    if _LAST_POS[0] is not doc:
        names = POS_NAMES
        _LAST_POS[:] = [doc, [names[p] for p in doc.to_array(POS).tolist()] if len(doc) else []]
    return _LAST_POS[1]


def free_tokens(doc: Doc, taken: list[Span]) -> list[bool]:
    """For each token of `doc`: True if none of the spans `taken` covers it."""
    free = [True] * len(doc)
    for s in taken:
        for i in range(s.start, s.end):
            free[i] = False
    return free


def doc_sentence_start(tok) -> bool:
    """Does `tok` start a sentence (by the pipeline's boundaries, or after ".", "!", "?" or a line break)?"""
    return tok.is_sent_start is True or tok.i > 0 and tok.doc[tok.i - 1].text in (".", "!", "?", "\n")


def phrase_hits(lowers: list[str], phrases) -> list[tuple[int, tuple[str, ...]]]:
    """(position, phrase) for every occurrence of the word tuples `phrases` in `lowers`, in one pass over the text
    (an index by first word, so the cost grows with the text, not with text × phrases)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for ph in phrases:
        by_first.setdefault(ph[0], []).append(ph)
    hits = []
    for i, w in enumerate(lowers):
        for ph in by_first.get(w, ()):
            if tuple(lowers[i:i + len(ph)]) == ph:
                hits.append((i, ph))
    return hits
