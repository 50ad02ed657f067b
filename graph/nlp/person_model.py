"""A learned check of who is a person, over broad candidates (round 16).

The rules of `entity_rules.py` decide which spans are persons; this check looks at every entity span of the finished
doc (any label) and at every run of 2–5 capitalised name words no entity covers, and gives each a probability of
being a person's name from general features of any text (the model's label, the words' shapes and kinds, a title or
honorific before, a comma and a post after, a list whose other items are persons, gazetteer hits, other mentions of
the same words). A logistic model (`graph/data/persons.json`, trained by `graph/evaluate/train_persons.py` on gold
persons) then makes a span a person when it is sure (`add`) and takes the person label off a span when it is sure it
is none (`drop`). Without the model file the doc is left as the rules made it.
"""

from __future__ import annotations

import math
import re
from typing import Callable

from spacy.tokens import Doc, Span

from dataclasses import dataclass

from ..models import Packaged
from ..text import gazetteer as gz
from .names import PARTICLES, VOCATIVES, honorific_words, is_name_token, name_run



@dataclass(frozen=True)
class PersonModel:
    """Weights of string features and a bias; `add`: the probability at which a span becomes a person, `drop`:
    below which a person span stops being one."""

    weights: dict[str, float]
    bias: float
    add: float
    drop: float

    def probability(self, feats) -> float:
        z = self.bias + sum(self.weights.get(x, 0.0) for x in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, data: dict) -> PersonModel:
        return cls(dict(data["weights"]), float(data["bias"]), float(data["add"]), float(data.get("drop", 0.0)))


PERSONS: Packaged[PersonModel] = Packaged("persons.json", PersonModel.from_json)
use_model = PERSONS.use  # use a model instead of the packaged one (None: no check); for training and tests
reset_model = PERSONS.reset
packaged = PERSONS.packaged  # the model shipped as graph/data/persons.json (None when the file is absent)
current = PERSONS.current


# training's hook: called with the doc and its candidates (span, features) before any change
Recorder = Callable[[Doc, list[tuple[Span, tuple[str, ...]]]], None]
RECORDER: Recorder | None = None

LIST_WORDS = {",", ";", "and", "&"}
COURTESY = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "madam", "dame", "h.e."}
KEEP_CONTEXT = {",", ".", ":", ";", "(", ")", "-", "–", "'s", "’s", "and", "of", "the", "by", "with", "to", "from",
                "for", "said", "says", "told", "met", "meets", "received", "receives", "welcomed", "between", "in",
                "on", "at", "as", "who", "his", "her", "minister", "president", "ambassador", "prime", "secretary",
                "general", "deputy", "chairman", "king", "foreign", "his excellency", "envoy", "counterpart"}


def dictionary_words(nlp) -> frozenset[str]:
    """The English dictionary words the pipeline's lemmatizer knows (its WordNet index: "summit", "plan",
    "street"); a name like "Siphandone" is none. Empty for a pipeline without one (the blank one of tests)."""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    return frozenset(w for words in index.values() for w in words if w.isalpha())


def check_persons(doc: Doc, dictionary: frozenset[str] = frozenset()) -> Doc:
    """`doc` with its persons corrected by the packaged model (unchanged when there is none); `dictionary`: the
    English words (`dictionary_words`)."""
    model = current()
    if model is None and RECORDER is None:
        return doc
    cands = _scored(doc, dictionary)
    if RECORDER is not None:
        RECORDER(doc, cands)
    if model is None:
        return doc
    _apply(doc, cands, model, model.drop)
    return doc


def _scored(doc: Doc, dictionary: frozenset[str]) -> list[tuple[Span, tuple[str, ...]]]:
    """The candidates of `doc` with their features."""
    seen = _DocView(doc, dictionary)
    spans = candidates(doc)
    seen.items(spans)
    return [(s, tuple(features(s, seen))) for s in spans]


def _apply(doc: Doc, cands, model: PersonModel, drop: float) -> bool:
    """Make persons of the candidates the model passes at `add` and drop the person spans below `drop`; whether
    anything changed."""
    ents = {(e.start, e.end): e for e in doc.ents}
    changed = False
    for span, feats in cands:
        p = model.probability(feats)
        key = (span.start, span.end)
        if span.label_ == "PERSON" and p < drop:
            del ents[key]
            changed = True
        elif span.label_ != "PERSON" and p >= model.add:
            ents[key] = Span(doc, span.start, span.end, label="PERSON")
            changed = True
    if changed:
        doc.ents = sorted(ents.values(), key=lambda e: e.start)
    return changed


