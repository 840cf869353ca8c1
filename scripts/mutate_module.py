"""One module's mutants, each judged by that module's own fast tests (docs/mutation.md).

    python scripts/mutate_module.py kit/layout/textfit.py --max-children 1

The whole suite's builds take seconds each, too slow for hundreds of mutants on a busy
machine; each module here has tests that build only what they need. Runs
scripts/mutate.py in a scratch copy of the tracked files whose ``[tool.mutmut]`` mutates
only that module against only those tests, then says where the copy is (``mutmut show
NAME`` there shows a survivor). Arguments after the module go to scripts/mutate.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAST_TESTS = {
    "kit/layout/textfit.py": [
        "tests/kit/test_textfit.py",
        "tests/kit/test_wrap.py",
        "tests/kit/test_setting.py",
        "tests/kit/test_paginate.py",
    ],
    "kit/layout/wrapping.py": ["tests/kit/test_wrap.py", "tests/kit/test_textfit.py"],
    "kit/app/staging.py": ["tests/kit/test_staging.py"],
    "kit/app/build.py": ["tests/kit/test_build_steps.py"],
}


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def main(module: str, options: list[str]) -> int:
    if module not in FAST_TESTS:
        print(f"no fast tests listed for {module}; one of: {', '.join(FAST_TESTS)}")
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="kit-mutate-"))
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    for name in filter(None, listed.stdout.decode().split("\0")):
        (scratch / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, scratch / name, follow_symlinks=False)
    config = scratch / "pyproject.toml"
    text = config.read_text(encoding="utf-8")
    for key, value in (
        ("only_mutate", [module]),
        ("pytest_add_cli_args_test_selection", FAST_TESTS[module]),
    ):
        text = re.sub(
            rf"^{key} = \[.*?\]", f"{key} = {_toml_list(value)}", text, count=1, flags=re.M | re.S
        )
    config.write_text(text, encoding="utf-8")
    code = subprocess.run([sys.executable, "scripts/mutate.py", *options], cwd=scratch).returncode
    print(f"the scratch copy, for `mutmut show NAME`: {scratch}")
    return code


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
