"""One exception hierarchy for graphkit; every message names the bad value and where it came from."""

from __future__ import annotations


class GraphkitError(Exception):
    """Base class of every error graphkit raises on purpose."""


class InputError(GraphkitError):
    """An input (file, record, URL) could not be read or parsed.

    Args:
        message: what is wrong and what would be accepted.
        source: the file, URL or ``-`` the input came from.
        line: 1-based line number inside ``source`` where known.
    """

    def __init__(self, message: str, source: str | None = None, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.reason = message
        where = source or ""
        if source and line is not None:
            where = f"{source}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


class ModelLoadError(GraphkitError):
    """The spaCy pipeline named by the user is not installed or cannot be loaded."""


class UnknownNameError(GraphkitError, KeyError):
    """A registry lookup used a name that is not registered."""

    def __init__(self, kind: str, name: str, known: list[str]) -> None:
        self.kind = kind
        self.name = name
        self.known = known
        super().__init__(f"unknown {kind} {name!r}; known: {', '.join(sorted(known)) or '(none)'}")

    def __str__(self) -> str:  # KeyError would otherwise repr() the message
        return str(self.args[0])
