"""Sentences that name who else was at the meeting just told, in the wordings sentence_events' PRESENT does not
read: "Also in attendance was Director C", "Others present included …", "A, B, C and others were included in
the delegation", "The Ruritanian delegation was led by Foreign Minister A, with the participation of Finance
Minister B and Interior Minister C". The sentence tells no
meeting of its own; the persons it names were at the meeting told before it (a "Joined" record, read as PRESENT's).

`names_attendees(text)` says whether a sentence is one of these. Rules over the sentence's words only: the
attendance words must stand in the sentence's main statement (a clause opening the sentence, or right before its
verb), not in a clause about something else ("the bill was passed with the participation of …": no meeting noun,
no delegation)."""

from __future__ import annotations

import re

ATTENDED = re.compile(
    # "Also in attendance was Director C", "Others present included …" (no occasion named: "Present during the
    # courtesy call were …" is read through the occasion's noun, a meeting of its own joined to the one told)
    r"^\W*(?:also\s+)?in\s+attendance\s+(?:was|were)\b"
    r"|^\W*(?:others|those)\s+(?:also\s+)?present\s+(?:were|included)\b"
    # "A, B, C and others were included in the delegation"
    r"|\b(?:were|was)\s+(?:also\s+)?included\s+in\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:delegation|entourage|team)\b"
    # "the delegation was led by A, with the participation of B and C"
    r"|\b(?:delegation|meeting|talks|negotiations|consultations)\s+(?:was|were)\s+(?:led|headed|chaired|attended)\s+"
    r"by\s+[^.;]{1,120}?,\s+with\s+the\s+participation\s+of\b", re.I)


def names_attendees(text: str) -> bool:
    """Whether the sentence `text` names who else was at the meeting just told (module docstring)."""
    return ATTENDED.search(text) is not None
