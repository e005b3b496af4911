"""Fail unless the pushed tag (v1.2.3) names the version in src/adaption/_version.py: one source of truth."""

import re
import sys
from pathlib import Path

tag = sys.argv[1]
version = re.search(r'__version__ = "([^"]+)"', (Path(__file__).parent.parent / "src/adaption/_version.py").read_text())
if version is None or tag != f"v{version.group(1)}":
    sys.exit(f"tag {tag!r} does not match src/adaption/_version.py ({version.group(1) if version else 'no version'})")
print(f"tag {tag} matches the package version")
