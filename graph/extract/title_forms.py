"""A post written short, in its full form: "PM" is the Prime Minister, "DPM" the Deputy Prime Minister (news writes
them before names: "PM Ana Lima", "DPM Ben Kor"); the graph keeps one title for one post."""

from __future__ import annotations

SHORT_TITLES = {"PM": "Prime Minister", "DPM": "Deputy Prime Minister"}


def full_title(title: str) -> str:
    """`title` in its full form where it is written short ("PM" → "Prime Minister"), else as given."""
    return SHORT_TITLES.get(title.strip(), title)
