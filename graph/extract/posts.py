"""Posts held: roles read next to names, the host's unnamed post ("the president of the Republic of Belarus"),
ministers of the host's country. `add_role` is the one way a role joins an entity. Longer than most modules: the
host's country is weighed in one function whose checks (other side, counterpart, own delegation) share its
closures over the text's countries and people."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..ids import plain_key
from ..records import Entity, Mention, Role, Sentence
from ..text import gazetteer as gz
from . import confidence as conf
from . import own_side
from .context import Context
from .home import cities_at_home as home_cities
from .home import dateline_end, visited_by
from .roles import title_regex, unnamed_posts
from .role_attach import adjacent_orgs, attached_roles
from .heads_left import heads_left
from .side_forms import in_others_list, others_group, others_post
from .title_forms import full_title
from .spans import ByStart, BySentence

from . import post_links  # noqa: E402  (it calls add_role and reads STATE_POST from here at run time)


@lru_cache(maxsize=1)
def _post_of() -> re.Pattern:
    """"the President of (the) " written right before a country's name (the title grammar's pattern, built once)."""
    return re.compile(rf"\bthe\s+(?:{title_regex().pattern})\s+of\s+(?:the\s+)?$", re.I)


def roles_from_mentions(ctx: Context) -> None:
    for p in ctx.pieces:
        for r in ctx.roles[id(p)]:
            add_role(ctx, r.person, r.title, r.org, r.sentence, r.confidence, None)
    attached = attached_roles(ctx.pieces, ctx.roles, ctx.key_of, ctx.norm)  # titles the rules left (role_attach.py)
    for r in attached + adjacent_orgs(ctx.pieces, ctx.roles, attached, ctx.norm):
        add_role(ctx, r.person, r.title, r.org, r.sentence, r.confidence, None)
    post_links.counterparts(ctx)


def host_posts(ctx: Context, mentions: list[Mention]) -> None:
    """Unnamed posts in the text ("the president of the Republic of Belarus") whose title the host bears."""
    entities, key_of, host, norm = ctx.entities, ctx.key_of, ctx.host, ctx.norm
    host_titles = {r.title.lower() for r in entities[host].roles}
    host_titles |= {t.lower() for m in entities[host].mentions
                    for t in re.findall(r"(President|Prime Minister|Chancellor|King|Emir|Premier)\s+$",
                                        norm[max(0, m.start - 30):m.start])}
    known = {e.label: k for k, e in entities.items() if e.type == "Country"}
    found = [(t, o) for t, o in unnamed_posts(norm, mentions)
             if t.lower() in host_titles and (o in key_of or o.text in known)
             and not own_side.anothers_post(norm, o, entities[host].mentions)]
    for _, o in found:
        key_of.setdefault(o, known.get(o.text))
    # "as Ruritanian Prime Minister" where another holds that post of that country (the host visits them)
    taken = {(post_links.same_post(r.title), r.org) for k, e in entities.items() if k != host for r in e.roles}
    found = [(t, o) for t, o in found if (post_links.same_post(t), key_of.get(o)) not in taken]
    by_org = Counter(key_of[o] for _, o in found if key_of.get(o))
    if not by_org:
        return
    best, n = by_org.most_common(1)[0]
    if list(by_org.values()).count(n) > 1:
        return  # no clear majority: the text speaks of several presidents
    for title, org in found:
        if key_of[org] == best:
            add_role(ctx, None, title, org, org.sentence, conf.HOST_POST, None, person_key=host)
            return


STATE_POST = re.compile(r"^(?:(?:First |Deputy |Vice |Acting |Interim |Former )*(?:President|Prime Minister|Premier|"
                        r"Chancellor|King|Queen|Emir|Amir|Sultan|Crown Prince|Head of State|Head of Government|"
                        r"(?!Chief )(?:[\w&-]+ (?:and )?){0,4}Minister(?: of State)?(?: (?:of|for) [\w&' -]+)?|"
                        r"(?:Foreign|Foreign Affairs|Home|Defen[cs]e|Energy|Treasury|Commerce|Cabinet|Press) Secretary|"
                        r"(?:[\w&-]+ (?:and )?){1,4}Cabinet Secretary|"
                        r"Secretary of State|Vice[- ]President|Speaker))$", re.I)

# posts in a government that name no country of their own: "Spokesman for the Presidency", "Senator"
GOVERNMENT_POST = re.compile(r"^(?:Presidential )?(?:Spokes(?:man|woman|person)(?: for the Presidency)?|"
                             r"(?:National Security |Special )?Advis[eo]r|Senator|Chief of Staff|Press Secretary)$",
                             re.I)

# a post whose country may be guessed from the text: a state's or a government's
GUESSED_POST = re.compile(f"(?:{STATE_POST.pattern})|(?:{GOVERNMENT_POST.pattern})", re.I)


def honorific_aliases(ctx: Context) -> None:
    """"Sheikh Tamim bin Hamad Al Thani": a person named after an honorific is also called by the name with it."""
    one = "|".join(re.escape(h) for h in gz.honorifics())
    pattern = re.compile(r"(?:^|\W)(" + one + r"|" + MONARCH + r")\s+$")
    run = re.compile(r"(?:^|\W)((?:(?:" + one + r")\s+){2,3})$")  # "Sheikh Dr Ahmad …": the whole run too
    for ent in ctx.entities.values():
        if ent.type != "Person":
            continue
        for m in ent.mentions:
            h = pattern.search(ctx.norm[max(0, m.start - 24):m.start])
            both = run.search(ctx.norm[max(0, m.start - 40):m.start])
            if both:
                ent.aliases.add(f"{' '.join(both.group(1).split())} {m.text}")
            if h:
                ent.aliases.add(f"{h.group(1)} {m.text}")
                if re.fullmatch(MONARCH, h.group(1)) and len(m.text.split()) > 1:
                    ent.aliases.add(f"{h.group(1)} {m.text.split()[0]}")  # "King Salman bin Abdulaziz": "King Salman"


# a monarch is called by the style and the given name ("King Abdullah", "Sultan Haitham"): the style is part of how
# news names them, beside the post it also is
MONARCH = r"(?-i:King|Queen|Sultan)"


def countries_of_posts(ctx: Context) -> list:
    """The country of each post the text names without one: read from the sentences that name its holder, else
    told in another sentence ("the Georgian President said"); then the staff's posts in their principal's. Returns
    the heads no sentence of theirs settles, for `heads_by_elimination`."""
    post_links.delegations(ctx)  # a delegation its country names says more than a sentence's countries
    left = _countries_from_sentences(ctx)
    post_links.posts_told_apart(ctx)
    post_links.companions(ctx)
    post_links.aides(ctx)
    return left


def heads_by_elimination(ctx: Context, left: list) -> None:
    """Heads still with no country after every other step (`left`: from `countries_of_posts`): the one the
    others' posts leave (heads_left.py); their staff follow them."""
    for ent, posts, org in heads_left(ctx, left):
        for r in posts:
            if not any(o.title == r.title and o.org for o in ent.roles):
                add_role(ctx, None, r.title, org, r.sentence, conf.POST_COUNTRY_FROM_SENTENCE, r.event,
                         person_key=ent.key)
    post_links.aides(ctx)


