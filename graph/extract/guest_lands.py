"""The receiving side's country: where a guest travels is the country of the people who receive him.

"The Ruritanian Foreign Minister, who arrived in Tarvik on Thursday, met Prime Minister Jan Berg": Berg's post names
no country, and the text's countries count for the guest's side as often as for his; but the place the guest arrived
in, visits or is welcomed to is Berg's country. A post whose country was only guessed (from the host's country or
the countries the text names) is given the country a guest travels to when its holder is named with that guest (by
name, or by the guest's country) and is neither the traveller nor one who travels with him ("accompanied by",
"the delegation included"). A traveller's own post guessed in the country he travels to loses that country, and
those named before "are accompanying C" hold their posts in C's country."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..records import Mention, Role, Sentence
from ..text import gazetteer as gz
from . import confidence as conf
from .context import Context

# a trip and where it goes: "arrived in Tarvik", "on a state visit to the Republic of Ruritania", "flew to Tarvik",
# "welcomed the Ruritanian President to Freedonia"
TRIP = re.compile(
    r"\b(?:arriv(?:ed|es|ing|al)\s+(?:in|at)|landed\s+in|(?:visit|trip|tour|journey)\s+(?:to|in)|"
    r"fl(?:ew|ies|ying)\s+(?:in)?to|travel(?:l)?(?:ed|s|ing)?\s+to|welcom\w*\s+(?P<guest>[^.;!?]{1,80}?)\s+to|"
    # "who is visiting Tarvik", "came to Tarvik", "is in Tarvik on a three-day state visit"
    r"(?:is|was|are|were|been|while|when|who|currently|now)\s+(?:currently\s+|now\s+)?visiting|"
    r"(?:came|comes|coming)\s+to|(?:is|was|are|were|been)\s+(?:currently\s+|now\s+)?in"
    r"(?=\s+(?:the\s+)?(?-i:[A-Z])[\w'.-]+(?:\s+(?-i:[A-Z])[\w'.-]+){0,2}\s+(?:on|for)\s+(?:an?|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,3}(?:visit|trip|tour)\b))"
    r"\s+(?:the\s+)?(?P<land>(?-i:[A-Z])[\w'.-]+(?:\s+(?:of\s+)?(?-i:[A-Z])[\w'.-]+){0,3})", re.I)
# a sentence that names those travelling with the guest: they are of the guest's side
WITH_GUEST = re.compile(r"\b(?:accompan\w+|entourage|joined\s+by|along\s+with|together\s+with|retinue|"
                        r"delegation\s+(?:that\s+|which\s+)?(?:includ|compris|consist)\w*|"
                        r"members?\s+of\s+(?:the|his|her)\s+delegation)\b", re.I)
PRONOUN_START = re.compile(r"\s*(?:He|She|His|Her)\b")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])|\n+")


@dataclass
class Trip:
    """A guest's journey told in one sentence: the country it goes to, who travels (entity keys) and the countries
    the traveller is told to come from (by name or demonym in that sentence)."""

    land: str
    sentence: Sentence
    travellers: set[str] = field(default_factory=set)
    lands: set[str] = field(default_factory=set)
    subject: bool = False  # the traveller opens the sentence that tells the trip


def sentences_of(norm: str) -> list[Sentence]:
    """The text cut at sentence ends and line breaks (no spaCy: the rules read the text again)."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(norm):
        out.append(Sentence(start, m.start()))
        start = m.end()
    out.append(Sentence(start, len(norm)))
    return [s for s in out if s.end > s.start]


def sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    """The sentence of `sentences` (in order, not overlapping) that `pos` falls in."""
    i = bisect_right([s.start for s in sentences], pos) - 1
    return sentences[i] if i >= 0 and sentences[i].start <= pos < sentences[i].end else None


def land_of(words: str) -> gz.Country | None:
    """The country the longest run of `words` from their start names, as a country or a city in it (a sentence's
    full stop after it dropped: "a visit to Norway.")."""
    parts = re.sub(r"(?<=\w\w)\.$", "", words.strip()).split()
    hit = gz.country_at_start(parts)
    if hit:
        return hit[0]
    for k in range(len(parts), 0, -1):
        c = gz.country_of_city(" ".join(parts[:k]))
        if c is not None:
            return c
    return None


def land_named(name: str) -> str:
    """The gazetteer's name of a country entity's label ("the Republic of Zambia" → Zambia), else the label."""
    c = gz.country_of(name) or land_of(name)
    return c.name if c is not None else name


