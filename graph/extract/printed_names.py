"""A person is also called by the name as the text prints it with its titles: "Crown Prince Tavo", "Chilean Vice
President Brandt", "President Ana Vale". Readers (and anyone searching the graph) know people by those forms,
and some texts print a person only that way; the label stays the bare name."""
from __future__ import annotations

import re
from functools import lru_cache

from ..records import Mention
from ..text import gazetteer as gz
from .context import Context

# the words before a name, back to the first that is not a title's, an honorific's or a country's
_WORD = re.compile(r"(?-i:[A-Z])[\w.'’&-]*\s+$")
MOST_WORDS = 7


@lru_cache(maxsize=1)
def _style_words() -> frozenset[str]:
    """Words of an honorific ("His Excellency", "Datuk Seri", "Lt. Gen.")."""
    return frozenset(w.lower() for h in gz.honorifics() for w in h.split())


def _kind(word: str) -> str | None:
    """"title" for a word of a title ("Vice", "Minister"), "style" for an honorific's ("HRH", "Sheikh"),
    "land" for a country's name or demonym or an acronym ("US", "Ghanaian"), else None."""
    w = word.rstrip(".").lower()
    if w in gz.title_words() and w != "mr":
        return "title"
    if w in _style_words() or word.lower() in _style_words() or word in {"HRH", "HM", "H.E.", "HE"}:
        return "style"
    if word in gz.demonym_index() or gz.country_of(word) is not None:
        return "land"
    return None


def printed_forms(text: str, m: Mention) -> list[str]:
    """The names `m` is printed with: the run of title, style and country words right before it, whole, from its
    first title or style word and from its first title word ("HRH Crown Prince Tavo", "Crown Prince Tavo"; "Chilean
    Vice President Brandt", "Vice President Brandt"); none without a title."""
    words: list[tuple[str, str]] = []
    end = m.start
    while len(words) < MOST_WORDS:
        hit = _WORD.search(text, max(0, end - 40), end)
        if not hit or (hit.start() > 0 and not text[hit.start() - 1].isspace()):
            break
        word = hit.group().strip()
        kind = _kind(word)
        if kind is None:
            break
        words.insert(0, (word, kind))
        end = hit.start()
    if not any(k == "title" for _, k in words):
        return []
    firsts = {0, next(i for i, (_, k) in enumerate(words) if k != "land"),
              next(i for i, (_, k) in enumerate(words) if k == "title")}
    return sorted({" ".join(w for w, _ in words[i:]) + f" {m.text}" for i in firsts})


def title_aliases(ctx: Context) -> None:
    """Each person's printed forms with titles become aliases."""
    for ent in ctx.entities.values():
        if ent.type != "Person":
            continue
        for m in ent.mentions:
            for form in printed_forms(ctx.norm, m):
                if form != ent.label:
                    ent.aliases.add(form)
