#!/usr/bin/env python3
"""Re-collect the real-news texts of this evaluation set into the git-ignored folders `dev/`, `blind/`, `fresh/`.

The texts are third-party news pages: only their gold annotations and `SOURCES.tsv` are in the repository.
`SOURCES.tsv` names each text's page (url), how it was trimmed (its first and last words) and two checksums: the
SHA-256 of the saved bytes, and the SHA-256 of its words joined by single spaces (a page re-read from the web
rarely gives the same line breaks).

    python eval/realnews/collect.py --from DIR     # copy NAME.txt from a folder of saved texts, checking them
    python eval/realnews/collect.py --fetch        # download each page (network!), cut it to the recorded span
    python eval/realnews/collect.py --cut DIR      # cut NAME.txt copies of whole pages (a page's text as saved
                                                   # from a browser or a search tool) to the recorded span
    python eval/realnews/collect.py --check        # only check the texts already in the split folders

Every text is reported as `exact` (same bytes), `same words` (same words, other spacing), `changed` (the page
no longer has the recorded span, or it differs) or `missing`. Only `exact` and `same words` texts are written.
Nothing is fetched unless `--fetch` is given.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import html
import itertools
import re
import sys
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "SOURCES.tsv"
BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote"}
SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg"}


def words_sha(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def bytes_sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Text(HTMLParser):
    """The visible text of a page, one block a line."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skipping += 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP and self.skipping:
            self.skipping -= 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def page_text(raw: bytes) -> str:
    parser = _Text()
    parser.feed(raw.decode("utf-8", errors="replace"))
    lines = (" ".join(line.split()) for line in html.unescape("".join(parser.parts)).splitlines())
    return "\n\n".join(line for line in lines if line)


def cut(text: str, first: str, last: str) -> str | None:
    """The span of `text` from the words `first` to the words `last`, whitespace-tolerant."""
    spans = cuts(text, first, last)
    return spans[0] if spans else None


def cuts(text: str, first: str, last: str, between: int = 0) -> list[str]:
    """Every span of `text` that starts at a match of the words `first` and ends at the last match of `last`;
    with `between`, up to that many whole lines (a date line, a caption) may sit between two of the first words."""
    gap = r"\s+" if not between else r"\s+(?:[^\n]*\n\s*){0,%d}?" % between
    def pattern(words: str, sep: str) -> str:
        return sep.join(map(re.escape, words.split()))
    spans = []
    for start in re.finditer(pattern(first, gap), text):
        end = None
        for end in re.finditer(pattern(last, r"\s+"), text[start.start():]):
            pass
        if end:
            spans.append(text[start.start(): start.start() + end.end()] + "\n")
    return spans


def recut(text: str, row: dict) -> str | None:
    """The recorded span of a saved page text: cut at each match of the first words, then the lines the trimming
    dropped found by word count and checksum (`trimmed`); lines inside the first words are tried last."""
    for between in (0, 3):
        for span in cuts(text, row["first_words"], row["last_words"], between):
            kept = trimmed(span, row)
            if kept:
                return kept
    return None


def trimmed(span: str, row: dict, most: int = 8) -> str | None:
    """`span` with the lines the recorded trimming dropped (captions, credits), found by the word count and checksum.

    A page's text cut to its first and last words may still hold a photo caption or a by-line that the saved text
    left out; the sources list keeps the saved text's word count, so only sets of lines of the right size are tried.
    """
    if words_sha(span) == row["sha256_words"]:
        return span
    lines = [line for line in span.splitlines() if line.strip()]
    extra = len(span.split()) - int(row["words"] or 0)
    if extra <= 0:
        return None
    sizes = [len(line.split()) for line in lines]
    short = [i for i in range(1, len(lines) - 1) if sizes[i] <= extra]   # lines that fit in what is too much
    for n in range(1, most + 1):
        for drop in itertools.combinations(short, n):
            if sum(sizes[i] for i in drop) != extra:
                continue
            kept = "\n\n".join(line for i, line in enumerate(lines) if i not in drop) + "\n"
            if words_sha(kept) == row["sha256_words"]:
                return kept
    return None


def rows() -> list[dict]:
    with open(SOURCES, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def verdict(data: bytes | None, row: dict) -> str:
    if data is None:
        return "missing"
    if bytes_sha(data) == row["sha256"]:
        return "exact"
    if words_sha(data.decode("utf-8", errors="replace")) == row["sha256_words"]:
        return "same words"
    return "changed"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    how = ap.add_mutually_exclusive_group(required=True)
    how.add_argument("--from", dest="source", type=Path, help="a folder holding NAME.txt files")
    how.add_argument("--fetch", action="store_true", help="download each page from its url (uses the network)")
    how.add_argument("--cut", type=Path, help="a folder of NAME.txt page texts to cut to the recorded span")
    how.add_argument("--check", action="store_true", help="check the texts already in the split folders")
    args = ap.parse_args(argv)
    counts: dict[str, int] = {}
    for row in rows():
        target = HERE / row["split"] / f"{row['name']}.txt"
        data = None
        if args.check:
            data = target.read_bytes() if target.exists() else None
        elif args.source or args.cut:
            path = (args.source or args.cut) / f"{row['name']}.txt"
            data = path.read_bytes() if path.exists() else None
            if data is not None and args.cut:
                span = recut(data.decode("utf-8", errors="replace"), row)
                data = span.encode("utf-8") if span else b""
        else:
            try:
                req = urllib.request.Request(row["url"], headers={"User-Agent": "meeting-graph eval collector"})
                with urllib.request.urlopen(req, timeout=30) as resp:
                    span = recut(page_text(resp.read()), row)
                data = span.encode("utf-8") if span else None
            except OSError as exc:
                print(f"{row['name']}: cannot fetch: {exc}", file=sys.stderr)
        state = verdict(data, row)
        counts[state] = counts.get(state, 0) + 1
        print(f"{state:10s} {row['split']}/{row['name']}")
        if state in ("exact", "same words") and not args.check:
            target.write_bytes(data)
    print(", ".join(f"{n} {state}" for state, n in sorted(counts.items())))
    return 0 if set(counts) <= {"exact", "same words"} else 1


if __name__ == "__main__":
    sys.exit(main())
