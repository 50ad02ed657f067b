"""notebooks/who-met-whom.ipynb: stored without outputs, and it runs top to bottom (nbclient, the current
interpreter's ipykernel) from the notebooks/ folder, answering its questions on the seed."""

from __future__ import annotations

import os

import pytest

from .conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "who-met-whom.ipynb"


def _require(module: str):
    """The test extra brings these; missing outside CI is a skip, in CI a failure."""
    try:
        return pytest.importorskip(module)
    except pytest.skip.Exception:
        if os.environ.get("CI"):
            pytest.fail(f"{module} is missing: install the test extra")
        raise


def _read():
    nbformat = _require("nbformat")
    return nbformat.read(NOTEBOOK, as_version=4)


def test_the_notebook_is_stored_without_outputs():
    nb = _read()
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == [], cell.source[:60]
        assert cell.execution_count is None, cell.source[:60]


def _text(outputs) -> str:
    parts = []
    for out in outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("display_data", "execute_result"):
            parts.extend(str(v) for k, v in out.data.items() if k.startswith("text/"))
    return "\n".join(parts)


@pytest.mark.slow
def test_the_notebook_runs_and_answers():
    nb = _read()
    nbclient = _require("nbclient")
    _require("ipykernel")
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=300,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, with the cell and the traceback, if a cell fails
    outputs = [cell.outputs for cell in nb.cells if cell.cell_type == "code"]
    errors = [o for cell in outputs for o in cell if o.output_type == "error"]
    assert errors == []
    everything = "\n".join(_text(cell) for cell in outputs)

    stderr = [o.text for cell in outputs for o in cell if o.output_type == "stream" and o.name == "stderr"]
    assert stderr == []  # no warnings
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert not any("sys.path" in c or "mkdtemp" in c for c in code)  # the installed package, nothing left behind
    met_xi = next(_text(cell) for cell, c in zip(outputs, code) if "met_xi = kg.meetings" in c)
    assert "Aleksandr Grigoryevich Lukashenko" in met_xi and "Negotiations with China President Xi Jinping" in met_xi
    assert "President, China" in everything  # posts held
    assert "Great Stone Industrial Park" in everything  # what the meetings were about
    assert "actors," in everything and "betweenness" in everything
    assert '<iframe srcdoc="&lt;!DOCTYPE html&gt;' in everything  # the page, escaped into the attribute
    assert 'sandbox="allow-scripts"' in everything
    images = [o for cell in outputs for o in cell if o.output_type == "display_data" and "image/png" in o.data]
    assert len(images) == 1  # the timeline


def test_the_notebook_leaves_nothing_behind(tmp_path, monkeypatch):
    """Run from a copy in an empty folder with the seed beside it: no file or folder is left anywhere we can see
    (the folder itself, the kernel's own temporary folder, and the system's for our names). The kernel gets a
    temporary folder of its own, so that other programs' files in the system's do not count."""
    import shutil
    import tempfile

    nbclient = _require("nbclient")
    _require("ipykernel")
    (tmp_path / "work" / "notebooks").mkdir(parents=True)
    shutil.copytree(ROOT / "seeds", tmp_path / "work" / "seeds")
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    system_tmp = tempfile.gettempdir()
    ours = ("kg-page-", "kg-notebook")
    before_tmp = {n for n in os.listdir(system_tmp) if n.startswith(ours)}
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "work").rglob("*"))
    nb = _read()
    nbclient.NotebookClient(nb, kernel_name="python3", timeout=300,
                            resources={"metadata": {"path": str(tmp_path / "work" / "notebooks")}}).execute()
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "work").rglob("*")) == before
    assert os.listdir(tmp_path / "tmp") == []
    assert {n for n in os.listdir(system_tmp) if n.startswith(ours)} - before_tmp == set()
