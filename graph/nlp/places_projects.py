"""Places and projects the model misses, found by rule: a capitalised name after a place noun or before a place
suffix ("the military training area Obuz-Lesnovsky", "the Vitebsk Region"), and noun phrases headed by a project
noun ("a mining and processing plant", "the roadmap for industrial cooperation", "Great Stone Industrial Park")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..text import gazetteer as gz
from .names import name_run
from .tokens import DETERMINERS, lowers, phrase_hits

PLACE_HEADS = ("training area", "training ground", "military training area", "city of", "town of", "village of",
               "region of", "province of")
PLACE_SUFFIXES = {"region", "oblast", "province", "district", "krai", "governorate", "county", "square", "airport"}
_PLACE_HEAD_WORDS = [head.split() for head in PLACE_HEADS]
_PLACE_HEAD_FIRST = {words[0] for words in _PLACE_HEAD_WORDS}
COMPLEMENT_HEADS = {"roadmap", "road map", "programme", "program", "strategy", "plan"}
WEAK_PROJECT_HEADS = {"programme", "program", "initiative", "roadmap", "road map", "hub", "corridor", "park",
                      "project"}
GENERIC_MODIFIERS = {"state", "government", "national", "new", "joint", "large", "big", "major", "federal", "special",
                     "whole", "entire", "first", "second", "third", "next", "current", "main", "key", "important",
                     "investment", "regional", "local", "international", "bilateral", "this", "that", "other",
                     "planned", "proposed", "future", "largest", "biggest", "first", "last", "promising"}


def place_spans(doc: Doc) -> list[Span]:
    """A capitalised name right after a place noun: "the military training area Obuz-Lesnovsky"."""
    out = []
    text_lower = lowers(doc)
    for i in range(len(doc)):
        if text_lower[i] not in _PLACE_HEAD_FIRST:
            continue
        for words in _PLACE_HEAD_WORDS:
            if text_lower[i:i + len(words)] != words:
                continue
            j = i + len(words)
            k = j
            while k < len(doc) and (doc[k].text[:1].isupper() and doc[k].is_alpha or doc[k].text == "-"
                                    and k + 1 < len(doc) and doc[k + 1].text[:1].isupper()):
                k += 1
            if k > j and doc[j].text[:1].isupper():
                out.append(Span(doc, j, k, label="LOC"))
    for i, tok in enumerate(doc):  # "the Vitebsk Region", "Minsk Oblast"
        if tok.lower_ in PLACE_SUFFIXES and tok.text[:1].isupper() and i > 0:
            j = i
            while j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha and \
                    doc[j - 1].lower_ not in gz.title_words() and i - j < 3:
                j -= 1
            if j < i:
                out.append(Span(doc, j, i + 1, label="LOC"))
    return out


def project_spans(doc: Doc) -> list[Span]:
    """Noun phrases headed by a project noun with a modifier: "a mining and processing plant", "the Geely car
    plant", "Great Stone Industrial Park", "the biotechnological cluster"."""
    out = []
    heads = {tuple(h.split()): h for h in gz.project_heads()}
    for i, words in sorted(phrase_hits(lowers(doc), heads), key=lambda x: -len(x[1])):
        head = heads[words]
        n = len(words)
        end = i + n
        if end < len(doc) and doc[end].lower_ in ("for", "on", "until", "till", "with") and \
                head in COMPLEMENT_HEADS:
            # "the roadmap for industrial cooperation", "roadmap on water and energy cooperation",
            # "roadmap until 2026", "the roadmap with Belarus"
            k = end + 1
            while k < len(doc) and k - end <= 6 and doc[k].pos_ not in ("VERB", "AUX") and (
                    doc[k].is_alpha and not doc[k].is_stop or doc[k].like_num
                                                     or doc[k].lower_ == "and" and k + 1 < len(doc)
                                                     and doc[k + 1].is_alpha and not doc[k + 1].is_stop):
                k += 1
            if k > end + 1:
                out.append(Span(doc, i, k, label="PROJECT"))
            continue
        if end < len(doc) and doc[end].lower_ in ("of", "for", "on"):
            continue  # "manufacturing of vitamins": the phrase goes on, no name here
        if end < len(doc) and doc[end].is_alpha and not doc[end].is_stop and doc[end].text.islower() \
                and doc[end].pos_ in ("NOUN", "PROPN", ""):
            continue  # "manufacturing capabilities": the head noun is further right
        s = i
        while s > 0:
            prev = doc[s - 1]
            if prev.is_alpha and not prev.is_stop and prev.lower_ not in DETERMINERS or prev.text == "-":
                s -= 1
            elif prev.lower_ == "and" and s - 2 >= 0 and doc[s - 2].is_alpha and not doc[s - 2].is_stop:
                s -= 1
            else:
                break
        while s < i and (doc[s].lower_ in GENERIC_MODIFIERS or doc[s].lower_ == "and"):
            s += 1  # "a new nuclear power plant" → "nuclear power plant"
        mods = [t.lower_ for t in doc[s:i] if t.is_alpha]
        if head in WEAK_PROJECT_HEADS and not any(t.text[:1].isupper() for t in doc[s:i]) and \
                all(m in GENERIC_MODIFIERS for m in mods):
            continue
        if s < i and doc[s].lower_ != "and":
            if doc[i].text[:1].isupper():  # "China-Belarus Industrial Park Great Stone": the name follows
                k = name_run(doc, end, most=3)
                end = k if k > end else end
            out.append(Span(doc, s, end, label="PROJECT"))
    return out
