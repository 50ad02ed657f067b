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


def test_a_triple_over_the_parsers_line_is_a_store_error_and_keeps_what_was_stored():
    from graph.store.kgstore import KGStore, StoreError
    import pytest

    store = KGStore("memory")
    store.write_documents([("http://example.org/a", '<http://example.org/s> <http://example.org/p> "small" '
                                                    "<http://example.org/a> .\n", False)])
    huge = "x" * (17 * 1024 * 1024)
    with pytest.raises(StoreError, match="16 MB"):
        store.write_documents([("http://example.org/b", f'<http://example.org/s> <http://example.org/p> "{huge}" '
                                                        "<http://example.org/b> .\n", False)])
    rows = list(store.query("SELECT ?o WHERE { ?s ?p ?o }"))
    assert [str(r[0]) for r in rows] == ["small"]
    store.close()