def _countries_from_sentences(ctx: Context) -> list:
    """A state post with no country ("President Salome Zurabishvili", "Foreign Minister Wang Yi"): the one country
    named, by name or demonym, in the sentences that name its holder; for the host, else the country the text
    names most, if one clearly leads. A country that names the other side does not count: one already given to
    another person's title there ("the President of the United States, Joe Biden"), one after "with", "to",
    "from", "visit" or before "counterpart" ("talks with his Russian counterpart"), and one whose same post
    another person holds."""
    entities, norm = ctx.entities, ctx.norm
    demonyms = gz.demonym_index()
    named = [m for p in ctx.pieces for m in p.mentions if m.type == "Country" and m.gazetteer_id]
    named += [Mention(c.name, "Country", w.start(1), w.end(1), Sentence(w.start(1), w.end(1)), "gazetteer",
                      conf.ORG_OF_ROLE, c.name)
              for w in re.finditer(r"\b([A-Z][a-z]+)\b", norm) if (c := demonyms.get(w.group(1))) is not None]
    # a capital standing for its government: "Seoul's foreign ministry"
    named += [Mention(c.name, "Country", w.start(1), w.end(1), Sentence(w.start(1), w.end(1)), "gazetteer",
                      conf.ORG_OF_ROLE, c.name)
              for w in re.finditer(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s\b", norm)
              if (c := gz.country_of_city(w.group(1))) is not None]
    named += _names_unread(norm, named + [m for p in ctx.pieces for m in p.mentions])
    given = {(r.org.start, r.org.end): ctx.key_of.get(r.person) for p in ctx.pieces for r in ctx.roles[id(p)]
             if r.org is not None}

    people = [(m, ctx.key_of.get(m)) for p in ctx.pieces for m in p.mentions if m.type == "Person"]
    by_sentence = BySentence(people)

    def nearest(c: Mention) -> str | None:
        """The person named nearest to a country in its sentence: "received Turkish defence minister Hulusi Akar"."""
        near = [(max(p.start - c.end, c.start - p.end), k) for p, k in by_sentence.of(by_sentence.at(c.start))]
        return min(near)[1] if near else None

    def other_side(c: Mention, holder: str, near: bool = True) -> bool:
        """`near`: the country is read in a sentence that names `holder`, not counted over the whole text."""
        ours = bool(re.match(r"(?:'s)?\s+(?:[a-z][\w-]*\s+)?delegation\b", norm[c.end:c.end + 40])) and own_delegation(c)
        if given.get((c.start, c.end), holder) != holder and not ours:  # a delegation's country is its leader's too
            return True
        if near and nearest(c) not in (holder, None):
            return True
        # "Oman's Minister of Foreign Affairs, Sayyid Talal": the post of a name the model missed, not the holder's
        t = re.match(rf"(?:['’]s)?\s+(?:new\s+)?(?:{title_regex().pattern})\s*,?\s*(?-i:[A-Z])", norm[c.end:c.end + 120],
                     re.I)
        if t and not any(0 <= m.start - (c.end + t.end()) <= 40 for m in entities[holder].mentions):
            return True
        # "the Italian prime minister" in a sentence about a president: another post's country
        post = re.match(rf"(?:['’]s)?\s+(?:new\s+)?({title_regex().pattern})\b(?!\s+(?!(?:and|or|who|said|was|is|has|"
                        rf"had|met|also|will|would)\b)(?-i:[a-z]))", norm[c.end:c.end + 60], re.I)  # not "premier forum"
        if post and not re.match(rf"\s+and\s+(?:{title_regex().pattern})", norm[c.end + post.end():c.end + 80], re.I) \
                and not (any(post_links.same_post(r.title) == post_links.same_post(post.group(1))
                             for r in entities[holder].roles) and attached(c, c.end + post.end(), holder)):
            # not "Saudi Crown Prince and Prime Minister A", "A, the Indian Prime Minister,"; but the same post
            # apart from its holder's name in their sentence is another's: "A met B … since the Bangladeshi Prime
            # Minister's visit"
            return True
        # "A renewed his invitation to the President of Ruritania": a post told apart from the holder's name
        if _post_of().search(norm[max(0, c.start - 60):c.start]) \
                and own_side.anothers_post(norm, c, entities[holder].mentions):
            return True
        spans = [(m.start, m.end) for m in entities[holder].mentions]
        named = [(p.start, p.end) for p, _ in people]
        if in_others_list(norm, c.start) or others_post(norm, c.start, c.end, spans, named) or others_group(norm, c.end):
            return True  # "peers from Argentina and Brazil"; "B, the president-elect of Guinea-Bissau"; "Chilean MPs"
        # "senior US military officials", "Turkish diplomatic sources": the country of something else
        after = re.match(r"\s+([a-z][\w-]*)", norm[c.end:c.end + 30])
        if near and after and (c.text in demonyms or norm[c.start:c.end].isupper() or norm[c.start:c.end] in demonyms) \
                and after.group(1) not in gz.title_words() | {"side"} \
                and not ours:
            return True
        # "receiving treatment in London, United Kingdom": a city's country says where, not whose
        city = re.search(r"\b(?:in|at)\s+((?-i:[A-Z])[\w'-]+(?: (?-i:[A-Z])[\w'-]+)?),\s*$",
                         norm[max(0, c.start - 34):c.start])
        if city and (land := gz.country_of_city(city.group(1))) is not None and land.name == c.gazetteer_id:
            return True
        into = r"in|" if near else ""  # "raised the protection of workers in Oman"
        return bool(re.search(rf"\b(?:{into}with|(?<!according )to|from|against|visit(?:s|ed|ing)?|his|her|their)"
                              rf"\s+(?:the\s+)?$",
                              norm[max(0, c.start - 20):c.start], re.I) or counterpart(c))

    def attached(c: Mention, end: int, holder: str) -> bool:
        """The holder named right before a country's post ("A, the Indian Prime Minister") or right after it, or
        not in its sentence at all ("A opened the forum. The Finnish President said …")."""
        if not any(not re.search(r"[.!?][\"”’']?\s+(?-i:[A-Z])|\n", norm[min(m.end, c.end):max(m.start, c.start)])
                   for m in entities[holder].mentions):
            return nearest(c) in (holder, None)  # but "B is to meet A, since the Ruritanian President's visit"
        return any(0 <= c.start - m.end <= 8 and re.fullmatch(r",?\s*(?:the\s+)?", norm[m.end:c.start])
                   or 0 <= m.start - end <= 40 for m in entities[holder].mentions)

    def counterpart(c: Mention) -> bool:
        """"his Russian counterpart", "the Chilean delegation", "a delegation from Chile": the other side; not a
        delegation its leader is named with ("A and a Chilean delegation", "A led a Chilean delegation")."""
        if re.match(r"(?:'s)?\s+(?:\w+\s+)?delegation\b", norm[c.end:c.end + 30], re.I) and own_delegation(c):
            return False
        return bool(re.match(r"(?:'s)?\s+(?:\w+\s+)?(?:counterparts?|delegation)\b", norm[c.end:c.end + 30], re.I)
                    or re.search(r"\bdelegation\s+(?:of|from)\s+(?:the\s+)?$", norm[max(0, c.start - 30):c.start]))

    def own_delegation(c: Mention) -> bool:
        before = norm[max(0, c.start - 40):c.start]
        if re.search(r"\b(?:led|leads|leading|headed|heads|heading)\s+(?:a|an|the)\s+(?:high-level\s+)?$", before):
            return True
        lead = re.search(r"\s+(?:and|along\s+with|together\s+with)\s+(?:a|an|the|his|her)\s+(?:high-level\s+)?$", before)
        at = c.start - len(before) + lead.start() if lead else -1
        return any(0 <= at - m.end <= 1 for m, _ in people)

    def held(title: str, country: str, holder: str) -> bool:
        # a post held before counts too: "former Ruritanian President A" leaves Ruritania's presidency to no one else
        return any(k != holder and (_now(r.title) == _now(title) or ENVOY.search(r.title)) and r.org
                   and entities.get(r.org) is not None and entities[r.org].label == country
                   for k, e in entities.items() for r in e.roles)

    named_at = ByStart(named)
    filed = dateline_end(norm)
    theirs = {c.gazetteer_id for c in named if counterpart(c)}  # "his Russian counterpart": not the host's
    guests = own_side.received(norm, named)  # "received the Ruritanian Foreign Minister": not the host's either
    left = []  # heads no sentence of theirs settles: their country by elimination, once the others' are known
    for ent in list(entities.values()):
        posts = [r for r in ent.roles if r.org is None and STATE_POST.match(r.title)
                 and not any(o.title == r.title and o.org for o in ent.roles)]
        if ent.type != "Person" or not posts:
            continue
        # "Mr. Taro Kono, Minister for Foreign Affairs" and "Japanese Foreign Minister Kono": one country
        own = {r.org for r in ent.roles if r.org and STATE_POST.match(r.title) and entities.get(r.org) is not None
               and entities[r.org].type == "Country"}
        if len(own) == 1:
            (key,) = own
            for r in posts:
                _give(ctx, ent, r, key)
            continue
        found: dict[str, Mention] = {}
        for m in ent.mentions:
            s = m.sentence
            for c in named_at.between(s.start, s.end):
                if not other_side(c, ent.key) and c.start >= filed:  # not the dateline's place
                    found.setdefault(c.gazetteer_id, c)
        found = {k: c for k, c in found.items() if not any(held(r.title, k, ent.key) for r in posts)
                 and not (ent.key == ctx.host and k in theirs | guests)}
        if len(found) != 1 and ent.key == ctx.host:
            # the host's country: never that of "his Russian counterpart", nor one the text gives to another
            # person's post ("US Defense Secretary")
            others = {entities[r.org].label for k, e in entities.items() if k != ent.key for r in e.roles
                      if r.org and entities.get(r.org) is not None and entities[r.org].type == "Country"
                      and not ENVOY.search(r.title)}
            heads = {entities[r.org].label for k, e in entities.items() if k != ent.key for r in e.roles
                     if r.org and entities.get(r.org) is not None and entities[r.org].type == "Country"
                     and (HEAD_POST.match(r.title) or any(post_links.same_post(r.title) == post_links.same_post(
                         o.title) for o in posts))}
            counts = Counter(c.gazetteer_id for c in named if not other_side(c, ent.key, near=False)
                             and c.gazetteer_id not in theirs | guests
                             and not any(held(r.title, c.gazetteer_id, ent.key) for r in posts))
            # the cities where the host meets someone, not travelling: "received Minister A at the palace in Dakar"
            places = [m for p in ctx.pieces for m in p.mentions if m.type == "Place"]
            met = {m.sentence for m in ent.mentions} & {m.sentence for m, k in people if k not in (ent.key, None)}
            counts.update({k: n for k, n in home_cities(norm, places, met).items() if k not in theirs})
            home = post_links.dateline_country(norm)
            went = post_links.travelled_to(norm)
            if home is not None and home.name not in theirs:
                counts[home.name] += 2  # the place a report is filed from, unless the host travelled there
            away = set()
            # "the Ambassador of Ruritania to Freedonia": Freedonia receives, Ruritania is the other side
            # but the host's own envoy where the host is visiting ("on a working visit to Lima … accompanied by
            # Ruritania's Ambassador to Peru") is the host's side
            visiting = went | visited_by(norm, [m.sentence for m in ent.mentions])
            for (to, sender), (_, own) in zip(post_links.envoys(norm), post_links.envoys(norm, possessive=True)):
                if to.name in visiting and own is not None:
                    counts[own.name] += 2
                    continue
                counts[to.name] += 2
                away |= {sender.name} if sender else set()
            # the host's own country leads by less: the other side's is mostly given to its people already
            top = _leader(Counter({k: n for k, n in counts.items() if k not in others | away | went}), 1.5)
            received = {to.name for to, _ in post_links.envoys(norm)} - heads - away - went - own_side.senders(norm, named)
            if top is None and len(received) == 1 and not visiting:
                # "met the Freedonian Ambassador to Ruritania": the country envoys are sent to is the host's, though
                # its ministers sit with him ("Ruritania's Minister of Defence")
                top = next(iter(received))
            if top is None and len(others - heads) == 1 and heads:
                # "received Syria's interim President A … accompanied by Turkish intelligence director B": the other
                # side has its head; the one country only officials are given is the host's
                top = next(iter(others - heads))
            if not counts and top is None:
                # no country named but in a body's name: "the Ruritania People's Party" is at home
                inside = {c.name for e in entities.values() if e.type == "Organization"
                          for c in [_country_in(e.label)] if c is not None}
                top = next(iter(inside)) if len(inside) == 1 else None
            c = next((m for m in named if m.gazetteer_id == top), None)
            if c is None and top is not None:
                c = Mention(top, "Country", 0, 0, Sentence(0, 0), "gazetteer", conf.ORG_OF_ROLE, top)
            found = {top: c} if c is not None else {}
        elif len(found) != 1 and any(HEAD_POST.match(r.title) for r in posts):
            left.append((ent, posts, set(found), [c for c in named if not other_side(c, ent.key, near=False)
                                                  and c.gazetteer_id not in theirs
                                                  and not any(held(r.title, c.gazetteer_id, ent.key) for r in posts)]))
        if len(found) != 1:
            continue
        (org,) = found.values()
        for r in posts:
            add_role(ctx, None, r.title, org, r.sentence, conf.POST_COUNTRY_FROM_SENTENCE, r.event,
                     person_key=ent.key)
    return left


def _names_unread(norm: str, read: list[Mention]) -> list[Mention]:
    """A country's name the model read as no place ("partner of Cyprus", "the Cyprus problem"): each run of
    capitalised words the gazetteer knows as a country's name, where no mention is already, counts as a country
    named. A run that goes on into other capitalised words is a name of something else ("Jordan Peterson")."""
    spans = sorted((m.start, m.end) for m in read)
    out = []
    for w in re.finditer(r"(?<![\w'’-])((?-i:[A-Z])[\w-]+(?:\s+(?:of\s+(?:the\s+)?)?(?-i:[A-Z])[\w-]+){0,3})(?![\w-])",
                         norm):
        c = gz.country_of(w.group(1))
        if c is None or any(a < w.end(1) and w.start(1) < b for a, b in spans):
            continue
        # "the United States of America (USA) Ambassador": the short name in brackets is the country's too
        end = w.end(1) + len(re.match(r"(?:\s*\((?-i:[A-Z]{2,6})\))?", norm[w.end(1):w.end(1) + 12]).group(0))
        out.append(Mention(c.name, "Country", w.start(1), end, Sentence(w.start(1), end), "gazetteer",
                           conf.ORG_OF_ROLE, c.name))
    return out


def _now(title: str) -> str:
    """A post's name without "Former": "Former President" and "President" are one post."""
    return re.sub(r"^former\s+", "", title.lower())


def _country_in(name: str) -> gz.Country | None:
    """The country whose name or demonym opens an organisation's name: "Ruritania People's Party"."""
    words = name.split()
    for k in (2, 1):
        c = gz.country_of(" ".join(words[:k])) or gz.demonym_index().get(" ".join(words[:k]))
        if len(words) > k and c is not None:
            return c
    return None


def _leader(counts: Counter, lead: float = 2) -> str | None:
    """The country named far more than any other (`lead` times the next), if one is."""
    top = counts.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] >= lead * top[1][1] and top[0][1] >= 2) else None


