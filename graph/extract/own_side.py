"""Whose country a country named beside an official is. A sentence that names a minister of the host's side often
names another country too, one that says nothing of the minister's own: where someone goes ("his upcoming visit to
Ruritania", "Ambassador of Freedonia to Ruritania"), a country already given to another person's post ("Ruritania's
High Commissioner to Freedonia, B"), or both sides of a relation ("the Freedonian-Ruritanian relations"). Rules over
the text only."""

from __future__ import annotations

import re

from ..text import gazetteer as gz

# right before a country, or a list of them: where someone goes, or the side met ("his visits to A and B", "talks
# with A"); not an envoy's "to", which says where the news happens
_TOWARD = re.compile(r"\b(?:(?:visit|trip|tour|journey|travel|way)s?\s+to|visit(?:s|ed|ing)?|with)\s+(?:the\s+)?"
                     r"(?:(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)*\s*(?:,|\band\b)\s*)*$", re.I)
# two sides joined by a hyphen or a dash: "Freedonian-Ruritanian relations", "the Freedonia–Ruritania talks"
_PAIR = r"[-–—/]"


def countries_in(norm: str, start: int, end: int, lands: list) -> list[tuple[int, int, str]]:
    """The countries named between `start` and `end`: `lands` (mentions with a gazetteer id) and demonyms
    ("Ruritanian"), as (start, end, country name)."""
    out = [(c.start, c.end, c.gazetteer_id) for c in lands if start <= c.start < end]
    demonyms = gz.demonym_index()
    for w in re.finditer(r"\b([A-Z][a-z]+)\b", norm[start:end]):
        c = demonyms.get(w.group(1))
        at = start + w.start(1)
        if c is not None and not any(a <= at < b for a, b, _ in out):
            out.append((at, start + w.end(1), c.name))
    return out


def says_nothing_of_own(norm: str, start: int, end: int, others_orgs: dict[tuple[int, int], list],
                        own: list) -> bool:
    """The country at `start`–`end` says nothing of the country of an official named in its sentence (at the
    mentions `own`): a place someone goes to or the side met ("visit to", "talks with"), or the country of another
    person's post (`others_orgs`: its span → that person's mentions: "received Ruritania's Emir B"), unless that
    person is named with the official as one side ("Ruritanian President B and Prime Minister A"), or one side of a
    pair ("Freedonian-Ruritanian")."""
    if (start, end) in others_orgs:
        return not any(joined(norm, o, m) or joined(norm, m, o) for o in others_orgs[(start, end)] for m in own)
    if _TOWARD.search(norm[max(0, start - 80):start]) and not re.match(r"\s*,?\s*where\b", norm[end:end + 10]):
        return True  # not "a working visit to Peru, where … President B held talks": B is in Peru
    return bool(re.match(rf"{_PAIR}(?-i:[A-Z])", norm[end:end + 2]) or re.search(rf"(?-i:[a-zA-Z]){_PAIR}$",
                                                                              norm[max(0, start - 2):start]))


def joined(norm: str, first, second) -> bool:
    """`first` and `second` named as one pair: "B and Prime Minister A", "B, and A"."""
    return 0 <= second.start - first.end <= 40 and bool(
        re.fullmatch(r",?\s+and\s+(?:(?-i:[A-Z])[\w.'-]*\s+){0,4}", norm[first.end:second.start]))


def senders(norm: str, lands: list) -> set[str]:
    """The countries named right before an envoy's title ("the Ruritanian Ambassador", "Ruritania Federation
    Ambassador to …"): countries that send envoys in the text, so not the one the text happens in."""
    return {c.gazetteer_id for c in lands if re.match(r"(?:['’]s)?\s+(?:(?-i:[A-Z])\w+\s+)?(?:new\s+)?(?:Ambassador|"
                                                      r"High Commissioner|Envoy|Charg[eé])", norm[c.end:c.end + 40])}


def home_president(title: str, hosts: list[str]) -> bool:
    """A president the text names with no country, in a text whose host holds another post there (`hosts`: a
    prime minister, a premier, an acting president, a minister), not a monarch's: the president of the host's
    country, when the sentences that name them name no other ("the Premier said President A visited Freedonia")."""
    return title == "President" and bool(hosts) and not any(
        re.match(r"(?:President|King|Queen|Emir|Amir|Sultan|Crown Prince|Monarch)\b", t) for t in hosts)
