"""Getting extractions back out: from JSON Lines, RDF files or a store, to any output format.

This is what ``graphkit export`` calls. The formats are the exporters of :data:`graphkit.registry.exporters`,
the same that ``graphkit extract --out`` writes (JSON Lines, RDF, GEXF, GraphML), plus the dyadic event table
(``.csv``, ``.parquet``, :mod:`graphkit.dyadic`) and the interactive view (``.html``).

Example:
    >>> from graphkit.export import export, read_sources
    >>> extractions = read_sources(store="out/store")  # doctest: +SKIP
    >>> export(extractions, ["out/contacts.ttl", "out/dyads.csv"])  # doctest: +SKIP
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Sequence
from pathlib import Path

from graphkit.errors import InputError
from graphkit.models import Extraction
from graphkit.registry import exporters

__all__ = ["export", "read_sources"]


def read_sources(files: Sequence[str | Path] = (), store: str | Path | None = None) -> list[Extraction]:
    """The extractions in ``files`` (JSON Lines or RDF, as ``graphkit extract`` writes them) and ``store``.

    Every article of the store is read (through a dump of its named graphs). When an article id comes
    twice, the later one wins: files in order, then the store.

    Args:
        files: ``.jsonl`` files of records, or RDF files (``.ttl``, ``.trig``, ``.nq``, ``.jsonld``, ...).
        store: an Oxigraph directory or a SPARQL endpoint URL.

    Raises:
        InputError: a file cannot be read, or the store directory does not exist.
        StoreError: the store cannot be opened or read.
    """
    from graphkit.network import load_extractions

    latest: dict[str, Extraction] = {}
    for path in files:
        latest.update((e.article.id, e) for e in load_extractions(path))
    if store is not None:
        latest.update((e.article.id, e) for e in _from_store(store))
    return list(latest.values())


def _from_store(spec: str | Path) -> list[Extraction]:
    from graphkit.rdf import extractions_from_graph, open_store

    remote = urllib.parse.urlsplit(str(spec)).scheme in ("http", "https")
    if not remote and not Path(spec).is_dir():
        # Opening a missing Oxigraph directory would create an empty store and export nothing.
        raise InputError("no such store directory (give the --store of graphkit extract)", source=str(spec))
    target = open_store(spec)
    try:
        return extractions_from_graph(target)
    finally:
        target.close()


def export(extractions: Sequence[Extraction], out: Sequence[str | Path]) -> list[Path]:
    """Write ``extractions`` to every file in ``out``; each suffix picks the exporter.

    Every suffix is checked before anything is written; each file is written atomically.

    Args:
        extractions: one per article.
        out: the files to write.

    Returns:
        The files written, in order.

    Raises:
        UnknownNameError: a suffix has no exporter; the message lists the known ones.
    """
    from graphkit.rdf.dataset import FORMATS, GraphWriter

    paths = [Path(o) for o in out]
    writers = [(exporters.get(p.suffix.lower()), p) for p in paths]
    graphs = GraphWriter(extractions)  # built at the first RDF file, once for all of them
    for write, path in writers:
        if path.suffix.lower() in FORMATS:
            graphs.write(path)
        else:
            write(extractions, path)
    return paths
