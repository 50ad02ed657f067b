"""`kg build`'s progress bar, drawn by rich: documents done of all, documents and words per second, the document
being read; inside a long document, its words done, words per second and the time left.

    bar = ProgressBar(total=12, out=sys.stderr)
    bar.inside("week.txt", 20_000, 60_000)    # a long document, a third read
    bar.update("week.txt", 60_000)            # a document done
    bar.close()
"""

from __future__ import annotations

import time
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn

LONG_DOCUMENT = 20_000  # words: a document this long shows its progress inside the bar


class ProgressBar:
    """One line on a terminal (or on `out` when asked for), redrawn at most ten times a second."""

    def __init__(self, total: int, out: TextIO, width: int = 24):
        self.total = total
        self.done = self.words = 0
        self.start = time.monotonic()
        self._doc, self._doc_start, self._doc_words = "", self.start, 0  # the long document read, since when
        console = Console(file=out, force_terminal=True, soft_wrap=False, width=max(100, width + 80),
                          highlight=False)
        self._progress = Progress(TextColumn("[progress.description]{task.description}"),
                                  BarColumn(bar_width=width), TextColumn("{task.fields[status]}", markup=False),
                                  console=console, auto_refresh=False, transient=False)
        self._task = self._progress.add_task("", total=max(total, 1), status="")
        self._last = 0.0
        self._progress.start()

    def update(self, name: str, words: int) -> None:
        """One more document done (`words` long)."""
        self.done += 1
        self.words += words
        now = time.monotonic()
        elapsed = max(now - self.start, 1e-6)
        self._show(f"{self.done}/{self.total} docs  {self.done / elapsed:.1f} docs/s  "
                   f"{self.words / elapsed:,.0f} words/s  {name[:40]}", now, force=self.done == self.total)

    def inside(self, name: str, done: int, total: int) -> None:
        """Words done of the document being read (`total` in all): shown for a long document only."""
        if total < LONG_DOCUMENT:
            return
        now = time.monotonic()
        if self._doc != name:  # the rate counts from the first piece read
            self._doc, self._doc_start, self._doc_words = name, now, done
        elapsed = now - self._doc_start
        rate = (done - self._doc_words) / elapsed if elapsed > 0 else 0.0
        left = int((total - done) / rate) if rate else None
        eta = f"ETA {left // 60}:{left % 60:02d}" if left is not None else "ETA –"
        self._show(f"{self.done}/{self.total} docs  {name[:40]}: {done:,}/{total:,} words  {rate:,.0f} words/s  {eta}",
                   now, force=done >= total, every=0.5)

    def _show(self, status: str, now: float, force: bool = False, every: float = 0.1) -> None:
        self._progress.update(self._task, completed=self.done, status=status)
        if force or now - self._last >= every:
            self._last = now
            self._progress.refresh()

    def close(self) -> None:
        self._progress.refresh()
        self._progress.stop()
