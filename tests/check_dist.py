"""Check the built wheel and sdist: both packages, both py.typed markers, no stray top-level package."""

import sys
import tarfile
import zipfile
from pathlib import Path

dist = Path(sys.argv[1])
wheel = next(dist.glob("*.whl"))
names = set(zipfile.ZipFile(wheel).namelist())
for required in (
    "adaption/__init__.py",
    "adaption/py.typed",
    "adaption_api/__init__.py",
    "adaption_api/py.typed",
    "adaption_api/params.py",
    "adaption_api/api/datasets/run_dataset.py",
):
    assert required in names, f"{wheel.name} lacks {required}"
tops = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
assert tops == {"adaption", "adaption_api"}, f"{wheel.name} ships unexpected top-level entries: {sorted(tops)}"

sdist = next(dist.glob("*.tar.gz"))
members = {"/".join(name.split("/")[1:]) for name in tarfile.open(sdist).getnames()}
for required in ("src/adaption/py.typed", "generated/adaption_api/py.typed", "openapi.yaml", "pyproject.toml"):
    assert required in members, f"{sdist.name} lacks {required}"
print(f"{wheel.name}: {len(names)} files, packages {sorted(tops)}; {sdist.name}: {len(members)} entries")
