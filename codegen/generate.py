"""Regenerate generated/adaption_api from openapi.yaml, or check that it is up to date.

Generation always happens in a fresh scratch directory and is then swapped in: openapi-python-client's
`--overwrite` leaves stale root files behind, and `--meta none` writes no `py.typed`.

Usage:
    python codegen/generate.py            # write generated/adaption_api
    python codegen/generate.py --check    # fail with a diff if generated/adaption_api is stale
    python codegen/generate.py --spec other.yaml --output DIR   # generate elsewhere (tests do)
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "adaption_api"
SCRATCH = (".ruff_cache", "__pycache__")


def generate(spec: Path, package_dir: Path) -> None:
    """Generate the whole adaption_api package from spec into package_dir, which must not exist."""
    bin_dir = str(Path(sys.executable).parent)
    # The post-hooks call `ruff`: use the pinned one beside this interpreter, whatever PATH says.
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            f"--path={spec}",
            "--meta=none",
            f"--config={ROOT / 'codegen' / 'config.yaml'}",
            f"--custom-template-path={ROOT / 'codegen' / 'templates'}",
            f"--output-path={package_dir}",
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run([sys.executable, str(ROOT / "codegen" / "typed_params.py"), str(spec), str(package_dir)], check=True)
    subprocess.run(
        ["ruff", "format", "--isolated", "--line-length", "120", "--quiet", str(package_dir / "params.py")],
        check=True,
        env=env,
    )
    (package_dir / "py.typed").touch()
    for name in SCRATCH:
        for path in package_dir.rglob(name):
            shutil.rmtree(path)


def tree_diff(expected: Path, actual: Path) -> str:
    """A unified diff of two trees: changed files line by line, missing and stray files by name."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp[str], rel: Path) -> None:
        for name in sorted(cmp.left_only):
            out.append(f"stray in {expected.name}/ (not generated): {rel / name}")
        for name in sorted(cmp.right_only):
            out.append(f"missing from {expected.name}/: {rel / name}")
        for name in sorted(cmp.diff_files + cmp.funny_files):
            left = (expected / rel / name).read_text().splitlines(keepends=True)
            right = (actual / rel / name).read_text().splitlines(keepends=True)
            out.extend(difflib.unified_diff(left, right, f"committed/{rel / name}", f"regenerated/{rel / name}", n=2))
        for sub_name, sub in sorted(cmp.subdirs.items()):
            walk(sub, rel / sub_name)

    # shallow=False: compare contents, not os.stat signatures (a hand edit can keep size and mtime).
    class DeepCmp(filecmp.dircmp[str]):
        def phase3(self) -> None:
            self.same_files, self.diff_files, self.funny_files = filecmp.cmpfiles(
                self.left, self.right, self.common_files, shallow=False
            )

    walk(DeepCmp(expected, actual, ignore=list(SCRATCH)), Path())
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on a difference")
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--output", type=Path, default=ROOT / "generated" / PACKAGE)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="adaption-generate-") as scratch:
        fresh = Path(scratch) / PACKAGE
        generate(args.spec, fresh)
        if args.check:
            if not args.output.is_dir():
                print(f"{args.output} does not exist: run `nox -s generate`", file=sys.stderr)
                return 1
            if diff := tree_diff(args.output, fresh):
                print(diff, end="", file=sys.stderr)
                print(f"\n{args.output} is stale or was edited by hand: run `nox -s generate`", file=sys.stderr)
                return 1
            print(f"{args.output} matches {args.spec.name}")
            return 0
        shutil.rmtree(args.output, ignore_errors=True)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(fresh, args.output)
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
