"""Titles attached to names by a learned model, for the people the title grammar (`roles.py`) gave no title.

For each such person, every title the gazetteers' grammar (`roles.title_regex`: graph/data/titles.txt and
portfolios.txt) finds in a sentence that names them, within a short reach of the name, is a candidate. A candidate is
described by surface features only (which side of the name it is, the shape of the words and punctuation between,
how many words apart, whether another name is between or nearer to it, the title's first and last word, whether
another name already holds that title there), and a logistic model (`graph/data/roles.json`, trained on the dev
texts with gold roles: `python -m graph.evaluate.train_roles eval/realnews/dev --out graph/data/roles.json`) says
how likely the title is that person's. The surest candidate over the threshold becomes the person's role; its
organisation is one named right by the title ("Commander of the Ruritanian Navy", "Ruritania's Trade Envoy"),
else none (the country steps of `posts.py` may give it one later).

This is a mechanism for any outlet's way of writing a title next to a name ("Senior Trade Officer, Jan Kowal",
"Jan Kowal, the Ruritanian envoy,"), not one form: the rules run first, the model only reads what they left.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from ..models import Packaged
from ..records import Mention, RoleMention
from .roles import _title_case, title_regex

ROLE_LEARNED = 0.6  # a title the model attached (confidence.py's scale)
REACH = 90  # characters between a title and a name beyond which the title is not a candidate
SMALL = frozenset({"the", "of", "and", "as", "his", "her", "its", "their", "s", "a", "an", "for", "to", "at", "in",
                   "by", "with", "from", "on", "mr", "ms", "mrs", "dr", "h", "e", "hon", "said", "who", "was",
                   "is", "met", "new", "former"})

ROLES = Packaged("roles.json")


def use_model(model) -> None:
    """Use `model` (a `models.Model`, or None for no attachment) instead of graph/data/roles.json."""
    ROLES.use(model)


def reset_model() -> None:
    ROLES.reset()


def current_model():
    """The model in use: the one given to `use_model`, else the packaged one (read once)."""
    return ROLES.current()

# set by the training command: receives (person mention, its entity key, candidate, features) for every candidate
Recorder = Callable[[Mention, str, str, tuple], None]
RECORDER: Recorder | None = None


def shape(gap: str) -> str:
    """The words and punctuation between a title and a name, as a short shape: ", the" stays, "Foreign Service"
    is "C", other lower-case words are "w" (", said the w" → ", said the w")."""
    out = []
    for tok in re.findall(r"[A-Za-z\u00C0-\u024F][\w'’.-]*|\d+|[^\w\s]", gap):
        low = tok.lower().rstrip(".")
        if low in SMALL:
            t = low
        elif tok[0].isupper():
            t = "C"
        elif tok[0].isdigit():
            t = "9"
        elif tok[0].isalpha():
            t = "w"
        else:
            t = tok
        if not (out and out[-1] == t and t in ("C", "w")):
            out.append(t)
    return " ".join(out[:6]) if out else "_"


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n <= 5 else "6+"


def features(p: Mention, span: tuple[int, int], title: str, text: str, people: list[Mention],
             taken: set[str]) -> tuple[str, ...]:
    """The features of the title at `span` as the title of the person at `p`."""
    a, b = span
    before = b <= p.start
    gap = text[b:p.start] if before else text[p.end:a]
    words = len(gap.split())
    others = [q for q in people if q is not p and q.start != p.start]
    between = any((b <= q.start and q.end <= p.start) if before else (p.end <= q.start and q.end <= a) for q in others)
    dist = p.start - b if before else a - p.end
    nearer = any(0 <= (q.start - b if q.start >= b else a - q.end) < dist for q in others)
    side = "before" if before else "after"
    first, head = title.split()[0].lower(), title.split()[-1].lower()
    prev = text[max(0, a - 12):a].split()
    after_title = text[b:b + 3].strip()[:1] or "_"
    sh = shape(gap)
    then = shape(" ".join(text[b:b + 30].split()[:1]))
    prior = shape(" ".join(text[max(0, a - 30):a].split()[-1:]))
    return tuple(f for f in (
        "counterpart" if re.search(r"\bcounterparts?\b", gap, re.I) else "",
        f"then={side}:{then}", f"prior={side}:{prior}",
        f"gap={side}:{sh}|taken" if title.lower() in taken else "",
        "side=" + side, f"gap={side}:{sh}", f"words={side}:{_bucket(words)}", "head=" + head, "first=" + first,
        "between" if between else "", "nearer" if nearer else "",
        "taken" if title.lower() in taken else "",
        "cap" if title[:1].isupper() else "lower",
        "det=" + prev[-1].lower() if prev and prev[-1].lower() in ("the", "a", "an", "his", "her", "its") else "",
        f"next={side}:{after_title}" if not before else "",
        f"gap={side}:{sh}|between" if between else "",
    ) if f)


def candidates(p: Mention, text: str, people: list[Mention], taken: set[str]) -> Iterator[tuple[tuple, str, tuple]]:
    """(span, title, features) of each title within REACH of the name at `p` in its sentence."""
    s = p.sentence
    for m in title_regex().finditer(text, s.start, s.end):
        a, b = m.start(), m.end()
        if (a > 0 and text[a - 1].isalnum()) or any(q.start < b and a < q.end for q in people):  # in a word, a name
            continue
        if (b <= p.start and p.start - b > REACH) or (a >= p.end and a - p.end > REACH) or (a < p.end and b > p.start):
            continue
        title = " ".join(m.group(0).split())
        yield (a, b), title, features(p, (a, b), title, text, people, taken)


def _org_of(span: tuple[int, int], text: str, orgs: list[Mention]) -> Mention | None:
    """An organisation or country named right by the title: after it ("Director of the Port Authority", a list's
    line "A, Chief Executive, Ruritania Airways") or just before it ("Ruritania's Trade Envoy")."""
    a, b = span
    for o in orgs:
        if o.start >= b and (re.fullmatch(r"[ \t]*,?[ \t]*(?:of|at|for)[ \t]+(?:the[ \t]+)?|[ \t]+", text[b:o.start])
                             or re.fullmatch(r"[ \t]*,[ \t]*", text[b:o.start])
                             and re.match(r"[ \t]*(?:$|\n|[.;])", text[o.end:o.end + 3])):
            return o  # "Director of the Port Authority", "Chairman, Ruritania Airways" (a list's line)
        if o.end <= a and re.fullmatch(r"(?:['’]s?)?[ \t]+(?:the[ \t]+)?", text[o.end:a]):
            return o
    return None


def _next_to(gap: str) -> bool:
    """Whether a title and a name with `gap` between are written next to each other: nothing but punctuation,
    capitalised words and "the" ("President His Excellency A", "A, the Chair")."""
    return len(gap) <= 40 and "\n" not in gap and not re.search(r"\b(?!the\b)(?-i:[a-z])\w*", gap)


def attached_roles(pieces, roles: dict[int, list[RoleMention]], key_of: dict[Mention, str], text: str) -> list[RoleMention]:
    """Roles for the people no rule gave a title: the surest candidate title of each over the model's threshold."""
    model = current_model()
    if model is None and RECORDER is None:
        return []
    titled = {key_of.get(r.person) for rs in roles.values() for r in rs}
    best: dict[str, tuple[float, RoleMention]] = {}
    for piece in pieces:
        people = [m for m in piece.mentions if m.type == "Person"]
        orgs = [m for m in piece.mentions if m.type in ("Organization", "Country")
                and not any(q.start < m.end and m.start < q.end for q in people)]
        for p in people:
            k = key_of.get(p)
            if k is None or k in titled:
                continue
            taken = {r.title.lower() for r in roles.get(id(piece), []) if r.sentence == p.sentence}
            for span, title, feats in candidates(p, text, people, taken):
                if RECORDER is not None:
                    RECORDER(p, k, title, feats)
                if model is None:
                    continue
                prob = model.probability(feats)
                if prob >= model.add and prob > best.get(k, (0.0, None))[0]:
                    gap = text[span[1]:p.start] if span[1] <= p.start else text[p.end:span[0]]
                    org = _org_of(span, text, orgs) if _next_to(gap) else None  # not a counterpart's
                    role = RoleMention(_title_case(title), p, org, p.sentence, ROLE_LEARNED)
                    best[k] = (prob, role)
    return [r for _, r in best.values()]


