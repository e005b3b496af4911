"""Developer tasks. `nox` runs the default sessions: the generated-code check, lint, tests and build."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False  # one Python 3.11+ interpreter is enough, CI or not
nox.options.sessions = ["check_generated", "lint", "tests", "spec-diff", "build"]

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml("pyproject.toml")


def group(name: str) -> list[str]:
    return nox.project.dependency_groups(PYPROJECT, name)


@nox.session(default=False)
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from openapi.yaml. Pass `-- --check` to verify instead of writing."""
    session.install(*group("codegen"))
    session.run("python", "codegen/generate.py", *session.posargs)


@nox.session
def check_generated(session: nox.Session) -> None:
    """Fail with a diff when generated/ does not match openapi.yaml (stale, hand-edited or a stray file)."""
    session.install(*group("codegen"))
    session.run("python", "codegen/generate.py", "--check")


@nox.session(name="spec-diff")
def spec_diff(session: nox.Session) -> None:
    """What openapi.yaml changed since a ref or file (default: the last v* tag), and the version bump it needs."""
    session.install(*group("codegen"))
    args = session.posargs or ["--last-tag", "--check-version"]
    session.run("python", "codegen/spec_diff.py", *args)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check, ruff format --check, and mypy --strict over src/ and generated/."""
    session.install("-e", ".", *group("lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (unit, snapshot, end-to-end over loopback). Extra args go to pytest."""
    session.install("-e", ".", *group("tests"))
    session.run("pytest", *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Build sdist and wheel, twine-check them, install the wheel in a fresh venv and run the seed example."""
    session.install(*group("build"))
    dist = ROOT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", str(dist))
    session.run("twine", "check", "--strict", *map(str, dist.iterdir()))
    session.run("python", "tests/check_dist.py", str(dist))
    venv = Path(session.create_tmp()).resolve() / "wheel-venv"
    shutil.rmtree(venv, ignore_errors=True)
    session.run("python", "-m", "venv", str(venv))
    python = str(venv / "bin" / "python")
    wheel = next(dist.glob("*.whl"))
    session.run(python, "-m", "pip", "install", "--quiet", str(wheel), external=True)
    # Run from a folder outside the tree so that the installed wheel, not src/, is imported.
    with session.chdir(session.create_tmp()):
        session.run(python, str(ROOT / "examples" / "seed_example.py"), external=True)


@nox.session(default=False)
def demo(session: nox.Session) -> None:
    """Run the quickstart against the local Adaption API over HTTP."""
    session.install("-e", ".")
    session.run("python", "examples/quickstart.py")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Benchmark ours, raw httpx and the Stainless SDK (adaption==0.1.0, own venv): a table and bench/results/."""
    session.install("-e", ".")
    stainless = Path(session.create_tmp()).resolve() / "stainless-venv"
    python = stainless / "bin" / "python"
    if not python.exists():
        # Its own venv: the Stainless SDK is also imported as `adaption`.
        session.run(sys.executable, "-m", "venv", str(stainless), external=True)
        session.run(str(python), "-m", "pip", "install", "--quiet", "adaption==0.1.0", external=True)
    # Measure code as pip leaves it, with bytecode compiled: uv installs without it, and where
    # PYTHONDONTWRITEBYTECODE is set every import would otherwise compile its source again.
    for interpreter in ("python", str(python)):
        session.run(interpreter, "-m", "compileall", "-q", "-j0", *_site_packages(session, interpreter), external=True)
    session.run("python", "-m", "compileall", "-q", "-j0", "src", "generated")
    session.run("python", "bench/run.py", "--stainless-python", str(python), *session.posargs)


def _site_packages(session: nox.Session, interpreter: str) -> list[str]:
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    out = session.run(interpreter, "-c", code, silent=True, external=True)
    return [str(out).strip()]
