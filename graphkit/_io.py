"""Writing output files all at once, so that a reader never sees half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

__all__ = ["atomic_writer"]


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """Open a UTF-8 text stream that replaces ``path`` only when the block ends without an error.

    The text goes to a temporary file in the same directory (``os.replace`` is atomic only within one file
    system), which is flushed to disk and then renamed over ``path``. On an error the temporary file is
    removed and ``path`` keeps its old content. Missing parent directories are created.

    Args:
        path: the file to write.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates the file readable by its owner only; give it the mode a plain open() would.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    # The umask can only be read by setting it; set it back at once.
    mask = os.umask(0)
    os.umask(mask)
    return mask