def _title_span(r: RoleMention, text: str) -> tuple[int, int] | None:
    """Where the title of `r` is written next to its holder's name in their sentence (the nearest occurrence with
    nothing but punctuation, capitalised words and "the" between), or None."""
    s, p = r.sentence, r.person
    words = [re.escape(w) for w in r.title.split()]
    if not words:
        return None
    pat = re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.I)
    best = None
    for m in pat.finditer(text, s.start, s.end):
        gap = text[m.end():p.start] if m.end() <= p.start else text[p.end:m.start()] if m.start() >= p.end else None
        if gap is None or not _next_to(gap):
            continue
        d = len(gap)
        if best is None or d < best[0]:
            best = (d, (m.start(), m.end()))
    return best[1] if best else None


def adjacent_orgs(pieces, roles: dict[int, list[RoleMention]], extra: list[RoleMention],
                  text: str) -> list[RoleMention]:
    """The roles read with no organisation whose title is written right by one: "Ruritania's Trade Envoy A", "the
    Harbour Authority's Director A", "A, Chairman, Ruritania Airways", "Governor of Lakeshire State A". The same
    roles, each with that organisation; the others are left as they are."""
    out = []
    for piece in pieces:
        people = [m for m in piece.mentions if m.type == "Person"]
        orgs = [m for m in piece.mentions if m.type in ("Organization", "Country")
                and not any(q.start < m.end and m.start < q.end for q in people)]
        for r in roles.get(id(piece), []) + [x for x in extra if x.person in people]:
            if r.org is not None:
                continue
            span = _title_span(r, text)
            org = _org_of(span, text, [o for o in orgs if o.sentence == r.sentence]) if span else None
            if org is not None and not (org.start >= r.person.end and span[1] <= r.person.start):
                out.append(RoleMention(r.title, r.person, org, r.sentence, ROLE_LEARNED))
    return out
