"""Score an extracted graph against gold annotations, by the rules of the shared evaluation kit's FORMAT.md (the
prediction JSON, the gold YAML, the matching rules); the project's own implementation, so that it can score itself
without any file outside the repository. `kg evaluate` is the command that runs it.

- `score`: the scorer, one prediction against one gold, as raw counts (`score`, `load_gold`, `normalise_name`);
- `report`: precision, recall and F1 per measure from the counts, and the text `kg evaluate` prints;
- `corpus`: the runner, each text of a folder built as `kg build` builds it and scored (`evaluate_corpus`).
"""

from .corpus import evaluate_corpus, predict
from .report import SUMMARY_FIELDS, format_report, report
from .score import COMPATIBLE_TYPES, ENTITY_TYPES, content_words, load_gold, normalise_name, score, score_corpus

__all__ = ["ENTITY_TYPES", "COMPATIBLE_TYPES", "SUMMARY_FIELDS", "normalise_name", "content_words", "load_gold",
           "score", "score_corpus", "report", "format_report", "predict", "evaluate_corpus"]
