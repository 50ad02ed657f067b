"""Roles from the mentions of one piece: titles next to names ("Chairman of CITIC Group Corporation Zhu Hexin") and
unnamed posts ("the president of the Republic of Belarus"); speakers and vocatives are in `speakers`.
Rules over text and mentions only (no spaCy). Longer than most modules: the title grammar (before the name, after
it, heading a list, shared by a list) reads one set of patterns, and splitting it would split those.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..records import Mention, RoleMention, Sentence
from ..text import gazetteer as gz
from ..text.alternation import alternation
from . import confidence as conf
from .body_titles import body_title, shared_body, title_at_body
from .reach_titles import title_of_body
from .title_start import title_search, title_starts
from .chunks import Piece
from .delegation_lists import delegation_members
from .org_bounds import country_cut

# ---------------------------------------------------------------------------------------------------- roles

_TITLE_RE = None


def title_regex() -> re.Pattern:
    global _TITLE_RE
    if _TITLE_RE is None:
        alts, ports = alternation(gz.titles()), alternation(gz.portfolios())  # one trie each (text/alternation.py)
        # "Deputy Foreign Minister", "External Affairs Minister", "Minister for Climate Change", "Minister of State
        # for Defence Affairs", "Ambassador to Vietnam"
        # a portfolio the list knows, or any capitalised words that end in "Affairs" ("Foreign, Commonwealth and
        # Development Affairs"); several joined by commas or "and" are one ("of Commerce and Investment"), unless the
        # last heads another title ("Minister of Finance and Trade Minister Jan Kowal")
        port = (rf"(?:{ports}|(?-i:[A-Z])[\w-]+(?:(?:,\s*|\s+(?:and|&)\s+|\s+)(?-i:[A-Z])[\w-]+){{0,5}}?"
                rf"\s+(?-i:Affairs))")
        _TITLE_RE = re.compile(rf"(?:(?:Deputy|Vice|First|Acting|Former|Interim|Senior|Presidential|Assistant|Under|Principal)\s+)*(?:(?:{ports})\s+(?=(?:Cabinet\s+)?\w*(?:Minister|"
                               rf"Secretary|Director|Chief|Advis[eo]r|(?-i:CS|PS))\b))?(?:{alts})(?:\s+(?:of|for)\s+(?:the\s+)?{port}"
                               rf"(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+(?:of\s+|for\s+)?){port}"
                               rf"(?!\s+(?:Minister|Secretary)\b))*)?"
                               rf"(?:(?:(?<=Ambassador)|(?<=Commissioner)|(?<=Envoy))\s+to\s+(?:the\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?(?=[\s,]))?\b", re.I)
    return _TITLE_RE


_PLURAL_RE = None


def plural_title_regex() -> re.Pattern:
    """"Foreign Ministers", "the Co-Chairs of": a title that heads a list of names."""
    global _PLURAL_RE
    if _PLURAL_RE is None:
        alts = alternation(gz.titles())
        _PLURAL_RE = re.compile(rf"\b((?:(?:Deputy|Vice|First|Acting|Former)\s+)*(?:{alts}))"
                                rf"(?:s|es)\b(?:\s+of\s+(?:the\s+)?)?", re.I)
    return _PLURAL_RE


def listed_roles(piece: Piece, text: str, named: set[int]) -> list[RoleMention]:
    """"the Co-Chairs of the OSCE Minsk Group- Igor Popov, Jacques Faure, James Warlick", "Foreign Ministers Ana
    Duarte and Carlos Mendez": the title, in the singular, for each name of the list it heads. `named`: the starts
    of the person mentions a title next to them was found for already."""
    people = sorted((m for m in piece.mentions if m.type == "Person"), key=lambda m: m.start)
    orgs = [m for m in piece.mentions if m.type in ("Organization", "Country")]
    out = []
    for m in plural_title_regex().finditer(piece.text):
        a, b = piece.offset + m.start(), piece.offset + m.end()
        org = next((o for o in orgs if o.start == b), None) if m.group(0).rstrip().endswith(("of", "the")) else None
        if m.group(0).rstrip().endswith(("of", "the")) and org is None:
            # "the Co-Chairs of the OSCE Minsk Group- A, B": a body the model did not see, by its name's last word
            body = re.match(r"(?-i:[A-Z])[\w&.'-]*?(?:\s+(?-i:[A-Z])[\w&.'-]*?){0,5}(?=[-:,]|\s*$|\s+(?-i:[a-z]))",
                            text[b:b + 80])
            if body is None or body.group(0).split()[-1].lower() not in gz.org_heads():
                continue
            org = Mention(body.group(0), "Organization", b, b + body.end(), Sentence(b, b + body.end()), "rule",
                          conf.ORG_AFTER_TITLE)
        pos = org.end if org else b
        # "The envoys are A from X, B from Y": the list is what the plural title is
        verb = re.match(r"\s+(?:are|were|include[sd]?|included)\s*:?\s*(?=(?-i:[A-Z]))", text[pos:pos + 20], re.I)
        if org is None and verb:
            pos += verb.end()
        title = _title_case(m.group(1))
        if title.lower() in gz.title_words() - {t.lower() for t in gz.titles()} or re.search(
                r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|all)\s+(?:[A-Z][\w'-]+\s+)?$",
                piece.text[max(0, m.start() - 30):m.start()], re.I):
            continue  # "three Chinese presidents: A, B and C" counts holders over time, not posts held now
        for q in people:
            if q.start < pos:
                continue
            gap = text[pos:q.start]
            if not re.fullmatch(r"\s*(?:[:,-]|,?\s*and)?\s*", gap) and not re.fullmatch(MISSED_NAMES, gap) \
                    and not (verb and re.fullmatch(MISSED_ITEMS, gap)):
                break
            land = _from_country(q, text, orgs) if verb else None
            pos = land.end if land else q.end
            if land is None:  # "Presidents A (Ruritania), B (Freedonia) and C": each name's country in brackets
                land, pos = _bracketed_country(q, text) or (None, pos)
            if land is None and org is None:  # "the Venezuelan lawmakers Ana Soto and Jon Ruiz"
                land = _country_before(text[max(0, a - 80):a], max(0, a - 80), q.sentence, piece)
            if q.start not in named:
                out.append(RoleMention(title, q, land or org, q.sentence, conf.TITLE_ALONE))
    return out


# a country's name, or its abbreviation with dots ("U.S.")
_LAND = r"(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,2}|(?-i:[A-Z]\.){2,3}"

# names of a list the model did not see: "the Co-Chairs - Jan Kowal, Ana Lima, Olga Berg"
MISSED_NAMES = re.compile(r"\s*[:,-]?\s*(?:(?-i:[A-Z])[\w'.-]+(?:\s+(?-i:[A-Z])[\w'.-]+){1,3}\s*,\s*)+(?:and\s+)?")
# items of a list "A from X, B from Y" whose names the model did not see: skipped, the list goes on
_CAPS = r"(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,2}"
MISSED_ITEMS = re.compile(rf"(?:\s+(?:from|of)\s+(?:the\s+)?{_CAPS})?(?:\s*,?\s*(?:and\s+)?(?-i:[A-Z])[\w'.-]+"
                          rf"(?:\s+(?-i:[A-Z])[\w'.-]+){{0,4}}\s+(?:from|of)\s+(?:the\s+)?{_CAPS})*"
                          r"\s*(?:[:,-]|,?\s*and)?\s*")


def _from_country(q: Mention, text: str, orgs: list[Mention]) -> Mention | None:
    """"A from Ruritania": the country a listed person comes from, by its mention or the gazetteer."""
    of = re.match(r"\s+(?:from|of)\s+(?:the\s+)?", text[q.end:q.end + 12])
    if of is None:
        return None
    at = q.end + of.end()
    hit = next((o for o in orgs if o.type == "Country" and o.start == at), None)
    if hit is not None:
        return hit
    land = re.match(r"(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,2}", text[at:at + 40])
    words = land.group(0).split() if land else []
    hit = gz.country_at_start(words, most=len(words))
    if hit is None:
        return None
    n = len(" ".join(words[:hit[1]]))
    return Mention(hit[0].name, "Country", at, at + n, q.sentence, "gazetteer", conf.GAZETTEER_MENTION, hit[0].name)


def _bracketed_country(q: Mention, text: str) -> tuple[Mention, int] | None:
    """"A (Ruritania)": the country in brackets right after a name, and where the brackets end."""
    br = re.match(r"\s*\(\s*([^()\n]{2,40}?)\s*\)", text[q.end:q.end + 48])
    c = gz.country_of(br.group(1)) if br else None
    if c is None:
        return None
    at = q.end + br.start(1)
    return Mention(c.name, "Country", at, at + len(br.group(1)), q.sentence, "gazetteer", conf.GAZETTEER_MENTION,
                   c.name), q.end + br.end()


def roles_of(piece: Piece, text: str) -> list[RoleMention]:
    """Titles next to person mentions in one piece, in the patterns:
    "[Belarusian] <Title> [of [the] <Org>] <Person>", "<Person>, <Title> of [the] <Org>",
    "the <Title> of <Org>, <Person>"."""
    out = []
    orgs = [m for m in piece.mentions if m.type in ("Organization", "Country", "Place")]
    people = [m for m in piece.mentions if m.type == "Person"]
    honorific = {h.lower().rstrip(".") for h in gz.honorifics()}
    from .joined_titles import coordinated_portfolio, joined_titles, split_portfolios  # they read this grammar
    from .apposed_titles import apposed_title  # it reads this grammar too
    for p in people:
        role = body_title(p, text, orgs, title_regex().pattern, _honorifics()) \
            or title_at_body(p, text, orgs, title_regex().pattern, _honorifics(), people) \
            or title_of_body(p, text, orgs, people, title_regex().pattern, _honorifics(), piece) \
            or _role_before(p, text, orgs, piece)
        if role is not None and role.title.lower() not in honorific:  # "Sheikh" is how one is called, no post
            out.extend(joined_titles(coordinated_portfolio(role, text, piece), text, piece))
            continue
        after = _role_after(p, text, orgs, people)
        if not after and role is None:  # "the country's president, Jan Kowal," (apposed_titles.py)
            role = apposed_title(p, text, orgs, piece)
        out.extend(after or ([role] if role else []))
    out = shared_body(delegation_members(_shared_country(country_cut(out, text), text), text), text)
    out += listed_roles(piece, text, {r.person.start for r in out if r.title.lower() not in honorific})
    from .role_lists import country_pairs  # it reads this module's title grammar
    pairs = country_pairs(piece, text) + split_portfolios(piece, text)
    paired = {r.person.start for r in pairs}
    return [r for r in out if r.person.start not in paired] + pairs


# a head of state or government heads their own side: "Qatar's Emir A, and King B" are two countries
HEAD = re.compile(r"(?:President|King|Queen|Emir|Amir|Sultan|Prime Minister|Premier|Chancellor|Crown Prince)$", re.I)


def _shared_country(roles: list[RoleMention], text: str) -> list[RoleMention]:
    """A country told once for several titled names: "Ruritanian Prime Minister A and Deputy Foreign Minister B"
    (the demonym heads the list), "the Ruritanian delegation led by Trade Minister A" (a delegation's country)."""
    roles = sorted(roles, key=lambda r: r.person.start)
    out = []
    for i, r in enumerate(roles):
        if r.org is None:
            prev = out[-1] if out else None
            gap = text[prev.person.end:r.person.start] if prev else ""
            if prev is not None and prev.org is not None and prev.org.type == "Country" and not HEAD.match(r.title) \
                    and prev.org.end <= prev.person.start and prev.person.start - prev.org.end < 80 \
                    and re.fullmatch(rf"\s*(?:[,;]|[,;]?\s+and)\s+(?:the\s+)?{title_regex().pattern}\s*,?\s*{_honorifics()}",
                                     gap, re.I):
                r = RoleMention(r.title, r.person, prev.org, r.sentence, conf.TITLE_WITH_DEMONYM)
            else:
                # also "a delegation of senior U.S. officials led by …", "a delegation from Ruritania led by …",
                # "a Ruritanian delegation, including Trade Minister A and …"
                d = re.search(rf"(?:\b({_LAND})(?:['’]s)?\s+(?:(?-i:[a-z])[\w-]*\s+){{0,2}}(?:delegation|officials)|"
                              rf"\bdelegation\s+(?:of|from)\s+(?:the\s+)?(?:(?-i:[a-z])[\w-]*\s+){{0,2}}({_LAND})"
                              rf"(?:\s+(?:(?-i:[a-z])[\w-]*\s+){{0,2}}(?:officials|ministers|lawmakers))?)\s*,?\s*"
                              rf"(?:(?:which\s+was\s+|was\s+)?(?:led|headed)\s+by|including|comprising|"
                              rf"(?:which|that)\s+included)\s+(?:the\s+)?"
                              rf"(?:{title_regex().pattern})\s*,?\s*{_honorifics()}$",
                              text[max(0, r.person.start - 200):r.person.start], re.I)
                g = (1 if d.group(1) else 2) if d else 1
                words = d.group(g).split() if d else []
                c = next((c for k in range(len(words)) if (c := gz.demonym_index().get(" ".join(words[k:]))
                                                           or gz.country_of(" ".join(words[k:])))), None)
                if c is not None:
                    pos = r.person.start - len(text[max(0, r.person.start - 200):r.person.start]) + d.start(g)
                    land = Mention(c.name, "Country", pos, pos + len(d.group(g)), r.sentence, "gazetteer",
                                   conf.GAZETTEER_MENTION, c.name)
                    r = RoleMention(r.title, r.person, land, r.sentence, conf.TITLE_WITH_DEMONYM)
        out.append(r)
    return out


# a minister or secretary with no portfolio in the title yet: what they are "of" may be one
BARE_MINISTER = re.compile(r"(?<![\w-])(?:(?:Deputy|Vice|First|Acting)\s+)*(?:Minister|Secretary)$")

HONORIFICS = r"(?:Mr\.?|Ms\.?|Mrs\.?|Dr\.?|H\.\s?E\.?|Hon\.?|His Excellency|Her Excellency)(?:\s+(?:Mr\.?|Ms\.?|Mrs\.?|Dr\.?))?"


def _role_before(p: Mention, text: str, orgs: list[Mention], piece: Piece) -> RoleMention | None:
    left = text[max(0, p.start - 250):p.start]
    # "Ambassador Extraordinary and Plenipotentiary of the Republic of Ruritania to Freedonia, Jan Kowal": the
    # envoy's country is the one that sends them
    m = _envoy_to_re().search(left) and _rx(
        r"({T})\s+of\s+(?:the\s+)?((?-i:[A-Z])[\w'-]+(?:\s+(?:of\s+)?(?-i:[A-Z])[\w'-]+)"
        r"{{0,4}})\s+to\s+(?:the\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){{0,2}}\s*,?\s*{H}$",
        re.I).search(left)
    if m and re.match(r"(?:Ambassador|Envoy|High Commissioner|Charg)", m.group(1), re.I):
        words = m.group(2).split()
        c = (gz.country_at_start(words, most=len(words)) or (None,))[0]
        if c is not None:
            pos = p.start - len(left) + m.start(2)
            land = Mention(c.name, "Country", pos, pos + len(m.group(2)), p.sentence, "gazetteer",
                           conf.GAZETTEER_MENTION, c.name)
            return RoleMention(_title_case(m.group(1)), p, land, p.sentence, conf.TITLE_WITH_DEMONYM)
    # "<Title> of [the] <Org> <Person>", also with the org's short form or a comma between
    # "Director of the Intelligence Service of the Republic of Ruritania, Major General Jan Kowal"
    org = next((o for o in orgs if _rx(r"\s*(?:\([A-Z][\w&.-]{{1,10}}\))?(?:\s+of\s+(?:the\s+)?"
                                       r"(?-i:[A-Z])[\w'-]+(?:\s+(?:of\s+)?(?-i:[A-Z])[\w'-]+){{0,3}})?"
                                       r"\s*,?\s*{H}\s*").fullmatch(text[o.end:p.start])
                and o.end <= p.start), None)
    if org is not None:
        before_org = text[max(0, org.start - 120):org.start]
        # "Head of Ruritania's Intelligence Service Jan Kowal": the org's country before it
        m = _rx(r"({T})\s+of\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'-]+['’]s\s+)?$", re.I).search(before_org)
        at = org.start - len(before_org) + m.start(1) if m else 0
        if m and "," in text[org.end:p.start] and _apposed(text[max(0, at - 80):at], at, piece) \
                and not _titled_before(at, text, piece):
            # "A, Minister of the Royal Court Office, B": the post of the name before; not where that name has a
            # title before it ("the Minister for Transport, A, the Director-General of the Port Authority, B")
            return None
        if m and (org.type != "Country" or gz.country_of(org.text) is None) and BARE_MINISTER.search(m.group(1)) \
                and not re.search(r"\bof\s+(?:the\s+)?(?-i:[A-Z])", before_org[m.end(1):]):
            # "the Minister of Public Works, Jan Kowal": what a minister is "of" is the portfolio, unless a country
            title = f"{_title_case(m.group(1))} {before_org[m.end(1):].strip()} {org.text}"
            # "Minister of the Royal Diwan": a body is also the post's organisation
            body = org if any(w.lower() in gz.org_heads() for w in org.text.split()) else None
            return RoleMention(" ".join(title.split()), p, body, p.sentence, conf.TITLE_ALONE)
        land = re.match(r"\s+of\s+(?:the\s+)?((?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,2})", text[org.end:p.start])
        c = land and (gz.country_of(f"{org.text} of {land.group(1)}") or org.text.split()[-1] in (
            "Republic", "Kingdom", "Federation", "State", "Emirates") and gz.country_of(land.group(1)))
        if m and c:  # "President of the Arab Republic of Ruritania Jan Kowal": the country, not "Arab Republic"
            org = Mention(c.name, "Country", org.start, org.end + land.end(1), p.sentence, "gazetteer",
                          conf.GAZETTEER_MENTION, c.name)
        if m:
            return RoleMention(_title_case(m.group(1)), p, org, p.sentence)
        m = _rx(r"({T})\s*$", re.I).search(before_org)
        if m and org.type == "Country":  # "China President Xi Jinping"
            return RoleMention(_title_case(m.group(1)), p, org, p.sentence)
    # "the Prime Minister of Ruritania, Marek Halas" where the model saw no entity in "Ruritania"
    starts = title_starts(left)  # where a title can start (title_start.py: the same matches, fewer tries)
    m = title_search(_rx(r"({T})\s+of\s+(?:the\s+)?([A-Z][\w'-]+(?:\s+(?:of\s+)?[A-Z][\w'-]+){{0,4}}?)"
                         r"\s*,?\s*(?-i:{H}|(?:{T})\s+)?$"), left, starts)
    if m and " of " in m.group(2) and title_regex().fullmatch(left[m.start(1):m.end(2)]):
        m = None  # "President of the Council of Ministers": one title
    if m and m.end(2) < len(left.rstrip()) and _apposed(left[:m.start(1)], p.start - len(left) + m.start(1), piece):
        m = None  # "met Jan Kowal, Prime Minister of Ruritania, Prime Minister Ana Lima": Kowal's post, not Lima's
    if m and m.group(1)[0].isupper() and not any(m.group(2).startswith(x) for x in gz.portfolios()) \
            and m.group(2).lower() not in ("republic", "federation", "kingdom", "state", "government", "country") \
            and not any(q.type == "Person" and q.start < p.start - len(left) + m.end(2)
                        and p.start - len(left) + m.start(2) < q.end for q in piece.mentions) \
            and not any(q.type == "Person" and p.start - len(left) + m.start(2) <= q.start < p.start
                        for q in piece.mentions):
        # a person is no body: not "of State Ana Ruiz, Secretary of Homeland Security" + the next name, nor
        # "Secretary of State Jan Kowal, Secretary of Energy Ana Lima"
        pos = p.start - len(left) + m.start(2)
        name = m.group(2)
        # "the Federal Democratic Republic of Ruritania": the country its short name names
        c = gz.country_of(name) or (gz.country_of(name.split(" of ", 1)[1]) if re.match(
            r"(?:[A-Z]\w+\s+){0,3}(?:Republic|Kingdom|Federation|State|Commonwealth|Principality|Sultanate) of ", name)
            else None)
        typ = "Country" if c or not any(w.lower() in gz.org_heads() for w in name.split()) else "Organization"
        if c is None and typ == "Country" and BARE_MINISTER.fullmatch(m.group(1)) and len(name.split()) > 1:
            # "Minister of Marine Resources, Jan Kowal": what a bare minister is "of" is the portfolio
            title = f"{_title_case(m.group(1))} of {name}"
            return RoleMention(title, p, None, p.sentence, conf.TITLE_ALONE)
        synthetic = Mention(c.name if c else name, typ, pos, pos + len(name), p.sentence, "rule", conf.ORG_AFTER_TITLE,
                            c.name if c else "")
        title = _title_case(m.group(1))
        if typ == "Organization" and BARE_MINISTER.search(title):  # "Minister of the Royal Diwan"
            title = " ".join(left[m.start(1):m.end(2)].split())
            title = f"{_title_case(title[:len(title) - len(name)])} {name}"
        return RoleMention(title, p, synthetic, p.sentence, conf.TITLE_OF_UNSEEN_ORG)
    # "Lotus Mobility chairman Tran Quoc Bao": the company, then a lower-case title
    # "Foreign Ministry Spokesperson Lin Wei", "House of Representatives Speaker Jan Kowal": the body, then the title
    m = title_search(_rx(r"({T})\s*{H}$", re.I), left, starts)
    if m and (m.group(1)[0].islower() or m.end(1) == len(left.rstrip())):
        # a place the model typed so too, before a post no head of state holds: "White House Press Secretary"
        org = next((o for o in orgs if (o.type == "Organization" or o.type == "Place" and not HEAD.search(m.group(1)))
                    and 0 <= m.start() + p.start - len(left) - o.end <= 1 and not title_regex().fullmatch(o.text)
                    and not text[o.end:m.start() + p.start - len(left)].strip()),  # not "…Assembly.President A"
                   None)
        body = re.search(r"(?<![\w'-])((?-i:[A-Z])[\w&'-]+(?:\s+(?:of\s+)?(?-i:[A-Z])[\w&'-]+){0,4})\s$", left[:m.start()])
        if org is None and body and body.group(1).split()[-1].lower() in gz.org_heads() \
                and not title_regex().search(body.group(1)):
            # a body the model did not see, by its name's last word: "Foreign Ministry Spokesperson"
            at = p.start - len(left) + body.start(1)
            org = Mention(body.group(1), "Organization", at, at + len(body.group(1)), p.sentence, "rule",
                          conf.ORG_AFTER_TITLE)
        if org is not None:
            return RoleMention(_title_case(m.group(1)), p, org, p.sentence, conf.COMPANY_THEN_TITLE)
    # "the Minister of Defence and Veteran Affairs, Hon. Jan Kowal": a portfolio the list does not know
    m = _rx(r"(?<![\w-])((?:(?:Deputy|Vice|First|Acting)\s+)*(?:Minister|Secretary)(?:\s+of\s+State)?\s+(?:of|for)\s+"
            r"(?:the\s+)?(?-i:[A-Z])[\w'-]+(?:,?\s+(?:(?:and|&)\s+(?:of\s+|for\s+)?)?(?-i:[A-Z])[\w'-]+){{0,6}}?)\s*,?\s*{H}$"
            ).search(left)
    # a body or country the model saw inside is no portfolio ("Minister of Foreign Affairs of Ruritania"); words
    # it typed a body that name none are ("Minister for Island Peoples and of Health")
    if m and not title_regex().fullmatch(m.group(1)) and not any(
            o.start >= p.start - len(left) + m.start(1) and (gz.country_of(o.text) or o.type == "Country" or any(
                w.lower() in gz.org_heads() for w in o.text.split())) for o in orgs if o.end <= p.start) and not any(
            p.start - len(left) + m.start(1) <= q.start < p.start for q in piece.mentions if q.type == "Person"):
        country = _country_before(left[:m.start()], p.start - len(left), p.sentence, piece)
        return RoleMention(_title_case(m.group(1)), p, country, p.sentence,
                           conf.TITLE_WITH_DEMONYM if country else conf.TITLE_ALONE)
    # "Ruritania's new ambassador in Lima, Jan Kowal": an envoy's post where they serve, the sending country before
    m = _rx(r"(?<![\w-])((?:Ambassador|Envoy|High Commissioner|Consul General|Consul|Charg[eé] d.Affaires))"
            r"\s+in\s+"
            r"(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s*,?\s*{H}$", re.I).search(left)
    country = _country_before(left[:m.start()], p.start - len(left), p.sentence, piece) if m else None
    if country is not None:
        return RoleMention(_title_case(m.group(1)), p, country, p.sentence, conf.TITLE_WITH_DEMONYM)
    m = title_search(_rx(r"({T})\s*,?\s*{H}$", re.I), left, starts)
    if m and "," in left[m.end(1):] and (
            re.search(r"(?:,|\band)\s*$", left[:m.start()]) or m.group(1)[0].islower()
            and not (re.match(r"\s*(?:[.,;:)]|$)", text[p.end:p.end + 2])
                     and _country_before(left[:m.start()], p.start - len(left), p.sentence, piece))):
        # "Sheikh Mansour, Deputy Prime Minister and Minister of Presidential Affairs, Sheikh Hamdan", "With the
        # Maldivian president, A discussed …": the title is another's; but a closed apposition after a country's
        # post is the name's ("the then Polish head of state, Jan Kowal.")
        m = None
    before = left[:m.start()] if m else ""
    country = _country_before(before, p.start - len(left), p.sentence, piece) if m else None
    if not m or not (_capitalised(m.group(1)) or country is not None):
        return None  # a lower-case title only after a demonym: "Turkish defence minister Hulusi Akar"
    title = _former(before, _title_case(m.group(1)))
    if country is None and re.search(r"\bits\s+$", before):
        # "the Andean Parliament, led by its President Jan Kowal": the body named last before "its"
        at = p.start - len(left) + m.start()
        country = max((o for o in orgs if o.type == "Organization" and p.sentence.start <= o.start and o.end < at
                       and at - o.end <= 100), key=lambda o: o.end, default=None)
    if country is None:  # "President Jan Kowal (Ruritania)"
        country = (_bracketed_country(p, text) or (None,))[0]
    if country is None:  # "President Hage Geingob of Namibia"
        of = re.match(r"\s+(?:of|from)\s+(?:the\s+)?", text[p.end:p.end + 12])  # "… from the US side"
        country = next((o for o in orgs if of and o.type == "Country" and o.start == p.end + of.end()), None)
        # "First Secretary Jan Kowal of the Federated States of Ruritania": the longest name of a country there
        land = re.match(r"\s+(?:of|from)\s+(?:the\s+)?([A-Z][\w'-]+(?:\s+(?:of\s+)?[A-Z][\w'-]+){0,4})",
                        text[p.end:p.end + 80])
        hit = gz.country_at_start(land.group(1).split(), most=6) if country is None and land else None
        if hit is not None:
            name = " ".join(land.group(1).split()[:hit[1]])
            country = Mention(hit[0].name, "Country", p.end + land.start(1), p.end + land.start(1) + len(name),
                              p.sentence, "gazetteer", conf.GAZETTEER_MENTION, hit[0].name)
    return RoleMention(title, p, country, p.sentence, conf.TITLE_WITH_DEMONYM if country else conf.TITLE_ALONE)


def _capitalised(title: str) -> bool:
    """A title printed with a capital, also after a lower-case "former": "former President A" is a post's name."""
    return re.sub(r"^(?:former|ex-)\s*", "", title)[:1].isupper()


def _former(before: str, title: str) -> str:
    """"former Ruritanian President A", "ex-President A": the post held before is "Former President" (a post held
    now is "President"); the word may stand before the country's name."""
    if re.match(r"(?:former|ex-)", title, re.I):
        return "Former " + re.sub(r"^(?:former|ex-)\s*", "", title, flags=re.I)
    if re.search(r"\b(?:former|ex-)\s*(?:(?-i:[A-Z])[\w'.-]+\s+){0,3}$", before, re.I):
        return "Former " + title
    return title


@cache
def _rx(template: str, flags: int = 0) -> re.Pattern:
    """`template` with the title grammar put in for {T} and the honorifics for {H} (`str.format`: a literal brace is
    doubled, as in the f-strings they replace), compiled once: the patterns hold the whole grammar (8 kB), and
    building and looking them up in `re`'s cache for each person cost 1 % of a build."""
    return re.compile(template.format(T=title_regex().pattern, H=_honorifics()), flags)


@cache
def _envoy_to_re() -> re.Pattern:
    """The end of the envoy's pattern above ("… to Freedonia, "): where it is not there, neither is the whole."""
    return re.compile(rf"\s+to\s+(?:the\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){{0,2}}\s*,?\s*{_honorifics()}$",
                      re.I)


def _apposed(before: str, at: int, piece: Piece) -> bool:
    """A title right after "<Person>, " (`before` ends there, `at` is where the title starts) is that person's, in
    apposition: "talks with Jan Kowal, Minister of Energy of Ruritania, …"."""
    lead = re.search(r",\s*(?:the\s+)?$", before)
    return bool(lead) and any(q.type == "Person" and 0 <= at - len(before) + lead.start() - q.end <= 1
                              for q in piece.mentions)


def _titled_before(at: int, text: str, piece: Piece) -> bool:
    """The name right before "<name>, " (which ends at `at`) has a title of its own before it: "Minister A, "."""
    q = max((q for q in piece.mentions if q.type == "Person" and q.end <= at and at - q.end <= 8), key=lambda q: q.end,
            default=None)
    if q is None:
        return False
    left = text[max(0, q.start - 120):q.start]
    t = re.search(rf"(?:{title_regex().pattern})(?:\s+(?:of|for)\s+[^,;.]{{1,60}}?)?\s*,?\s*{_honorifics()}$", left,
                  re.I)
    # not a title in apposition to a name before it: "A, Minister of X, B, Secretary of Y, C" pairs A and B
    return t is not None and not _apposed(left[:t.start()], q.start - len(left) + t.start(), piece)


@cache
def _honorifics() -> str:
    """Any run of honorifics between a title and a name: "President His Highness Sheikh", "Prime Minister Datuk
    Seri", "the Amir HH Sheikh", "Counselor Dr."."""
    words = alternation(gz.honorifics())
    # a military rank too: "Prime Minister General Jan Kowal"
    return (rf"(?:(?:{HONORIFICS}|His Highness|Her Highness|His Majesty|Her Majesty|(?-i:HH|HE|H\.H\.|General|Admiral)|"
            rf"Counsell?or|{words})\s*){{0,4}}")


def _country_before(before: str, offset: int, sentence: Sentence, piece: Piece) -> Mention | None:
    """The country right before a title: a demonym or name ("Belarusian Minister of Foreign Affairs", "United
    States of America President") or a possessive ("Syria's interim President", "Turkey's National Defense
    Minister")."""
    # "U.S. Secretary of State", "U.K. Trade Secretary": an abbreviation with dots is one word
    # an adjective may come between: "the UK's outgoing deputy prime minister", "the then Polish head of state"
    # "St. Kitts and Nevis Prime Minister": a name's abbreviation with a dot and its "and" are in it too
    # "the United States of America (USA) Ambassador": a short name in brackets after the country's
    dm = re.search(r"((?:[A-Z][\w'-]+\.?\s+(?:of\s+|and\s+|&\s+)?){0,3}(?:[A-Z][\w-]+|(?:[A-Z]\.){2,3}))"
                   r"(?:\s*\([A-Z]{2,6}\))?(?:['’]s)?\s+"
                   r"(?:(?:outgoing|effective|interim|acting|then|new|former|current|incoming|de facto|visiting|"
                   r"(?:non-)?resident|newly[- ]appointed)\s+)?$", before)
    if not dm:
        return None
    words = dm.group(1).split()
    for i in range(len(words)):  # the longest name that ends right before the title
        name = " ".join(words[i:])
        c = gz.demonym_index().get(name) or gz.country_of(name)
        if c is not None:
            pos = offset + dm.end(1) - len(name)
            return Mention(c.name, "Country", pos, pos + len(name), sentence, "gazetteer", conf.GAZETTEER_MENTION,
                           c.name)
    stem = words[-1]
    if re.search(r"(?:ian|ean|ese|ish|an|i)$", stem) and piece.places:
        # a demonym the gazetteer lacks ("Ruritanian"): the country of the text it was made from
        land = next((n for n in piece.places if stem.startswith(n[:max(4, len(n) - 2)])), None)
        if land:
            pos = offset + dm.end(1) - len(stem)
            return Mention(land, "Country", pos, pos + len(stem), sentence, "rule", conf.DEMONYM_OF_THE_TEXTS_COUNTRY,
                           "")
    return None


def _role_after(p: Mention, text: str, orgs: list[Mention], people: list[Mention]) -> list[RoleMention]:
    """"<Person>, [the] [new] [<Country>] <Title> [of [the] <Org>] [and <Title> …]": "John Carver, the new United
    States Ambassador to Peru", "Sheikh Khalid, Prime Minister and Minister of Interior"."""
    right = text[p.end:p.end + 200]
    m = re.match(rf",\s+(?:the\s+)?(?:(?:new|newly[- ]appointed|current|incoming)\s+)?"
                 rf"((?:[A-Z][\w'-]+\s+){{0,3}}?)({title_regex().pattern})(?:\s+of\s+(?:the\s+)?)?", right, re.I)
    if not m:
        return []
    nxt = next((q for q in people if 0 <= q.start - (p.end + m.end(2)) <= 2), None)
    if nxt is not None and ";" not in text[p.end + m.end(2):nxt.start] and not (
            text[p.end + m.end(2):nxt.start] == ", " and re.match(rf",\s+(?:{title_regex().pattern})",
                                                                 text[nxt.end:nxt.end + 60], re.I)):
        # "President Ana Duarte, Prime Minister Jonas Berg and …": the title of the next name; unless names and
        # titles alternate: "Ana Soto, Member of Parliament, Jon Ruiz, Deputy Minister of Energy", or a semicolon
        # closes the item: "Ana Soto, Minister of Energy; Jon Ruiz, …"
        return []
    nxt = re.match(rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'-]+|and|&)(?:\s+(?:(?-i:[A-Z])[\w'-]+|and|&))"
                   rf"{{0,6}})?\s*,\s*{_honorifics()}", right[m.end(2):])
    if re.match(r",\s+the\s", m.group(0)) and nxt and any(q.start == p.end + m.end(2) + nxt.end() for q in people):
        return []  # "A, the Minister of Defence, Hon. B, the …": a list of titles before names; the title is B's
    country = None
    if m.group(1):
        c = gz.demonym_index().get(m.group(1).strip()) or gz.country_of(m.group(1).strip())
        if c is None:
            return []
        country = Mention(c.name, "Country", p.end + m.start(1), p.end + m.start(1) + len(m.group(1).strip()),
                          p.sentence, "gazetteer", conf.GAZETTEER_MENTION, c.name)
    title = _title_case(m.group(2))
    org = country or next((o for o in orgs if p.end + m.end() <= o.start <= p.end + m.end() + 1), None)
    if org is None:
        org = next((o for o in orgs if p.end + m.end(2) < o.start <= p.end + m.end(2) + 1), None)
    if org is None and m.group(0).rstrip().endswith(("of", "of the")):
        # "Carla Ventura, chairwoman of the Brazilian-Mexican offshore venture Atlântico Golfo Petróleo"
        org = next((o for o in orgs if o.type in ("Organization", "Country") and 0 < o.start - (p.end + m.end()) <= 60
                    and re.fullmatch(r"(?:[\w-]+\s+){1,5}", text[p.end + m.end():o.start])), None)
    if org is None and m.group(0).rstrip().endswith("of"):
        # "Ana Lima, Minister of Foreign Affairs of Ruritania": a country the model took into a body's name
        land = re.match(r"(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,3}", text[p.end + m.end():p.end + m.end() + 60])
        hit = gz.country_at_start(land.group(0).split(), most=4) if land else None
        if hit is not None and hit[1] == len(land.group(0).split()):
            at = p.end + m.end()
            n = len(" ".join(land.group(0).split()[:hit[1]]))
            org = Mention(hit[0].name, "Country", at, at + n, p.sentence, "gazetteer", conf.GAZETTEER_MENTION,
                          hit[0].name)
    if org is None and re.search(r"\bgovernment$", m.group(2), re.I) is None and m.group(0).rstrip().endswith("of the"):
        # "Jan Kowal, head of the caretaker government of the Ruritanian Republic": the government's country
        g = re.match(r"(?:[a-z][\w-]*\s+){0,2}government\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?"
                     r"((?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,2})", text[p.end + m.end():p.end + m.end() + 90])
        words = g.group(1).split() if g else []
        c = words and (gz.country_of(" ".join(words)) or gz.demonym_index().get(words[0]) or gz.country_of(words[0]))
        if c:
            at = p.end + m.end() + g.start(1)
            org = Mention(c.name, "Country", at, at + len(g.group(1)), p.sentence, "gazetteer",
                          conf.GAZETTEER_MENTION, c.name)
    if org is not None and org.type == "Organization" and re.search(r"\bMinister$", title) and re.fullmatch(
            r"\s+of\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'-]+\s+(?:of\s+(?:the\s+)?)?){0,3}", text[p.end + m.end(2):org.start]):
        # "A, Minister of the Diwan of Royal Court": the body is part of the post's name
        title = _title_case(" ".join(text[p.end + m.start(2):org.end].split()))
    gov = re.match(r"(?:[a-z][\w-]*\s+){0,2}government(?=\s+of\b)", text[p.end + m.end():p.end + m.end() + 60])
    if gov and m.group(0).rstrip().endswith("of the"):
        title = _title_case(f"{m.group(2)} of the {gov.group(0)}")  # "Head of the Caretaker Government"
    out = [RoleMention(title, p, org, p.sentence, conf.TITLE_AFTER_NAME if org else conf.TITLE_AFTER_NAME_NO_ORG)]
    # "…, Deputy Prime Minister and Minister of Presidential Affairs,"
    more = re.match(rf"\s+and\s+({title_regex().pattern})\s*[,.;]", right[m.end(2):], re.I) if org is None else None
    if more:
        out.append(RoleMention(_title_case(more.group(1)), p, None, p.sentence, conf.TITLE_AFTER_NAME_NO_ORG))
    return out


