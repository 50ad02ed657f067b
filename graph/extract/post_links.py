"""Posts read from words away from the name: "his Russian counterpart Sergei Lavrov" (the speaker's title, the
counterpart's country), "the Georgian President said …" or "Japan's new foreign minister" told in another sentence
than "President Salome Zurabishvili", and "the president's spokeswoman Ana Lima" (her country is her principal's).
Also the members of a delegation its country names. Rules over the text and the entities found so far (no spaCy);
each step adds roles with `posts.add_role`."""

from __future__ import annotations

import re

from ..records import Mention, Sentence
from ..text import gazetteer as gz
from . import confidence as conf
from .context import Context
from .holders import PostHolders
from . import posts
from .home import country_at_start as _country_at_start
from .home import dateline_country, envoys, travelled_to  # noqa: F401  (posts reads them from here)
from .roles import _honorifics, _title_case, title_regex
from .spans import ByStart

# "premier" and "prime minister" name one post; "PM" is written for both
_SAME_POST = {"premier": "prime minister", "pm": "prime minister", "fm": "foreign minister",
              "defense minister": "defence minister", "chancellor": "chancellor"}


def same_post(title: str) -> str:
    """One name for one post: "Premier" and "Prime Minister", "defense" and "defence"; a post held before is the
    post ("Former President")."""
    t = " ".join(title.lower().replace("-", " ").split())
    t = t[len("former "):] if t.startswith("former ") else t
    return _SAME_POST.get(t, t)


def _country(words: str) -> gz.Country | None:
    """The country the longest tail of `words` names, as a name or a demonym: "The Georgian", "Japan"."""
    parts = words.split()
    demonyms = gz.demonym_index()
    for i in range(len(parts)):
        name = " ".join(parts[i:])
        c = demonyms.get(name) or gz.country_of(name)
        if c is not None:
            return c
    return None


def _mention(c: gz.Country, start: int, end: int, sentence: Sentence, confidence: float) -> Mention:
    return Mention(c.name, "Country", start, end, sentence, "gazetteer", confidence, c.name)


_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“]|\s*$)|\n")


