"""Check values against the spec's schemas (`adaption_api.params.SCHEMAS`) and turn them into plain JSON data.

The rules (types, enums, required and unknown keys, bounds) come from openapi.yaml through the generated table, so
a field added to the spec is validated without a change here. One pass both checks and converts: generated attrs
models become dicts, tuples become lists, and the result is what goes on the wire.
"""

from __future__ import annotations

import difflib
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


# JSON Schema types as Python checks. A bool is an int to Python but not to JSON Schema: True is not a row count.
_TYPE_CHECKS: dict[str, Callable[[object], bool]] = {
    "string": lambda value: isinstance(value, str),
    "boolean": lambda value: isinstance(value, bool),
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, int | float) and not isinstance(value, bool),
    "array": lambda value: isinstance(value, list | tuple),
    "object": lambda value: isinstance(value, Mapping) or hasattr(value, "to_dict"),
    "null": lambda value: value is None,
}


def _is_type(value: object, kind: str) -> bool:
    check = _TYPE_CHECKS.get(kind)
    return check is None or check(value)


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


class Validator:
    """Validates and converts values against the named schemas of one spec."""

    def __init__(self, schemas: Mapping[str, Mapping[str, Any]]) -> None:
        self.schemas = schemas

    def convert(self, value: object, schema: Mapping[str, Any], path: str) -> Any:
        """The plain JSON form of value, or SchemaViolation naming the first field that breaks schema."""
        if "$ref" in schema:
            schema = self.schemas[schema["$ref"]]
        kinds = schema.get("type")
        if kinds is not None:
            kinds = [kinds] if isinstance(kinds, str) else kinds
            if not any(_is_type(value, kind) for kind in kinds):
                raise SchemaViolation(path, f"expected {_describe(schema)}, got {type(value).__name__} {_show(value)}")
        if "enum" in schema and value not in schema["enum"]:
            allowed = tuple(schema["enum"])
            raise SchemaViolation(
                path, f"{_show(value)} is not one of {', '.join(map(repr, allowed))}", allowed=allowed
            )
        if isinstance(value, str):
            return self._string(value, schema, path)
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, int | float):
            return self._number(value, schema, path)
        if isinstance(value, list | tuple):
            items = schema.get("items", {})
            return [self.convert(item, items, f"{path}[{index}]") for index, item in enumerate(value)]
        if hasattr(value, "to_dict") and not isinstance(value, Mapping):
            value = value.to_dict()  # a generated attrs model; its to_dict already nests
        if isinstance(value, Mapping):
            return self._object(value, schema, path)
        return value

    def _string(self, value: str, schema: Mapping[str, Any], path: str) -> str:
        if len(value) < schema.get("minLength", 0):
            raise SchemaViolation(path, f"must be at least {schema['minLength']} characters, got {_show(value)}")
        if "pattern" in schema and _pattern(schema["pattern"]).search(value) is None:
            if schema["pattern"] == NON_BLANK:
                raise SchemaViolation(path, f"must not be empty or only whitespace, got {_show(value)}")
            raise SchemaViolation(path, f"must match the pattern {schema['pattern']!r}, got {_show(value)}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            raise SchemaViolation(path, f"must be at most {schema['maxLength']} characters, got {len(value)}")
        return value

    def _number(self, value: float, schema: Mapping[str, Any], path: str) -> float:
        broken = (
            not math.isfinite(value)
            or ("minimum" in schema and value < schema["minimum"])
            or ("exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"])
            or ("maximum" in schema and value > schema["maximum"])
            or ("multipleOf" in schema and not float(value / schema["multipleOf"]).is_integer())
        )
        if broken:
            raise SchemaViolation(path, f"expected {_describe(schema)}, got {_show(value)}")
        return value

    def _object(self, value: Mapping[Any, Any], schema: Mapping[str, Any], path: str) -> dict[str, Any]:
        properties: Mapping[str, Any] = schema.get("properties", {})
        closed = schema.get("additionalProperties", True) is False
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise SchemaViolation(path, f"keys must be strings, got {type(key).__name__} {_show(key)}")
            sub = properties.get(key)
            if sub is None:
                if closed:
                    raise self._unknown(key, properties, path)
                out[key] = item
                continue
            out[key] = self.convert(item, sub, _join(path, key))
        for key in schema.get("required", ()):
            if key not in value:
                raise SchemaViolation(_join(path, key), "is required")
        return out

    @staticmethod
    def _unknown(key: str, properties: Mapping[str, Any], path: str) -> SchemaViolation:
        allowed = tuple(properties)
        hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        message = "unknown parameter"
        if hint:
            message += f"; did you mean {hint[0]!r}?"
        message += f" (allowed: {', '.join(allowed)})"
        return SchemaViolation(_join(path, key), message, allowed=allowed)
