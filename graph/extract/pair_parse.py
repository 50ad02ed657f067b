"""The dependency parse of a sentence kept small after its spaCy `Doc` is dropped (`Parsed`), and the features the
who-met-whom pair model (learned.py) reads off it for two names: the path between their heads in the tree, the
word where the two paths meet (their lowest common ancestor) and whether it names a meeting, each name's relation
to its head and the verb governing it, whether one name hangs from the other (an apposition, a title, a list), and
a negation or a modal on the verb they share.

Only sentences with a name are kept (`parsed_of` is called by analyse.read_piece); a word with a capital is never a
feature ("<cap>", as in learned._words): names are never features.
"""

from __future__ import annotations

from dataclasses import dataclass

MEETING = frozenset({"meet", "receive", "host", "welcome", "interact", "confer", "negotiate", "consult", "hold",
                     "meeting", "talk", "talks", "negotiation", "conversation", "call", "audience", "bilateral",
                     "discussion", "consultation", "session", "summit", "visit", "dialogue", "lunch", "dinner",
                     "breakfast", "chat", "encounter", "discuss", "greet", "sit", "attend", "join"})
MODALS = frozenset({"will", "would", "shall", "may", "might", "could", "should", "must", "can", "to"})
MAX_PATH = 4  # a path of more steps is only told by its length and its deps


@dataclass(frozen=True)
class Parsed:
    """A sentence's tokens as arrays: document offsets, the index of each token's head in the sentence (a root's
    is itself), its dependency label, lemma and coarse part of speech."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    heads: tuple[int, ...]
    deps: tuple[str, ...]
    lemmas: tuple[str, ...]
    pos: tuple[str, ...]


def parsed_of(span, offset: int) -> Parsed:
    """A spaCy sentence `span` (of a piece at `offset` in the document) as a `Parsed`; a head outside the span
    (a sentence joined from two: analyse._sents) counts as a root."""
    base = span.start
    n = len(span)
    heads = []
    for i, t in enumerate(span):
        h = t.head.i - base
        heads.append(h if 0 <= h < n else i)
    return Parsed(tuple(offset + t.idx for t in span), tuple(offset + t.idx + len(t) for t in span), tuple(heads),
                  tuple(t.dep_ for t in span), tuple(t.lemma_.casefold() for t in span), tuple(t.pos_ for t in span))


def _word(p: Parsed, i: int) -> str:
    """A token's lemma as a feature: "<cap>" for a proper noun or a capitalised lemma (a name)."""
    w = p.lemmas[i]
    return "<cap>" if p.pos[i] == "PROPN" or not w.islower() else w


def head_of(p: Parsed, span: tuple[int, int]) -> int | None:
    """The token of the name at `span` (document offsets) that hangs from outside it (its syntactic head)."""
    inside = [i for i in range(len(p.starts)) if p.starts[i] < span[1] and p.ends[i] > span[0]]
    if not inside:
        return None
    members = set(inside)
    for i in inside:
        if p.heads[i] not in members or p.heads[i] == i:
            return i
    return inside[-1]


def ancestors(p: Parsed, i: int) -> list[int]:
    """`i` and its heads up to the root."""
    out = [i]
    while p.heads[out[-1]] != out[-1] and len(out) <= len(p.heads):
        out.append(p.heads[out[-1]])
    return out


def _role(p: Parsed, i: int) -> str:
    """A name's relation to its head; an object of a preposition with the preposition ("pobj:with")."""
    dep = p.deps[i]
    if dep == "pobj" and p.heads[i] != i:
        return f"pobj:{_word(p, p.heads[i])}"
    return dep


def _governor(p: Parsed, i: int) -> int | None:
    """The verb (or meeting noun) nearest above the token."""
    for j in ancestors(p, i)[1:]:
        if p.pos[j] in ("VERB", "AUX") or p.lemmas[j] in MEETING:
            return j
    return None


def _marks(p: Parsed, i: int) -> list[str]:
    """A negation or a modal hanging from token `i`."""
    out = []
    for j, h in enumerate(p.heads):
        if h == i and j != i:
            if p.deps[j] == "neg":
                out.append("neg")
            elif p.deps[j] in ("aux", "auxpass") and p.lemmas[j] in MODALS:
                out.append(f"aux={p.lemmas[j]}")
    return out


def pair_parse_features(p: Parsed | None, one: tuple[int, int], two: tuple[int, int]) -> list[str]:
    """The parse features of two names told at `one` and `two` (document offsets) in the sentence `p`."""
    if p is None:
        return ["dp_none"]
    a, b = head_of(p, one), head_of(p, two)
    if a is None or b is None or a == b:
        return ["dp_none"]
    up_a, up_b = ancestors(p, a), ancestors(p, b)
    common = next((x for x in up_a if x in set(up_b)), None)
    roles = sorted((_role(p, a), _role(p, b)))
    feats = [f"dr={r}" for r in roles] + [f"drs={roles[0]}|{roles[1]}"]
    gov_a, gov_b = _governor(p, a), _governor(p, b)
    feats.append(f"dsame_gov={gov_a is not None and gov_a == gov_b}")
    feats += [f"dgov={_word(p, g)}" for g in {gov_a, gov_b} if g is not None]
    if common is None:
        return feats + ["dlca_none"]
    path_a, path_b = up_a[:up_a.index(common)], up_b[:up_b.index(common)]
    length = len(path_a) + len(path_b)
    feats.append(f"dlen={min(length, 8)}")
    deps = "^".join(p.deps[i] for i in path_a) + ">" + ">".join(p.deps[i] for i in reversed(path_b))
    if common in (a, b):  # one name hangs from the other: "A's envoy B", "A and B", "B, the minister of A"
        lower = path_b if common == a else path_a
        feats.append(f"ddom={p.deps[lower[0]] if len(lower) == 1 else 'deep'}")
        feats.append(f"ddeps={deps}" if length <= MAX_PATH else "ddeps_long")
        return feats
    word = _word(p, common)
    feats += [f"dlca={word}", f"dlca_meet={word in MEETING}", f"dlca_pos={p.pos[common]}"]
    feats += [f"dlca_{m}" for m in _marks(p, common)]
    if length <= MAX_PATH:
        feats.append(f"ddeps={deps}")
        feats.append(f"dpath={deps}|{word}")
    else:
        feats.append("ddeps_long")
    return feats


def host_parse_features(p: Parsed | None, one: tuple[int, int]) -> list[str]:
    """The parse features of a name paired with the document's host, who is not named in the sentence: its role
    and the verb governing it (the host is often the unnamed subject: "… was received at the palace")."""
    if p is None:
        return ["dp_none"]
    a = head_of(p, one)
    if a is None:
        return ["dp_none"]
    feats = [f"dh_role={_role(p, a)}"]
    gov = _governor(p, a)
    if gov is not None:
        word = _word(p, gov)
        feats += [f"dh_gov={word}", f"dh_gov_meet={word in MEETING}", f"dh_gov_role={word}|{_role(p, a)}"]
        feats += [f"dh_{m}" for m in _marks(p, gov)]
    return feats
