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


# a receiving verb right before a country (or its demonym): "received the Ruritanian Foreign Minister", "welcomed
# the visiting Freedonian delegation", "hosts Ruritania's Emir"; not the passive "was received by"
_RECEIVED = re.compile(r"\b(?:receiv(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|host(?:s|ed|ing)?|greet(?:s|ed|ing)?)\s+"
                       r"(?:the\s+|a\s+|an\s+)?(?:visiting\s+|new\s+|newly\s+appointed\s+|high-level\s+)?$", re.I)
_GUEST_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?-i:[A-Z])[\w-]+\s+){0,4}?(?:(?-i:[A-Z])[\w-]+|delegation|"
                          r"counterparts?|envoys?|ambassadors?|ministers?|officials?|leaders?)\b")


def received(norm: str, lands: list) -> set[str]:
    """The countries of those a text's person receives ("received the Ruritanian Foreign Minister, A", "welcomed
    a Freedonian delegation"): the guest's side, so never the receiving host's own country."""
    return {c.gazetteer_id for c in lands
            if _RECEIVED.search(norm[max(0, c.start - 40):c.start])
            and not re.search(r"\b(?:was|were|been|being|be|is|are)\s+\w+\s*$", norm[max(0, c.start - 40):c.start])
            and _GUEST_AFTER.match(norm[c.end:c.end + 60])}


def filed_abroad(norm: str, home: str) -> bool:
    """The report's dateline is in another country than `home` (the host's, by its label), or its first sentence
    has someone travel to another: "ISLAMABAD: Ruritanian Minister A met Prime Minister B", with A taken for the
    host. The people named with no country of their own are then not surely of the host's side."""
    from .guest_lands import TRIP, land_of
    from .home import dateline_country, dateline_end, travelled_to
    own = gz.country_of(home)
    if own is None:
        return False
    filed = dateline_country(norm)
    # "New Delhi: Minister A paid a visit to Male": a ministry's release filed at home tells a trip abroad
    first = norm[dateline_end(norm):dateline_end(norm) + 250].split("\n")[0]  # its opening ("Smt." is no end)
    for t in TRIP.finditer(first) if filed is not None else ():
        # the place, or the country after it: "a visit to Tarvik, Ruritania"
        after = re.match(r",\s*((?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,2})", first[t.end("land"):])
        c = land_of(t.group("land")) or (land_of(after.group(1)) if after else None)
        if c is not None and c.name != filed.name:
            return False
    return filed is not None and filed.name != own.name or bool(travelled_to(norm) - {own.name})


def anothers_post(norm: str, country, named: list) -> bool:
    """An unnamed post ("the President of Ruritania") in a sentence that names the host (`named`: the host's
    mentions) apart from him: another's post ("A renewed his invitation to the President of Ruritania"), not his
    own; his own is apposed to his name ("A, the President of Ruritania," / "the President of Ruritania, A")."""
    start = max(norm.rfind(".", 0, country.start), norm.rfind("\n", 0, country.start)) + 1
    ends = [i for i in (norm.find(". ", country.end), norm.find("\n", country.end)) if i >= 0]
    end = min(ends) if ends else len(norm)
    mine = [m for m in named if start <= m.start < end]
    if not mine:
        return False
    return not any(re.fullmatch(r",\s*(?:the\s+|as\s+)?(?:[\w'-]+\s+){1,5}(?:of\s+(?:the\s+)?)?",
                                norm[m.end:country.start]) or 0 <= m.start - country.end <= 4
                   or _as_his_post(norm[m.end:country.start]) for m in mine)


def _as_his_post(between: str) -> bool:
    """"A … on his election as President of", "A was sworn in as Prime Minister of": the post he is told to take,
    with no one else named between his name and it."""
    tail = re.search(r"\bas\s+(?:the\s+)?(?:[\w'-]+\s+){1,4}of\s+(?:the\s+)?$", between)
    return bool(tail) and tail.start() <= 60 and not re.search(r"(?-i:[A-Z])", between[:tail.start()])