def _sentence_span(norm: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos`, by its punctuation (a name the model missed there still counts). Its start is
    looked for in a stretch before `pos` that begins after a character no break can hold (neither a space nor an
    end mark), so the breaks found there are those a search from the text's start finds, at a cost that does not
    grow with the text."""
    width, start = 1000, 0
    while True:
        a = max(0, pos - width)
        while a > 0 and (norm[a - 1].isspace() or norm[a - 1] in ".!?"):
            a -= 1
        ends = [m.end() for m in _SENTENCE_BREAK.finditer(norm[a:pos])]
        if ends or a == 0:
            start = a + ends[-1] if ends else 0
            break
        width *= 4
    end = _SENTENCE_END.search(norm, pos)  # from `pos` without a copy of the rest
    return start, (end.end() if end else len(norm))


def _named(ent, text: str) -> re.Pattern | None:
    """The pattern of `ent`'s names (and surname) if `text` names it."""
    names = {ent.label, *ent.aliases, ent.label.split()[-1]}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    return pattern if pattern.search(text) else None


def _sentence(ctx: Context, pos: int) -> Sentence:
    for p in ctx.pieces:
        for m in p.mentions:
            if m.sentence.start <= pos < m.sentence.end:
                return m.sentence
    return Sentence(pos, pos + 1)


def _person_mentions(ctx: Context) -> list[tuple[Mention, str]]:
    """Every mention of a person with its entity's key, in the text's order."""
    return sorted(((m, k) for k, e in ctx.entities.items() if e.type == "Person" for m in e.mentions),
                  key=lambda mk: mk[0].start)


def counterparts(ctx: Context) -> None:
    """"Foreign Minister Ana Lima held talks with her Chilean counterpart, Jorge Soto": Soto bears the title of the
    person the sentence names before him (Lima's), in the country the demonym names (when one does)."""
    norm = ctx.norm
    people = _person_mentions(ctx)
    # "his New Zealand counterpart", "and Peruvian counterpart Jorge Huaman" (a name joined to the speaker's)
    pattern = re.compile(rf"\b(?:his|her|their|its|and)\s+(?-i:new\s+|newly[- ]appointed\s+)?"
                         rf"((?:(?-i:[A-Z])[\w-]+\s+){{1,2}}?)??(?:counterparts?|peers?)\s*,?\s*{_honorifics()}$", re.I)
    for i, (m, key) in enumerate(people):
        left = norm[max(0, m.start - 80):m.start]
        cm = pattern.search(left)
        if cm is None:
            continue
        before = [k for q, k in people[:i] if q.sentence == m.sentence and q.end <= m.start - len(left) + cm.start()]
        speaker = before[-1] if before else None
        if speaker == key:
            continue
        if speaker is None:  # "the Prime Minister and his Ruritanian counterpart A": the post named, not a name
            said = re.search(rf"\b(?:the|The)\s+({title_regex().pattern})\s+(?:and|met|held|spoke|said|told|with)\b"
                             rf"[^.;]{{0,60}}$", norm[m.sentence.start:m.start - len(left) + cm.start()])
            title = _title_case(said.group(1)) if said and said.group(1)[0].isupper() else None
            title = title if title and posts.STATE_POST.match(title) else None
        else:
            title = next((r.title for r in ctx.entities[speaker].roles if posts.STATE_POST.match(r.title)), None)
        if title is None:
            continue
        org = None
        if cm.group(1):
            c = _country(cm.group(1).strip())
            if c is None:
                continue  # "his Cabinet counterpart": not a country
            pos = m.start - len(left) + cm.start(1)
            org = _mention(c, pos, pos + len(cm.group(1).strip()), m.sentence, conf.GAZETTEER_MENTION)
            posts.add_role(ctx, None, title, org, m.sentence, conf.COUNTERPART_TITLE, None, person_key=key)
            continue
        # "his peers Ana Soto of Peru and Jon Ruiz of Chile": each name's own country, after it
        j, named = i, False
        while j < len(people):
            q, k = people[j]
            land = re.match(r"\s+(?:of|from)\s+(?:the\s+)?((?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,2})",
                            norm[q.end:q.end + 60])
            c = _country_at_start(land.group(1)) if land else None
            if c is None:
                break
            at = q.end + land.start(1)
            org = _mention(c, at, at + len(land.group(1)), q.sentence, conf.GAZETTEER_MENTION)
            posts.add_role(ctx, None, title, org, q.sentence, conf.COUNTERPART_TITLE, None, person_key=k)
            named = True
            nxt = people[j + 1][0] if j + 1 < len(people) else None
            if nxt is None or not re.fullmatch(r"\s*[,;]?\s*(?:and\s+)?", norm[q.end + land.end():nxt.start]):
                break
            j += 1
        if not named:
            posts.add_role(ctx, None, title, None, m.sentence, conf.COUNTERPART_TITLE, None, person_key=key)


def posts_told_apart(ctx: Context) -> None:
    """"The Georgian President said …", "the Bangladesh premier", "Sato became Japan's new foreign minister": a
    country's post with no name after it gives that country to the one person who bears the post with no country
    (the one the same sentence names, if several do), unless someone else holds that post of that country already."""
    norm, entities = ctx.norm, ctx.entities
    pattern = re.compile(rf"((?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+){{0,2}}?)(['’]s)?\s+(?:new\s+|current\s+)?"
                         rf"({title_regex().pattern}|premier|PM|FM)\b(?!\s*,?\s*(?:{_honorifics()})?(?-i:[A-Z]))"
                         rf"(?!\s+(?:of|for|to)\s)", re.I)
    # "Ruritania's king and queen": the second post is the country's too
    joined = re.compile(rf"((?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+){{0,2}}?)(['’]s)\s+"
                        rf"(?:{title_regex().pattern})\s+and\s+({title_regex().pattern})\b"
                        rf"(?!\s*,?\s*(?:{_honorifics()})?(?-i:[A-Z]))(?!\s+(?:of|for|to)\s)", re.I)
    holders = PostHolders(entities, {k: e for k, e in entities.items() if e.type == "Person"}, same_post)
    hits = list(pattern.finditer(norm)) + list(joined.finditer(norm))
    for _ in range(2):  # a post given on the first pass may leave one holder for another
        for hit in hits:
            _give_post(ctx, hit, holders)


def _give_post(ctx: Context, hit: re.Match, holders: PostHolders) -> None:
    norm = ctx.norm
    c = _country(hit.group(1))
    if c is None:
        return
    post = same_post(hit.group(3))
    if holders.held(post, c.name):
        return  # that country's post has its holder
    bare = holders.bare(post)
    # "Sato was appointed as Japan's new foreign minister": the one the sentence names as the post's holder;
    # "her talks with the Indian premier": one named there otherwise is not its holder
    a, b = _sentence_span(norm, hit.start())
    named = holders.named_in(norm[a:b])  # every one `_named` finds there
    offered = {id(e) for e in named}
    said = [e for e in bare if id(e) in offered and _named(e, norm[a:b])]
    # the one the sentence says holds it, with that post read so far or none: "Sato was appointed as …"
    near = [e for e in named if (e in bare or not e.roles) and _named(e, norm[a:b]) and re.search(
        rf"{_named(e, norm[a:b]).pattern}\s*,?\s*(?:who\s+)?(?:is|was|has been|had been|became|becomes|becoming|"
        rf"remains|as)\b[\w\s-]{{0,40}}$", norm[a:hit.start()])]
    pick = near or [e for e in bare if e not in said]
    if len(pick) != 1:
        return
    holder = pick[0]
    title = next((r.title for r in holder.roles if same_post(r.title) == post and r.org is None),
                 _title_case(hit.group(3)))
    last = hit.group(1).split()[-1]
    end = hit.start(1) + len(hit.group(1))
    start = end - len(last) if gz.demonym_index().get(last) else hit.start(1)
    sentence = _sentence(ctx, hit.start())
    posts.add_role(ctx, None, title, _mention(c, start, end, sentence, conf.GAZETTEER_MENTION), sentence,
                   conf.POST_TOLD_APART, None, person_key=holder.key)
    holders.changed()


# posts a principal is called by: "the president's spokeswoman", "PM's Press Secretary"
_PRINCIPALS = r"(?:President|Prime Minister|Premier|PM|Chancellor|King|Emir|Amir|Sultan)"


def aides(ctx: Context) -> None:
    """"the president's spokeswoman Ana Lima", "Lima's press secretary Jon Ruiz": a post on someone's staff, in the
    country of the principal's own post."""
    norm, entities = ctx.norm, ctx.entities
    people = _person_mentions(ctx)
    by_name = {n: k for k, e in entities.items() if e.type == "Person"
               for n in (e.label.split()[-1], e.label, *e.aliases)}
    # the principal by name, or by a post only one person holds ("the PM's adviser on Commerce Ana Lima")
    pattern = re.compile(rf"((?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+){{0,3}}|(?<=the )(?:{_PRINCIPALS}))['’]s\s+"
                         rf"((?:{title_regex().pattern}|spokes(?:man|woman|person))(?:\s+(?:on|for)\s+"
                         rf"(?-i:[A-Z])[\w&-]+(?:\s+(?:and\s+|&\s+)?(?-i:[A-Z])[\w&-]+){{0,3}})?)"
                         rf"\s*,?\s*{_honorifics()}$", re.I)
    for m, key in people:
        left = norm[max(0, m.start - 80):m.start]
        hit = pattern.search(left)
        if hit is None:
            continue
        # the principal by a name of theirs (the model may have read "Lima's" as no person)
        words = hit.group(1).split()
        bk = next((by_name[n] for n in (" ".join(words[i:]) for i in range(len(words))) if n in by_name), None)
        post = re.sub(r"^the\s+", "", hit.group(1), flags=re.I)
        if bk is None and re.fullmatch(_PRINCIPALS, post, re.I):
            holders = {k for k, e in entities.items() if e.type == "Person" for r in e.roles
                       if same_post(r.title) == same_post(post) and r.org}
            # of several holders, the one named last before: "… called on Prime Minister A. PM's Press Secretary B"
            before = [(q.start, k) for q, k in people if k in holders and q.end <= m.start]
            bk = max(before)[1] if before else None
        if bk is None or bk == key:
            continue
        lands = [r.org for r in entities[bk].roles if r.org and entities.get(r.org) is not None
                 and entities[r.org].type == "Country" and posts.STATE_POST.match(r.title)]
        if len(set(lands)) != 1:
            continue
        land = entities[lands[0]]
        title = _title_case(hit.group(2))
        at = m.start - len(left) + hit.start(1)
        org = Mention(land.label, "Country", at, at + len(hit.group(1)), m.sentence, "rule", conf.AIDE_OF_PRINCIPAL,
                      land.label)
        # the principal's country says more than the countries of the sentence the aide is named in
        entities[key].roles[:] = [r for r in entities[key].roles if not (
            r.title == title and r.confidence <= conf.POST_COUNTRY_FROM_SENTENCE and r.org != lands[0])]
        posts.add_role(ctx, None, title, org, m.sentence, conf.AIDE_OF_PRINCIPAL, None, person_key=key)


def companions(ctx: Context) -> None:
    """"Ana Lima was accompanied by Trade Minister Jon Ruiz and …", "the delegation included …": those who come with
    someone hold their posts in that person's country, when the text names it and theirs names none."""
    norm, entities = ctx.norm, ctx.entities
    people = ByStart(_person_mentions(ctx), lambda mk: mk[0].start)
    # "… delegation included" also after the leader's name: "Members of Ana Lima's delegation included …"
    for hit in re.finditer(r"(?:\baccompanied by|(?:\b(?:his|her|the)|['’]s) delegation "
                           r"(?:included|comprised|consisted of)|"
                           r"(?:his|her) delegation,? which included)\b", norm, re.I):
        start, end = _sentence_span(norm, hit.start())
        before = [k for q, k in people.between(start, hit.start() + 1) if q.end <= hit.start()]
        lead = before[-1] if before else (ctx.host if re.match(r"\s*(?:He|She)\b", norm[start:hit.start()]) else None)
        if lead is None or lead not in entities:
            continue
        lands = {r.org for r in entities[lead].roles if r.org and entities.get(r.org) is not None
                 and entities[r.org].type == "Country" and posts.STATE_POST.match(r.title)}
        if len(lands) != 1:
            continue
        (land,) = lands
        for q, k in people.between(hit.end(), end):
            if k == lead:
                continue
            ent = entities[k]
            for r in [r for r in ent.roles if r.org is None and (posts.STATE_POST.match(r.title)
                                                                 or posts.GOVERNMENT_POST.match(r.title))]:
                if not any(o.title == r.title and o.org for o in ent.roles):
                    ent.roles[:] = [o for o in ent.roles if o is not r]
                    ent.roles.append(type(r)(r.title, land, r.event, r.sentence, conf.POST_COUNTRY_FROM_SENTENCE))


# "The Chilean delegation at the talks included …", "the U.S. delegation comprises …": a delegation its country names
DELEGATION = re.compile(r"\b((?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,2}|(?-i:[A-Z]\.){2,3})(?:['’]s)?\s+"
                        r"delegation\b[^.;:]{0,50}?\b(?:includes?|included|including|comprises|comprised|consists of|"
                        r"consisted of|(?:is|was) made up of)\b\s*:?")
# posts a member of a country's delegation holds in that country, when the text gives them no body of their own
MEMBER_POST = re.compile(r"(?:Ambassador|Envoy|High Commissioner|Member of Parliament|Parliamentarian|Lawmaker|"
                         r"(?:Senior )?Advis[eo]r|Aide|Press Secretary)\b", re.I)


def delegations(ctx: Context) -> None:
    """"The Chilean delegation included Trade Minister Paula Rojas, Ambassador Diego Fuentes and the president's aide
    Tomas Vidal": each member named in the rest of the sentence holds their post (read before or after the name, in lower
    case too, as a list writes it) in the country that names the delegation."""
    norm, entities = ctx.norm, ctx.entities
    people = ByStart(_person_mentions(ctx), lambda mk: mk[0].start)
    for hit in DELEGATION.finditer(norm):
        c = _country(hit.group(1))
        if c is None:
            continue
        _, end = _sentence_span(norm, hit.start())
        land = _mention(c, hit.start(1), hit.end(1), _sentence(ctx, hit.start()), conf.GAZETTEER_MENTION)
        pos = hit.end()
        for q, k in people.between(hit.end(), end):
            ent = entities[k]
            for r in [r for r in ent.roles if r.org is None and (posts.STATE_POST.match(r.title) or
                                                                 posts.GOVERNMENT_POST.match(r.title) or
                                                                 MEMBER_POST.match(r.title))]:
                posts.add_role(ctx, None, r.title, land, r.sentence, conf.POST_COUNTRY_FROM_SENTENCE, r.event,
                               person_key=k)
            # "… and senior adviser Tomas Vidal": a lower-case title right before a listed name
            t = re.search(rf"(?:^|,|\band\b|:)\s*(?:the\s+)?(?:(?:[\w-]+\s+){{0,2}}[\w-]+['’]s\s+)?"
                          rf"({title_regex().pattern})\s*,?\s*{_honorifics()}$",
                          norm[pos:q.start], re.I)
            if not ent.roles and t and t.group(1)[0].islower():
                posts.add_role(ctx, None, _title_case(t.group(1)), land, q.sentence, conf.POST_COUNTRY_FROM_SENTENCE,
                               None, person_key=k)
            pos = q.end
