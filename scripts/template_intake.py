"""What reading a template adds to a build, in processor seconds (issue #14: under 0.2 s).

Run from the repository: ``python scripts/template_intake.py [--runs N] TEMPLATE...``. Each
run is a fresh child process that first imports what a build without a template imports,
then times (processor time, which a loaded machine does not swing as it swings wall time)
what a build on a template adds: ``kit check``'s checking (its zip, every part inflated)
and clearing of the template, the planner's reading of its look, and the deck writer's
opening. Children are interleaved so that
background load falls on every template alike; the table is Markdown. The slides kit
places on the template's geometry are not counted: a template gives another layout, not
an intake cost. A measurement, not a test: it never fails on a slow result.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRANDED = ROOT / "tests" / "fixtures" / "branded" / "templates" / "branded-4x3.pptx"


def intake(template: str) -> float:
    """Processor seconds this process spends reading ``template`` as a build does."""
    import PIL.Image  # noqa: F401  (what a build without a template loads as well)

    import kit.app.build  # noqa: F401
    import slides.pptx_writer  # noqa: F401
    from kit.layout.templatelook import read_look
    from kit.source.assets import resolve
    from kit.source.pptxtemplate import open_template

    path = Path(template).resolve()
    start = time.process_time()
    resolve(path.parent, path.name, frozenset({"pptx"}), {})  # kit check: the zip, then clearing
    read_look(template)  # the planner
    open_template(template)  # the deck writer
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("templates", nargs="*", type=Path, default=[BRANDED])
    parser.add_argument("--runs", type=int, default=9, help="runs per template (median shown)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(intake(args.child))
        return
    seconds: dict[Path, list[float]] = {path: [] for path in args.templates}
    for _ in range(args.runs):
        for path in args.templates:
            child = [sys.executable, __file__, "--child", str(path)]
            done = subprocess.run(child, capture_output=True, text=True, check=True, cwd=ROOT)
            seconds[path].append(float(done.stdout))
    print(f"Processor seconds reading each template, {args.runs} fresh processes each.\n")
    print("| template | median | least | most |\n| --- | ---: | ---: | ---: |")
    for path, times in seconds.items():
        print(
            f"| {path.stem} | {statistics.median(times):.3f} s | {min(times):.3f} s "
            f"| {max(times):.3f} s |"
        )


if __name__ == "__main__":
    main()