def countries_in(text: str) -> set[str]:
    """The countries a stretch of text names, by a demonym or a country's name of one or two words."""
    demonyms = gz.demonym_index()
    out = set()
    for w in re.finditer(r"(?=\b([A-Z][a-z]+)(?: ([A-Z][a-z]+))?\b)", text):
        for name in ([f"{w.group(1)} {w.group(2)}"] if w.group(2) else []) + [w.group(1)]:
            c = demonyms.get(name) or gz.country_of(name)
            if c is not None:
                out.add(c.name)
                break
    return out


def trips(ctx: Context, people: list[tuple[Mention, str]], sentences: list[Sentence]) -> list[Trip]:
    """Each journey the text tells and who makes it: the persons welcomed ("welcomed A to …"), else the person named
    nearest before the trip in its sentence, else the person named last before a sentence opening with a pronoun;
    and the countries its sentence names besides the destination (the traveller's own)."""
    norm, out = ctx.norm, []
    for m in TRIP.finditer(norm):
        land = land_of(m.group("land"))
        s = sentence_at(sentences, m.start())
        if land is None or s is None:
            continue
        trip = Trip(land.name, s)
        trip.lands = countries_in(norm[s.start:s.end]) - {land.name}
        if m.group("guest"):
            a, b = m.start("guest"), m.end("guest")
            trip.travellers = {k for p, k in people if a <= p.start < b}
        elif re.search(r"\b(?:his|her|their)\s+(?:\w+\s+){0,3}$", norm[max(0, m.start() - 40):m.start()], re.I):
            # "during his visit to …": anyone the sentence names may be the one travelling
            trip.travellers = {k for p, k in people if s.start <= p.start < s.end}
        else:
            before = [(p, k) for p, k in people if s.start <= p.start < m.start()]
            if before and re.match(r"(?:are|were)\b", m.group(), re.I):
                # "A and a delegation, including B and C, are in Tarvik on a visit": all of them travel
                trip.travellers = {k for _, k in before}
            elif before:
                near = max(before, key=lambda x: x[0].start)
                trip.travellers = {near[1]}
                # the sentence opens with him: "Ruritanian President A arrived in Tarvik on Monday"
                trip.subject = len(before) == 1 and near[0].start - s.start <= 60 and \
                    not re.search(r"[,;]", norm[s.start:near[0].start])
            elif PRONOUN_START.match(norm[s.start:m.start()]):
                earlier = [(p, k) for p, k in people if p.start < s.start]
                if earlier:
                    trip.travellers = {max(earlier, key=lambda x: x[0].start)[1]}
        out.append(trip)
    return out


def guests_received(ctx: Context, told: set[tuple[str, str, str | None]], posts: re.Pattern) -> None:
    """Give each post of a guessed country (not in `told`, the roles read next to names) the country a guest
    travels to, where its holder is named with the guest or the guest's country, travels with no one and is no
    traveller; one such country only, and not one where another person holds the same post."""
    from .post_links import same_post

    entities, norm = ctx.entities, ctx.norm
    people = [(m, k) for p in ctx.pieces for m in p.mentions if m.type == "Person" and (k := ctx.key_of.get(m))]
    sentences = sentences_of(norm)
    journeys = trips(ctx, people, sentences)
    if not journeys:
        return
    travellers = {k for t in journeys for k in t.travellers}
    theirs = {c for t in journeys for c in t.lands}
    named: dict[Sentence, set[str]] = {}  # who each sentence names
    for m, k in people:
        if (s := sentence_at(sentences, m.start)) is not None:
            named.setdefault(s, set()).add(k)

    def countries(k: str) -> set[str]:
        return {land_named(entities[r.org].label) for r in entities[k].roles if r.org in entities
                and entities[r.org].type == "Country"}

    for ent in list(entities.values()):
        if ent.type == "Person" and ent.key in travellers:
            travellers_home(ctx, ent, [t for t in journeys if ent.key in t.travellers and t.subject], told, posts)
        if ent.type != "Person" or ent.key in travellers:
            continue
        if any(r.org in entities and entities[r.org].type == "Country" and (ent.key, r.title, r.org) in told
               for r in ent.roles):
            continue  # a country told next to the name
        # a post guessed in a country no guest comes from stays: "China's foreign ministry says President A …"
        guessed = [r for r in ent.roles if posts.match(r.title) and (r.org is None or (ent.key, r.title, r.org)
                   not in told and r.org in entities and land_named(entities[r.org].label) in theirs)]
        if not guessed:
            continue
        spans = {s for m in ent.mentions if (s := sentence_at(sentences, m.start)) is not None}
        if any(WITH_GUEST.search(norm[s.start:s.end]) for s in spans):
            continue
        lands = received_in(spans, journeys, named, norm)
        if len(lands) != 1:
            continue
        (land,) = lands
        if any(k != ent.key and land in countries(k) and any(same_post(r.title) == same_post(g.title)
                                                            for r in e.roles for g in guessed)
               for k, e in entities.items() if e.type == "Person"):
            continue
        give(ctx, ent, guessed, land)


