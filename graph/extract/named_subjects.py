"""A meeting's subject named by a name the model did not read as one: "Talia on Tuesday met with her Fijian
counterpart A", "Varga met with King B". The subject's words, without what is said of the time or manner
after it ("on Tuesday", "also", "later"), are one name part (a surname, a first name, a short form) of exactly one
person the text names elsewhere: that person met."""

from __future__ import annotations

import re

from .context import Context

# what may follow the name in the subject's words: when, and how
AFTER_NAME = re.compile(r"\s+(?:(?:on|this|last|in|during)\s+(?:[A-Z]?[a-z]+day|morning|afternoon|evening|week|"
                        r"night)\b.*|also|later|then|himself|herself|too|yesterday|today|earlier)$")
NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")


def named_subject(ctx: Context, subj_word: str) -> str | None:
    """The one person whose name part the subject's words are (module docstring), or None."""
    words = subj_word.strip()
    while (cut := AFTER_NAME.search(words)) is not None:
        words = words[:cut.start()]
    if not NAME.fullmatch(words):
        return None
    people = [k for k, e in ctx.entities.items() if e.type == "Person" and _called(e.label, e.aliases, words)]
    return people[0] if len(people) == 1 else None


def _called(label: str, aliases, words: str) -> bool:
    """`words` is the person's name, an alias, or one word of his name (not a title word: every word of the name
    starts with a capital)."""
    names = {label, *aliases}
    if words in names:
        return True
    return " " not in words and any(words in n.split() for n in (label, *aliases) if not n.lower().startswith(
        ("president", "minister", "prime", "king", "queen", "mr", "mrs", "ms", "dr")))
