"""The spec's tables and the validator compiled from them, loaded on first use and then kept for the process."""

from __future__ import annotations

from functools import cache
from typing import Any

from ._validation import Validator


@cache
def operation(name: str) -> dict[str, Any]:
    """An operation's method, path template and schema names (from adaption_api.params.OPERATIONS)."""
    from adaption_api.params import OPERATIONS

    return OPERATIONS[name]


@cache
def validator() -> Validator:
    """One validator for the whole process: each schema is compiled once, on its first use."""
    from adaption_api.params import SCHEMAS

    return Validator(SCHEMAS)
