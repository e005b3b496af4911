"""Helpers for tests that regenerate adaption_api from a spec and use it: generate, type-check, run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def regenerate(spec: Path, into: Path) -> Path:
    """Generate adaption_api from spec under into/; returns the folder to put on the path."""
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "codegen" / "generate.py"),
            "--spec",
            str(spec),
            "--output",
            str(into / "adaption_api"),
        ],
        check=True,
        capture_output=True,
    )
    return into


def type_check(gen: Path, script: Path) -> subprocess.CompletedProcess[str]:
    """mypy --strict over script, with the regenerated adaption_api ahead of the installed one."""
    env = {**os.environ, "MYPYPATH": f"{gen}{os.pathsep}{ROOT / 'src'}"}
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(script.parent / ".mypy_cache"), str(script)],
        capture_output=True,
        text=True,
        env=env,
        cwd=script.parent,
    )


def run(gen: Path, script: Path) -> subprocess.CompletedProcess[str]:
    """Run script with the regenerated adaption_api ahead of the installed one."""
    env = {**os.environ, "PYTHONPATH": str(gen)}
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, cwd=script.parent)
