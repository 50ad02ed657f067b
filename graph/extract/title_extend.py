"""Titles stored as the whole phrase the text writes next to the name, not only the part the title grammar knows.

The title grammar (`roles.py`, graph/data/titles.txt and portfolios.txt) reads a title's known core ("Minister",
"Advisor", "Ambassador"); news writes more around it: words before the core ("Senior Development Advisor", "Resident
Ambassador", "Foreign and Diaspora Affairs Cabinet Secretary", "Crown Prince and Prime Minister") and a portfolio
after it ("Minister of Agriculture, Land Reform and Rural Development", "Secretary for Investment Matters"). Where a
stored title is written right by its holder's name, the capitalised words that run on from it on either side join
it (never a name, a country or the holder's own name; at most a few words; "of the" ends the portfolio: what follows
is the organisation). The longer title holds the shorter, so what was read stays read. Runs last, after every step
that compares titles, on what is stored.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Role
from ..text import gazetteer as gz
from .context import Context

MOST = 6  # words a title may gain on one side
_CAP = r"[A-Z][\w&’'./-]*"
_STOP = frozenset({"The", "His", "Her", "Their", "Its", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "H.E.",
                   "HE", "Hon", "Hon.", "Sir", "Dame", "Excellency", "Honourable", "Honorable", "Rt.", "Rt",
                   "Majesty", "Highness", "On", "In", "At", "During", "After", "Before", "When", "While", "With",
                   "Also", "And", "Meanwhile", "Earlier", "Later", "Today", "Yesterday", "Monday", "Tuesday",
                   "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "A", "An", "As", "By", "For", "From", "To",
                   "Of", "This", "That", "Both", "Other", "Several", "Two", "Three", "New"})
# lower-case words that belong to a title before its core ("acting Prime Minister", "non-resident ambassador")
_MODIFIERS = ("acting", "interim", "deputy", "vice", "senior", "special", "chief", "principal", "non-resident",
              "resident", "outgoing", "caretaker", "government", "federal", "union", "former")
_LEFT = re.compile(r"(?:(?:" + _CAP + r"|and|&|" + "|".join(_MODIFIERS) + r")\s+)+$")
_RIGHT = re.compile(r"\s+(?:of|for|on|to)\s+(?:the\s+)?(?:" + _CAP + r"(?:,?\s+(?:and\s+|&\s+)?|$))+")


def _land(word: str) -> bool:
    """Whether `word` names a country or its people ("Polish"): the organisation, not the title."""
    return gz.country_of(word) is not None or word in gz.demonym_index()


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """The words titles are made of (the title and portfolio gazetteers' words, lower-case modifiers)."""
    return frozenset(w.lower() for w in (*gz.title_words(), *gz.portfolio_words(), *_MODIFIERS))


@lru_cache(maxsize=1)
def _lands() -> re.Pattern:
    """A country's name (or another name of it) written from here on ("Cabo Verde")."""
    names = {n for c in gz.countries() for n in (c.name, *c.aliases) if len(n) > 3}
    return re.compile(r"(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """Honorifics that are no title's word ("His Holiness", "HM"; not "Prince" of "Crown Prince")."""
    titled = {w.lower() for t in gz.titles() for w in t.split()}
    return frozenset(h for h in gz.honorifics() if h.lower() not in titled) | {"HM", "HRH", "Holiness", "Highnesses"}


def _blocked(a: int, b: int, spans: list[tuple[int, int]]) -> int | None:
    """The first position in [a, b) where a name of `spans` starts or runs, or None."""
    hits = [max(s, a) for s, e in spans if s < b and a < e]
    return min(hits) if hits else None


def _left(text: str, start: int, lo: int, spans: list[tuple[int, int]]) -> int:
    """Where the title at `start` begins once the capitalised words right before it join it."""
    m = _LEFT.search(text, max(lo, start - 80), start)
    if not m:
        return start
    words = list(re.finditer(r"\S+", text[m.start():start]))
    begin = start
    known = _known()
    rev = list(reversed(words[-MOST:]))
    for i, w in enumerate(rev):
        a = m.start() + w.start()
        tok = w.group(0)
        if tok in ("and", "&") and (i + 1 >= len(rev) or rev[i + 1].group(0).lower() in gz.title_heads()):
            break  # "Health Minister and Minister for Sanitation": two posts, not one
        if tok not in ("and", "&") and tok.lower().rstrip(".") not in known:
            break  # only words titles are made of ("Senior", "Development", "Resident"), not a name
        if (tok in _STOP or _blocked(a, a + len(tok), spans) is not None or tok.endswith(("’s", "'s", "ing"))
                or _land(tok) or tok in _honorifics()):
            break
        begin = a
    while True:  # never begin with a joining word
        first = re.match(r"(?:and|&)\s+", text[begin:start])
        if not first:
            break
        begin += first.end()
    return begin


def _right(text: str, end: int, hi: int, spans: list[tuple[int, int]]) -> int:
    """Where the title ending at `end` ends once a portfolio written after it ("of Mining and Heavy Industry") joins."""
    m = _RIGHT.match(text, end, hi)
    if not m:
        return end
    stop = _blocked(end, m.end(), spans)
    last = min(m.end(), stop) if stop is not None else m.end()
    piece = text[end:last]
    words = list(re.finditer(r"\S+", piece))
    cut = next((w.start() for w in words if _land(w.group(0).rstrip(",")) or w.group(0) in _honorifics()
                or _lands().match(piece, w.start())), None)
    if cut is not None:
        piece = piece[:cut]
    if "," in piece and not re.search(r",.*\b(?:and|&)\s", piece):  # a list of portfolios has its "and"
        piece = piece[:piece.index(",")]
    piece = re.sub(r"(?:[\s,.]+(?:and|&)?)+$", "", piece)
    for _ in range(3):  # "of the Government of the Republic of": the organisation's words, not the title's
        piece = re.sub(r"(?:\s+(?:of|for|on|to|the))+$", "", piece)
        piece = re.sub(r"\s+of\s+the\s+(?:Government|State|Republic|Ministry|Kingdom|Federation)$", "", piece)
    words = piece.split()
    if len(words) < 2 or len(words) > MOST + 1:
        return end
    return end + len(piece)


def _spans(title: str, mentions, text: str) -> list[tuple[int, int, object]]:
    """Each place the title is written right by one of the holder's mentions (nothing but punctuation, capitalised
    words and "the" between): (start, end, mention)."""
    words = [re.escape(w) for w in title.split()]
    if not words:
        return []
    pat = re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.I)
    out = []
    for p in mentions:
        s = p.sentence
        for m in pat.finditer(text, s.start, s.end):
            if m.end() <= p.start:
                gap = text[m.end():p.start]
            elif m.start() >= p.end:
                gap = text[p.end:m.start()]
            else:
                continue
            if len(gap) > 40 or "\n" in gap or re.search(r"\b(?!the\b)(?-i:[a-z])\w*", gap):
                continue
            out.append((m.start(), m.end(), p))
    return out


def extend_titles(ctx: Context) -> None:
    """Each stored title of each person, as the whole phrase written by their name (see the module's docstring)."""
    text = ctx.norm
    spans = sorted({(m.start, m.end) for e in ctx.entities.values() if e.type in ("Person", "Country", "Organization")
                    for m in e.mentions})
    for ent in ctx.entities.values():
        if ent.type != "Person" or not ent.roles:
            continue
        out = []
        for r in ent.roles:
            title = r.title
            for a, b, p in _spans(r.title, ent.mentions, text):  # the longest phrase where it is written
                own = [(p.start, p.end)]
                a2 = _left(text, a, p.sentence.start, spans + own)
                b2 = _right(text, b, p.sentence.end, spans + own)
                longer = " ".join(text[a2:b2].split())
                if (a2, b2) != (a, b) and len(longer) > len(title):
                    title = longer[:1].upper() + longer[1:]
            out.append(Role(title, r.org, r.event, r.sentence, r.confidence) if title != r.title else r)
        seen = set()
        ent.roles[:] = [r for r in out if not ((r.title, r.org) in seen or seen.add((r.title, r.org)))]