# "A, B and officials are accompanying C on his visit": those named before travel with the one named after
ACCOMPANYING = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+)?accompanying\b", re.I)


def companions_before(ctx: Context, told: set, posts: re.Pattern) -> None:
    """"A, Finance Minister B and Foreign Minister C are accompanying Sheikh D on his visit to …": the posts of
    those named before (guessed, not told next to their names) are in the country of D's state post, if he has
    one; else they keep no country guessed from the text (the host's is not theirs)."""
    entities, norm = ctx.entities, ctx.norm
    people = [(m, k) for p in ctx.pieces for m in p.mentions if m.type == "Person" and (k := ctx.key_of.get(m))]
    hits = list(ACCOMPANYING.finditer(norm))
    sentences = sentences_of(norm) if hits else []
    for hit in hits:
        s = sentence_at(sentences, hit.start())
        after = sorted((m.start, k) for m, k in people if s and hit.end() <= m.start < s.end)
        lead = after[0][1] if after and re.fullmatch(r"[\s\w.]{0,40}", norm[hit.end():after[0][0]]) else None
        lands = {entities[r.org].label for r in entities[lead].roles if r.org in entities
                 and entities[r.org].type == "Country" and posts.match(r.title)} if lead else set()
        for k in {k for m, k in people if s and s.start <= m.start < hit.start()} - {lead}:
            ent = entities[k]
            guessed = [r for r in ent.roles if posts.match(r.title) and (r.org is None or (k, r.title, r.org)
                       not in told)]
            if len(lands) == 1 and guessed:
                give(ctx, ent, guessed, next(iter(lands)))


def travellers_home(ctx: Context, ent, mine: list[Trip], told: set, posts: re.Pattern) -> None:
    """A traveller's post guessed in the country he travels to is not of that country: of the one other country
    his trips' sentences name ("Ruritanian President A arrived in Tarvik"), else of none said."""
    entities = ctx.entities
    went = {t.land for t in mine}
    if not went:
        return
    wrong = [r for r in ent.roles if posts.match(r.title) and r.org in entities
             and (ent.key, r.title, r.org) not in told             and land_named(entities[r.org].label) in went]
    if not wrong:
        return
    homes = {c for t in mine for c in t.lands} - went
    if len(homes) == 1:
        give(ctx, ent, wrong, homes.pop())
        return
    for r in wrong:
        ent.roles[:] = [x for x in ent.roles if x is not r]
        if not any(x.title == r.title for x in ent.roles):
            ent.roles.append(Role(r.title, None, r.event, r.sentence, r.confidence))


def received_in(spans: set[Sentence], journeys: list[Trip], named: dict[Sentence, set[str]], norm: str) -> set[str]:
    """The countries guests travel to, told with a person named in `spans` (his sentences): a trip told in one of
    his own sentences ("a visit to Zambia, where A and President B held talks") says it alone; else the trips of a
    guest named with him (all of them), or of one whose country alone his sentence names."""
    own = {t.land for t in journeys if t.sentence in spans}
    if own:
        return own
    lands = set()
    for s in spans:
        keys = named.get(s, set())
        said = countries_in(norm[s.start:s.end])
        for t in journeys:
            # by the guest's name, or by his country alone ("the Ruritanian minister called on B")
            if keys & t.travellers or said & t.lands and said <= t.lands:
                lands |= {u.land for u in journeys if u.travellers & t.travellers} | {t.land}
    return lands


def give(ctx: Context, ent, guessed: list, land: str) -> None:
    """`guessed` posts of `ent` in `land` (the text's entity for it, else a new one)."""
    from .posts import add_role

    country = gz.country_of(land)
    key = ctx.country_key(country) if country is not None else None
    org = Mention(ctx.entities[key].label if key else land, "Country", 0, 0, Sentence(0, 0), "gazetteer",
                  conf.ORG_OF_ROLE, land)
    for r in guessed:
        ent.roles[:] = [x for x in ent.roles if x is not r]
        add_role(ctx, None, r.title, org, r.sentence, conf.GUEST_RECEIVED, r.event, person_key=ent.key)
