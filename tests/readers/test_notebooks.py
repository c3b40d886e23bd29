"""Every notebook runs top to bottom on the sample data (built into a temporary store by the notebook)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.paths import ROOT, SAMPLES_DIR

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_at_least_three_notebooks_committed_without_outputs():
    nbformat = pytest.importorskip("nbformat", reason="nbformat is a dev dependency")
    assert len(NOTEBOOKS) >= 3
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, f"{path.name} has outputs"


@pytest.fixture(scope="module")
def sample_store_folder(tmp_path_factory) -> Path:
    """One store built from the samples, shared by the notebooks after the first (which builds its own)."""
    ingest = pytest.importorskip("kg.ingest", reason="kg.ingest (by the STORE helper) does not exist yet")
    from kg.store.embedded import open_store

    if not any(SAMPLES_DIR.glob("*.txt")):
        pytest.skip(f"no sample articles in {SAMPLES_DIR} yet")
    folder = tmp_path_factory.mktemp("notebook-store") / "store"
    with open_store(folder, create=True) as store:
        ingest.ingest([SAMPLES_DIR], store)
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path: Path, tmp_path: Path, monkeypatch, sample_store_folder: Path):
    nbformat = pytest.importorskip("nbformat", reason="nbformat is a dev dependency")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is a dev dependency")
    if path == NOTEBOOKS[0]:  # the first notebook builds its store from the samples, as a reader would
        monkeypatch.delenv("KG_STORE", raising=False)
    else:
        monkeypatch.setenv("KG_STORE", str(sample_store_folder))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the notebook's temporary store goes where pytest cleans up
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(notebook, kernel_name="python3", timeout=120,
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the notebook shows no picture"