def _title_case(title: str) -> str:
    small = {"of", "the", "and", "for", "to"}
    words = " ".join(title.split()).split(" ")
    if title.isupper() and len(title) <= 4:
        return title
    # "PRIME Minister" (a newspaper's capitalised lead word) is "Prime Minister"; "CEO" stays
    return " ".join(w if w.lower() in small or w.isupper() and len(w) <= 4 else w[:1].upper() + w[1:].lower()
                    if w.isupper() else w[:1].upper() + w[1:] for w in words)


def unnamed_posts(text: str, mentions: list[Mention]) -> list[tuple[str, Mention]]:
    """"the president of the Republic of Belarus" with no name attached: (title, country mention)."""
    out = []
    for c in (m for m in mentions if m.type == "Country"):
        before = text[max(0, c.start - 60):c.start]
        m = re.search(rf"\b(?:the|as)\s+({title_regex().pattern})\s+of\s+(?:the\s+)?$", before, re.I)
        if m and not re.match(r"[ \t]*,?[ \t]*(?:[A-Z][a-z]*\.?\s+)?[A-Z][a-z]", text[c.end:c.end + 30]):
            # not "the Prime Minister of the Netherlands, Mark Rutte": that post has a name
            out.append((_title_case(m.group(1)), c))
    # "Turkey's president on Monday met …": a country's post with no name after it
    for m in re.finditer(r"\b((?-i:[A-Z])[\w-]+(?: (?-i:[A-Z])[\w-]+)?)['’]s\s+(president|prime minister|chancellor|"
                         r"premier|king|emir|amir|sultan)\b(?!\s*,?\s*(?-i:[A-Z]))", text, re.I):
        c = gz.country_of(m.group(1)) or gz.country_of(m.group(1).split()[-1])
        if c is not None:
            sent = Sentence(m.start(), m.end())
            out.append((_title_case(m.group(2)), Mention(c.name, "Country", m.start(1), m.end(1), sent, "rule",
                                                         conf.DEMONYM_BEFORE_POST, c.name)))
    # "the first state visit of a Serbian president": a demonym before a lower-case title
    for m in re.finditer(r"\b(?:a|the|as)\s+([A-Z][\w'-]+)\s+(president|prime minister|chancellor|premier|king)\b",
                         text):
        c = gz.demonym_index().get(m.group(1))
        if c is not None:
            sent = Sentence(m.start(), m.end())
            out.append((_title_case(m.group(2)), Mention(c.name, "Country", m.start(1), m.end(1), sent, "rule",
                                                         conf.DEMONYM_BEFORE_POST,
                                                         c.name)))
    return out
