"""Terminal output that fits (issue 18): tables sized to the width, long cells wrapped never cut, IRIs whole in
machine formats and prefixed in tables, `--columns`."""

import io
import os
import subprocess
import sys

import pytest
from rdflib import URIRef

from graph.views.output import fit, prefixed, table, wrap

from .conftest import ROOT

XI = URIRef("https://w3id.org/meeting-graph/id/person/xi-jinping")


def _lines(text: str) -> list[str]:
    return text.splitlines()


def test_a_table_fits_the_width_and_keeps_every_character():
    long = "a long note about the financing of military purchases and the Great Stone park " * 3
    out = io.StringIO()
    table(["name", "who", "note"], [["Xi Jinping", XI, long], ["Li", None, "short"]], out, width=60)
    lines = _lines(out.getvalue())
    assert max(len(line) for line in lines) <= 60
    assert "…" not in out.getvalue() and "person:xi-" in out.getvalue()  # folded, not cut
    one = io.StringIO()
    table(["note"], [[long]], one, width=30)
    assert " ".join(one.getvalue().split()[2:]) == " ".join(long.split())  # wrapped, nothing cut


def test_no_limit_gives_one_line_a_row():
    out = io.StringIO()
    table(["a", "b"], [["x" * 150, "y"]], out, width=0)
    assert len(_lines(out.getvalue())) == 3


def test_width_follows_COLUMNS(monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    out = io.StringIO()
    table(["a", "b"], [["word " * 30, "other " * 20]], out)
    assert max(len(line) for line in _lines(out.getvalue())) <= 50


def test_short_columns_stay_whole():
    widths = fit(["date", "title"], [["2023-03-01", "word " * 40]], 40)
    assert widths[0] == len("2023-03-01") and sum(widths) + 2 <= 40


def test_markup_in_data_is_shown_as_it_is():
    out = io.StringIO()
    table(["a"], [["[bold]x[/bold]"]], out, width=40)
    assert "[bold]x[/bold]" in out.getvalue()


def test_prefixed_names_and_wrapped_lines():
    assert prefixed(str(XI)) == "person:xi-jinping"
    event = "https://w3id.org/meeting-graph/id/event/2023-03-01-negotiations-with-xi-jinping"
    assert prefixed(event) == "event:2023-03-01-negotiations-with-xi-jinping"
    part = event + "/participation/seed-txt/person-xi-jinping"  # no prefixed name without escapes: whole
    assert prefixed(part) == part
    assert prefixed("https://w3id.org/meeting-graph/id/doc/seed.txt#char=0,12").startswith("https://")
    assert prefixed("https://schema.org/Person") == "schema:Person"
    assert prefixed("http://example.org/x") == "http://example.org/x"
    text = "Xi Jinping —[Negotiations, 2023-03-01]→ Aleksandr Grigoryevich Lukashenko " * 3
    assert all(len(line) <= 50 for line in wrap(text, 50).splitlines())
    assert " ".join(wrap(text, 50).split()) == " ".join(text.split())


# ------------------------------------------------------------------------------------------- the seed, with `kg`

TABLE_COMMANDS = [["meetings"], ["meeting", "Zhu Hexin"], ["profile", "Li Keqiang"], ["discussed", "Great Stone"],
                  ["events"], ["together"], ["docs"], ["analyze"], ["path", "Xi Jinping", "Zhu Hexin"],
                  ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 200"]]


def kg(store, *args, columns="100"):
    env = {**os.environ, "COLUMNS": columns}
    return subprocess.run([sys.executable, "-m", "graph.cli", *args, "--store", str(store)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", check=True).stdout


@pytest.mark.parametrize("args", TABLE_COMMANDS, ids=lambda a: a[0])
def test_every_table_command_fits_in_100_columns(seed_store_dir, args):
    out = kg(seed_store_dir, *args)
    assert out.strip()
    assert max(len(line) for line in out.splitlines()) <= 100, out


def test_columns_chooses_and_machine_formats_keep_iris_whole(seed_store_dir):
    out = kg(seed_store_dir, "meetings", "--columns", "start,title")
    assert out.split()[:2] == ["start", "title"] and "participants" not in out
    csv_out = kg(seed_store_dir, "query", "SELECT ?p WHERE { ?p a schema:Person }", "--format", "csv")
    assert "https://w3id.org/meeting-graph/id/person/xi-jinping" in csv_out.splitlines()
    table_out = kg(seed_store_dir, "query", "SELECT ?p WHERE { ?p a schema:Person }")
    assert "person:xi-jinping" in table_out.split() and "…" not in table_out
    # what a table shows is what a query takes
    again = kg(seed_store_dir, "query", "SELECT ?n WHERE { person:xi-jinping schema:name ?n }", "--format", "csv")
    assert "Xi Jinping" in again


def test_an_unknown_column_is_one_line(seed_store_dir):
    r = subprocess.run([sys.executable, "-m", "graph.cli", "meetings", "--columns", "nope", "--store",
                        str(seed_store_dir)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2 and "nope" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_topics_by_rank_then_label_whatever_order_the_store_gives():
    from graph.views.canned import ranked_topics

    items = ["2\x1fScholz", "1\x1fMunich", "2\x1fBerlin", "3\x1fMunich", "\x1fno rank"]
    for order in (items, items[::-1], items[2:] + items[:2]):
        assert ranked_topics("\x1e".join(order)) == "Munich | Berlin | Scholz | no rank"
