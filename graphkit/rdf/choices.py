"""The choices query options offer, in a module without imports so the command line can load it cheaply."""

from __future__ import annotations

from enum import Enum

__all__ = ["Period", "Undated"]


class Undated(str, Enum):
    """What a date-range query does with contacts that have no date of their own."""

    EXCLUDE = "exclude"  # left out: every result is known to fall in the range
    INCLUDE = "include"  # kept, whatever the range: they may or may not fall in it
    PUBLICATION_DATE = "publication-date"  # dated by the earliest article that reports them


class Period(str, Enum):
    """The periods of a series."""

    MONTH = "month"
    YEAR = "year"
