"""Lists of foreign leaders met one by one: "On Sunday A met with Chilean President B, Kenya's President C and
the Prime Minister of Poland, D", where each name carries its own title and its own country. Leaders of different
countries named so in one breath after "met" are, in news of a leader's busy day, a row of bilateral meetings (one
each), unless the sentence or the one before or after it calls it a gathering of them all ("a trilateral
meeting", "jointly", "the three presidents").

Also names that go one by one with as many countries ("met his peers from A and B, X and Y"), a bare list of titled
names (the envoys listed after a credentials sentence), and everyone named after "the meeting was attended by".
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.gazetteer import countries, titles

# a gathering of them all, not one each: "a trilateral meeting", "the three presidents"
GATHERING = (r"trilateral|tripartite|quadrilateral|multilateral|three-way|four-way|"
             r"(?:the|all) (?:three|four|five|six|seven|eight) (?:[\w-]+ )?(?:leaders|presidents|prime ministers|"
             r"premiers|ministers|heads of state|sides|parties)")
ALL_OF_THEM = re.compile(r"\b(?:" + GATHERING + r")\b", re.I)
# … and in the sentence itself also "jointly", "together", "a joint meeting"
TOGETHER = re.compile(r"\b(?:" + GATHERING + r"|joint|jointly|together|collectively|group of|summit meeting of)\b",
                      re.I)


@lru_cache(maxsize=1)
def _country_words() -> re.Pattern:
    """Any country name, alias or demonym as written (capitalised), longest first."""
    words = {w for c in countries() if not c.historical for w in (c.name, *c.aliases, *c.demonyms)
             if w[:1].isupper() and len(w) > 2}
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])")


@lru_cache(maxsize=1)
def _title_words() -> re.Pattern:
    alts = "|".join(re.escape(t) for t in titles() if len(t) > 2)
    return re.compile(r"\b(?:" + alts + r"|counterpart|PM|FM)\b", re.I)


def _land(word: str) -> str:
    """The country a name, alias or demonym stands for."""
    for c in countries():
        if word == c.name or word in c.aliases or word in c.demonyms:
            return c.name
    return word


def item_country(segment: str) -> str | None:
    """The country of one list item, from the words between the previous name and this one: "Kazakh President",
    ", Jordan's King", "and the Prime Minister of Antigua and Barbuda," — a title and a country, or None."""
    if not _title_words().search(segment):
        return None
    found = [_land(m.group()) for m in _country_words().finditer(segment)]
    return found[-1] if found and len(set(found)) == 1 else None


def leaders_apart(text: str, after: int, names: list[tuple[int, int]]) -> bool:
    """Two or more names after a meeting word at `after` (offsets into the sentence `text`), each with its own title
    and a country of its own, the countries not all the same, the sentence telling no gathering of them all."""
    if len(names) < 2 or TOGETHER.search(text):
        return False
    lands, prev = [], after
    for start, end in names:
        land = item_country(text[prev:start])
        if land is None:
            return False
        lands.append(land)
        prev = end
    return len(set(lands)) > 1


# what may stand between the items of a list of titled names besides names, titles and countries
LIST_GLUE = re.compile(r"(?i:\b(?:and|the|of|his|her|excellency|excellencies|h\.?e\.?|mr|mrs|ms|dr|madam|as well as|"
                       r"republic|kingdom|state|high|deputy|new|to|designate|non-resident|resident|plenipotentiary|"
                       r"extraordinary|special|representative|head|mission|chief)\b)|['’]s\b|[,;:.()&–—-]")


def titled_list(text: str, names: list[tuple[int, int]]) -> bool:
    """`text` (a sentence) is nothing but a list of two or more titled names: "Kenya's High Commissioner A, Chilean
    Ambassador B and Irish Ambassador C." — no verb, every word a name's, a title's, a country's or a list's."""
    if len(names) < 2:
        return False
    rest, prev = [], 0
    for start, end in sorted(names):
        rest.append(text[prev:start])
        prev = end
    rest.append(text[prev:])
    left = LIST_GLUE.sub(" ", _country_words().sub(" ", _title_words().sub(" ", " ".join(rest))))
    return not left.split() and _title_words().search(text) is not None


def attended_by_all(tok) -> bool:
    """`tok` is "attended" in "<the meeting|it> was attended by …" and no clause of its own with a verb of saying or
    doing follows it ("…, who made contributions, he said"): the list after "by" is whom the meeting had."""
    if tok.lemma_.lower() != "attend" or not any(c.dep_ == "agent" for c in tok.children):
        return False
    rest = tok.doc[tok.i + 1:tok.sent.end].text
    return not re.search(r"\b(?:said|says|told|added|noted|stressed|discussed|agreed|signed)\b", rest)


# "his peers from A and B, X and Y", "counterparts of A and B, X and Y": one country each, in order
PEERS_FROM = re.compile(r"\b(?:counterparts|peers|colleagues|opposite numbers|[Pp]residents|[Pp]rime [Mm]inisters|"
                        r"[Ff]oreign [Mm]inisters|[Mm]inisters|leaders)\s+(?:from|of)\s+(?:the\s+)?(?P<lands>[^;:]*?),?"
                        r"\s*$")
# "visited A and B, where he met with Presidents X and Y"
WHERE_MET = re.compile(r"\b(?:visited|toured|visits to|trips? to|stops in|in)\s+(?P<lands>[^;:]*?),\s*where\b[^,;:]*$")
PLURAL_BEFORE = re.compile(r"\b(?:[Pp]residents|[Pp]rime [Mm]inisters|[Pp]remiers|[Kk]ings|[Ll]eaders|counterparts|"
                           r"[Mm]inisters)\s*$")


def _lands_only(words: str) -> int:
    """How many countries `words` names, when it is nothing but a list of them ("Argentina and Brazil"); else 0."""
    found = _country_words().findall(words)
    left = re.sub(r"\b(?:and|the)\b|[,&]", " ", _country_words().sub(" ", words))
    return len(found) if not left.split() else 0


def respectively(text: str, after: int, names: list[tuple[int, int]]) -> bool:
    """Names that go one by one with a list of as many countries: "met his peers from A and B, X and Y", "visited A
    and B, where he met with Presidents X and Y" — a meeting with each, not one of them all."""
    if len(names) < 2 or TOGETHER.search(text):
        return False
    lead = text[after:names[0][0]]
    peers = PEERS_FROM.search(lead)
    if peers and _lands_only(peers.group("lands")) == len(names):
        return True
    where = WHERE_MET.search(text[:after])
    return bool(where and PLURAL_BEFORE.search(lead) and _lands_only(where.group("lands")) == len(names))


def together_around(sent) -> bool:
    """The sentence before or after `sent` (a spaCy span) tells the meeting as one of them all: "The trilateral talks
    focused on …", "After the talks the three presidents laid a wreath"."""
    doc = sent.doc
    near = [doc[sent.start - 1].sent.text] if sent.start > 0 else []
    near += [doc[sent.end].sent.text] if sent.end < len(doc) else []
    return any(ALL_OF_THEM.search(t) for t in near)
