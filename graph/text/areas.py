"""Subject areas (trade, energy, defence …) that analysts filter meetings by, read from `graph/data/subject_areas.csv`.

A topic is in every area one of whose words is a word of its label; equipment also by its class in equipment.csv
("Su-30SM" → "multirole fighter" → defence). `areas_of("gas distribution station")` → `("energy",)`.
`area_named("Energy")` finds an area by its id or label, for `kg meetings --about energy`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import DATA, equipment

WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Area:
    id: str  # the IRI's slug: area/energy
    label: str
    exact: frozenset[str]
    prefixes: tuple[str, ...]


@lru_cache(maxsize=1)
def areas() -> tuple[Area, ...]:
    with (DATA / "subject_areas.csv").open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        out = []
        for r in rows:
            words = (r.get("words") or "").lower().split()
            out.append(Area(r["area"].strip(), r["label"].strip(),
                            frozenset(w for w in words if not w.endswith("*")),
                            tuple(w[:-1] for w in words if w.endswith("*"))))
        return tuple(out)


@lru_cache(maxsize=1)
def _equipment_class() -> dict[str, str]:
    """Each equipment name and alias (casefolded) → its class ("multirole fighter")."""
    return {n.casefold(): m.cls for m in equipment() for n in (m.name, *m.aliases) if m.cls}


def _words(text: str) -> list[str]:
    out = []
    for w in WORD.findall(text.lower()):
        out.append(w)
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            out.append(w[:-1])  # "pipelines" → "pipeline"
        out.extend(p for p in w.split("-") if "-" in w)  # "air-defense" → "air", "defense"
    return out


@lru_cache(maxsize=4096)
def areas_of(label: str, type_: str = "Topic") -> tuple[str, ...]:
    """The ids of the areas `label` belongs to, in the file's order; equipment also by its class."""
    text = label
    if type_ == "Equipment":
        text += " " + _equipment_class().get(label.casefold(), "")
    words = _words(text)
    return tuple(a.id for a in areas()
                 if any(w in a.exact or w.startswith(a.prefixes) for w in words))


def area_named(text: str) -> Area | None:
    """The area whose id or label is `text` (case and a leading "the" ignored), or whose label's first words are."""
    t = re.sub(r"^the\s+", "", " ".join(text.lower().split()))
    for a in areas():
        if t in (a.id, a.label.lower()) or a.label.lower().startswith(t + " "):
            return a
    return None
