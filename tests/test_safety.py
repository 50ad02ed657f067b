"""Issue 12: stores opened for what a command does, `kg query` messages and SERVICE, malformed gold YAML."""

import os
import shutil
import subprocess
import sys

import pytest

from graph.cli import main

from .conftest import ROOT
from .test_serve import Listener


def kg(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_a_read_creates_nothing_and_changes_nothing(seed_store_dir, tmp_path, capsys):
    store = tmp_path / "store"
    shutil.copytree(seed_store_dir, store)
    before = snapshot(store)
    code, out, _ = kg(capsys, "meetings", "--store", str(store), "--format", "csv")
    assert code == 0 and "Xi Jinping" in out
    assert snapshot(store) == before
    code, _, err = kg(capsys, "meetings", "--store", str(tmp_path / "nothing"))
    assert code == 2 and "no store at" in err and not (tmp_path / "nothing").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write a read-only folder")
def test_a_read_only_store_folder_can_be_read(seed_store_dir, tmp_path, capsys):
    store = tmp_path / "store"
    shutil.copytree(seed_store_dir, store)
    for p in [store, *store.iterdir()]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        code, out, err = kg(capsys, "meetings", "--store", str(store), "--format", "csv")
        assert code == 0 and "Xi Jinping" in out, err
    finally:
        store.chmod(0o755)


def test_a_folder_of_other_files_is_no_store(tmp_path, capsys):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.md").write_text("buy milk")
    for cmd in (["meetings"], ["build", str(notes / "todo.md")]):
        code, _, err = kg(capsys, *cmd, "--store", str(notes))
        assert code == 2 and "holds other files and is not a store" in err
    assert sorted(p.name for p in notes.iterdir()) == ["todo.md"]


def test_reading_while_a_build_writes_says_so(seed_store_dir, tmp_path, capsys):
    store = tmp_path / "store"
    shutil.copytree(seed_store_dir, store)
    writer = subprocess.Popen([sys.executable, "-c", "import sys, time; from graph.store.kgstore import KGStore; "
                               f"s = KGStore({str(store)!r}); print('open', flush=True); sys.stdin.read()"],
                              cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "open"
        code, _, err = kg(capsys, "meetings", "--store", str(store))
        assert code == 2 and "being written by another process" in err
    finally:
        writer.stdin.close()
        writer.wait(10)


@pytest.mark.parametrize("query, message", [
    ("DROP ALL", "updates are refused: this command only reads"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "updates are refused: this command only reads"),
    ("SELEC ?x WHERE {", "'SELEC' is not SELECT, ASK, CONSTRUCT or DESCRIBE"),
    ("SELECT ?x WHERE { ?x foo:bar ?y }", "unknown prefix 'foo:' (line 1, column 29)"),
    ("SELECT ?x WHERE {\n ?x ?y ?z .\n ?z <a> }", "syntax error at line 3, column 10, at the end of the query"),
])
def test_query_messages(seed_store_dir, capsys, query, message):
    code, out, err = kg(capsys, "query", query, "--store", str(seed_store_dir))
    assert code == 2 and message in err and err.count("\n") == 1 and out == ""


def test_query_service_is_refused_and_nothing_goes_out(seed_store_dir, capsys):
    lis = Listener()
    try:
        code, _, err = kg(capsys, "query", f"SELECT * {{ SERVICE <{lis.url}> {{ ?s ?p ?o }} }}", "--store",
                          str(seed_store_dir))
        assert code == 2 and "refused" in err and "--allow-service" in err
        code, out, _ = kg(capsys, "query", f'SELECT ?x {{ BIND("SERVICE <{lis.url}>" AS ?x) }} # SERVICE <{lis.url}>',
                          "--store", str(seed_store_dir), "--format", "csv")
        assert code == 0 and lis.url in out
    finally:
        lis.close()
    assert lis.got == []


def test_query_a_bad_service_reply_is_one_line(seed_store_dir, capsys):
    lis = Listener(reply=b"HTTP/1.0 200 OK\r\nContent-Type: application/sparql-results+json\r\n\r\n{not json")
    try:
        code, _, err = kg(capsys, "query", f"SELECT * {{ SERVICE <{lis.url}> {{ ?s ?p ?o }} }}", "--store",
                          str(seed_store_dir), "--allow-service", lis.url)
    finally:
        lis.close()
    assert len(lis.got) == 1
    assert code == 2 and err.startswith("kg: error: query failed") and err.count("\n") == 1


def test_query_reads_standard_input_and_streams_csv(seed_store_dir):
    proc = subprocess.run([sys.executable, "-m", "graph.cli", "query", "-", "--store", str(seed_store_dir),
                           "--format", "csv"], input="SELECT ?s ?p ?o WHERE { ?s ?p ?o }", capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("s,p,o\n") and proc.stdout.count("\n") > 1000


@pytest.mark.parametrize("text, message", [
    ("entities:\n  - id: a\n   name: [x\n", "malformed YAML at line 3"),
    ("entities: 5\nevents: 7\n", "does not follow FORMAT.md"),
    ("- just\n- a list\n", "must be a YAML mapping"),
])
def test_malformed_gold_yaml_is_one_line(seed_store_dir, tmp_path, capsys, text, message):
    gold = tmp_path / "gold.yaml"
    gold.write_text(text)
    code, _, err = kg(capsys, "evaluate", str(gold), "--store", str(seed_store_dir))
    assert code == 2 and message in err and err.count("\n") == 1
