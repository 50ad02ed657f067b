"""Every key and IRI, minted here and nowhere else.

A key is a record's stable id, `type/local` ("person/aleksandr-lukashenko", "event/2024-05-20-…"): the same thing
told by two documents gets the same key, so their graphs join. An IRI is a key under the `ID` namespace
(`https://w3id.org/meeting-graph/id/`). Keys are made from names as written by `slug` (transliterated to ASCII
with anyascii, lower case, hyphens), so an IRI reads as the name (`person/xi-jinping`). The folding that makes
spellings of one name equal (`fold`, "Ksi" ~ "Xi") is only a matching key (`match_key`): it decides which mentions
and stored entities are one, never what an IRI looks like; `local_part` is the only way a key is taken apart.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from typing import Iterable

from anyascii import anyascii
from rdflib import URIRef

from .rdf.namespaces import ID
from .text import gazetteer as gz

PATRONYMIC = re.compile(r"(?:ovich|evich|ich|ovna|evna|ichna|uly|kyzy)$")


def slug(text: str) -> str:
    """ASCII, lower case, hyphens: a readable and stable IRI segment for any name ("Зеленський" → "zelenskyi",
    "Søren Bräuer" → "soren-brauer"), transliterated as written, never folded."""
    ascii_ = anyascii(unicodedata.normalize("NFC", text))
    s = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:80].strip("-")
    if not s:
        s = "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return s


@functools.lru_cache(maxsize=1 << 16)
def fold(token: str) -> str:
    """Transliteration folding of one name token: "Aleksandr" and "Alexander", "Zelenskyy" and "Zelensky"."""
    t = unicodedata.normalize("NFKD", token).encode("ascii", "ignore").decode().lower()
    t = t.replace("x", "ks").replace("iy", "i").replace("y", "i").replace("j", "i")
    t = re.sub(r"(.)\1+", r"\1", t)
    return re.sub(r"er$", "r", t)


def org_key(name: str) -> str:
    """An organisation's name as compared: without a leading "the" or a trailing "of <Country>", case folded."""
    n = re.sub(r"^(?:the)\s+", "", " ".join(name.split()), flags=re.I)
    m = re.match(r"^(.*?)\s+of\s+(?:the\s+)?(.+)$", n)
    if m and gz.country_of(m.group(2)) is not None and len(m.group(1).split()) >= 2:
        n = m.group(1)
    return n.casefold()


# ---------------------------------------------------------------------------------------------------- keys

def _person_tokens(label: str) -> list[str]:
    """A person's given name and surname: patronymics between them left out ("Aleksandr Grigoryevich
    Lukashenko" → Aleksandr, Lukashenko)."""
    toks = label.split()
    if len(toks) >= 3 and all(PATRONYMIC.search(t) for t in toks[1:-1]):
        toks = [toks[0], toks[-1]]
    return toks


def entity_key(typ: str, label: str) -> str:
    """The stable id of an entity, made from its label as written: a person's given name and surname
    ("Aleksandr Grigoryevich Lukashenko" is person/aleksandr-lukashenko, "Xi Jinping" person/xi-jinping), an
    organisation's name without "the" or a trailing "of <Country>". Spellings of one entity are merged by
    `match_key`, and the entity keeps the key of the label it was first given (`graph/store/link.py` keeps a stored
    key when another document spells the name otherwise)."""
    if typ == "Person":
        return f"person/{slug(' '.join(_person_tokens(label)))}"
    if typ in ("Organization", "Project"):
        return f"{typ.lower()}/{slug(org_key(label))}"
    return f"{typ.lower()}/{slug(label)}"


def match_key(typ: str, label: str) -> str:
    """The key two spellings of one entity share (never an IRI): a person's folded given name and surname
    ("Alexander Lukashenko" and "Aleksandr Grigoryevich Lukashenko" both give person/aleksandr-lukashenko,
    "Xi Jinping" and "Ksi Jinping" person/ksi-inping); for any other type, `entity_key`."""
    if typ == "Person":
        return f"person/{slug(' '.join(fold(t) for t in _person_tokens(label)))}"
    return entity_key(typ, label)


def plain_key(typ: str, name: str) -> str:
    """The key of an entity made from one name the text gives no more of (an organisation seen only in a role)."""
    return f"{typ.lower()}/{slug(name)}"


def topic_key(label: str) -> str | None:
    """A concept discussed ("energy security"): its normalised label, or None where nothing of it is left."""
    s = slug(label)
    return f"topic/{s}" if s else None


def local_part(key: str) -> str:
    """"person/jan-kowal" → "jan-kowal"."""
    return key.split("/", 1)[1]


def header_event_key(begin: str | None, title: str) -> str:
    """A header's event until its participants are known: its date and title."""
    return f"event/{begin}-{slug(title)}"


def told_key(start: str | None, reported: bool, participants: Iterable[str]) -> str:
    """A meeting's id: its date and the ids of who took part (so another document telling it gets the same)."""
    who = "-".join(sorted(local_part(k) if "/" in k else k for k in participants))[:80]
    return f"event/{start or 'undated'}-{'reported-' if reported else ''}{who}"


def summit_key(start: str | None, name: str) -> str:
    return f"event/{start or 'undated'}-{slug(name)}"


# ---------------------------------------------------------------------------------------------------- IRIs

def iri(key: str) -> URIRef:
    """The IRI of an entity's or an event's key."""
    return ID[key]


entity_iri = iri


def doc_iri(name: str) -> URIRef:
    return ID[f"doc/{slug(name)}"]


def span_iri(doc: URIRef, start: int, end: int) -> URIRef:
    """A span of the document's text (NIF's offset-based string)."""
    return URIRef(f"{doc}#char={start},{end}")


def role_iri(title: str) -> URIRef:
    return ID[f"role/{slug(title)}"]


def post_iri(holder_key: str, title: str) -> URIRef:
    """A post: the title in the organisation (or, with none known, held by the person) whose key is given."""
    return ID[f"post/{local_part(holder_key)}/{slug(title)}"]


def participation_iri(event_key: str, doc_name: str, entity_key_: str) -> URIRef:
    """One document's say on who took part (each document its own node)."""
    return ID[f"{event_key}/participation/{slug(doc_name)}/{slug(entity_key_)}"]


def topic_iri(event_key: str, doc_name: str, entity_key_: str) -> URIRef:
    return ID[f"{event_key}/topic/{slug(doc_name)}/{slug(entity_key_)}"]


def area_iri(area_id: str) -> URIRef:
    """A subject area (graph/data/subject_areas.csv): id/area/energy."""
    return ID[f"area/{slug(area_id)}"]


def key_of_iri(iri_: object) -> str | None:
    """The key an IRI minted by `iri` stands for (None for any other IRI)."""
    s, base = str(iri_), str(ID)
    return s[len(base):] if s.startswith(base) else None
