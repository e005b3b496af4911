"""The GitHub workflows pass real linters (actionlint, zizmor) and keep the publishing rules."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def load(name: str) -> dict[str, Any]:
    return YAML(typ="safe").load((WORKFLOWS / name).read_text())  # type: ignore[no-any-return]


def test_actionlint() -> None:
    result = subprocess.run([str(BIN / "actionlint"), "-no-color"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor() -> None:
    """zizmor's security audit, offline (no GitHub API), as its strictest persona: every finding fails."""
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--no-progress", "--persona", "auditor", str(WORKFLOWS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", ["ci.yml", "publish.yml"])
def test_every_action_is_pinned_by_commit(name: str) -> None:
    uses = [step["uses"] for job in load(name)["jobs"].values() for step in job["steps"] if "uses" in step]
    assert uses and all(PINNED.match(use) for use in uses), uses


def test_ci_runs_the_readme_command_on_every_supported_python() -> None:
    job = load("ci.yml")["jobs"]["test"]
    assert job["strategy"]["matrix"]["python-version"] == ["3.11", "3.12", "3.13", "3.14"]
    assert job["steps"][-1]["run"] == "bash .ci/run"


def test_publishing_rights_only_where_publishing_happens() -> None:
    """The build job cannot publish; TestPyPI then PyPI publish through OIDC, with attestations."""
    workflow = load("publish.yml")
    assert workflow[True if True in workflow else "on"]["push"]["tags"] == ["v*"]
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert "id-token" not in jobs["build"]["permissions"]
    assert jobs["testpypi"]["needs"] == "build" and jobs["pypi"]["needs"] == "testpypi"
    for name, environment in (("testpypi", "testpypi"), ("pypi", "pypi")):
        job = jobs[name]
        assert job["environment"]["name"] == environment
        assert job["permissions"] == {"id-token": "write"}
        publish = job["steps"][-1]
        assert publish["uses"].startswith("pypa/gh-action-pypi-publish@")
        assert publish["with"]["attestations"] is True
    assert jobs["testpypi"]["steps"][-1]["with"]["repository-url"] == "https://test.pypi.org/legacy/"


def test_tag_check(tmp_path: Path) -> None:
    version = re.search(r'__version__ = "(.+)"', (ROOT / "src" / "adaption" / "_version.py").read_text())
    assert version is not None
    good = subprocess.run([sys.executable, ".ci/check_tag.py", f"v{version.group(1)}"], cwd=ROOT, capture_output=True)
    bad = subprocess.run([sys.executable, ".ci/check_tag.py", "v999.0.0"], cwd=ROOT, capture_output=True, text=True)
    assert good.returncode == 0 and bad.returncode != 0 and "does not match" in bad.stderr
