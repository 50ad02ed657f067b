"""One large document against a folder of small ones with the same words: `kg build` of each, words/s and the peak
memory of the process tree (target: a 20 MB text within 20 % of the folder's rate, peak memory ≤ 2 GB).

The large text is the generated documents of bench/gen_corpus.py concatenated (a blank line between them); the
folder holds the same documents as files. Both are built in the same run, one after the other, with `--progress`
so that the large document's progress inside it is drawn too (its last line is kept in the results).

    python bench/bench_large.py --mb 2 20          # → results/large.json
    python bench/bench_large.py --mb 0.05 --model blank
    python bench/bench_large.py --mb 2 --model blank --code /tmp/before   # the code before too, same run
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import ROOT, TreeMemory, fmt_seconds, publish, table


def documents(mb: float, seed: int) -> list[tuple[str, str]]:
    """Generated documents of the genre, about `mb` megabytes of text in all."""
    from gen_corpus import generate

    target = int(mb * 1_000_000)
    docs, size = [], 0
    for name, text in generate(max(1_000, target // 6), seed=seed):
        docs.append((name, text))
        size += len(text.encode("utf-8")) + 2
        if size >= target:
            break
    return docs


def build(path: Path, model: str | None, timeout: float, code: Path = ROOT) -> dict:
    """`kg build PATH` into a fresh store, with the graph package of checkout `code`: seconds, peak memory of the
    tree (MB), the last progress line drawn."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        args = [sys.executable, "-m", "graph.cli", "build", str(path), "--store", str(Path(tmp) / "store"),
                "--progress", *(["--model", model] if model else [])]
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=code, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONPATH": str(code)})
        with TreeMemory(proc.pid, interval=0.1) as mem:
            try:
                out, err = proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                return {"error": f"timed out after {timeout:.0f} s", "peak_rss_mb": mem.peak_rss_mb}
        seconds = time.perf_counter() - start
    if proc.returncode:
        return {"error": err.strip()[-500:], "peak_rss_mb": mem.peak_rss_mb}
    draws = [d.strip() for d in err.replace("\r", "\n").splitlines() if d.strip()]  # text mode made \r \n
    inside = [d for d in draws if "ETA" in d]
    return {"s": seconds, "peak_rss_mb": mem.peak_rss_mb, "progress_lines": len(inside),
            "last_progress": inside[-1].splitlines()[0] if inside else None,
            "load_average": [round(load, 1), round(os.getloadavg()[0], 1)]}  # at the start and at the end


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[2.0, 20.0], help="sizes of the large text (MB)")
    ap.add_argument("--model", help="spaCy pipeline (default: kg build's; blank: rules only)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per build")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--code", type=Path, metavar="DIR",
                    help="build both first with the graph package of checkout DIR (the code before), same run")
    args = ap.parse_args()
    results, rows = [], []
    for mb in args.mb:
        docs = documents(mb, args.seed)
        words = sum(len(t.split()) for _, t in docs)
        with tempfile.TemporaryDirectory() as tmp:
            large = Path(tmp) / "large.txt"
            large.write_text("\n\n".join(t for _, t in docs) + "\n", encoding="utf-8")
            folder = Path(tmp) / "small"
            folder.mkdir()
            for name, text in docs:
                (folder / f"{name}.txt").write_text(text, encoding="utf-8")
            before = {}
            if args.code:
                before = {"large": build(large, args.model, args.timeout, args.code.resolve()),
                          "folder": build(folder, args.model, args.timeout, args.code.resolve())}
            one = build(large, args.model, args.timeout)
            many = build(folder, args.model, args.timeout)
            size = large.stat().st_size
        row = {"mb": round(size / 1e6, 2), "documents": len(docs), "words": words, "large": one, "folder": many}
        if before:
            row["before"] = before
            for r in before.values():
                if "s" in r:
                    r["words_per_s"] = words / r["s"]
            if "s" in before["large"] and "s" in before["folder"]:
                before["rate_ratio"] = before["large"]["words_per_s"] / before["folder"]["words_per_s"]
        for r in (one, many):
            if "s" in r:
                r["words_per_s"] = words / r["s"]
        if "s" in one and "s" in many:
            row["rate_ratio"] = one["words_per_s"] / many["words_per_s"]
        results.append(row)
        labelled = [("one text, before", before.get("large")), (f"{len(docs):,} files, before", before.get("folder"))]
        for label, r in [*[x for x in labelled if x[1]], ("one text", one), (f"{len(docs):,} files", many)]:
            rows.append([f"{row['mb']} MB", label, f"{words:,}", fmt_seconds(r.get("s")),
                         r.get("words_per_s") or r.get("error", "")[:40], r.get("peak_rss_mb"),
                         r.get("progress_lines", "–")])
        # written after each size, so that a long run stopped early keeps what it measured
        text = table(["text", "as", "words", "build", "words/s", "peak RSS MB", "progress draws inside"], rows)
        ratios = "; ".join(f"{r['mb']} MB: one text at {r['rate_ratio']:.2f}× the folder's rate"
                           + (f" (before: {r['before']['rate_ratio']:.2f}×)" if "rate_ratio" in r.get("before", {})
                              else "") for r in results if "rate_ratio" in r)
        publish(args.json, "large", {"model": args.model, "results": results}, text, f"\n{ratios}" if ratios else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
