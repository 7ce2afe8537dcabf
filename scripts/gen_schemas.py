#!/usr/bin/env python3
"""Write the JSON Schemas of graphkit's models into ``schemas/``.

Run it after changing a model (``tests/test_schemas.py`` fails until you do)::

    .venv/bin/python scripts/gen_schemas.py
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pydantic import BaseModel

from graphkit.lexicon import ContactLexicon
from graphkit.models import Article, Extraction
from graphkit.offices import OfficeVocabulary
from graphkit.pipeline import RunReport

ROOT = Path(__file__).resolve().parents[1]
COMMAND = ".venv/bin/python scripts/gen_schemas.py"

#: file stem -> model; Extraction's schema holds Actor, Contact, Statement and the rest in its $defs.
MODELS: dict[str, type[BaseModel]] = {
    "article": Article,
    "extraction": Extraction,
    "run_report": RunReport,
    "lexicon": ContactLexicon,  # data/lexicon/contacts.yaml: contact trigger records and word classes
    "offices": OfficeVocabulary,  # data/lexicon/offices.yaml: offices, their titles and properties
}


def render(model: type[BaseModel]) -> str:
    """The schema of ``model`` as stable, readable JSON text."""
    return json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write ``<stem>.schema.json`` for every model into ``directory`` and return the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for stem, model in MODELS.items():
        path = directory / f"{stem}.schema.json"
        path.write_text(render(model), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "schemas", help="directory (default: schemas/)")
    args = parser.parse_args(argv)
    for path in write_schemas(args.out):
        print(path)


if __name__ == "__main__":
    main()
