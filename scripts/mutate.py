"""Mutation testing of what a user would see go wrong: placing files, who gets which slides,
and fitting text. What is mutated and which tests judge it: ``[tool.mutmut]`` in
pyproject.toml.

    python scripts/mutate.py --max-children 1                     # every mutant
    python scripts/mutate.py --max-children 1 'kit.app.staging.*'  # some, by mutmut's names

mutmut copies the code into ``mutants/`` and runs each mutant against the tests that ran
the mutated function themselves; a test that reuses a build another test made (a module or
session fixture) is not among them, so the tests meant to judge these modules build their
own files. Every mutant of the four modules takes hours on two busy cores, so run it in the
background, a module at a time, niced. Prints the counts, then each survivor: a test is
missing, or the change is one no user can see (say why in the closing note).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(patterns: list[str]) -> int:
    mutmut = str(Path(sys.executable).with_name("mutmut"))
    subprocess.run([mutmut, "run", *patterns], cwd=ROOT, check=False)
    subprocess.run([mutmut, "export-cicd-stats"], cwd=ROOT, check=True, capture_output=True)
    stats = json.loads((ROOT / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8"))
    print(", ".join(f"{name}: {count}" for name, count in stats.items()))
    return subprocess.run([mutmut, "results"], cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
