"""Check values against the spec's schemas (`adaption_api.params.SCHEMAS`) and turn them into plain JSON data.

The rules (types, enums, required and unknown keys, bounds) come from openapi.yaml through the generated table, so
a field added to the spec is validated without a change here. One pass both checks and converts: generated attrs
models become dicts, tuples become lists, and the result is what goes on the wire.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

JSON_TYPE_NAMES = {
    "string": "a string",
    "boolean": "a boolean",
    "integer": "an integer",
    "number": "a number",
    "array": "an array (list or tuple)",
    "object": "an object (dict)",
    "null": "null (None)",
}


# The spec's "not blank" pattern, written so that ECMA-262 (JSON Schema) and Python regexes read it alike.
NON_BLANK = "[^ \\t\\n\\r\\f\\v]"


@functools.cache
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


class SchemaViolation(Exception):
    """A value breaks a schema. `path` is the dotted field path; `allowed` lists the allowed values or keys."""

    def __init__(self, path: str, message: str, allowed: tuple[object, ...] | None = None) -> None:
        self.path = path
        self.message = message
        self.allowed = allowed
        super().__init__(f"{path}: {message}" if path else message)


def _join(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# JSON Schema types as Python type tests. A bool is an int to Python but not to JSON Schema: True is no row count.
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "array": (list, tuple),
    "object": (Mapping,),
    "null": (type(None),),
}


def _type_test(kinds: list[str]) -> Callable[[object], bool] | None:
    """A test for the schema's `type`, built once; None when any type is allowed."""
    if not kinds or any(kind not in _PYTHON_TYPES for kind in kinds):
        return None
    types = tuple(t for kind in kinds for t in _PYTHON_TYPES[kind])
    bool_ok = "boolean" in kinds
    object_ok = "object" in kinds

    def test(value: object) -> bool:
        if isinstance(value, bool):
            return bool_ok
        return isinstance(value, types) or (object_ok and hasattr(value, "to_dict"))

    return test


def _describe(schema: Mapping[str, Any]) -> str:
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else list(kinds or [])
    if "array" in kinds and "items" in schema:
        item_kind = schema["items"].get("type")
        if isinstance(item_kind, str):
            return f"an array of {item_kind}s (list or tuple)"
    whole = schema.get("multipleOf") == 1
    if whole and "number" in kinds:
        kinds = ["integer"]
    text = " or ".join(JSON_TYPE_NAMES.get(kind, kind) for kind in kinds) or "a value"
    if whole:
        text = text.replace("an integer", "a whole number")
    bounds = []
    if "minimum" in schema:
        bounds.append(f">= {schema['minimum']:g}")
    if "exclusiveMinimum" in schema:
        bounds.append(f"> {schema['exclusiveMinimum']:g}")
    if "maximum" in schema:
        bounds.append(f"<= {schema['maximum']:g}")
    if bounds:
        text += " " + " and ".join(bounds)
    return text


class _Violation(Exception):
    """Raised inside compiled checks; each enclosing object or array adds its key on the way out."""

    def __init__(self, message: str, allowed: tuple[object, ...] | None = None, key: str | None = None) -> None:
        self.message = message
        self.allowed = allowed
        self.parts: list[str] = [] if key is None else [key]

    def path(self, root: str) -> str:
        path = root
        for part in reversed(self.parts):
            path = path + part if part.startswith("[") else (f"{path}.{part}" if path else part)
        return path


Check = Callable[[Any], Any]


