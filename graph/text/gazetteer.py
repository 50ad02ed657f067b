"""The data files under `graph/data/`: countries, equipment, titles, organisation and project head words.

Each loader returns plain immutable data and is cached; the spaCy components and the extractors read them from here.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

DATA = files("graph") / "data"


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    code: str
    historical: bool


@dataclass(frozen=True)
class EquipmentModel:
    name: str
    aliases: tuple[str, ...]
    cls: str
    kind: str


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


def _lines(name: str) -> tuple[str, ...]:
    text = (DATA / name).read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    with (DATA / "countries.csv").open(encoding="utf-8", newline="") as f:
        return tuple(
            Country(r["name"].strip(), _split(r.get("aliases")), _split(r.get("demonyms")),
                    (r.get("code") or "").strip(), (r.get("historical") or "").strip() in ("1", "true", "yes"))
            for r in csv.DictReader(f)
            if (r.get("name") or "").strip()
        )


@lru_cache(maxsize=1)
def country_index() -> dict[str, Country]:
    """Every name and alias (case-sensitive as written, and casefolded) → country."""
    out: dict[str, Country] = {}
    for c in countries():
        for n in (c.name, *c.aliases):
            out.setdefault(n, c)
            if not any(ch.isupper() for ch in n[1:]) or " " in n:  # "US" must not match "us"
                out.setdefault(n.casefold(), c)
    return out


@lru_cache(maxsize=1)
def demonym_index() -> dict[str, Country]:
    """"Belarusian" → Belarus (exact case)."""
    return {d: c for c in countries() for d in c.demonyms}


def country_of(name: str) -> Country | None:
    """The country a name or alias stands for, with or without a leading "the"."""
    n = " ".join(name.split())
    if n.lower().startswith("the "):
        n = n[4:]
    idx = country_index()
    return idx.get(n) or idx.get(n.casefold())


def country_at_start(words, most: int = 6, fits=None, text_of=None) -> tuple[Country, int] | None:
    """The country the longest run of `words` from the first names, and how many words it takes ("Republic of
    India to" → India, 3): the one reading the role rules share. `fits(k)` may refuse a run; `text_of(k)` gives the
    text of the first k words (default: joined by spaces)."""
    for k in range(min(len(words), most), 0, -1):
        c = country_of(text_of(k) if text_of else " ".join(words[:k]))
        if c is not None and (fits is None or fits(k)):
            return c, k
    return None


@lru_cache(maxsize=1)
def equipment() -> tuple[EquipmentModel, ...]:
    with (DATA / "equipment.csv").open(encoding="utf-8", newline="") as f:
        return tuple(
            EquipmentModel(r["name"].strip(), _split(r.get("aliases")), (r.get("class") or "").strip(),
                           (r.get("kind") or "").strip())
            for r in csv.DictReader(f)
            if (r.get("name") or "").strip()
        )


@lru_cache(maxsize=1)
def equipment_classes() -> tuple[str, ...]:
    """Generic class phrases ("air defense missile system", "helicopter"), from equipment.csv and the extra list."""
    classes = {m.cls.lower() for m in equipment() if m.cls}
    classes.update(x.lower() for x in _lines("equipment_classes.txt"))
    return tuple(sorted(classes, key=len, reverse=True))


@lru_cache(maxsize=1)
def honorifics() -> tuple[str, ...]:
    """Honorifics news keeps with a name ("Sheikh", "Datuk Seri"), longest first."""
    return tuple(sorted(set(_lines("honorifics.txt")), key=len, reverse=True))


@lru_cache(maxsize=1)
def news_agencies() -> frozenset[str]:
    """Names of news agencies and outlets (case-folded): the source of a text, never a participant."""
    return frozenset(n.casefold() for n in _lines("news_agencies.txt"))


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Official titles, longest first."""
    return tuple(sorted(set(_lines("titles.txt")), key=len, reverse=True))


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset(w.lower() for t in titles() for w in t.replace("-", " ").split()) - {"of", "the", "and"}


@lru_cache(maxsize=1)
def title_heads() -> frozenset[str]:
    """The last word of each title ("Minister", "President", "Premier"): a word that can stand right before a name."""
    heads = frozenset(t.replace("-", " ").split()[-1].lower() for t in titles()) | {"mr.", "mr"}
    # "President of the Council of Ministers": a plural of a title names a body, not the one before a name
    heads = frozenset(h for h in heads if not (h.endswith("s") and h[:-1] in heads))
    return heads - org_heads()  # "Secretary of State" ends in a word that begins "State Border Committee"


@lru_cache(maxsize=1)
def portfolios() -> tuple[str, ...]:
    return tuple(sorted(_lines("portfolios.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def portfolio_words() -> frozenset[str]:
    """The words of the portfolios (lower case), "and" and "of" aside: "trade", "resources", "aviation"."""
    return frozenset(w.lower() for p in portfolios() for w in p.split() if w.lower() not in ("and", "of"))


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("org_heads.txt"))


@lru_cache(maxsize=1)
def project_heads() -> tuple[str, ...]:
    return tuple(sorted((x.lower() for x in _lines("project_heads.txt")), key=len, reverse=True))


@lru_cache(maxsize=1)
def place_index() -> dict[str, str]:
    """Every place name and alias (as written) → its kind (city, region, venue, sea, landmark, continent …)."""
    out: dict[str, str] = {}
    with (DATA / "places.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            for n in (r["name"].strip(), *_split(r.get("aliases"))):
                if n and not n.isupper():  # "BREST" in capitals is a missile's name, not the city
                    out.setdefault(n, (r.get("kind") or "").strip())
    return out


def place_of(name: str) -> str | None:
    """The kind of place a name stands for, with or without a leading "the"."""
    n = " ".join(name.split())
    if n.lower().startswith("the "):
        n = n[4:]
    return place_index().get(n)


@lru_cache(maxsize=1)
def _place_countries() -> dict[str, str]:
    out: dict[str, str] = {}
    with (DATA / "places.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            land = (r.get("country") or "").strip()
            for n in (r["name"].strip(), *_split(r.get("aliases"))):
                if n and land and (r.get("kind") or "").strip() == "city":
                    out.setdefault(n, land)
                    out.setdefault(_plain(n), land)  # "Male" for "Malé": a text typed without its accents
    return out


def _plain(name: str) -> str:
    """The name without accents: "Malé" → "Male", "Bogotá" → "Bogota"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def country_of_city(name: str) -> Country | None:
    """The country a city lies in ("Tbilisi" → Georgia), from the places gazetteer."""
    land = _place_countries().get(" ".join(name.split()))
    return country_of(land) if land else None
