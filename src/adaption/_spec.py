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
    """The validator for responses: each schema is compiled once per process, on its first use."""
    from adaption_api.params import SCHEMAS

    return Validator(SCHEMAS)


@cache
def request_validator() -> Validator:
    """The validator for what callers send: the same rules, plus a warning for each deprecated parameter."""
    from adaption_api.params import SCHEMAS

    return Validator(SCHEMAS, warn_deprecated=True)


def warn_if_deprecated(name: str, label: str) -> None:
    """Warn once per process when the spec deprecates this operation, naming its replacement."""
    spec = operation(name)
    if spec["deprecated"]:
        from ._deprecation import warn_once

        warn_once(
            f"operation:{name}",
            f"{label} ({spec['method']} {spec['path']}) is deprecated by the API: use {spec['x-replacement']} instead.",
        )
