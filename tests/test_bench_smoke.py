"""The bench scripts (bench/) on tiny inputs, so that they cannot rot: each runs, exits 0 and writes the JSON it
promises. Nothing here is timed or compared with a target; the benchmarks themselves are run by hand (bench/README.md).
The browser one is skipped without Debian's chromium and playwright."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

BENCH = ROOT / "bench"
LIMIT_S = 300  # a hang is a failure, not a measurement


def run(script: str, *args: str, out: Path) -> dict:
    proc = subprocess.run([sys.executable, str(BENCH / script), *args, "--json", str(out)], capture_output=True,
                          text=True, timeout=LIMIT_S, cwd=ROOT)
    assert proc.returncode == 0, f"{script} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["machine"]["nproc"] >= 1 and data["machine"]["cpu"]
    assert data["table"] and data["table"] in proc.stdout
    return data


def test_gen_corpus_is_deterministic_varied_and_sized():
    sys.path.insert(0, str(BENCH))
    try:
        from gen_corpus import generate
    finally:
        sys.path.remove(str(BENCH))
    a = list(generate(20_000, seed=3))
    assert a == list(generate(20_000, seed=3))
    assert a != list(generate(20_000, seed=4))
    words = sum(len(t.split()) for _, t in a)
    assert 20_000 <= words < 20_000 + 150 + 200
    assert {name.split("-")[1] for name, _ in a} == {"weekly", "press", "kremlin", "wire"}
    small = list(generate(5_000, seed=3))
    assert small[:-1] == a[:len(small) - 1]  # a smaller corpus is a prefix of a larger one
    texts = dict(a)
    wire = next(t for n, t in a if "-wire-" in n)
    assert " \u2014 " in wire.splitlines()[0]
    kremlin = next(t for n, t in a if "-kremlin-" in n)
    assert any(line.split(":", 1)[0].count(" ") >= 1 for line in kremlin.splitlines() if ": " in line)
    assert any("Press service of the President" in t for t in texts.values())


def test_gen_corpus_cli(tmp_path):
    proc = subprocess.run([sys.executable, str(BENCH / "gen_corpus.py"), "--words", "1500", "--out",
                           str(tmp_path)], capture_output=True, text=True, timeout=LIMIT_S)
    assert proc.returncode == 0, proc.stderr
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert sum(d["words"] for d in manifest["documents"]) >= 1500
    assert all((tmp_path / d["name"]).exists() for d in manifest["documents"])


def test_bench_ingest(tmp_path):
    data = run("bench_ingest.py", "--words", "2000", "--jobs", "1", "2", out=tmp_path / "ingest.json")
    rows = {(r["system"], r["jobs"]): r for r in data["results"]}
    assert set(rows) == {(s, j) for s in ("ner", "full", "ours") for j in (1, 2)}
    for r in rows.values():
        assert "error" not in r, r
        assert r["words"] >= 2000 and r["words_per_s"] > 0
    assert rows[("ner", 1)]["pipes"] == ["tok2vec", "ner"]
    assert "parser" in rows[("full", 1)]["pipes"]
    ours = rows[("ours", 1)]
    assert ours["triples"] > 0 and ours["docs"] >= 1 and not ours["failed"]
    assert {"spacy", "analyse", "link", "to_graph", "write"} <= set(ours["stages"])


def test_bench_query(tmp_path):
    data = run("bench_query.py", "--triples", "2000", "--repeat", "1", out=tmp_path / "query.json")
    by_engine = {r["engine"]: r for r in data["results"]}
    assert set(by_engine) == {"oxigraph", "rdflib"}
    ox = by_engine["oxigraph"]
    assert "error" not in ox and ox["triples"] >= 2000
    assert set(ox["queries"]) == {"meetings", "meetings_with", "profile", "meetings_page_before", "meetings_page",
                                  "meeting", "discussed", "events", "together"}
    assert all(q["rows"] > 0 for q in ox["queries"].values())
    rl = by_engine["rdflib"]
    for name, q in rl["queries"].items():  # where rdflib answers, it gives the same number of rows
        if "rows" in q:
            assert q["rows"] == ox["queries"][name]["rows"], name


def test_profile_ingest(tmp_path):
    data = run("profile_ingest.py", "--words", "1500", "--top", "5", out=tmp_path / "profile.json")
    stages = {s["stage"] for s in data["stages"]}
    assert {"build() total", "analyse", "link (the parent, against the store)", "to_graph",
            "write_documents (batches)"} <= stages
    assert len(data["own_time"]) == 5 and data["spacy_components"]
    assert Path(data["prof"]).exists()


def _browser_missing() -> str | None:
    if not Path("/usr/bin/chromium").exists():
        return "no chromium at /usr/bin/chromium"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


def test_bench_viz(tmp_path):
    missing = _browser_missing()
    if missing:
        pytest.skip(missing)
    data = run("bench_viz.py", "--nodes", "50", out=tmp_path / "viz.json")
    (r,) = data["results"]
    assert "error" not in r, r
    assert r["nodes_in_page"] == r["nodes"] >= 50
    assert r["search_ok"] and r["zoom_ok"] and not r["console_errors"]


def test_bench_serve(tmp_path):
    data = run("bench_serve.py", "--clients", "8", "--queries", "5", "--triples", "2000", "--timeout", "1",
               "--runaway", "1", "--workers", "2", out=tmp_path / "serve.json")
    assert data["errors"] == 0 and data["queries"] == 40
    assert [o for o, _ in data["runaway"]] == ["503"]


def test_bench_stream(tmp_path):
    data = run("bench_stream.py", "--rows", "5000", "--triples", "1000", out=tmp_path / "stream.json")
    assert data["query"]["lines"] > 5000 and data["export"]["lines"] >= 1000


def test_bench_news(tmp_path):
    data = run("bench_news.py", "--items", "12", "--views", "baseline", "viz", "meetings_with", "--timeout", "120",
               out=tmp_path / "news.json")
    (row,) = data["results"]
    assert row["documents"] == 12 and row["triples"] > 0
    assert all(v["s"] is not None for v in row["views"].values()), row["views"]


def test_bench_large(tmp_path):
    data = run("bench_large.py", "--mb", "0.25", "--model", "blank", out=tmp_path / "large.json")
    (row,) = data["results"]
    assert row["documents"] > 1 and row["words"] > 20_000
    for side in ("large", "folder"):
        assert "error" not in row[side], row[side]
        assert row[side]["words_per_s"] > 0 and row[side]["peak_rss_mb"]
    assert row["large"]["progress_lines"] >= 2 and "words/s" in row["large"]["last_progress"]
    assert row["rate_ratio"] > 0
