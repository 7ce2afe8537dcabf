"""The one base of graphkit's pydantic models: frozen, and an unknown field is an error, not ignored."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["FrozenModel"]


class FrozenModel(BaseModel):
    """A pydantic model that cannot be changed after validation and accepts no field it does not declare.

    Stages return new models instead of changing the ones they were given, and a misspelt field name in a
    record fails loudly.

    >>> class Point(FrozenModel):
    ...     x: int
    >>> try:
    ...     Point(x=1, y=2)
    ... except ValueError as err:
    ...     print(err.errors()[0]["type"])
    extra_forbidden
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
