"""The rules of the `kg_entities` component (model.py) in the order they run: the model's entities repaired
(entity_repairs.py), then entities the model misses found by rule (persons after titles and posts:
titled_persons.py; places and projects: places_projects.py; equipment: equipment_rules.py), persons joined and
widened (person_joins.py), and the result merged into `doc.ents`."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..text import gazetteer as gz
from .entity_repairs import no_name, repair_span
from .first_names import with_first_name
from .equipment_rules import DESIGNATION, brand_models, named_by_class
from .person_joins import (join_adjacent_persons, join_particle_names, join_split_names, listed_among_persons,
                           named_again, split_coordinated)
from .places_projects import place_spans, project_spans
from .slot_persons import persons_in_slots
from .titled_persons import initialled_names, listed_persons, persons_after_posts, titled_persons

KEEP = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EQUIPMENT", "PROJECT"}


def repair_entities(doc: Doc, keep: set[str] = KEEP) -> Doc:
    """Repair the model's entities with general rules and write them back to `doc.ents`:
    determiners and vocatives trimmed, countries and equipment retyped from the gazetteers, titles cut off names,
    names split off organisations they were glued to ("… Committee Anatoly Lappo"), persons after titles and
    vocatives ("President Lukashenko", "Dear Aleksandr Grigoryevich"), places after place nouns, projects."""
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ == "PRODUCT" and re.match(DESIGNATION, ent.text):
            ent = Span(doc, ent.start, ent.end, label="EQUIPMENT")
        if ent.label_ not in keep:
            continue
        spans.extend(with_first_name(s) for s in repair_span(ent))
    spans = whole_countries(doc, join_particle_names(join_split_names(spans)))
    places = place_spans(doc)
    spans.extend(brand_models(doc))
    spans.extend(s for s in named_by_class(doc) if not any(x.start < s.end and s.start < x.end for x in spans
                                                           if x.label_ in ("EQUIPMENT", "PERSON", "GPE")))
    titled = titled_persons(doc, spans + places)
    titled += listed_persons(doc, spans + titled)
    # a name after a title is a person even where the model saw a place in it ("President Vučić")
    spans = [s for s in spans if not any(t.start < s.end and s.start < t.end for t in titled)
             or s.label_ in ("PERSON", "EQUIPMENT") or s.label_ == "GPE" and gz.country_of(s.text)]
    spans.extend(titled)
    spans.extend(persons_after_posts(doc, spans + places))
    spans.extend(initialled_names(doc, spans + places))
    rules = places + project_spans(doc)
    merged = persons_in_slots(split_coordinated(listed_among_persons(_merge(spans, rules))))
    doc.ents = [e for e in named_again(join_adjacent_persons(merged))
                if e.label_ != "PERSON" or not no_name(e)]
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.id_:
            for tok in ent:  # a code the model read inside a name ("AKM") leaves its gazetteer id on the tokens
                tok.ent_id_ = ""
    return doc


def _merge(spans: list[Span], rules: list[Span]) -> list[Span]:
    """Rule spans (places after place nouns, projects) replace the model's spans they overlap; among the rest the
    longest wins."""
    rules = filter_spans([s for s in rules if len(s) and s.text.strip()])
    taken = set()
    for r in rules:
        taken.update(range(r.start, r.end))
    kept = [s for s in spans if len(s) and s.text.strip() and not taken.intersection(range(s.start, s.end))]
    return filter_spans(kept + rules)


def whole_countries(doc: Doc, spans: list[Span]) -> list[Span]:
    """A country's name the model cut in pieces ("St." a place and "Lucia" a person; "Federated States" and
    "Micronesia"): the longest name of the gazetteer that starts where a piece does replaces the pieces it covers."""
    out = list(spans)
    for s in sorted(spans, key=lambda x: x.start):
        if not any(x is s for x in out):
            continue
        # the text of the first n tokens is Span.text's, built once for every n (a Span and its tokens for each n
        # cost 1 % of a build)
        words, texts, before = list(doc[s.start:s.start + 7]), [], ""
        for t in words:
            texts.append(before + t.text)
            before += t.text_with_ws
        hit = gz.country_at_start(words, 7, text_of=lambda n: texts[n - 1])
        if hit is None or hit[1] <= len(s) or s.start + hit[1] > len(doc):
            continue
        land = Span(doc, s.start, s.start + hit[1], label="GPE", span_id=hit[0].name)
        out = [x for x in out if x.end <= land.start or x.start >= land.end] + [land]
    return out
