"""The trained models' common shape and how a shipped one is found: weights of string features and a bias (a
logistic model), read from `graph/data/<name>` once, which training and tests may replace.

Used by the extraction's models (extract/learned.py and the steps after it) and the person check of the pipeline
(nlp/person_model.py); it reads no extraction module, so any of them may import it at load time."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Generic, Iterable, TypeVar

M = TypeVar("M")


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    add: float
    parse: bool = False  # trained with the parse features (pair_parse.py)

    def probability(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, data: dict) -> Model:
        return cls(dict(data["weights"]), float(data["bias"]), float(data["add"]), bool(data.get("parse", False)))


class Packaged(Generic[M]):
    """A model shipped as `graph/data/<name>` (read by `load`), which training and tests may replace (None: no
    model)."""

    def __init__(self, name: str, load: Callable[[dict], M] = Model.from_json) -> None:
        self.name = name
        self.load = load
        self._override: list[M | None] = []

    def use(self, model: M | None) -> None:
        self._override[:] = [model]

    def reset(self) -> None:
        self._override.clear()

    @lru_cache(maxsize=None)  # one entry a packaged model
    def packaged(self) -> M | None:
        try:
            data = json.loads(resources.files("graph.data").joinpath(self.name).read_text("utf-8"))
        except FileNotFoundError:
            return None
        return self.load(data)

    def current(self) -> M | None:
        return self._override[0] if self._override else self.packaged()
