"""Inputs: files, folders, standard input and URLs, each read by the reader its suffix or content picks."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sys
import urllib.parse
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from graphkit.errors import InputError
from graphkit.ingest._base import Item, Origin, slug
from graphkit.ingest.http import fetch
from graphkit.models import Article
from graphkit.registry import Reader, readers

__all__ = ["read_articles"]

# a folder's README or licence file describes the folder; it is read only when named explicitly
_NOT_ARTICLES = frozenset({"README", "LICENSE", "LICENCE"})


def _input_kinds() -> str:
    return f"a file ({', '.join(readers)}), a folder, '-' for standard input or an http(s) URL"


def read_articles(
    inputs: Iterable[str | Path], *, published: dt.date | None = None, timeout: float = 20.0
) -> Iterator[Article | InputError]:
    """Read articles from files, folders (recursively), ``-`` (standard input) and http(s) URLs.

    A broken input or record is yielded as an :class:`InputError` and the rest are still read, so one bad
    line in a JSON Lines file costs only that line. A folder is read recursively: its files in sorted name
    order, then its subfolders the same way, skipping hidden files and folders, unknown suffixes and
    README/LICENSE files. A file named explicitly must have a known suffix.

    Args:
        inputs: paths, folders, ``-`` or URLs, read in the order given.
        published: the publication date for articles that state none (the CLI's ``--published``).
        timeout: seconds to wait for a URL's server at each step of a download.

    Yields:
        One :class:`Article` per article found, or an :class:`InputError` per input or record that failed.
    """
    for item in inputs:
        yield from _guarded(_read_input(str(item), published, timeout))


def _guarded(items: Iterator[Item]) -> Iterator[Item]:
    # a reader raises InputError when its whole input fails; report it and let the next input run
    try:
        yield from items
    except InputError as err:
        yield err


def _read_input(name: str, fallback: dt.date | None, timeout: float) -> Iterator[Item]:
    scheme = re.match(r"([a-z][a-z0-9+.-]*)://", name, re.IGNORECASE)
    if name == "-":
        yield from _read_stdin(fallback)
    elif not name.strip():
        # Path("") is the working folder: reading all of it by accident must not happen
        raise InputError(f"an empty input name; give {_input_kinds()}", repr(name))
    elif scheme and scheme[1].lower() in ("http", "https"):
        yield from _read_url(name, fallback, timeout)
    elif scheme:
        raise InputError(f"unsupported address scheme {scheme[1]!r}; give {_input_kinds()}", name)
    else:
        yield from _read_path(Path(name), fallback)


def _read_path(path: Path, fallback: dt.date | None) -> Iterator[Item]:
    if path.is_dir():
        errors: list[OSError] = []
        for file in _walk(path, errors):
            yield from _guarded(_read_file(file, fallback, stem=_relative_stem(file, path)))
        for err in errors:
            yield InputError(f"cannot read the folder ({err.strerror})", err.filename)
    elif path.exists():
        yield from _read_file(path, fallback)
    else:
        raise InputError(f"no such file or folder; give {_input_kinds()}", str(path))


def _walk(root: Path, errors: list[OSError]) -> Iterator[Path]:
    # os.walk does not follow links to folders, so a link loop cannot make the walk endless
    for folder, subfolders, files in os.walk(root, onerror=errors.append):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            path = Path(folder, name)
            if (
                not name.startswith(".")
                and path.suffix.lower() in readers
                and path.stem.upper() not in _NOT_ARTICLES
            ):
                yield path


def _relative_stem(file: Path, root: Path) -> str:
    """The article id of a file in a folder: its name without the suffix, with its subfolders if any.

    Files directly in the folder keep their plain stem (``texts/d051.txt`` is ``d051``); deeper files keep
    the path below the folder (``2024/may/d051``), so two ``d051.txt`` in different subfolders stay apart.
    """
    relative = file.relative_to(root)
    return relative.with_name(file.stem).as_posix()


def _read_file(path: Path, fallback: dt.date | None, stem: str | None = None) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix not in readers:
        raise InputError(
            f"unknown file type {path.suffix or '(no suffix)'!r}; accepted: {', '.join(readers)}", str(path)
        )
    reader = readers.get(suffix)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read the file ({err.strerror})", str(path)) from err
    yield from reader(data, Origin(source=str(path), stem=stem or path.stem, fallback=fallback))


def _read_stdin(fallback: dt.date | None) -> Iterator[Item]:
    stream = sys.stdin
    # read bytes where possible so the text keeps its line endings exactly as sent
    data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
    # named by content, so articles piped in by different runs into one store do not replace each other
    stem = f"stdin-{hashlib.sha256(data).hexdigest()[:12]}"
    yield from _sniff(data)(data, Origin(source="-", stem=stem, fallback=fallback))


def _sniff(data: bytes) -> Reader:
    """Guess the format of unnamed input: JSON (Lines), a feed, HTML, else text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return readers.get(".jsonl")
    if head.startswith(b"["):
        return readers.get(".json")
    if head.startswith(b"<"):
        return readers.get(".rss" if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head) else ".html")
    return readers.get(".txt")


def _read_url(url: str, fallback: dt.date | None, timeout: float) -> Iterator[Item]:
    data, final_url = fetch(url, timeout)
    path = PurePosixPath(urllib.parse.urlsplit(final_url).path)
    stem = slug(path.stem or urllib.parse.urlsplit(final_url).hostname or final_url)
    yield from _sniff(data)(data, Origin(source=url, stem=stem, fallback=fallback, url=final_url))
