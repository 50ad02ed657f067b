"""A person named by a title alone at a meeting: "a meeting between the Prime Minister, Minister Kowal and …",
"a dinner in honour of the foreign minister", "the Greek PM held talks with …", "paid a courtesy call on the king
and queen". Where the text names one person who holds that post ("Ruritania's Prime Minister Ana Ruiz", "Jan
Kowal, the Foreign Minister of …"), the title stands for them and they take part in the meeting told in that
sentence. Two holders of the post (two presidents) or none: nobody is added."""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Event, Sentence
from ..text import gazetteer as gz
from . import confidence as conf
from .context import Context, take_part
from .post_links import same_post

# the title as news writes it alone → the post's one form (besides post_links.same_post's: "PM", "premier", "FM")
ALIASES = {"minister of foreign affairs": "foreign minister", "minister for foreign affairs": "foreign minister",
           "foreign affairs minister": "foreign minister", "minister of external affairs": "foreign minister",
           "external affairs minister": "foreign minister", "chief executive officer": "chief executive",
           "ceo": "chief executive", "head of state": "president"}
POSTS = ("prime minister", "pm", "premier", "president", "foreign minister", "fm", "minister of foreign affairs",
         "foreign affairs minister", "external affairs minister", "chief executive", "ceo", "chancellor", "king",
         "queen", "crown prince", "emir", "amir", "sultan", "governor", "vice president", "deputy prime minister",
         "defence minister", "defense minister", "secretary of state", "secretary-general", "secretary general")
# what stands right before a title that names someone at the meeting: its start, a verb of meeting, a preposition
LEAD = r"(?:^|\b(?:with|between|and|on|to|for|of|by|received|receives|met|meets|welcomed|hosted|honou?r of)\s+|,\s*)"


@lru_cache(maxsize=1)
def _nominal() -> re.Pattern:
    posts = "|".join(re.escape(p) for p in sorted(POSTS, key=len, reverse=True))
    return re.compile(rf"{LEAD}(?:the|The)\s+(?:(?P<demonym>[A-Z][\w-]+)\s+)?(?P<post>{posts})\b"
                      rf"(?:\s+and\s+(?P<second>{posts})\b)?(?P<after>\s+[A-Z][\w-]*|['’]s\b|\s+of\b)?", re.I)


# the post's country and then the holder's name set off by a comma: "(the President) of Ghana, Kofi Mensah"
NAMED_AFTER = re.compile(r"\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:&|and|of|the)?\s*[A-Z][\w'’.-]*){0,4},\s+"
                         r"(?:(?:Mr|Mrs|Ms|Dr|Sheikh|Sir)\.?\s+)?[A-Z][\w'’.-]+\s+[A-Z]")


def post_of(title: str) -> str:
    """A title's post in one form: "Minister of Foreign Affairs" → "foreign minister", "PM" → "prime minister"."""
    low = " ".join(title.lower().replace("-", " ").split())
    low = re.sub(r"^(?:the\s+)", "", low)
    return ALIASES.get(low) or same_post(low)


def titled_participants(ctx: Context, events: list[Event]) -> None:
    """Each meeting told in a sentence that names a post alone ("the Prime Minister") takes in the one person the
    text names in that post."""
    holders = _holders(ctx)
    if not holders:
        return
    for ev in events:
        if ev.sentence is None or not ev.participants:
            continue
        for who in titled_in(ctx, ctx.norm[ev.sentence.start:ev.sentence.end], holders):
            take_part(ev, who, "host" if who == ctx.host else "guest", conf.HOST_BY_TITLE, "inference", ev.sentence)


def titled_in(ctx: Context, text: str, holders: dict[str, set[str]] | None = None) -> list[str]:
    """The people `text` names by a post alone ("paid a courtesy call on the king and queen of X", "the Ruritanian
    Prime Minister's first visit"): for each post, the one person the text names in it."""
    holders = _holders(ctx) if holders is None else holders
    out: list[str] = []
    for m in _nominal().finditer(text):
        after = m.group("after") or ""
        if after.strip()[:1].isupper() or after.startswith(("'", "’")):
            continue  # "the President Ana Ruiz" is named; "the President's envoy" is not the President
        if after.strip() == "of" and NAMED_AFTER.match(text, m.end()):
            continue  # "the Prime Minister of Jamaica, Gail Brown": named right there, read as such
        for post in filter(None, (m.group("post"), m.group("second"))):
            who = _holder(ctx, holders, post_of(post), m.group("demonym"))
            if who is not None and who not in out:
                out.append(who)
    return out


def titled_subject(ctx: Context, words: str) -> str | None:
    """The one person a subject made of a post alone stands for: "the Ruritanian Prime Minister('s first visit)", "the
    King"; None for anything longer than a title or a post with no one named in it."""
    words = re.sub(r"['’]s$", "", re.sub(r"^(?:the\s+)+", "the ", words.strip(), flags=re.I))
    m = _nominal().fullmatch(words)
    if m is None or m.group("second") or m.group("after"):
        return None
    got = titled_in(ctx, words)
    return got[0] if len(got) == 1 else None


def _holders(ctx: Context) -> dict[str, set[str]]:
    """Post → the people the text names in it."""
    holders: dict[str, set[str]] = {}
    for ent in ctx.entities.values():
        if ent.type == "Person":
            for r in ent.roles:
                holders.setdefault(post_of(r.title), set()).add(ent.key)
    return holders


def _holder(ctx: Context, holders: dict[str, set[str]], post: str, demonym: str | None) -> str | None:
    """The one person the text names in `post` (of the country of `demonym`, when given)."""
    keys = holders.get(post, set())
    if demonym:
        land = gz.demonym_index().get(demonym)
        if land is None and gz.country_of(demonym) is None:
            return None  # "the former president", "the new premier": not the post's holder now
        keys = {k for k in keys if any(post_of(r.title) == post and r.org and land is not None
                                       and ctx.entities.get(r.org) is not None
                                       and ctx.entities[r.org].label == land.name for r in ctx.entities[k].roles)}
    return next(iter(keys)) if len(keys) == 1 else None


def two_named(ctx: Context, sentence: Sentence, words: str) -> list[str]:
    """Who "the two" (`words`: "the two", "the two leaders", "both") are when the sentence itself has named them
    before it: "A and his counterpart B talked on Thursday …, after the two met …" → A, B. Exactly two persons
    named before the words, else none (the last meeting told is theirs: told_events)."""
    text = ctx.norm[sentence.start:sentence.end]
    at = text.lower().find(words.lower()) if words else -1
    if at <= 0:
        return []
    keys: list[str] = []
    for m in sorted(ctx.key_of, key=lambda m: m.start):
        k = ctx.key_of[m]
        if sentence.start <= m.start and m.end <= sentence.start + at and ctx.is_person(k) and k not in keys:
            keys.append(k)
    return keys if len(keys) == 2 else []
