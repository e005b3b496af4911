"""What a change to openapi.yaml does to the SDK's users, and the version bump it needs.

    python codegen/spec_diff.py OLD [NEW]           # OLD, NEW: a file, or a git ref (its openapi.yaml)
    python codegen/spec_diff.py --last-tag --check-version

It prints the change to the public Python surface (`client.datasets.run(...)`'s parameters, the fields of the
generated models, their types, enums and required-ness, the models `adaption_api` exports), then two verdicts
(is it breaking for code that calls the API, and for code that reads its responses?) and the semantic-version bump
it requires. With --check-version it fails when src/adaption/_version.py is lower than that bump from OLD's.

The rules: for requests, a caller breaks when something it may send is refused (a field or enum value removed, a
field made required or a new required field, a type narrowed, a bound tightened). For responses, a parser breaks
when something it reads may vanish or surprise it (a field removed or made optional, a type widened, an enum value
added). Everything else that shows in the surface is a minor change; a change in descriptions only is a patch.
For 0.x versions, as Cargo does: breaking changes bump the minor version, the others the patch version.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
REF = "#/components/schemas/"
BUMPS = ("none", "patch", "minor", "major")
# Bounds that, added or moved one way, refuse values that passed before.
STRICTER_WHEN_HIGHER = ("minimum", "exclusiveMinimum", "minLength", "minItems")
STRICTER_WHEN_LOWER = ("maximum", "exclusiveMaximum", "maxLength", "maxItems")
STRICTER_WHEN_ADDED_OR_CHANGED = ("pattern", "multipleOf")


@dataclass(frozen=True)
class Change:
    """One change to the public surface."""

    where: str  # as a user meets it: `datasets.run(brand_controls.blueprint)` or `DatasetRunResponse.run_id`
    what: str
    breaks_callers: bool = False
    breaks_parsers: bool = False

    @property
    def bump(self) -> str:
        return "major" if self.breaks_callers or self.breaks_parsers else "minor"


def load(source: str) -> dict[str, Any]:
    """A spec from a file, or from a git ref's openapi.yaml."""
    path = Path(source)
    if path.is_file():
        text = path.read_text()
    else:
        text = subprocess.run(
            ["git", "show", f"{source}:openapi.yaml"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
    return YAML(typ="safe").load(text)  # type: ignore[no-any-return]


def snake(name: str) -> str:
    """The attribute name openapi-python-client gives a wire name (estimatedMinutes -> estimated_minutes)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_").lower()


def camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\W]+", name) if part)


class Spec:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.schemas: dict[str, Any] = doc.get("components", {}).get("schemas", {})

    def resolve(self, schema: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF):
            name = ref[len(REF) :]
            return name, self.schemas.get(name, {})
        return None, schema

    def operations(self) -> dict[str, dict[str, Any]]:
        out = {}
        for path, item in self.doc.get("paths", {}).items():
            for method, op in item.items():
                if isinstance(op, dict) and "operationId" in op:
                    out[op["operationId"]] = {**op, "_path": path, "_method": method.upper()}
        return out

    def response_schema(self, op: dict[str, Any]) -> dict[str, Any] | None:
        for status, declared in sorted(op.get("responses", {}).items()):
            if str(status).startswith("2"):
                response = declared
                if "$ref" in declared:
                    response = self.doc["components"]["responses"][declared["$ref"].rsplit("/", 1)[1]]
                schema: dict[str, Any] | None = response.get("content", {}).get("application/json", {}).get("schema")
                return schema
        return None

    def models(self) -> set[str]:
        """The class and type names adaption_api.models exports: one per schema, one per inline enum."""
        names = set(self.schemas)
        for name, schema in self.schemas.items():
            for prop, sub in schema.get("properties", {}).items():
                if "enum" in sub:
                    names.add(name + camel(prop))
        return names


def kinds(schema: dict[str, Any]) -> set[str]:
    kind = schema.get("type")
    return {kind} if isinstance(kind, str) else set(kind or [])


class Differ:
    def __init__(self, old: Spec, new: Spec) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self.label = ""
        self.described = False  # descriptions or examples differ: a patch at least

    def add(self, where: str, what: str, *, callers: bool = False, parsers: bool = False) -> None:
        self.changes.append(Change(where, what, callers, parsers))

    def run(self) -> list[Change]:
        old_ops, new_ops = self.old.operations(), self.new.operations()
        for op_id in sorted(old_ops.keys() - new_ops.keys()):
            self.add(f"operation {op_id}", "removed", callers=True)
        for op_id in sorted(new_ops.keys() - old_ops.keys()):
            self.add(f"operation {op_id}", "added")
        for op_id in sorted(old_ops.keys() & new_ops.keys()):
            self.operation(op_id, old_ops[op_id], new_ops[op_id])
        for name in sorted(self.old.models() - self.new.models()):
            self.add(f"adaption_api.models.{name}", "removed", callers=True, parsers=True)
        for name in sorted(self.new.models() - self.old.models()):
            self.add(f"adaption_api.models.{name}", "added")
        if self.old.doc != self.new.doc:
            self.described = True
        return self.changes

    def operation(self, op_id: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        label = "datasets.run" if op_id == "run_dataset" else op_id
        if (old["_method"], old["_path"]) != (new["_method"], new["_path"]):
            self.add(
                f"operation {op_id}", f"moved from {old['_method']} {old['_path']} to {new['_method']} {new['_path']}"
            )
        if bool(old.get("deprecated")) != bool(new.get("deprecated")):
            state = "deprecated" if new.get("deprecated") else "no longer deprecated"
            replacement = f" (use {new['x-replacement']})" if new.get("x-replacement") else ""
            self.add(f"operation {op_id}", state + replacement)
        old_body = old.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
        new_body = new.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
        self.label = label
        self.request("", old_body, new_body)
        old_response, new_response = self.old.response_schema(old), self.new.response_schema(new)
        if old_response is not None and new_response is not None:
            name, _ = self.new.resolve(new_response)
            self.response(name or f"{op_id} response", old_response, new_response)

    # --- requests: what a caller may send -----------------------------------------------------------------
    def request(self, path: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Compare the request schemas at path (dotted, as a caller writes it: brand_controls.length)."""
        _, old = self.old.resolve(old)
        _, new = self.new.resolve(new)
        where = f"{self.label}({path or '...'})"
        self.types_and_values(where, old, new, request=True)
        old_props, new_props = old.get("properties", {}), new.get("properties", {})
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))

        def at(prop: str) -> str:
            return f"{self.label}({path + '.' if path else ''}{prop})"

        for prop in sorted(old_props.keys() - new_props.keys()):
            self.add(at(prop), "parameter removed", callers=True)
        for prop in sorted(new_props.keys() - old_props.keys()):
            required = prop in new_required
            kind = "required" if required else "optional"
            self.add(at(prop), f"{kind} parameter added: {self.type_text(new_props[prop], self.new)}", callers=required)
        for prop in sorted(old_props.keys() & new_props.keys()):
            if prop in new_required and prop not in old_required:
                self.add(at(prop), "now required", callers=True)
            elif prop in old_required and prop not in new_required:
                self.add(at(prop), "now optional")
            self.deprecation(at(prop), old_props[prop], new_props[prop])
            self.request(f"{path + '.' if path else ''}{prop}", old_props[prop], new_props[prop])
        if "items" in old and "items" in new:
            self.request(f"{path}[]", old["items"], new["items"])

    # --- responses: what a parser reads ---------------------------------------------------------------------
    def response(self, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        _, old = self.old.resolve(old)
        _, new = self.new.resolve(new)
        self.types_and_values(where, old, new, request=False)
        old_props, new_props = old.get("properties", {}), new.get("properties", {})
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
        for prop in sorted(old_props.keys() - new_props.keys()):
            self.add(f"{where}.{snake(prop)}", f"field removed (wire {prop!r})", parsers=True)
        for prop in sorted(new_props.keys() - old_props.keys()):
            self.add(f"{where}.{snake(prop)}", f"field added: {self.type_text(new_props[prop], self.new)}")
        for prop in sorted(old_props.keys() & new_props.keys()):
            if prop in old_required and prop not in new_required:
                self.add(f"{where}.{snake(prop)}", "no longer always present", parsers=True)
            elif prop in new_required and prop not in old_required:
                self.add(f"{where}.{snake(prop)}", "now always present")
            self.response(f"{where}.{snake(prop)}", old_props[prop], new_props[prop])

    # --- shared: types, enums, bounds -------------------------------------------------------------------------
    def types_and_values(self, where: str, old: dict[str, Any], new: dict[str, Any], *, request: bool) -> None:
        old_kinds, new_kinds = kinds(old), kinds(new)
        if old_kinds and new_kinds and old_kinds != new_kinds:
            widened = new_kinds > old_kinds
            text = f"type {'|'.join(sorted(old_kinds))} -> {'|'.join(sorted(new_kinds))}"
            # Wider types are fine to send and a surprise to read; narrower ones the other way round.
            self.add(where, text, callers=request and not widened, parsers=not request and not new_kinds <= old_kinds)
        old_enum, new_enum = old.get("enum"), new.get("enum")
        if old_enum is not None or new_enum is not None:
            removed = [v for v in (old_enum or []) if new_enum is not None and v not in new_enum]
            added = [v for v in (new_enum or []) if old_enum is None or v not in old_enum]
            if removed:
                self.add(where, f"enum values removed: {', '.join(map(repr, removed))}", callers=request)
            if added and old_enum is not None:
                self.add(where, f"enum values added: {', '.join(map(repr, added))}", parsers=not request)
        if request:
            self.bounds(where, old, new)

    def bounds(self, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        for key in STRICTER_WHEN_HIGHER + STRICTER_WHEN_LOWER + STRICTER_WHEN_ADDED_OR_CHANGED:
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            if after is None:
                stricter = False
            elif before is None:
                stricter = True
            elif key in STRICTER_WHEN_HIGHER:
                stricter = after > before
            elif key in STRICTER_WHEN_LOWER:
                stricter = after < before
            else:
                stricter = True
            self.add(where, f"{key} {before!r} -> {after!r}", callers=stricter)

    def deprecation(self, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        if bool(old.get("deprecated")) != bool(new.get("deprecated")):
            replacement = f" (use {new['x-replacement']})" if new.get("x-replacement") else ""
            self.add(where, ("deprecated" if new.get("deprecated") else "no longer deprecated") + replacement)

    def type_text(self, schema: dict[str, Any], spec: Spec) -> str:
        name, resolved = spec.resolve(schema)
        if name is not None:
            return name
        if "enum" in resolved:
            return "Literal[" + ", ".join(map(repr, resolved["enum"])) + "]"
        if resolved.get("type") == "array":
            return f"list[{self.type_text(resolved.get('items', {}), spec)}]"
        names = {"string": "str", "boolean": "bool", "integer": "int", "number": "float", "null": "None"}
        return " | ".join(names.get(k, k) for k in sorted(kinds(resolved))) or "Any"


def required_bump(changes: list[Change], described: bool) -> str:
    if any(change.bump == "major" for change in changes):
        return "major"
    if changes:
        return "minor"
    return "patch" if described else "none"


def next_version(version: str, bump: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in re.findall(r"\d+", version)[:3])
    if bump == "none":
        return major, minor, patch
    if major == 0:  # 0.x: breaking bumps the minor, the rest the patch
        return (0, minor + 1, 0) if bump == "major" else (0, minor, patch + 1)
    return {"major": (major + 1, 0, 0), "minor": (major, minor + 1, 0), "patch": (major, minor, patch + 1)}[bump]


def version_at(source: str | None) -> str:
    pattern = r'__version__ = "([^"]+)"'
    if source is None:
        text = (ROOT / "src" / "adaption" / "_version.py").read_text()
    else:
        text = subprocess.run(
            ["git", "show", f"{source}:src/adaption/_version.py"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
    match = re.search(pattern, text)
    if match is None:
        raise SystemExit("no __version__ found")
    return match.group(1)


def last_tag() -> str | None:
    result = subprocess.run(
        ["git", "describe", "--tags", "--abbrev=0", "--match", "v[0-9]*"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,  # no tag yet is an answer, not an error
    )
    return result.stdout.strip() or None


def report(old_source: str, new_source: str | None) -> tuple[list[Change], str, str]:
    """(changes, verdict text, bump) for OLD -> NEW (NEW: the working tree's openapi.yaml)."""
    old = Spec(load(old_source))
    new = Spec(load(new_source or str(ROOT / "openapi.yaml")))
    differ = Differ(old, new)
    changes = differ.run()
    bump = required_bump(changes, differ.described)
    lines = [f"Spec change: {old_source} -> {new_source or 'openapi.yaml'}", ""]
    if changes:
        lines.append("Public Python surface:")
        for change in changes:
            marks = []
            if change.breaks_callers:
                marks.append("breaks callers")
            if change.breaks_parsers:
                marks.append("breaks response parsers")
            lines.append(f"  {change.where}: {change.what}" + (f"  [{', '.join(marks)}]" if marks else ""))
    else:
        lines.append("Public Python surface: unchanged" + (" (descriptions only)" if differ.described else ""))
    callers = [c for c in changes if c.breaks_callers]
    parsers = [c for c in changes if c.breaks_parsers]
    lines += [
        "",
        f"Existing callers: {'BREAKING (' + str(len(callers)) + ')' if callers else 'compatible'}",
        f"Existing response parsers: {'BREAKING (' + str(len(parsers)) + ')' if parsers else 'compatible'}",
        f"Required bump: {bump}",
    ]
    return changes, "\n".join(lines), bump


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", nargs="?", help="a spec file or a git ref (default with --last-tag: the last v* tag)")
    parser.add_argument("new", nargs="?", help="a spec file or a git ref (default: the working tree's openapi.yaml)")
    parser.add_argument("--last-tag", action="store_true", help="compare with the last release tag (v*)")
    parser.add_argument("--check-version", action="store_true", help="fail if _version.py is below the bump")
    args = parser.parse_args(argv)

    old = args.old
    if old is None:
        if not args.last_tag:
            parser.error("name OLD, or pass --last-tag")
        old = last_tag()
        if old is None:
            print("No release tag (v*) yet: nothing to compare openapi.yaml with.")
            return 0
    _, text, bump = report(old, args.new)
    print(text)
    if args.check_version:
        if Path(old).is_file():
            parser.error("--check-version needs OLD to be a git ref, to read the version it released")
        released, current = version_at(old), version_at(None)
        needed = next_version(released, bump)
        have = tuple(int(part) for part in re.findall(r"\d+", current)[:3])
        print(f"Version: released {released}, now {current}, needed at least {'.'.join(map(str, needed))}")
        if have < needed:
            print(f"src/adaption/_version.py must be at least {'.'.join(map(str, needed))} for a {bump} change.")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
