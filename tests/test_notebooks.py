"""The notebooks: stored as scripts/make_notebooks.py writes them (no outputs), and every cell runs.

They run in the "graphkit" kernel that scripts/bootstrap.sh registers in .venv, with matplotlib's inline
backend (no window) and, when the development corpus is there, ``GRAPHKIT_CORPUS`` pointing at it.
``GRAPHKIT_UPDATE_SCREENSHOT=1`` also writes the timeline plot of 02-explore-contacts to docs/timeline.png,
the README's picture.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import DEV_TEXTS

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PICTURE = ROOT / "docs" / "timeline.png"
KERNEL = "graphkit"
#: Seconds one cell may take; the corpus extraction is the slowest (about 10 s for 51 articles).
CELL_TIMEOUT = 120

#: What must appear in a notebook's outputs, by notebook: (output mime type, text in one output).
EXPECTED = {
    "01-quickstart.ipynb": [
        ("text/html", "Emmanuel Macron"),  # the extraction's tables
        ("text/html", ">Actors ("),
        ("text/html", ">Statements ("),
        ("text/html", ">field</th>"),  # a single contact
        ("text/html", "Contacts of Emmanuel Macron"),
        ("text/html", "<iframe srcdoc="),  # the interactive view
        ("text/plain", "@prefix gk: <https://w3id.org/graphkit/ontology#>"),
    ],
    "02-explore-contacts.ipynb": [
        ("image/png", ""),  # the timeline
        ("text/html", "betweenness"),
        ("text/html", "<iframe srcdoc="),
    ],
    "03-rdf-and-sparql.ipynb": [
        ("text/plain", "@prefix"),
        ("text/plain", "named graphs:"),
        ("text/html", ">Meeting</td>"),  # SPARQL results as a DataFrame
        ("text/plain", "conforms: True | violations: 0"),
        ("text/plain", "conforms: False"),
        ("text/plain", "second load: reports="),
        ("text/plain", "<gexf"),
    ],
}


def _runs() -> list[pytest.param]:
    corpus = str(DEV_TEXTS) if DEV_TEXTS.is_dir() else None
    runs = [pytest.param(name, corpus, id=f"{name}-{'dev' if corpus else 'default'}") for name in EXPECTED]
    # The default corpus (the one bundled article) must work too: a reader without the shared corpus gets it.
    if corpus:
        runs.append(pytest.param("02-explore-contacts.ipynb", None, id="02-explore-contacts.ipynb-default"))
    return runs


def test_every_notebook_is_listed() -> None:
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == sorted(EXPECTED)


def test_notebooks_are_generated_and_have_no_outputs() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_notebooks.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    for path in NOTEBOOKS.glob("*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        assert notebook.metadata.kernelspec.name == KERNEL
        code = [c for c in notebook.cells if c.cell_type == "code"]
        assert all(not c.outputs and c.execution_count is None for c in code), path.name


@pytest.mark.parametrize(("name", "corpus"), _runs())
def test_notebook_runs(name: str, corpus: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    if corpus is None:
        monkeypatch.delenv("GRAPHKIT_CORPUS", raising=False)
    else:
        monkeypatch.setenv("GRAPHKIT_CORPUS", corpus)
    # The kernel inherits this environment: the inline backend draws PNGs and never opens a window.
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = _execute(NOTEBOOKS / name)
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    for mime, text in EXPECTED[name]:
        found = [_text(output, mime) for output in outputs]
        assert any(text in f for f in found if f is not None), f"{name}: no {mime} output with {text!r}"
    if name.startswith("02") and corpus and os.environ.get("GRAPHKIT_UPDATE_SCREENSHOT") == "1":
        _save_picture(notebook)


def _execute(path: Path) -> nbformat.NotebookNode:
    from jupyter_client.kernelspec import KernelSpecManager

    if KERNEL not in KernelSpecManager().find_kernel_specs():
        pytest.fail(f"no Jupyter kernel {KERNEL!r}; run scripts/bootstrap.sh, which registers it in .venv")
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        kernel_name=KERNEL,
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(path.parent)}},  # run where Jupyter would: in notebooks/
    )
    client.execute()  # raises CellExecutionError, naming the cell, when one fails
    return notebook


def _text(output: nbformat.NotebookNode, mime: str) -> str | None:
    """The output's ``mime`` data as text (printed text counts as text/plain), or None."""
    if output.output_type == "stream":
        return output.text if mime == "text/plain" and output.name == "stdout" else None
    data = output.get("data", {}).get(mime)
    if data is None:
        return None
    return data if isinstance(data, str) else "".join(data)


def _save_picture(notebook: nbformat.NotebookNode) -> None:
    [cell] = [c for c in notebook.cells if "timeline" in c.metadata.get("tags", [])]
    [png] = [o.data["image/png"] for o in cell.outputs if "image/png" in o.get("data", {})]
    PICTURE.write_bytes(base64.b64decode(png))
