"""A person's name the model typed as an organisation, a building or a place, standing where the text names a
person: set off by commas after a post ("the Minister of Trade, Ana Ruiz and …"), before a post ("Ana Ruiz,
the president-elect of …", "Ana Ruiz, Co-chair of …"), right after a title in the plural or after "<Title> of
<Country>" ("the ambassadors Ana Ruiz and …", "Prime Minister of Talvania Ana Ruiz"), or in a list of persons
before an item with a title ("Ben Kor, Ana Ruiz, Defence Minister …").

Only a span of two to four name words (names.is_name_token: no organisation word, title, country or demonym) that
the gazetteers do not know as a place is retyped; an organisation's name has a head word ("… Holdings", "… Council")
or is an acronym, and a name of a place the gazetteers know stays a place."""

from __future__ import annotations

from spacy.tokens import Span

from ..text import gazetteer as gz
from .names import VOCATIVES, is_name_token, name_run

RETYPED = ("ORG", "FAC", "GPE", "LOC")
_POST_GLUE = {"of", "the", "for", "and", "&", "on", "to", "'s", "’s", "-"}
_BEFORE_TITLE = {"the", "a", "an", "deputy", "vice", "first", "acting", "co", "-", "chief", "senior", "former"}
_LIST = {",", ";", "and"}


def persons_in_slots(spans: list[Span]) -> list[Span]:
    """`spans` with each name-shaped organisation or place in a person's slot (module docstring) typed a person."""
    out = []
    for s in spans:
        if s.label_ in RETYPED and _name_shaped(s) and _in_person_slot(s, spans):
            s = Span(s.doc, s.start, s.end, label="PERSON")
        out.append(s)
    return out


def _name_shaped(s: Span) -> bool:
    """Two to four name words, unknown to the gazetteers as a country or place, with no gazetteer id."""
    if s.id_ or gz.country_of(s.text) is not None or gz.place_of(s.text) is not None:
        return False
    words = s.text.split()
    return 2 <= len(words) <= 4 and name_run(s.doc, s.start, None, most=4) == s.end


def _is_title(word: str) -> bool:
    """A title's head word, singular or plural ("minister", "ambassadors", "presidents")."""
    heads = gz.title_heads()
    return word in heads or word.endswith("s") and word[:-1] in heads or word.endswith("ies") \
        and word[:-3] + "y" in heads


def _title_after(doc, i: int) -> bool:
    """A post starts at token i: "the president-elect of", "Co-chair of", "Deputy Minister …"."""
    j = i
    while j < len(doc) and j < i + 4 and doc[j].lower_ in _BEFORE_TITLE:
        j += 1
    # a title before a name opens a new clause ("…, President Ruiz said"): a post is followed by "of", "to", …
    return j < len(doc) and _is_title(doc[j].lower_) and doc[j].lower_ not in VOCATIVES \
        and not (j + 1 < len(doc) and is_name_token(doc[j + 1]))


def _post_before_comma(doc, comma: int) -> bool:
    """The words before the comma at `comma` are a post: a title, then its body's words ("Minister for Foreign
    Affairs of Japan", "the president of Cuba", "Minister of State Security")."""
    j = comma - 1
    while j >= 0 and comma - j <= 10:
        tok = doc[j]
        if _is_title(tok.lower_):
            return True
        if not (tok.text[:1].isupper() and tok.is_alpha or tok.lower_ in _POST_GLUE):
            return False
        j -= 1
    return False


def _title_right_before(doc, s: Span, spans: list[Span]) -> bool:
    """A plural title right before ("the ambassadors Ana Ruiz") or "<Title> of <Country>" ("Prime Minister of
    Talvania Ana Ruiz")."""
    if s.start == 0:
        return False
    prev = doc[s.start - 1]
    if prev.lower_.endswith("s") and _is_title(prev.lower_) and prev.lower_ not in gz.title_heads():
        return True
    for k in (1, 2, 3):  # the country's words, whatever span the model made of them
        a = s.start - k
        if a >= 2 and gz.country_of(doc[a:s.start].text) is not None and doc[a - 1].lower_ == "of" \
                and _is_title(doc[a - 2].lower_):
            return True
    return False


def _listed_before_title(doc, s: Span, spans: list[Span]) -> bool:
    """A person right before across a list's comma or "and", and a titled item right after: "Ben Kor, Ana Ruiz,
    Defence Minister …"."""
    before = next((x for x in reversed(spans) if x.end <= s.start), None)
    if before is None or before.label_ != "PERSON" or not 1 <= s.start - before.end <= 2 \
            or not all(t.lower_ in _LIST for t in doc[before.end:s.start]):
        return False
    k = s.end
    if k >= len(doc) or doc[k].lower_ not in _LIST:
        return False
    return any(_is_title(t.lower_) for t in doc[k + 1:k + 4])


def _in_person_slot(s: Span, spans: list[Span]) -> bool:
    doc = s.doc
    if s.start > 0 and doc[s.start - 1].lower_ in ("the", "a", "an"):
        return False  # "in the White Room, President …": a name after an article is a thing's
    if s.end + 1 < len(doc) and doc[s.end].text == "," and _title_after(doc, s.end + 1):
        return True
    if s.start >= 2 and doc[s.start - 1].text == "," and _post_before_comma(doc, s.start - 1) \
            and not any(x.end == s.start - 1 and x.label_ == "PERSON" for x in spans):
        return True  # (a person before the comma: "President Ana Vale, Hanbit Steel and …" is a list)
    return _title_right_before(doc, s, spans) or _listed_before_title(doc, s, sorted(spans, key=lambda x: x.start))
