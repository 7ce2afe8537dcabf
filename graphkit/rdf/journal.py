"""The journal of an Oxigraph store: writes committed to disk one at a time, given to Oxigraph all at once.

Why: the RocksDB under Oxigraph compresses only the files its bulk loader writes. Whatever a compaction
rewrites stays uncompressed while an index holds less than about half a gigabyte (level 0 and the base
level, which is then the last, are uncompressed), and every bulk load into a store that holds data lands
in level 0, where the second one starts a compaction that rewrites the whole index. A store written batch
by batch is therefore about 1.7 times the size of one bulk load of the same quads. With a journal each
write is still committed on its own (a file renamed into place: all of it or none), and the store gets
them together in one bulk load, when the writer closes it or has to read it. That bulk load runs beside
the writer, in a thread fed each batch as it is committed, for as long as batches only add quads: the
store's work on the other core, as when each batch was loaded on its own.

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
import queue
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = ["FOLDER", "Journal"]

#: The journal's folder inside the store's directory (RocksDB leaves what it did not name alone).
FOLDER = "graphkit-journal"
_DROP = b"# drop "
_CHUNK = 1 << 20


def _sync(fd: int) -> None:
    """The batch's bytes on disk before its name is (fdatasync where there is one: the data, not times)."""
    getattr(os, "fdatasync", os.fsync)(fd)


class Journal:
    """The batches written to a store and not yet applied to it.

    Args:
        store_path: the store's directory; the journal is its folder :data:`FOLDER`.
    """

    def __init__(self, store_path: Path) -> None:
        self.folder = store_path / FOLDER
        # graph IRI -> whether it holds quads once the journal is applied (graphs the journal touched)
        self._graphs: dict[str, bool] = {}
        self._next = max((int(p.stem) for p in self.batches()), default=0) + 1
        self._loader: _Loader | None = None
        self._streamed: list[Path] = []  # batches given to the loader
        self._held = False  # a batch not given to the loader is in the journal: later ones wait too

    def batches(self) -> list[Path]:
        """The committed batches, oldest first."""
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.suffix == ".nq" and p.stem.isdigit())

    def append(
        self, drop: Iterable[str], graphs: Iterable[str], nquads: str, store: ox.Store | None = None
    ) -> None:
        """Commit one batch: replace the graphs ``drop`` (IRIs) and add the lines ``nquads``, whose
        graphs are ``graphs``; the batch is on disk, whole, when this returns.

        With ``store``, a batch that only adds, after batches that only added, goes to a bulk load of
        ``store`` running in the background (the first such batch starts it); :meth:`apply` finishes it.
        """
        dropped = list(drop)
        data = nquads.encode("utf-8")
        self.folder.mkdir(exist_ok=True)
        path = self.folder / f"{self._next:010d}.nq"
        tmp = path.with_name(f".{path.name}.tmp")
        try:
            with open(tmp, "wb") as handle:  # bytes: half the time of a text stream's own encoding
                handle.write("".join(f"# drop <{g}>\n" for g in dropped).encode("utf-8"))
                handle.write(data)
                handle.flush()
                _sync(handle.fileno())
            os.replace(tmp, path)  # the commit: a reader sees the whole batch or none of it
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise
        self._next += 1
        self._graphs.update(dict.fromkeys(dropped, False))
        self._graphs.update(dict.fromkeys(graphs, True))
        if store is None or dropped or self._held:  # the quads it replaces must go first
            self._held = True
            return
        if self._loader is None:
            self._loader = _Loader(store)
        self._loader.put(data)
        self._streamed.append(path)

    def holds(self, iri: str) -> bool | None:
        """Whether graph ``iri`` holds quads once the journal is applied; None if the journal has not
        touched it (then the store tells)."""
        return self._graphs.get(iri)

    def apply(self, store: ox.Store) -> bool:
        """Give the store every batch (one update for the drops, one bulk load for the quads), then
        remove them; whether there was anything to apply."""
        import pyoxigraph as ox

        if self._loader is not None:
            self._loader.finish()  # may raise: the batches stay, for the next apply
            self._loader = None
        streamed = set(self._streamed)
        batches = [p for p in self.batches() if p not in streamed]
        if not batches and not streamed:
            return False
        last_drop: dict[bytes, int] = {}
        for number, path in enumerate(batches):
            for name in _dropped(path):
                last_drop[name] = number
        present = [n for n in last_drop if store.contains_named_graph(ox.NamedNode(n[1:-1].decode("utf-8")))]
        if present:
            store.update(" ;\n".join(f"DROP SILENT GRAPH {n.decode('utf-8')}" for n in present))
        if batches:
            reader = io.BufferedReader(_Chunks(_kept(batches, last_drop)), buffer_size=1 << 20)
            store.bulk_load(reader, format=ox.RdfFormat.N_QUADS)
        store.flush()  # the store holds every batch on disk before the batches go
        for path in [*self._streamed, *batches]:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        for tmp in self.folder.glob(".*.tmp"):  # a batch being written when its writer was killed
            tmp.unlink()
        with contextlib.suppress(OSError):
            self.folder.rmdir()
        self._graphs.clear()
        self._streamed = []
        self._held = False
        return True


class _Loader:
    """One bulk load of a store in a thread, fed bytes of N-Quads until :meth:`finish`.

    The bulk loader parses, sorts and writes while the writer builds the next batches; it ingests what
    it has in chunks of a million quads and the rest at the end, as one bulk load of all of it would.
    """

    def __init__(self, store: ox.Store) -> None:
        import pyoxigraph as ox

        # At most 32 MB wait for the loader, whatever the batch size: the writer waits rather than hold
        # the run in memory.
        self._queue: queue.Queue[bytes | memoryview | None] = queue.Queue(maxsize=32)
        self._error: BaseException | None = None
        reader = io.BufferedReader(_Chunks(iter(self._queue.get, None)), buffer_size=1 << 20)

        def run() -> None:
            try:
                store.bulk_load(reader, format=ox.RdfFormat.N_QUADS)
            except BaseException as err:  # raised again by finish(), in the writer's thread
                self._error = err
                while self._queue.get() is not None:  # unblock a writer waiting to put
                    pass

        self._thread = threading.Thread(target=run, name="graphkit-bulk-load", daemon=True)
        self._thread.start()

    def put(self, data: bytes) -> None:
        view = memoryview(data)
        for start in range(0, len(view), _CHUNK):
            self._queue.put(view[start : start + _CHUNK])

    def finish(self) -> None:
        """Wait until the store holds everything put; raise what the loader raised."""
        if self._thread.is_alive():
            self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error


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

    def __init__(self, chunks: Iterator[bytes | memoryview]) -> None:
        self._chunks = chunks
        self._left: bytes | memoryview = b""

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
