"""The report of a score: precision, recall and F1 (or a ratio) per measure from the raw counts of
`score.score`, and the text `kg evaluate` prints."""
from __future__ import annotations

from collections import Counter

from .score import PRF_MEASURES, RATIO_MEASURES

__all__ = ["SUMMARY_FIELDS", "report", "format_report"]


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def report(counts: Counter) -> dict:
    """measure -> {"P", "R", "F1", "pred", "gold"} or {"ratio", "n"}.
    Values are None where the denominator is zero."""
    measures = set(PRF_MEASURES) | set(RATIO_MEASURES) | {k.rsplit(".", 1)[0] for k in counts}
    out: dict = {}
    for m in sorted(measures, key=lambda k: (k.split(".")[0], k)):
        is_prf = m in PRF_MEASURES or (m not in RATIO_MEASURES and (f"{m}.pred" in counts or f"{m}.gold" in counts))
        if is_prf:
            n_pred, n_gold = counts[f"{m}.pred"], counts[f"{m}.gold"]
            p = _ratio(counts[f"{m}.tp_p"], n_pred)
            r = _ratio(counts[f"{m}.tp_g"], n_gold)
            # n/a only when there was nothing to find; 0 when something was to be found and nothing right
            f1 = None if r is None else (2 * p * r / (p + r) if p and r else 0.0)
            out[m] = {"P": p, "R": r, "F1": f1, "pred": n_pred, "gold": n_gold}
        else:
            n = counts[f"{m}.tot"]
            out[m] = {"ratio": _ratio(counts[f"{m}.hit"], n), "n": n}
    return out


def _fmt(x: float | None) -> str:
    return " n/a" if x is None else f"{x:.2f}"


SUMMARY_FIELDS = (
    ("events_F1", "events", "F1"),
    ("who_met_whom_F1", "who_met_whom", "F1"),
    ("person_F1", "entities.Person", "F1"),
    ("org_F1", "entities.Organization", "F1"),
    ("equipment_F1", "entities.Equipment", "F1"),
    ("topics_R", "topics", "ratio"),
    ("roles_R", "roles", "ratio"),
)


def format_report(rep: dict) -> str:
    """One line per measure, then a ``summary`` line."""
    lines = []
    for m, v in rep.items():
        if "P" in v:
            lines.append(f"{m:24s} P={_fmt(v['P'])} R={_fmt(v['R'])} F1={_fmt(v['F1'])}"
                         f"  (pred {v['pred']}, gold {v['gold']})")
        else:
            lines.append(f"{m:24s} {_fmt(v['ratio'])}  (n {v['n']})")
    summary = " ".join(f"{label}={_fmt(rep.get(m, {}).get(key))}" for label, m, key in SUMMARY_FIELDS)
    lines.append(f"summary {summary}")
    return "\n".join(lines)
