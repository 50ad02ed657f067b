"""The visitor named by a noun alone: "the visiting prime minister", "the visiting Ruritanian premier", "the guest",
"the visitor", "the visiting delegation". News names the visitor once and then by such a noun ("the Prime Minister received the
visiting Ruritanian premier", "the guest was received at the airport by …", "Prior to this, the visiting Prime
Minister called on …"); the noun stands for the one person the text named in that post who is not the host, or for
the visitor of the visit the text told before. Never the host unless the host is the one on the visit."""

from __future__ import annotations

import re

from ..records import Event
from ..text import gazetteer as gz
from .context import Context
from .nominals import post_of

# "the visiting …", "the guest", "the visitors", "the delegation" (then the words of the noun are read one by one: `visiting_words`)
VISITING = re.compile(r"\b(?:[Tt]he|[A-Z][\w-]*['’]s)\s+(?:(?:distinguished|esteemed|honou?red|high-level|"
                      r"high-ranking|foreign)\s+)*(?:(?P<visiting>visiting)\s+|(?P<guest>guests?|visitors?|delegation)"
                      r"\b(?!\s+(?:of|from|led|headed)\b))")
# the nouns a visiting person is named by that are no post
PERSON_NOUNS = {"leader", "dignitary", "statesman", "stateswoman", "guest", "guests", "head", "delegation", "official",
                "visitor", "visitors", "counterpart", "delegations", "officials", "leaders"}
# lower-case words a visiting person's noun is made of ("the visiting prime minister", "the visiting head of state")
TITLE_WORDS = {"minister", "president", "premier", "prime", "chancellor", "king", "queen", "emir", "amir", "sultan",
               "leader", "pm", "fm", "secretary", "delegation", "envoy", "ambassador", "prince", "princess", "chief",
               "governor", "speaker", "head", "of", "state", "government", "foreign", "affairs", "statesman",
               "dignitary", "official", "counterpart", "vice", "deputy", "crown", "defence", "defense", "high-level",
               "commissioner", "high", "general", "secretary-general"}
TRIP_TYPES = ("Visit", "StateVisit")


def visiting_words(text: str) -> list[str] | None:
    """The words of the first "the visiting …" or "the guest" in `text` that names nobody by name after it: "the
    visiting Costa Rican premier at …" → ["Costa", "Rican", "premier"]; "the guest" → ["guest"]."""
    for m in VISITING.finditer(text):
        if m.group("guest"):
            return [m.group("guest")]
        words = []
        for w in re.findall(r"[\w’'-]+|[^\w\s]", text[m.end():])[:8]:
            if not (w[:1].isupper() or w.lower() in TITLE_WORDS):
                break
            words.append(w)
        while words and words[-1].lower() == "of":
            words.pop()
        if words and (words[-1].lower() in TITLE_WORDS or words[-1].lower() in PERSON_NOUNS):
            return words  # "the visiting Ruritanian Prime Minister Ana Ruiz" is named: not this form
    return None


def _land(words: list[str]) -> tuple[gz.Country | None, list[str]]:
    """The country a run of `words` names by its demonym or name ("Costa Rican"), and the words without it."""
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            name = " ".join(words[i:i + n])
            c = gz.demonym_index().get(name) or gz.country_of(name)
            if c is not None:
                return c, words[:i] + words[i + n:]
    return None, words


def visitor(ctx: Context, words: str, earlier: list[Event], parent: Event | None) -> str | None:
    """The person `words` ("the visiting Ruritanian premier", "the guest") stands for, or None when the text does
    not say which one. Who may be meant: the people on the visits told so far, then those the host has met; of them
    the one in the post and of the country the words name (one without a post read fits any)."""
    noun = visiting_words(words)
    if noun is None:
        return None
    land, rest = _land(noun)
    title = " ".join(rest)
    post = post_of(title) if title and title.lower() not in PERSON_NOUNS else None
    told = [e for e in earlier + [parent] if e is not None]
    trips = _visitors(ctx, told)
    host = ctx.host
    met = [q.entity for e in reversed(told) if host in {p.entity for p in e.participants}
           for q in e.participants if ctx.is_person(q.entity)]
    known = list(dict.fromkeys(k for k in trips + met if k != host or host in trips))
    fits = [k for k in known if _fits(ctx, k, post, land)]
    exact = [k for k in fits if ctx.entities[k].roles]
    if post or land:
        fits = exact if len(exact) == 1 else fits
        return fits[0] if len(fits) == 1 else None
    return trips[0] if trips and (host not in trips or trips[0] == host) and len(set(trips) - {host}) <= 1 \
        else fits[0] if len(fits) == 1 else None


def _fits(ctx: Context, key: str, post: str | None, land: gz.Country | None) -> bool:
    """`key` holds `post` in `land` (each when given), or holds no post the text read."""
    roles = ctx.entities[key].roles
    if not roles:
        return True
    return any((post is None or post_of(r.title) == post) and (land is None or _org_is(ctx, r.org, land))
               for r in roles)


def _visitors(ctx: Context, events: list[Event]) -> list[str]:
    """The people on the visits told so far, the last told first."""
    out: list[str] = []
    for ev in reversed(events):
        if ev is not None and ev.type in TRIP_TYPES:
            out.extend(q.entity for q in ev.participants if ctx.is_person(q.entity) and q.entity not in out)
    return out


def _of_land(ctx: Context, key: str, land: gz.Country) -> bool:
    return any(_org_is(ctx, r.org, land) for r in ctx.entities[key].roles)


def _org_is(ctx: Context, org: str | None, land: gz.Country) -> bool:
    e = ctx.entities.get(org) if org else None
    return e is not None and e.type == "Country" and any(gz.country_of(n) == land for n in (e.label, *e.aliases))


# "received his Santomean counterpart", "met with her Ruritanian counterparts": the counterpart not named there
COUNTERPART = re.compile(r"\b(?:his|her|their|its)\s+(?P<land>(?:[A-Z][\w'’-]*\s+){1,3})counterparts?\b(?!\s+[A-Z])")


def counterpart(ctx: Context, text: str, side: set[str]) -> str | None:
    """Whom "his <Demonym> counterpart" in `text` stands for, `side` being who met him: the one person of that
    country the text names in a post someone of `side` holds (or the one person of it named at all); None when it
    names several or none (the country alone is no one met: its envoys, its delegation are read elsewhere)."""
    m = COUNTERPART.search(text)
    if m is None:
        return None
    land, rest = _land(m.group("land").split())
    if land is None or rest:
        return None
    posts = {post_of(r.title) for k in side if k in ctx.entities for r in ctx.entities[k].roles}
    ours = [k for k, e in ctx.entities.items() if e.type == "Person" and k not in side and _of_land(ctx, k, land)]
    same = [k for k in ours if any(post_of(r.title) in posts for r in ctx.entities[k].roles)]
    return (same or ours)[0] if len(same) == 1 or len(ours) == 1 else None