def candidates(doc: Doc) -> list[Span]:
    """Every entity span of `doc` (labelled as it is) and every run of 2–5 name words no entity covers (label
    "RUN")."""
    out = [e for e in doc.ents if e.label_ not in ("EQUIPMENT", "DATE", "CARDINAL")]
    free = [True] * len(doc)
    for e in doc.ents:
        for i in range(e.start, e.end):
            free[i] = False
    i = 0
    while i < len(doc):
        if free[i] and is_name_token(doc[i]) and not (i and free[i - 1] and is_name_token(doc[i - 1])):
            end = name_run(doc, i, free, most=5)
            words = sum(1 for t in doc[i:end] if t.text not in ("-", "'"))
            if end > i and words >= 2 and len(doc[i:end].text.split()) >= 2:
                out.append(Span(doc, i, end, label="RUN"))
                i = end
                continue
        i += 1
    return out


class _DocView:
    """What every candidate of one doc reads: its persons, the words of its persons, the words after a courtesy
    word, the texts of its entities and their labels."""

    def __init__(self, doc: Doc, dictionary: frozenset[str] = frozenset()) -> None:
        self.dictionary = dictionary
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]
        self.person_words: dict[str, int] = {}
        for e in self.persons:
            for w in set(e.text.split()):
                self.person_words[w] = self.person_words.get(w, 0) + 1
        self.courtesy: dict[str, int] = {}
        for t in doc[1:]:
            if doc[t.i - 1].lower_ in COURTESY:
                self.courtesy[t.text] = self.courtesy.get(t.text, 0) + 1
        self.texts: dict[str, list[str]] = {}
        for e in doc.ents:
            self.texts.setdefault(e.text, []).append(e.label_)
        self.by_start: dict[int, Span] = {}
        self.by_end: dict[int, Span] = {}

    def items(self, spans: list[Span]) -> None:
        """The candidate spans, by where they start and end (the items of a list)."""
        self.by_start = {s.start: s for s in spans}
        self.by_end = {s.end: s for s in spans}


def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "X" if len(text) <= 3 else "XX"
    if re.fullmatch(r"[A-Z]\.?", text):
        return "I"
    if text[:1].isupper():
        return "Xx-" if "-" in text else "Xx"
    if text.islower():
        return "p" if text in PARTICLES else "x"
    return "o"


def _ctx(tok) -> str:
    """A context word as a feature: closed-class words and title words as they are, others by kind."""
    low = tok.lower_
    if low in KEEP_CONTEXT or low in COURTESY or low in VOCATIVES:
        return low
    if low in gz.title_words():
        return "TITLE"
    if low in honorific_words():
        return "HON"
    if tok.is_punct:
        return "P"
    if tok.text[:1].isupper():
        return "CAP"
    return "w:" + tok.pos_ if tok.pos_ else "w"


def features(span: Span, seen: _DocView | None = None) -> list[str]:
    """The features of one candidate span: general to any text, no names."""
    doc = span.doc
    words = [t for t in span if t.text not in ("-", "'")]
    low = [t.lower_ for t in words]
    f = ["lab=" + span.label_, f"n={min(len(span.text.split()), 5)}",
         "shape=" + "".join(dict.fromkeys(_shape(t.text) for t in words)),
         "first=" + _shape(words[0].text) if words else "first=", "last=" + _shape(words[-1].text) if words else "last="]
    f += [f"lab={span.label_}&n={min(len(span.text.split()), 3)}"]
    names = sum(1 for t in words if is_name_token(t))
    f.append("names=" + ("all" if names == len(words) else "none" if not names else "some"))
    f.append(f"lab={span.label_}&names=" + ("all" if names == len(words) else "part"))
    heads = gz.org_heads()
    if any(w in heads for w in low):
        f.append("orghead")
        if low and low[-1] in heads:
            f.append("orghead_last")
    if any(w in gz.title_words() for w in low):
        f.append("titleword")
    if any(w in gz.portfolio_words() for w in low):
        f.append("portfolio")
    if gz.country_of(span.text):
        f.append("country")
    elif any(gz.country_of(t.text) for t in words) or any(t.text in gz.demonym_index() for t in words):
        f.append("country_word")
    if gz.place_of(span.text):
        f.append("place")
    if span.text.lower() in gz.news_agencies():
        f.append("agency")
    if any(t.is_digit or any(c.isdigit() for c in t.text) for t in words):
        f.append("digit")
    if any(w in PARTICLES for w in low):
        f.append("particle")
    if any(t.is_stop and t.is_lower for t in words):
        f.append("stopword")
    if words and words[-1].text[-3:].isalpha():
        f.append("suf=" + words[-1].text[-3:].lower())
    seen = seen or _DocView(doc)
    f += _context(span, seen) + _mentions(span, seen) + _dictionary(words, seen.dictionary)
    tags = {t.tag_ for t in words}
    if tags == {"NNP"} or tags == {"NNPS"}:
        f.append("all_nnp")
    if span.start == span.sent.start:
        f.append("sent_start")
    return f


