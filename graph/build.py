"""Files → store: read each text, skip it if its checksum is already stored, otherwise analyse it and replace its
named graph in one transaction. A file that cannot be read is reported and skipped; the others go on."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .link import link_to_store
from .mapping import doc_iri, to_graph
from .pipeline import analyse, checksum
from .store import KGStore

MAX_BYTES = 64 * 1024 * 1024


class InputError(ValueError):
    """A file that is not a readable text: a one-line reason."""


@dataclass
class BuildReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    words: int = 0


def collect(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Text files named directly, and the `.txt` files under named folders (sorted, links not followed into
    loops); plus (path, reason) for what cannot be used."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, names in os.walk(p, followlinks=False):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith(".txt"):
                        files.append(Path(root) / n)
        elif p.exists():
            files.append(p)
        else:
            problems.append((str(p), "no such file or folder"))
    return files, problems


def read_text(path: Path) -> str:
    """The text of `path`: UTF-8 (with or without BOM), UTF-16 with a BOM, else Latin-1; binary files refused."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from exc
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        if b"\x00" in raw[:4096]:
            raise InputError("binary file, not text")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    text = "".join(ch if ch in "\n\t" or ch >= " " or ch == "\r" else " " for ch in text)
    if not text.strip():
        raise InputError("empty file")
    return text


def read_meta(path: Path) -> dict:
    """Metadata from a sidecar `NAME.meta.json` beside `NAME.txt` (keys: date, title, url, host), if any."""
    side = path.with_suffix(".meta.json")
    if not side.exists():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"unreadable metadata {side.name}: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"metadata {side.name} is not a JSON object")
    return {k: str(v) for k, v in data.items() if k in ("date", "title", "url", "host") and v}


def build(paths: Iterable[str | Path], store: KGStore, *, model: str | None = None, host: str | None = None,
          meta: dict | None = None, progress: Callable[[str, str], None] | None = None) -> BuildReport:
    """Ingest `paths` into `store`; unchanged documents are left alone."""
    from .nlp import make_nlp

    report = BuildReport()
    files, problems = collect(paths)
    report.failed.extend(problems)
    nlp = None
    for f in files:
        name = f.name
        try:
            text = read_text(f)
            doc_meta = {**read_meta(f), **(meta or {})}
        except InputError as exc:
            report.failed.append((str(f), str(exc)))
            if progress:
                progress(str(f), f"skipped: {exc}")
            continue
        iri = doc_iri(name)
        if store.checksum(iri) == checksum(text):
            report.unchanged.append(name)
            if progress:
                progress(name, "unchanged")
            continue
        if nlp is None:
            nlp = make_nlp(model)
        doc = analyse(name, text, nlp, host=doc_meta.pop("host", None) or host, meta=doc_meta)
        doc = link_to_store(doc, store)
        store.replace_graph(iri, to_graph(doc))
        report.ingested.append(name)
        report.words += len(text.split())
        if progress:
            progress(name, f"{len(doc.events)} events, {len(doc.entities)} entities")
    return report
