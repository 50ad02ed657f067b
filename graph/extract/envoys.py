"""Envoys the text names by their nationality alone: "in a meeting with the Mexican ambassador", "the new Danish,
Chilean and Kenyan ambassadors presented their credentials to …", and counterparts ("met his Polish counterpart").
Such an envoy stands for the one person the text names in that post for that country (for a counterpart: in any
post there, the host's own post when several), else for his country, met as such (the annotation's convention for
an unnamed envoy); one ceremony per country where several present their credentials. A named envoy ("Mexican
Ambassador Ana Ruiz") is a person met, found by the parse. Text rules over the gazetteer's nationality words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..ids import plain_key
from ..records import Entity
from ..text import gazetteer as gz
from . import confidence as conf
from .context import Context
from .nominals import post_of

# the envoy's title after the nationality words ("ambassador", "High Commissioners", "chargé d'affaires")
ENVOY = r"(?i:ambassadors?(?:[- ]designate)?|envoys?|high[- ]commissioners?|charg[ée]s?[- ]d['’]affaires|" \
        r"counterparts?)"
# between the nationality words and the title: "the new Mexican ambassador", "the Italian resident ambassador"
BETWEEN = r"(?:\s+(?i:new|newly[- ]appointed|incoming|outgoing|resident|non-resident|accredited))?"
# a word that may be (part of) a nationality: "Mexican", "South African", "Papua New Guinean"
WORD = r"[A-Z](?:[\w'’-]+|(?:\.[A-Z])+\.?)"  # "Mexican", "U.S."
ITEM = rf"{WORD}(?:\s+{WORD}){{0,2}}"
SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
LISTED = re.compile(rf"(?P<list>{ITEM}(?:{SEP}{ITEM})*){BETWEEN}\s+(?P<title>{ENVOY})\b")
# a name right after a singular title: "Mexican Ambassador Ana Ruiz", "the Swedish ambassador, Mr. Karl Nyberg,"
NAMED_AFTER = re.compile(r"^\s*(?P<comma>,)?\s*(?P<hon>(?:Mr|Mrs|Ms|Dr|H\.?\s?E)\.?\s+)?(?P<first>[A-Z][\w'’.-]+)"
                         r"(?:\s+[A-Z][\w'’.-]+)+")


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, gz.Country]:
    return gz.demonym_index()


def _named(rest: str) -> bool:
    """A name follows the envoy's title: "Ambassador Ana Ruiz", "the ambassador, Mr. Karl Nyberg," but not a clause's
    next subject or a list's next item set off by a comma ("…ambassador, Minister Tove Rask said")."""
    m = NAMED_AFTER.match(rest)
    # "…, Turkish President Tayyip Erdogan, and …": the next item of a list, not his name
    return bool(m) and not (m.group("comma") and not m.group("hon") and (
        m.group("first").lower() in gz.title_words() or m.group("first") in _demonyms()))


def _land(item: str) -> gz.Country | None:
    """The country of a nationality item, its last words first ("the Mexican" → Mexico, "South African")."""
    words = item.split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        land = _demonyms().get(tail) or gz.country_of(tail)  # "the US ambassador", "New Zealand High Commissioner"
        if land is not None:
            return land
    return None


def unnamed_envoys(text: str) -> list[tuple[str, str]]:
    """(country, title) of each envoy `text` names by nationality alone (gazetteer names, in order; the title in the
    singular, lower case): "the new Mexican,
    Italian and Belgian ambassadors" → Mexico, Italy, Belgium; "the Swedish ambassador" → Sweden; none for "Swedish
    Ambassador Karl Nyberg" (named), "the Swedish ambassador's proposal" (someone's thing), or a list whose last item
    is no nationality ("Foreign Minister and ambassador")."""
    out: list[tuple[str, str]] = []
    for m in LISTED.finditer(text):
        title = m.group("title").lower()
        kind = _kind(title)
        plural = title.endswith("s") and not title.endswith("affaires") or title.startswith(("chargés", "charges"))
        rest = text[m.end():]
        if rest.startswith(("'", "’")) or not plural and _named(rest):
            continue
        items = re.split(SEP, m.group("list"))
        lands = []
        for item in reversed(items):  # the nationalities run back from the title: "Tuesday the new A, B" stops at
            land = _land(item)  # "Tuesday"
            if land is None:
                break
            lands.append(land.name)
        if not lands or not plural and len(lands) > 1:
            continue
        out.extend((x, kind) for x in reversed(lands) if (x, kind) not in out)
    return out


def _kind(title: str) -> str:
    """"High Commissioners" → "high commissioner", "chargés d'affaires" → "chargé d'affaires"."""
    t = " ".join(title.replace("-", " ").split())
    for k in ("high commissioner", "ambassador", "envoy", "counterpart"):
        if t.startswith(k):
            return k
    return "chargé d'affaires"


def envoy_party(ctx: Context, land: str, kind: str) -> str:
    """Whom "the <nationality> <title>" stands for: the one person the text names in that post for that country
    ("John Carver, the new United States Ambassador" for "the US ambassador"), else the country itself."""
    holders = {k for k, e in ctx.entities.items() if e.type == "Person" and any(
        r.org in ctx.entities and _same_land(ctx.entities[r.org], land) and _fits(r.title, kind) for r in e.roles)}
    if kind == "peer":  # "his counterparts from A and B" (peer_lands.py): only one in the host's own post there
        posts = {post_of(r.title) for r in ctx.entities[ctx.host].roles} if ctx.host else set()
        holders = {k for k in holders if any(post_of(r.title) in posts for r in ctx.entities[k].roles)}
    if kind == "counterpart" and len(holders) > 1 and ctx.host:  # "his Polish counterpart": the host's post there
        posts = {post_of(r.title) for r in ctx.entities[ctx.host].roles}
        holders = {k for k in holders if any(post_of(r.title) in posts for r in ctx.entities[k].roles)}
    return next(iter(holders)) if len(holders) == 1 else country_entity(ctx, land)


def _same_land(ent: Entity, land: str) -> bool:
    return ent.type == "Country" and any((c := gz.country_of(n)) is not None and c.name == land
                                         for n in (ent.label, *ent.aliases))


def _fits(title: str, kind: str) -> bool:
    t = title.lower().replace("-", " ")
    if kind in ("counterpart", "peer"):  # any post held in that country
        return True
    if kind == "envoy":
        return any(w in t for w in ("ambassador", "envoy", "high commissioner", "affaires"))
    return kind.split()[0] in t if kind != "chargé d'affaires" else "affaires" in t


def country_entity(ctx: Context, name: str) -> str:
    """The key of the country entity the text has for `name` (a gazetteer name), made when the text names the
    country only by its nationality word."""
    land = gz.country_of(name)
    if land is not None and (key := ctx.country_key(land)) is not None:
        return key
    key = plain_key("Country", name)
    aliases = set(land.aliases) | set(land.demonyms) if land else set()
    ctx.entities.setdefault(key, Entity(key, "Country", name, aliases, [], [], conf.ORG_OF_ROLE, "gazetteer"))
    return key