HEAD_POST = re.compile(r"(?:Interim |Acting )?(?:President|King|Queen|Emir|Amir|Sultan|Prime Minister|Premier|"
                       r"Chancellor|Crown Prince)$", re.I)

# the titles of those who represent their country abroad: their country is the other side
ENVOY = re.compile(r"\b(?:Ambassador|Charg[eé] d.Affaires|High Commissioner|Envoy|Consul)", re.I)


def _give(ctx: Context, ent: Entity, role: Role, country: str) -> None:
    ent.roles[:] = [r for r in ent.roles if r is not role]
    if not any(r.title == role.title and r.org == country for r in ent.roles):
        ent.roles.append(Role(role.title, country, role.event, role.sentence, conf.POST_COUNTRY_FROM_SENTENCE))


def ministers_of_host_country(ctx: Context) -> None:
    """"Minister of Defence Karel Brandt" in a programme about a president: a minister of the host's country,
    unless the text says otherwise; so too any minister or government post ("Minister for Planning", "Senator")
    whose sentences name no other country."""
    entities, host = ctx.entities, ctx.host
    countries = [r.org for r in entities[host].roles if r.org and entities.get(r.org) is not None
                 and entities[r.org].type == "Country"]
    if len(set(countries)) != 1:
        return
    home = entities[countries[0]].label
    if own_side.filed_abroad(ctx.norm, home):
        post_links.aides(ctx)
        return  # the report is filed where the host is a guest: the posts named with him may be either side's
    lands = [m for p in ctx.pieces for m in p.mentions if m.type == "Country" and m.gazetteer_id]

    def abroad(ent: Entity) -> bool:  # a country other than the host's in a sentence that names the person
        given: dict[tuple[int, int], list] = {}
        for p in ctx.pieces:
            for r in ctx.roles[id(p)]:
                if r.org is not None and ctx.key_of.get(r.person) not in (ent.key, None) \
                        and ctx.key_of[r.person] in entities:
                    given.setdefault((r.org.start, r.org.end), []).extend(entities[ctx.key_of[r.person]].mentions)
        for m in ent.mentions:
            s = m.sentence
            if re.search(r"\bcounterparts?\s*,?\s*$", ctx.norm[max(0, m.start - 30):m.start], re.I):
                return True  # "his counterpart, Adam Nowak": the other side's
            # not where someone goes, another's post's country, one side of a pair ("visit to A", "A-B relations")
            if any(name != home and not own_side.says_nothing_of_own(ctx.norm, a, b, given, ent.mentions)
                   for a, b, name in own_side.countries_in(ctx.norm, s.start, s.end, lands)):
                return True
        return False

    hosts = [r.title for r in entities[host].roles if r.org == countries[0]]

    def held_at_home(title: str, key: str) -> bool:  # another person holds that post in the host's country
        post = post_links.same_post(title)
        return any(k != key and r.org == countries[0] and post_links.same_post(r.title) == post
                   for k, e in entities.items() if e.type == "Person" for r in e.roles)

    def abroad_leader(title: str, key: str) -> str | None:
        post = post_links.same_post(title)
        mine = {k for k, e in entities.items() if e.type == "Country" and e.label == home}
        counts = Counter(ctx.key_of.get(c) for c in lands if c.gazetteer_id != home and ctx.key_of.get(c))
        top = _leader(counts)
        if top is None or top in mine or any(k != key and r.org == top and post_links.same_post(r.title) == post
                                             for k, e in entities.items() if e.type == "Person" for r in e.roles):
            return None
        return top

    for ent in entities.values():
        if ent.type != "Person" or ent.key == host:
            continue
        far = None
        roles = []
        for r in ent.roles:
            if r.org is None and (STATE_POST.match(r.title) or GOVERNMENT_POST.match(r.title)) \
                    and held_at_home(r.title, ent.key):
                # "Foreign Minister Jan Berg" in a text whose host's country has its foreign minister named: of the
                # other country, if the text names one far more than any else
                other = abroad_leader(r.title, ent.key)
                if other is not None:
                    r = Role(r.title, other, r.event, r.sentence, conf.POST_OF_THE_OTHER_COUNTRY)
            elif r.org is None and re.match(r"(?:Deputy |First Deputy )?Minister of ", r.title):
                r = Role(r.title, countries[0], r.event, r.sentence, conf.MINISTER_OF_HOST_COUNTRY)
            elif r.org is None and (STATE_POST.match(r.title) and "President" not in r.title
                                    or GOVERNMENT_POST.match(r.title) or own_side.home_president(r.title, hosts)):
                far = abroad(ent) if far is None else far
                if not far:
                    r = Role(r.title, countries[0], r.event, r.sentence, conf.MINISTER_OF_HOST_COUNTRY)
            roles.append(r)
        ent.roles[:] = roles
    post_links.aides(ctx)  # a principal's country may be known only now: their staff serve there


