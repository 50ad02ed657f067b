"""Bytes of an input file → text, and folders → input files, for `kg build`.

- Encoding, per file: a BOM (UTF-8, UTF-16) decides; else UTF-8 if the whole file is UTF-8; else each line is read
  as UTF-8 if it is, and otherwise in the file's legacy encoding as charset-normalizer detects it from the lines that
  are not UTF-8 (Latin-1, cp1250, …). A file that mixes the two, or holds bytes that nothing decodes (replaced by
  U+FFFD), gets a warning naming its lines: nothing is read garbled in silence.
- NUL and other control characters (but tab, line feed, carriage return) are removed, with a warning; a file that is
  mostly control bytes is refused as binary.
- Links: a symbolic link under a given folder that leads out of it is not followed unless asked (`follow_links`),
  and a folder is never walked twice (link loops).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable, Iterable

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _lines(numbers: list[int], most: int = 5) -> str:
    shown = ", ".join(map(str, numbers[:most]))
    more = f" and {len(numbers) - most} more" if len(numbers) > most else ""
    return f"line{'s' if len(numbers) > 1 else ''} {shown}{more}"


def _legacy(sample: bytes) -> str:
    """The legacy encoding of `sample` (bytes that are not UTF-8): charset-normalizer's candidates that read it about
    as cleanly as its best one, the one whose non-ASCII characters are most often letters (on a short sample it
    ranks cp1252 first for Polish or Czech, reading "Łódź" as "£ódŸ"); cp1252 if it finds none."""
    from charset_normalizer import from_bytes

    results = [m for m in from_bytes(sample) if not m.encoding.replace("_", "").lower().startswith(("utf", "ascii"))]
    if not results:
        return "cp1252"
    best = min(m.chaos for m in results)

    def letters(enc: str) -> float:
        chars = [c for c in sample.decode(enc, errors="replace") if ord(c) > 127]
        return sum(c.isalpha() for c in chars) / len(chars) if chars else 0.0

    close = [m.encoding for m in results if m.chaos <= best + 0.1][:8]
    return max(close, key=letters)


def decode(raw: bytes, warn: Callable[[str], None]) -> str:
    """`raw` as text (see the module doc); `warn` gets one line per problem."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
        if "\ufffd" in text:
            bad = [i for i, line in enumerate(text.splitlines(), 1) if "\ufffd" in line]
            warn(f"bytes that are not UTF-16 on {_lines(bad)}, replaced by \ufffd")
        return strip_controls(text, warn)
    head = raw[:4096]
    if head and sum(b < 9 or 13 < b < 32 for b in head) > len(head) * 0.1:
        raise ValueError("binary file, not text")
    try:
        return strip_controls(raw.decode("utf-8"), warn)
    except UnicodeDecodeError:
        pass
    lines = raw.split(b"\n")
    utf8, other = [], []
    for i, line in enumerate(lines, 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8.append(i)
        except UnicodeDecodeError:
            other.append(i)
    enc = _legacy(b"\n".join(lines[i - 1] for i in other))
    out, bad = [], []
    for i, line in enumerate(lines, 1):
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            out.append(line.decode(enc))
        except UnicodeDecodeError:
            out.append(line.decode("utf-8", errors="replace"))
            bad.append(i)
    if utf8:
        warn(f"mixed encodings: {_lines([i for i in other if i not in bad])} not UTF-8, read as {enc}")
    if bad:
        warn(f"bytes that are neither UTF-8 nor {enc} on {_lines(bad)}, replaced by \ufffd")
    return strip_controls("\n".join(out), warn)


def strip_controls(text: str, warn: Callable[[str], None]) -> str:
    """`text` without control characters but tab and line breaks; a warning says how many and where."""
    if not _CONTROL.search(text):
        return text
    found = [i for i, line in enumerate(text.split("\n"), 1) if _CONTROL.search(line)]
    count = len(_CONTROL.findall(text))
    warn(f"{count} control character{'s' if count > 1 else ''} (NUL, escape …) removed on {_lines(found)}")
    return _CONTROL.sub("", text)


def collect(paths: Iterable[str | Path], follow_links: bool = False) -> tuple[list[Path], list[tuple[str, str]]]:
    """Text files named directly, and the `.txt` files under named folders (sorted); plus (path, reason) for what
    cannot be used. Under a folder, a link that leads out of it is skipped unless `follow_links`; no folder is
    walked twice."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            top = p.resolve()
            seen: set[Path] = set()
            for root, dirs, names in os.walk(p, followlinks=follow_links):
                real = Path(root).resolve()
                if real in seen or (not follow_links and top != real and top not in real.parents):
                    dirs[:] = []
                    continue
                seen.add(real)
                dirs.sort()
                for n in sorted(names):
                    if not n.endswith(".txt"):
                        continue
                    f = Path(root) / n
                    target = f.resolve()
                    if f.is_symlink() and not follow_links and top not in target.parents:
                        problems.append((str(f), f"a link out of {p} (to {target}); give --follow-links to read it"))
                        continue
                    files.append(f)
        elif p.exists():
            files.append(p)
        else:
            problems.append((str(p), "no such file or folder"))
    return files, problems
