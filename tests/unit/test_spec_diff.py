"""The spec-evolution report on the live API's history, on synthetic changes, and its version check."""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
HISTORY = ROOT / "tests" / "fixtures" / "spec_history"
sys.path.insert(0, str(ROOT / "codegen"))

import spec_diff  # noqa: E402


def step(name: str) -> str:
    return str(next(HISTORY.glob(f"{name}-*.yaml")))


def test_adding_training_type_and_blueprint_is_minor() -> None:
    """Step 1 -> 2: two optional parameters and a Literal type added; compatible for everyone: minor."""
    changes, text, bump = spec_diff.report(step("1"), step("2"))
    assert bump == "minor"
    assert "datasets.run(training_type): optional parameter added: Literal['sft', 'dpo']" in text
    assert "datasets.run(brand_controls.blueprint): optional parameter added: str" in text
    assert "Existing callers: compatible" in text and "Existing response parsers: compatible" in text
    assert not any(change.breaks_callers or change.breaks_parsers for change in changes)


def test_dropping_two_recipes_is_major() -> None:
    """Step 2 -> 3: callers that set the dropped recipes break: major."""
    changes, text, bump = spec_diff.report(step("2"), step("3"))
    assert bump == "major"
    assert {change.where for change in changes if change.breaks_callers} == {
        "datasets.run(recipe_specification.recipes.preference_pairs)",
        "datasets.run(recipe_specification.recipes.prompt_metadata_injection)",
    }
    assert "Existing callers: BREAKING (2)" in text and "Existing response parsers: compatible" in text


def test_deprecating_run_is_minor_and_names_the_replacement() -> None:
    _, text, bump = spec_diff.report(step("3"), step("4"))
    assert bump == "minor"
    assert "operation run_dataset: deprecated (use POST /api/v1/datasets/{dataset_id}/adapt)" in text
    assert "datasets.run(recipe_specification.version): deprecated (use training_type)" in text


def test_unchanged_and_descriptions_only() -> None:
    assert spec_diff.report(step("1"), step("1"))[2] == "none"
    spec = _spec()
    edited = copy.deepcopy(spec)
    edited["components"]["schemas"]["BrandControls"]["description"] = "Reworded."
    assert _bump(spec, edited) == "patch"


def _spec() -> dict[str, Any]:
    return YAML(typ="safe").load((ROOT / "openapi.yaml").read_text())  # type: ignore[no-any-return]


def _bump(old: dict[str, Any], new: dict[str, Any]) -> str:
    differ = spec_diff.Differ(spec_diff.Spec(old), spec_diff.Spec(new))
    return spec_diff.required_bump(differ.run(), differ.described)


def _edit(path: str, value: Any) -> dict[str, Any]:
    spec = _spec()
    *parents, last = path.split("/")
    node = spec["components"]["schemas"]
    for key in parents:
        node = node[key]
    if value is None:
        del node[last]
    else:
        node[last] = value
    return spec


@pytest.mark.parametrize(
    ("path", "value", "bump", "callers", "parsers"),
    [
        # requests
        ("BrandControls/properties/length/enum", ["minimal", "concise", "detailed"], "major", True, False),
        (
            "BrandControls/properties/length/enum",
            ["minimal", "concise", "detailed", "extensive", "epic"],
            "minor",
            False,
            False,
        ),
        ("ColumnMapping/required", ["prompt", "completion"], "major", True, False),
        ("ColumnMapping/required", [], "minor", False, False),
        ("JobSpecification/properties/max_rows/minimum", 10, "major", True, False),
        ("JobSpecification/properties/max_rows/minimum", None, "minor", False, False),
        ("JobSpecification/properties/max_rows/type", "integer", "major", True, False),
        ("BrandControls/properties/hallucination_mitigation/type", ["boolean", "null"], "minor", False, False),
        # responses
        ("DatasetRunResponse/properties/estimatedMinutes", None, "major", False, True),
        ("DatasetRunResponse/required", ["estimate", "estimatedCreditsConsumed", "run_id"], "major", False, True),
        ("DatasetRunResponse/properties/queuePosition", {"type": "integer"}, "minor", False, False),
        ("DatasetRunResponse/properties/estimatedMinutes/type", ["number", "null"], "major", False, True),
        ("DatasetRunResponse/properties/run_id/type", "string", "minor", False, False),
    ],
)
def test_rules(path: str, value: Any, bump: str, callers: bool, parsers: bool) -> None:
    """Each kind of change gets the verdict the module's rules give it."""
    old = _spec()
    differ = spec_diff.Differ(spec_diff.Spec(old), spec_diff.Spec(_edit(path, value)))
    changes = differ.run()
    assert spec_diff.required_bump(changes, differ.described) == bump
    assert any(c.breaks_callers for c in changes) is callers
    assert any(c.breaks_parsers for c in changes) is parsers


def test_response_field_names_are_the_python_attributes() -> None:
    changes, _, _ = spec_diff.report(
        str(ROOT / "openapi.yaml"), _write(_edit("DatasetRunResponse/properties/estimatedMinutes", None))
    )
    assert [c.where for c in changes] == ["DatasetRunResponse.estimated_minutes"]


def _write(spec: dict[str, Any]) -> str:
    import tempfile

    handle = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False)
    YAML(typ="safe").dump(spec, handle)
    handle.close()
    return handle.name


@pytest.mark.parametrize(
    ("version", "bump", "needed"),
    [
        ("0.1.0", "major", (0, 2, 0)),
        ("0.1.0", "minor", (0, 1, 1)),
        ("0.1.3", "patch", (0, 1, 4)),
        ("1.2.3", "major", (2, 0, 0)),
        ("1.2.3", "minor", (1, 3, 0)),
        ("1.2.3", "patch", (1, 2, 4)),
        ("1.2.3", "none", (1, 2, 3)),
    ],
)
def test_next_version(version: str, bump: str, needed: tuple[int, int, int]) -> None:
    assert spec_diff.next_version(version, bump) == needed


def test_check_version_against_the_last_tag(tmp_path: Path) -> None:
    """In a repository whose last tag is v0.1.0: a breaking spec change fails until the version says 0.2.0."""
    (tmp_path / "codegen").mkdir()
    shutil.copy(ROOT / "codegen" / "spec_diff.py", tmp_path / "codegen")
    (tmp_path / "src" / "adaption").mkdir(parents=True)
    version = tmp_path / "src" / "adaption" / "_version.py"

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "codegen/spec_diff.py", "--last-tag", "--check-version"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )

    git("init", "-q")
    git("config", "user.email", "t@example.invalid")
    git("config", "user.name", "t")
    assert "No release tag" in check().stdout
    shutil.copy(step("2"), tmp_path / "openapi.yaml")
    version.write_text('__version__ = "0.1.0"\n')
    git("add", "-A")
    git("commit", "-qm", "release")
    git("tag", "v0.1.0")
    shutil.copy(step("3"), tmp_path / "openapi.yaml")
    result = check()
    assert result.returncode == 1
    assert "Required bump: major" in result.stdout and "must be at least 0.2.0" in result.stdout
    version.write_text('__version__ = "0.2.0"\n')
    assert check().returncode == 0