def _dictionary(words: list, dictionary: frozenset[str]) -> list[str]:
    """How many of the words are English dictionary words (a plural's singular counts): all, some, none; and the
    last word (the head of a phrase: "Forum", "Street")."""
    if not dictionary or not words:
        return []
    known = [_known(t.lower_, dictionary) for t in words]
    out = ["dict=" + ("all" if all(known) else "none" if not any(known) else "some")]
    if known[-1]:
        out.append("dict_last")
    if known[0]:
        out.append("dict_first")
    return out


def _known(word: str, dictionary: frozenset[str]) -> bool:
    return word in dictionary or word.endswith("s") and (word[:-1] in dictionary or word.endswith("es")
                                                         and word[:-2] in dictionary)


def _context(span: Span, seen: _DocView) -> list[str]:
    """The words around the span: a title or courtesy word before, a comma and a post after, a list of persons."""
    doc, f = span.doc, []
    prev = doc[span.start - 1] if span.start else None
    nxt = doc[span.end] if span.end < len(doc) else None
    f.append("prev=" + (_ctx(prev) if prev is not None else "START"))
    f.append("next=" + (_ctx(nxt) if nxt is not None else "END"))
    if span.start >= 2:
        f.append("prev2=" + _ctx(doc[span.start - 2]) + "|" + f[-2][5:])
    if prev is not None and (prev.lower_ in COURTESY or prev.lower_ in gz.title_heads()):
        f.append("after_title")
    if nxt is not None and nxt.text == ",":
        after = [t.lower_ for t in doc[span.end + 1:span.end + 5]]
        if any(w in gz.title_words() for w in after):
            f.append("comma_post")
    persons = [e for e in seen.persons if e.start != span.start]
    for side, near in (("l", _neighbour(doc, span.start, persons, -1)), ("r", _neighbour(doc, span.end, persons, 1))):
        if near:
            f.append(f"list_person_{side}")
    items = _list_items(span, seen)
    if len(items) >= 2:
        named = sum(1 for x in items if x.label_ == "PERSON")
        f += [f"list_items={min(len(items), 4)}", f"list_persons={min(named, 3)}",
              "list_mostly_persons" if 2 * named >= len(items) else "list_few_persons"]
    if nxt is not None and nxt.text in ("'s", "’s"):
        f.append("possessive")
    return f


def _list_items(span: Span, seen: _DocView, most: int = 12) -> list[Span]:
    """The other items of the list (", ", " and ", ", and ") `span` is an item of: candidate spans next to each other
    across list separators."""
    doc, out = span.doc, []
    at = span.start
    while len(out) < most and at >= 2 and doc[at - 1].lower_ in LIST_WORDS:
        j = at - 1
        if doc[j].lower_ == "and" and j >= 1 and doc[j - 1].text == ",":
            j -= 1
        left = seen.by_end.get(j)
        if left is None:
            break
        out.append(left)
        at = left.start
    at = span.end
    while len(out) < most and at < len(doc) - 1 and doc[at].lower_ in LIST_WORDS:
        j = at + 1
        if doc[at].text == "," and doc[j].lower_ == "and":
            j += 1
        right = seen.by_start.get(j)
        if right is None:
            break
        out.append(right)
        at = right.end
    return out


def _neighbour(doc: Doc, at: int, persons: list[Span], step: int) -> bool:
    """A person item next to position `at` across a list separator (", ", " and ")."""
    i = at - 1 if step < 0 else at
    if not (0 <= i < len(doc)) or doc[i].lower_ not in LIST_WORDS:
        return False
    j = i + step
    if step > 0 and j < len(doc) and doc[j].lower_ == "and":
        j += 1
    return any((e.end == j + 1 if step < 0 else e.start == j) for e in persons)


def _mentions(span: Span, seen: _DocView) -> list[str]:
    """Other mentions in the text: the last word again in a person, after a courtesy word, the same words labelled."""
    f = []
    words = [t for t in span if t.text not in ("-", "'")]
    if not words:
        return f
    last = words[-1].text
    own = 1 if span.label_ == "PERSON" and last in span.text.split() else 0
    if seen.person_words.get(last, 0) > own:
        f.append("surname_in_person")
    labels = list(seen.texts.get(span.text, []))
    if span.label_ in labels:
        labels.remove(span.label_)
    if labels:
        f += ["again", "again_lab=" + labels[0]]
    if seen.courtesy.get(last, 0) > (1 if span.start and span.doc[span.start - 1].lower_ in COURTESY and len(words) == 1 else 0):
        f.append("courtesy_elsewhere")
    return f
