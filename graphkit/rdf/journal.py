"""The journal of an Oxigraph store: writes committed to disk one at a time, given to Oxigraph all at once.

Why: the RocksDB under Oxigraph compresses only the files its bulk loader writes. Whatever a compaction
rewrites stays uncompressed while an index holds less than about half a gigabyte (level 0 and the base
level, which is then the last, are uncompressed), and every bulk load into a store that holds data lands
in level 0, where the second one starts a compaction that rewrites the whole index. A store written batch
by batch is therefore about 1.7 times the size of one bulk load of the same quads. With a journal each
write is still committed on its own (a file renamed into place: all of it or none), and the store gets
them together in one bulk load, when the writer closes it or has to read it.

A batch is an N-Quads file: comment lines ``# drop <iri>`` name the graphs it replaces (their earlier
quads, in the store or in earlier batches, are gone), then its quads. Applying the journal drops the
replaced graphs from the store, bulk-loads every quad no later batch replaced, and removes the batches
only once the store holds them. Applying it again after a crash in between gives the same store (the
drops and the quads are the same), so whoever opens the store next for writing finishes the job.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = ["FOLDER", "Journal"]

#: The journal's folder inside the store's directory (RocksDB leaves what it did not name alone).
FOLDER = "graphkit-journal"
_DROP = b"# drop "
#: os.fdatasync where there is one: the batch's bytes must be on disk before its name is.
_sync = getattr(os, "fdatasync", os.fsync)


class Journal:
    """The batches written to a store and not yet applied to it.

    Args:
        store_path: the store's directory; the journal is its folder :data:`FOLDER`.
    """

    def __init__(self, store_path: Path) -> None:
        self.folder = store_path / FOLDER
        # graph IRI -> whether it holds quads once the journal is applied (graphs the journal touched)
        self._graphs: dict[str, bool] = {}
        self.quads = 0
        self._next = max((int(p.stem) for p in self.batches()), default=0) + 1

    def batches(self) -> list[Path]:
        """The committed batches, oldest first."""
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.suffix == ".nq" and p.stem.isdigit())

    def append(self, drop: Iterable[str], graphs: Iterable[str], nquads: str) -> None:
        """Commit one batch: replace the graphs ``drop`` (IRIs) and add the lines ``nquads``, whose
        graphs are ``graphs``; the batch is on disk, whole, when this returns."""
        dropped = list(drop)
        self.folder.mkdir(exist_ok=True)
        path = self.folder / f"{self._next:010d}.nq"
        tmp = path.with_name(f".{path.name}.tmp")
        try:
            with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
                handle.writelines(f"# drop <{g}>\n" for g in dropped)
                handle.write(nquads)
                handle.flush()
                _sync(handle.fileno())
            os.replace(tmp, path)  # the commit: a reader sees the whole batch or none of it
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise
        self._next += 1
        self.quads += nquads.count("\n")
        self._graphs.update(dict.fromkeys(dropped, False))
        self._graphs.update(dict.fromkeys(graphs, True))

    def holds(self, iri: str) -> bool | None:
        """Whether graph ``iri`` holds quads once the journal is applied; None if the journal has not
        touched it (then the store tells)."""
        return self._graphs.get(iri)

    def apply(self, store: ox.Store) -> bool:
        """Give the store every batch (one update for the drops, one bulk load for the quads), then
        remove them; whether there was anything to apply."""
        import pyoxigraph as ox

        batches = self.batches()
        if not batches:
            return False
        last_drop: dict[bytes, int] = {}
        for number, path in enumerate(batches):
            for name in _dropped(path):
                last_drop[name] = number
        present = [n for n in last_drop if store.contains_named_graph(ox.NamedNode(n[1:-1].decode("utf-8")))]
        if present:
            store.update(" ;\n".join(f"DROP SILENT GRAPH {n.decode('utf-8')}" for n in present))
        reader = io.BufferedReader(_Chunks(_kept(batches, last_drop)), buffer_size=1 << 20)
        store.bulk_load(reader, format=ox.RdfFormat.N_QUADS)
        store.flush()  # the store holds every batch on disk before the batches go
        for path in batches:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        for tmp in self.folder.glob(".*.tmp"):  # a batch being written when its writer was killed
            tmp.unlink()
        with contextlib.suppress(OSError):
            self.folder.rmdir()
        self._graphs.clear()
        self.quads = 0
        return True


def _dropped(path: Path) -> Iterator[bytes]:
    """The graphs (``<iri>``) that the batch at ``path`` replaces: its leading comment lines."""
    with open(path, "rb") as handle:
        for line in handle:
            if not line.startswith(_DROP):
                return
            yield line[len(_DROP) :].rstrip(b"\n")


def _kept(batches: list[Path], last_drop: dict[bytes, int]) -> Iterator[bytes]:
    """The bytes of every batch but the quads a later batch replaced (whole files when none did)."""
    latest = max(last_drop.values(), default=-1)
    for number, path in enumerate(batches):
        with open(path, "rb") as handle:
            if latest <= number:  # no later batch replaces a graph: all of it stays
                yield from iter(lambda: handle.read(1 << 20), b"")
                continue
            kept: list[bytes] = []
            for line in handle:
                # The graph is the last term: "<s> <p> <o> <g> .\n", one quad a line.
                if not line.startswith(b"#") and last_drop.get(line.rsplit(b" ", 2)[-2], -1) <= number:
                    kept.append(line)
                if len(kept) >= 4096:
                    yield b"".join(kept)
                    kept = []
            yield b"".join(kept)


class _Chunks(io.RawIOBase):
    """A readable stream of byte chunks, for the bulk loader, which reads a file object."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._left = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]  # typeshed's Buffer
        while not self._left:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._left = chunk
        size = min(len(buffer), len(self._left))
        buffer[:size] = self._left[:size]
        self._left = self._left[size:]
        return size