def add_role(ctx: Context, person: Mention | None, title: str, org: Mention | None, sentence: Sentence,
             confidence: float, event: str | None, person_key: str | None = None) -> None:
    """`title` (in `org`) joins the roles of the entity `person` names (or of `person_key`); an organisation
    named by no entity becomes one; a title with an organisation replaces the same title without."""
    entities, key_of = ctx.entities, ctx.key_of
    title = full_title(title)  # "PM" → "Prime Minister"
    pk = person_key or key_of.get(person)
    if pk is None or pk not in entities:
        return
    ok = None
    if org is not None:
        ok = key_of.get(org)
        if ok is None:  # named only by a demonym, or seen by no model: the entity of that name, or a new one
            ok = next((k for k, e in entities.items() if e.label == org.text or org.text in e.aliases), None)
        if ok is None:
            ok = plain_key(org.type, org.text)
            land = gz.country_of(org.text) if org.type == "Country" else None
            aliases = {a for a in land.aliases if a != org.text} if land else set()  # "United Arab Emirates": "UAE"
            entities.setdefault(ok, Entity(ok, org.type, org.text, aliases, [], [], conf.ORG_OF_ROLE, org.method))
    ent = entities[pk]
    if ok is None and any(r.title == title for r in ent.roles):
        return
    ent.roles[:] = [r for r in ent.roles if not (r.title == title and r.org is None and ok is not None)]
    if not any(r.title == title and r.org == ok for r in ent.roles):
        ent.roles.append(Role(title, ok, event, sentence, confidence))
