"""Asides that break the parse of a meeting sentence: a trailing ", <Agency> reports." makes the reporting verb the
root and hangs the one met on it ("A met with Prime Minister of X B, Newsline reports": B an nmod of "reports")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

# ", Newsline reports.", ", the ministry said.", ", Interfax reported": who tells it, at the sentence's end
TRAILING_SOURCE = re.compile(r",\s*(?:the\s+)?(?:[A-Z][\w.'’&-]*\s+){1,5}(?:news\s+agency\s+)?(?:reports|reported|informs|"
                             r"informed|says|said|writes|wrote|notes|noted|announced|stated)\s*[.!]?\s*$")
SKIP = ("nsubj", "nsubjpass", "punct", "aux", "auxpass", "ccomp", "advmod")


def hung_on_source(sent: Span, tok: Token) -> set[int]:
    """Tokens after the trigger `tok` that the parse hung on the trailing reporting verb instead of on the trigger
    (with their subtrees), when the sentence ends in ", <Source> reports." and that verb governs the trigger or
    hangs on it; empty otherwise."""
    m = TRAILING_SOURCE.search(sent.text)
    if m is None:
        return set()
    cut = sent[0].idx + m.start()
    verbs = [t for t in sent if t.idx > cut and t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return set()
    rep = verbs[-1]  # "reports": the root over the trigger, or a clause hung on it
    if not (any(a.i == rep.i for a in tok.ancestors) or any(a.i == tok.i for a in rep.ancestors)):
        return set()
    out: set[int] = set()
    for c in rep.children:
        if c.i > tok.i and c.idx < cut and c.dep_ not in SKIP:
            out |= {t.i for t in c.subtree if t.idx < cut}
    return out
