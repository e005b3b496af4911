"""The codegen pipeline: the spec is valid, generation is deterministic, and --check catches every drift."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

ROOT = Path(__file__).resolve().parents[2]
GENERATE = [sys.executable, str(ROOT / "codegen" / "generate.py")]


def test_spec_is_valid_openapi_31() -> None:
    """openapi.yaml passes an independent validator (openapi-spec-validator)."""
    spec, _ = read_from_filename(str(ROOT / "openapi.yaml"))
    assert spec["openapi"].startswith("3.1")
    validate(spec)


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "adaption_api"
    subprocess.run([*GENERATE, "--output", str(out)], check=True, capture_output=True)
    return out


def test_committed_tree_is_current(regenerated: Path) -> None:
    """generated/ is exactly what the spec gives today (the check CI runs too)."""
    result = subprocess.run([*GENERATE, "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_generation_is_deterministic(regenerated: Path, tmp_path: Path) -> None:
    """Two runs give identical bytes."""
    again = tmp_path / "adaption_api"
    subprocess.run([*GENERATE, "--output", str(again)], check=True, capture_output=True)
    first = {p.relative_to(regenerated): p.read_bytes() for p in regenerated.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second
    assert Path("py.typed") in first and Path("params.py") in first


def _check(tree: Path, spec: Path | None = None) -> subprocess.CompletedProcess[str]:
    args = [*GENERATE, "--check", "--output", str(tree)]
    if spec is not None:
        args += ["--spec", str(spec)]
    return subprocess.run(args, capture_output=True, text=True)


@pytest.fixture
def committed_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "adaption_api"
    shutil.copytree(ROOT / "generated" / "adaption_api", copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_check_fails_on_a_hand_edit(committed_copy: Path) -> None:
    """Editing a generated file fails the check with a diff and says what to run."""
    target = committed_copy / "models" / "brand_controls.py"
    target.write_text(target.read_text().replace("UNSET", "None", 1))
    result = _check(committed_copy)
    assert result.returncode == 1
    assert "-from ..types import None, Unset" in result.stderr or "brand_controls.py" in result.stderr
    assert "run `nox -s generate`" in result.stderr


def test_check_fails_on_a_stray_file(committed_copy: Path) -> None:
    """A file the generator did not write fails the check."""
    (committed_copy / "api" / "helpers.py").write_text("x = 1\n")
    result = _check(committed_copy)
    assert result.returncode == 1
    assert "stray in adaption_api/ (not generated): api/helpers.py" in result.stderr


def test_check_fails_on_a_stale_tree(committed_copy: Path, tmp_path: Path) -> None:
    """Changing openapi.yaml without regenerating fails the check."""
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        (ROOT / "openapi.yaml").read_text().replace("Remove near-duplicate rows", "Remove near-duplicate rows (fuzzy)")
    )
    result = _check(committed_copy, spec)
    assert result.returncode == 1
    assert '+    """ Remove near-duplicate rows (fuzzy) """' in result.stderr
