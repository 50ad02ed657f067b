"""Output identity: the graph of every corpus the same with this checkout's code as with the code before.

For each corpus (the real-news dev set `eval/realnews/dev`, the seed `seeds/`, `tests/corpus`, or those given with
`--corpus`) and each job count (`--jobs`, default 1 and 2), with both codes:

- `kg build` of the corpus's texts into a fresh on-disk store, then `kg export --format nquads`, sorted (blank nodes,
  if any, are renamed in order of first appearance before sorting, so that the comparison does not depend on their
  labels);
- `kg evaluate --corpus` on the corpus (each text built apart, scored against its gold; the seed with its gold from
  /work/shared/eval/gold or `--seed-gold`), its printed output line for line.

The code before is another checkout's `graph` package (`git archive COMMIT graph | tar -x -C DIR`), put first on
PYTHONPATH; its outputs are kept in `--work`/before-<name of DIR> and reused while they exist (`--fresh` redoes them).
Prints one line per output and exits 1 if any differs (a unified diff of the first lines of each difference).

    git archive HEAD graph | tar -x -C /tmp/before       # before changing anything
    python bench/same_output.py --before /tmp/before     # after each change, before each commit
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = Path("/work/shared/eval/gold/presidents-week-2023-02-27.yaml")
CORPORA = {"dev": ROOT / "eval/realnews/dev", "seed": ROOT / "seeds", "corpus": ROOT / "tests/corpus"}
BNODE = re.compile(r"_:[A-Za-z0-9_\-.]+")


def canonical_nquads(text: str) -> str:
    """Sorted N-Quads lines, blank-node labels renamed in order of first appearance in the sorted-by-rest lines."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not any("_:" in ln for ln in lines):
        return "\n".join(sorted(lines)) + "\n"
    names: dict[str, str] = {}
    keyed = sorted(lines, key=lambda ln: BNODE.sub("_:b", ln))
    for ln in keyed:
        for b in BNODE.findall(ln):
            names.setdefault(b, f"_:b{len(names)}")
    return "\n".join(sorted(BNODE.sub(lambda m: names[m.group(0)], ln) for ln in lines)) + "\n"


def _kg(args: list[str], code: Path | None, cwd: Path) -> str:
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    env.pop("KG_MODEL", None)
    # one string hashing for both codes: a set's order may decide a result (round 12: one dev text's participation
    # confidences, 0.79 or 0.65 from run to run with the code before alone); the workers inherit it
    env.setdefault("PYTHONHASHSEED", "0")
    proc = subprocess.run([sys.executable, "-m", "graph.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"kg {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return proc.stdout


def _texts_dir(corpus: Path, tmp: Path, with_gold: bool) -> Path:
    """A folder with the corpus's texts (and gold YAMLs when `with_gold`), so that nothing else in it is read."""
    out = tmp / f"texts-{corpus.name}-{int(with_gold)}"
    if out.exists():
        return out
    out.mkdir(parents=True)
    for f in sorted(corpus.glob("*.txt")):
        shutil.copy(f, out / f.name)
        gold = f.with_suffix(".yaml")
        if with_gold and gold.exists():
            shutil.copy(gold, out / gold.name)
    if with_gold and corpus.name == "seeds" and SEED_GOLD.exists():
        shutil.copy(SEED_GOLD, out / SEED_GOLD.name)
    return out


def outputs(code: Path | None, corpora: dict[str, Path], jobs: list[int], out: Path, tmp: Path) -> list[Path]:
    """Write each output of `code` (None: this checkout) under `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for name, corpus in corpora.items():
        texts = _texts_dir(corpus, tmp, with_gold=False)
        for j in jobs:
            store = tmp / f"store-{name}-{j}"
            shutil.rmtree(store, ignore_errors=True)
            _kg(["build", str(texts), "--store", str(store), "-q", "--jobs", str(j)], code, tmp)
            nq = _kg(["export", "--store", str(store), "--format", "nquads"], code, tmp)
            f = out / f"{name}-jobs{j}.nq"
            f.write_text(canonical_nquads(nq))
            files.append(f)
            shutil.rmtree(store, ignore_errors=True)
        gold = _texts_dir(corpus, tmp, with_gold=True)
        if any(gold.glob("*.yaml")):
            f = out / f"{name}-evaluate.txt"
            f.write_text(_kg(["evaluate", "--corpus", str(gold)], code, tmp))
            files.append(f)
    return files


def compare(before: Path, after: Path, names: list[str]) -> list[str]:
    """Names of the outputs that differ (a short diff of each printed)."""
    differ = []
    for name in names:
        a, b = (before / name).read_text().splitlines(), (after / name).read_text().splitlines()
        same = a == b
        print(f"{'same' if same else 'DIFFERENT':9} {name} ({len(a)} lines before, {len(b)} after)")
        if not same:
            differ.append(name)
            for ln in list(difflib.unified_diff(a, b, "before", "after", lineterm="", n=0))[:30]:
                print("    " + ln)
    return differ


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", type=Path, required=True, help="folder holding the code before's graph package")
    ap.add_argument("--corpus", nargs="+", metavar="NAME=DIR", help="corpora (default: dev, seed, tests/corpus)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--after", type=Path, help="folder holding the code after's graph package (default: this checkout's; "
                    "a copy lets one go on editing while the check runs)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "same-output")
    ap.add_argument("--fresh", action="store_true", help="redo the code before's outputs")
    args = ap.parse_args(argv)
    corpora = dict(CORPORA)
    if args.corpus:
        corpora = {c.split("=", 1)[0]: Path(c.split("=", 1)[1]).resolve() for c in args.corpus}
    missing = [n for n, c in corpora.items() if not any(c.glob("*.txt"))]
    if missing:
        print(f"no texts in: {', '.join(missing)} (the dev texts: cp /root/realnews-dev/*.txt eval/realnews/dev/)")
        return 2
    before_out = args.work / f"before-{args.before.resolve().name}"
    after_out = args.work / "after"
    tmp = args.work / "tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    expected = [f"{n}-jobs{j}.nq" for n in corpora for j in args.jobs]
    if args.fresh or not all((before_out / e).exists() for e in expected):
        print(f"outputs of the code before ({args.before}) → {before_out}", flush=True)
        outputs(args.before.resolve(), corpora, args.jobs, before_out, tmp)
    print(f"outputs of {args.after or 'this checkout'} → {after_out}", flush=True)
    shutil.rmtree(after_out, ignore_errors=True)
    files = outputs(args.after.resolve() if args.after else None, corpora, args.jobs, after_out, tmp)
    differ = compare(before_out, after_out, [f.name for f in files])
    print("IDENTICAL" if not differ else f"{len(differ)} output(s) differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
