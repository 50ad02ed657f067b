"""The `kg` command line itself (click): bad usage is one line and exit 2, the shared options behave the same in every
command, `$KG_MODEL` is the default model, `kg … | head` ends quietly, and `kg evaluate --corpus` scores what
`kg build` stores. In-process, with spaCy's blank pipeline: the fast lane."""

import io
import shutil
import sys

import click
import pytest

from graph.cli import cli, main

from .conftest import ROOT

TEXT = ROOT / "tests" / "corpus" / "belarus-press-2024-05-17.txt"


def kg(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("args, message", [
    (["nope"], "No such command 'nope'"),
    (["meetings", "--bogus"], "No such option '--bogus'"),
    (["build", "seeds/", "--jobs", "many"], "'many' is not a valid integer"),
    (["export"], "Missing option '--format'. Choose from: json, turtle, ttl, jsonld, nt, trig, nquads"),
    (["analyze", "--format", "xml"], "'xml' is not one of 'table', 'json'"),
    (["path", "Xi Jinping"], "Missing argument 'B'"),
    (["build"], "Missing argument 'PATH...'"),
])
def test_bad_usage_is_one_line_and_exit_2(capsys, args, message):
    code, out, err = kg(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith("kg: error: ") and message in err and err.count("\n") == 1, err
    assert f"(see `kg {args[0] if args[0] != 'nope' else ''}".rstrip() in err


def test_kg_alone_shows_the_commands_and_fails(capsys):
    code, out, err = kg(capsys)
    assert code == 2 and out == ""
    assert "Commands:" in err and err.index("build") < err.index("meetings") < err.index("evaluate")


def test_help_exits_0(capsys):
    code, out, _ = kg(capsys, "meetings", "-h")
    assert code == 0 and out.startswith("Usage: kg meetings [OPTIONS]") and "example: kg meetings" in out


def test_every_command_takes_the_store_and_documents_its_arguments():
    for name, command in cli.commands.items():
        store = [p for p in command.params if p.name == "store"]
        assert store and store[0].default == "kg-store", name
        undocumented = [p.name for p in command.params if isinstance(p, click.Argument) and not p.help]
        assert not undocumented, (name, undocumented)


def test_the_model_is_kg_model_unless_given(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_MODEL", "blank")
    code, _, err = kg(capsys, "build", TEXT, "--store", tmp_path / "a", "-q", "-j", "1")
    assert code == 0 and "1 ingested" in err
    monkeypatch.setenv("KG_MODEL", "no-such-model")
    code, _, err = kg(capsys, "build", TEXT, "--store", tmp_path / "b", "-q", "-j", "1", "--model", "blank")
    assert code == 0 and "1 ingested" in err


def test_a_closed_pipe_ends_quietly(monkeypatch, tmp_path):
    from graph.store.kgstore import KGStore

    KGStore(tmp_path / "s").close()

    class ClosedPipe(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    monkeypatch.setattr(sys, "stderr", stderr)
    code = main(["query", "SELECT ?x WHERE { VALUES ?x { 1 2 3 } }", "--store", str(tmp_path / "s"),
                 "--format", "csv"])
    assert code == 0 and stderr.closed


def test_evaluate_corpus_scores_what_kg_build_stores(capsys, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(TEXT, folder)
    gold = shutil.copy(TEXT.with_suffix(".yaml"), folder)
    code, _, _ = kg(capsys, "build", folder, "--store", tmp_path / "s", "--model", "blank", "-q", "-j", "1")
    assert code == 0
    code, stored, _ = kg(capsys, "evaluate", gold, "--store", tmp_path / "s")
    assert code == 0 and stored.splitlines()[-1].startswith("summary ")
    code, corpus, _ = kg(capsys, "evaluate", "--corpus", folder, "--model", "blank")
    assert code == 0
    assert corpus.splitlines()[1:] == stored.splitlines()  # one document: its line, then the same report
    assert corpus.splitlines()[0] == f"{TEXT.stem}: " + stored.splitlines()[-1].removeprefix("summary ")


def test_evaluate_corpus_names_a_text_it_cannot_read(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("   \n", encoding="utf-8")
    shutil.copy(TEXT.with_suffix(".yaml"), tmp_path / "a.yaml")
    code, out, err = kg(capsys, "evaluate", "--corpus", tmp_path, "--model", "blank")
    assert code == 2 and out == ""
    assert err.startswith("kg: error: ") and "a.txt: empty file" in err and err.count("\n") == 1, err
