"""`--store memory` is an empty Oxigraph store that lives for one command: read commands answer from it (nothing
stored) instead of failing on a store that was never opened."""

from graph.cli import main


def test_query_and_export_on_the_memory_store_answer_empty(capsys):
    code = main(["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", "memory", "--format", "csv"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "") and out.split() == ["n", "0"]
    code = main(["export", "--format", "nt", "--store", "memory"])
    out, err = capsys.readouterr()
    assert (code, out, err) == (0, "", "")