class Validator:
    """Validates and converts values against the named schemas of one spec.

    Each schema is compiled once into nested closures (type tests, enum tuples, property tables), so that a call
    pays for a walk over its own values, not for reading the schema again.
    """

    def __init__(self, schemas: Mapping[str, Mapping[str, Any]], *, warn_deprecated: bool = False) -> None:
        self.schemas = schemas
        self.warn_deprecated = warn_deprecated  # for what callers send, not for what responses carry
        self._compiled: dict[str, Check] = {}

    def convert(self, value: object, schema: Mapping[str, Any], path: str) -> Any:
        """The plain JSON form of value, or SchemaViolation naming the first field that breaks schema."""
        check = self._ref(schema["$ref"]) if "$ref" in schema else self._compile(schema)
        try:
            return check(value)
        except _Violation as exc:
            raise SchemaViolation(exc.path(path), exc.message, exc.allowed) from None

    def _ref(self, name: str) -> Check:
        check = self._compiled.get(name)
        if check is None:
            cell: list[Check] = []
            # A trampoline while compiling, so that a schema may refer to itself.
            self._compiled[name] = lambda value: cell[0](value)  # noqa: PLW0108 - cell[0] comes later
            cell.append(self._compile(self.schemas[name], name))
            check = self._compiled[name] = cell[0]
        return check

    def _compile(self, schema: Mapping[str, Any], name: str | None = None) -> Check:
        if "$ref" in schema:
            return self._ref(schema["$ref"])
        kinds = schema.get("type")
        kinds = [kinds] if isinstance(kinds, str) else list(kinds or [])
        type_ok = _type_test(kinds)
        expected = f"expected {_describe(schema)}"
        enum = tuple(schema["enum"]) if "enum" in schema else None
        enum_message = f"is not one of {', '.join(map(repr, enum))}" if enum is not None else ""
        string = self._string_check(schema)
        number = self._number_check(schema, expected)
        items = self._compile(schema["items"]) if "items" in schema else None
        obj = self._object_check(schema, name)

        def check(value: Any) -> Any:  # noqa: PLR0911 - one return per JSON type
            if type_ok is not None and not type_ok(value):
                raise _Violation(f"{expected}, got {type(value).__name__} {_show(value)}")
            if enum is not None and value not in enum:
                raise _Violation(f"{_show(value)} {enum_message}", allowed=enum)
            if isinstance(value, str):
                return string(value) if string is not None else value
            if isinstance(value, bool) or value is None:
                return value
            if isinstance(value, int | float):
                return number(value)
            if isinstance(value, list | tuple):
                if items is None:
                    return list(value)
                out = []
                for index, item in enumerate(value):
                    try:
                        out.append(items(item))
                    except _Violation as exc:
                        exc.parts.append(f"[{index}]")
                        raise
                return out
            if isinstance(value, Mapping) or hasattr(value, "to_dict"):
                return obj(value)
            return value

        return check

    @staticmethod
    def _string_check(schema: Mapping[str, Any]) -> Check | None:
        min_length = schema.get("minLength", 0)
        max_length = schema.get("maxLength")
        pattern = schema.get("pattern")
        if not min_length and max_length is None and pattern is None:
            return None
        regex = _pattern(pattern) if pattern is not None else None

        def check(value: str) -> str:
            if len(value) < min_length:
                raise _Violation(f"must be at least {min_length} characters, got {_show(value)}")
            if max_length is not None and len(value) > max_length:
                raise _Violation(f"must be at most {max_length} characters, got {len(value)}")
            if regex is not None and regex.search(value) is None:
                if pattern == NON_BLANK:
                    raise _Violation(f"must not be empty or only whitespace, got {_show(value)}")
                raise _Violation(f"must match the pattern {pattern!r}, got {_show(value)}")
            return value

        return check

    @staticmethod
    def _number_check(schema: Mapping[str, Any], expected: str) -> Check:
        minimum = schema.get("minimum")
        exclusive_minimum = schema.get("exclusiveMinimum")
        maximum = schema.get("maximum")
        multiple_of = schema.get("multipleOf")

        def check(value: float) -> float:
            broken = (
                not math.isfinite(value)  # NaN and infinities are not JSON
                or (minimum is not None and value < minimum)
                or (exclusive_minimum is not None and value <= exclusive_minimum)
                or (maximum is not None and value > maximum)
                or (multiple_of is not None and not float(value / multiple_of).is_integer())
            )
            if broken:
                raise _Violation(f"{expected}, got {_show(value)}")
            return value

        return check

    def _object_check(self, schema: Mapping[str, Any], name: str | None) -> Check:
        properties = {key: self._compile(sub) for key, sub in schema.get("properties", {}).items()}
        allowed = tuple(properties)
        required = tuple(schema.get("required", ()))
        closed = schema.get("additionalProperties", True) is False
        deprecated = {
            key: f"{f'{name}.' if name else ''}{key} is deprecated by the API: use {sub.get('x-replacement')} instead."
            for key, sub in schema.get("properties", {}).items()
            if self.warn_deprecated and sub.get("deprecated")
        }

        def check(value: Any) -> dict[str, Any]:
            if not isinstance(value, Mapping):
                value = value.to_dict()  # a generated attrs model; its to_dict already nests
            out: dict[str, Any] = {}
            for key, item in value.items():
                sub = properties.get(key)
                if sub is None:
                    if not isinstance(key, str):
                        raise _Violation(f"keys must be strings, got {type(key).__name__} {_show(key)}")
                    if closed:
                        raise _unknown(key, allowed)
                    out[key] = item
                    continue
                if deprecated and key in deprecated:
                    from ._deprecation import warn_once

                    warn_once(f"parameter:{name}.{key}", deprecated[key])
                try:
                    out[key] = sub(item)
                except _Violation as exc:
                    exc.parts.append(key)
                    raise
            for key in required:
                if key not in value:
                    raise _Violation("is required", key=key)
            return out

        return check


def _unknown(key: str, allowed: tuple[str, ...]) -> _Violation:
    import difflib  # only on this error path

    hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    message = "unknown parameter"
    if hint:
        message += f"; did you mean {hint[0]!r}?"
    message += f" (allowed: {', '.join(allowed)})"
    return _Violation(message, allowed=allowed, key=key)
