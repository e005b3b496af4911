"""Write `adaption_api/params.py` from openapi.yaml: TypedDicts for request bodies and the schema tables.

openapi-python-client gives attrs models, which type a call made with models but not one made with plain dicts,
and whose `from_dict` checks no types. This step gives the other half, from the same document:

- one `TypedDict` per request schema (`BrandControlsDict`), so that `run(**params: Unpack[DatasetRunParamsDict])`
  is typed by the spec and a new optional field reaches `client.datasets.run(...)` without a hand-written edit;
- `SCHEMAS`, the JSON Schema subset that `adaption._validation` enforces before a request is sent and on every
  response, and `OPERATIONS`, each operation's method, path and schema names.

Usage: python codegen/typed_params.py openapi.yaml OUTPUT_PACKAGE_DIR
"""

from __future__ import annotations

import keyword
import re
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

# The JSON Schema keywords the runtime validator understands; any other keyword in a schema is an error here,
# so that the spec can never say more than the SDK enforces without somebody noticing.
KEPT_KEYWORDS = (
    "type",
    "enum",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "deprecated",
    "x-replacement",
)
IGNORED_KEYWORDS = ("description", "example", "examples", "title", "x-derived")
REF_PREFIX = "#/components/schemas/"


def load(path: Path) -> dict[str, Any]:
    return YAML(typ="safe").load(path.read_text())  # type: ignore[no-any-return]


def ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    if ref is None:
        return None
    if not ref.startswith(REF_PREFIX):
        raise SystemExit(f"unsupported $ref {ref!r}: only {REF_PREFIX}<Name> is supported")
    return str(ref[len(REF_PREFIX) :])


def table(schema: dict[str, Any], where: str) -> dict[str, Any]:
    """The schema reduced to the keywords the validator enforces, with `$ref` kept as a schema name."""
    if (name := ref_name(schema)) is not None:
        return {"$ref": name}
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in IGNORED_KEYWORDS:
            continue
        if key not in KEPT_KEYWORDS:
            raise SystemExit(f"{where}: keyword {key!r} is not enforced by adaption._validation; add it there first")
        if key == "deprecated" and value and not schema.get("x-replacement"):
            raise SystemExit(f"{where}: deprecated without x-replacement; say what replaces it, users are told")
        if key == "properties":
            out[key] = {prop: table(sub, f"{where}.{prop}") for prop, sub in value.items()}
        elif key == "items" or (key == "additionalProperties" and isinstance(value, dict)):
            out[key] = table(value, f"{where}.{key}")
        else:
            out[key] = value
    return out


def types_of(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def python_type(schema: dict[str, Any], request_models: set[str]) -> str:
    """The annotation a caller may pass for this schema: dicts or the generated model for objects."""
    if (name := ref_name(schema)) is not None:
        return f"{name}Dict | {name}" if name in request_models else name
    if "enum" in schema:
        return "Literal[" + ", ".join(repr(value) for value in schema["enum"]) + "]"
    parts = []
    for kind in types_of(schema):
        if kind == "array":
            item = python_type(schema.get("items", {}), request_models)
            # list or tuple, never a bare str: mypy then rejects `context="question"`.
            parts.append(f"list[{item}] | tuple[{item}, ...]")
        else:
            parts.append(
                {"string": "str", "boolean": "bool", "integer": "int", "number": "float", "null": "None"}.get(
                    kind, "Any"
                )
            )
    return " | ".join(parts) or "Any"


def reachable(schemas: dict[str, Any], root: str) -> list[str]:
    """Schema names reachable from root through $ref, in a stable order (root first)."""
    seen: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if (name := ref_name(node)) is not None:
                if name not in seen:
                    seen.append(name)
                    walk(schemas[name])
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    seen.append(root)
    walk(schemas[root])
    return seen


def docstring(text: str | None, indent: str) -> list[str]:
    if not text:
        return []
    text = " ".join(str(text).split()).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return [f'{indent}"""{text}"""']


def module_name(name: str) -> str:
    """The module openapi-python-client puts a model in (BrandControls -> brand_controls)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def render(spec: dict[str, Any]) -> str:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    operations: dict[str, Any] = {}
    request_roots: list[str] = []
    for path, item in sorted(spec["paths"].items()):
        for method, op in sorted(item.items()):
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            request = ref_name(body)
            if request is None:
                raise SystemExit(f"{method.upper()} {path}: the request body must be a $ref to a named schema")
            request_roots.append(request)
            responses = {}
            for status, declared in sorted(op["responses"].items()):
                response = declared
                if "$ref" in declared:
                    response = spec["components"]["responses"][declared["$ref"].rsplit("/", 1)[1]]
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if schema is not None:
                    responses[str(status)] = ref_name(schema)
            if op.get("deprecated") and not op.get("x-replacement"):
                raise SystemExit(f"{op['operationId']}: deprecated without x-replacement; say what replaces it")
            operations[op["operationId"]] = {
                "method": method.upper(),
                "path": path,
                "request": request,
                "responses": responses,
                "deprecated": bool(op.get("deprecated", False)),
                "x-replacement": op.get("x-replacement"),
            }

    request_models: list[str] = []
    for root in request_roots:
        request_models += [name for name in reachable(schemas, root) if name not in request_models]
    request_set = set(request_models)

    lines = [
        '"""Typed request parameters and schema tables, generated from openapi.yaml by codegen/typed_params.py.',
        "",
        "Do not edit: change openapi.yaml and run `nox -s generate`.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING, Any, Final, Literal, Required, TypedDict",
        "",
        "if TYPE_CHECKING:",
    ]
    lines += [f"    from .models.{module_name(name)} import {name}" for name in sorted(request_set)]
    lines += ["", "__all__ = ["]
    lines += [f'    "{name}Dict",' for name in sorted(request_set)]
    lines += ['    "OPERATIONS",', '    "SCHEMAS",', "]", ""]

    # Dependencies first, so that each TypedDict only names those above it.
    for name in reversed(request_models):
        schema = schemas[name]
        required = set(schema.get("required", []))
        lines += ["", f"class {name}Dict(TypedDict, total=False):"]
        lines += docstring(schema.get("description"), "    ") or [f'    """The plain-dict form of `{name}`."""']
        for prop, sub in schema.get("properties", {}).items():
            if not prop.isidentifier() or keyword.iskeyword(prop):
                raise SystemExit(f"{name}.{prop}: not a Python identifier; a TypedDict cannot carry it")
            annotation = python_type(sub, request_set)
            if prop in required:
                annotation = f"Required[{annotation}]"
            lines.append("")
            lines.append(f"    {prop}: {annotation}")
            target = schemas[ref] if (ref := ref_name(sub)) is not None else sub
            lines += docstring(target.get("description"), "    ")
        lines.append("")

    all_names = sorted(schemas)
    lines += ["", "# Every component schema, reduced to the keywords adaption._validation enforces."]
    lines.append("SCHEMAS: Final[dict[str, dict[str, Any]]] = {")
    lines += [f"    {name!r}: {table(schemas[name], name)!r}," for name in all_names]
    lines += ["}", "", "# Each operation: method, path template and the schema names of its body and responses."]
    lines.append("OPERATIONS: Final[dict[str, dict[str, Any]]] = {")
    lines += [f"    {op_id!r}: {operations[op_id]!r}," for op_id in sorted(operations)]
    lines += ["}", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    spec_path, package_dir = Path(argv[1]), Path(argv[2])
    (package_dir / "params.py").write_text(render(load(spec_path)))


if __name__ == "__main__":
    main(sys.argv)
