"""``kit build --watch`` in a real process: rebuilds on edits, survives bad ones, stops on Ctrl-C.

Nothing here is timed: each wait for a line has a generous limit only so that a broken
watch fails the test instead of hanging it.
"""

from __future__ import annotations

import hashlib
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor

from kit.app import outlock, redraw
from kit.app.build import build
from kit.app.workers import Workers
from kit.outputs import kind_of

from ..conftest import FIXTURES, SAMPLE

PATIENCE = 600.0  # a hang guard: seconds to wait for a line, far above any busy machine


class _Watch:
    """A running ``kit build --watch`` whose output lines are read as they come."""

    def __init__(self, folder: Path, out: Path, *options: str) -> None:
        self.out = out
        self.lines: list[str] = []
        command = [sys.executable, "-m", "kit", "build", str(folder), "--out", str(out)]
        self._process = subprocess.Popen(
            [*command, "--watch", *(options or ("--only", "slides"))],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, wanted: Callable[[str], bool]) -> list[str]:
        """The lines up to and including the first that ``wanted`` accepts."""
        seen = []
        while True:
            line = self._next()
            if line is None:
                pytest.fail(f"kit exited ({self._process.wait()}); got {self.lines[-20:]}")
            self.lines.append(line)
            seen.append(line)
            if wanted(line):
                return seen

    def next_build(self) -> list[str]:
        """Every line until the watch waits again."""
        return self.wait_for(lambda line: line.startswith("watching "))

    def workers(self) -> set[int]:
        """The processes the watch has started for its workers, and theirs (multiprocessing's
        resource tracker aside)."""
        found: set[int] = set()
        parents = [self._process.pid]
        while parents:
            tasks = Path(f"/proc/{parents.pop()}/task")
            for listed in (task / "children" for task in tasks.iterdir()):
                for child in map(int, listed.read_text().split()):
                    if b"resource_tracker" not in Path(f"/proc/{child}/cmdline").read_bytes():
                        found.add(child)
                        parents.append(child)
        return found

    def interrupt(self) -> int:
        """Ctrl-C; the exit status."""
        self._process.send_signal(signal.SIGINT)
        self.wait_for(lambda line: line == "stopped watching")
        return self._process.wait(timeout=PATIENCE)

    def killed(self) -> None:
        """SIGKILL, as the out-of-memory killer ends it; returns once its output has ended
        (every process holding it, its workers too, has ended)."""
        self._process.kill()
        while self._next() is not None:
            pass

    def _next(self) -> str | None:
        """The next line, or None once the output has ended."""
        try:
            return self._queue.get(timeout=PATIENCE)
        except queue.Empty:
            pytest.fail(f"no line, and the output still open, for {PATIENCE} s: {self.lines[-20:]}")

    def close(self) -> None:
        """Kill it if it still runs, and close its output once read to the end."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._reader.join(PATIENCE)
        assert self._process.stdout is not None
        if not self._reader.is_alive():  # closing it under a blocked read would wait for ever
            self._process.stdout.close()


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[Callable[..., _Watch]]:
    started: list[_Watch] = []

    def start(source: Path, *options: str) -> _Watch:
        folder = tmp_path / "workshop"
        shutil.copytree(source, folder)
        started.append(_Watch(folder, tmp_path / "out", *options))
        return started[-1]

    yield start
    for watch in started:
        watch.close()


def _save(file: Path, text: str) -> None:
    """Save as most editors do, all at once, so the watch never reads half a file."""
    draft = file.with_name(file.name + ".draft")
    draft.write_text(text, encoding="utf-8")
    os.replace(draft, file)


def _deck_text(out: Path) -> str:
    """The deck's text, its no-break spaces (``Room 2`` is held on one line) read as spaces."""
    prs = Presentation(str(out / "deck.pptx"))
    return "\n".join(
        shape.text_frame.text
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ).replace("\N{NO-BREAK SPACE}", " ")


def test_rebuilds_after_an_edit_survives_a_broken_file_and_stops_on_ctrl_c(
    watched: Callable[..., _Watch], tmp_path: Path
) -> None:
    watch = watched(SAMPLE)
    first = watch.next_build()
    assert any(line.startswith("wrote ") and "deck.pptx" in line for line in first)
    file = tmp_path / "workshop" / "workshop.yaml"
    source = file.read_text(encoding="utf-8")
    assert "venue: Riverside Community Hall, Room 2\n" in source

    _save(file, source.replace("Room 2\n", "Room 12\n"))
    lines = watch.next_build()
    assert "changed: workshop.yaml" in lines
    assert any(line.startswith("wrote ") and "deck.pptx" in line for line in lines)
    assert "Room 12" in _deck_text(watch.out)

    _save(file, source + "sections: [\n")
    lines = watch.next_build()
    assert any(line.startswith(f"{file}:") and "never closed" in line for line in lines), lines
    assert "1 problem(s) found; nothing was written." in lines
    assert "Room 12" in _deck_text(watch.out)  # the last good deck stays

    _save(file, source.replace("Room 2\n", "Room 123\n"))
    lines = watch.next_build()
    assert any(line.startswith("wrote ") and "deck.pptx" in line for line in lines)
    assert "Room 123" in _deck_text(watch.out)

    assert watch.interrupt() == 0


def test_an_edit_that_changes_nothing_rebuilds_nothing(
    watched: Callable[..., _Watch], tmp_path: Path
) -> None:
    watch = watched(SAMPLE)
    watch.next_build()
    file = tmp_path / "workshop" / "workshop.yaml"
    _save(file, file.read_text(encoding="utf-8") + "# a comment\n")
    lines = watch.next_build()
    assert "the workshop is as it was built; nothing to rebuild" in lines
    assert not any(line.startswith("wrote ") for line in lines)


def test_a_changed_image_rebuilds(watched: Callable[..., _Watch], tmp_path: Path) -> None:
    watch = watched(FIXTURES / "all-blocks")
    assert "watching 3 file(s) for changes; Ctrl-C stops" in watch.next_build()
    logo = tmp_path / "workshop" / "images" / "logo.png"
    Image.new("RGB", (300, 120), "#C8102E").save(logo.with_name("draft.png"))
    os.replace(logo.with_name("draft.png"), logo)
    lines = watch.next_build()
    assert "changed: logo.png" in lines
    assert any(line.startswith("wrote ") and "deck.pptx" in line for line in lines)


def test_a_rebuild_waits_while_another_build_holds_the_folder(
    watched: Callable[..., _Watch], tmp_path: Path
) -> None:
    """The watch takes the output folder's lock for each rebuild, as a build by hand does."""
    watch = watched(SAMPLE)
    watch.next_build()
    file = tmp_path / "workshop" / "workshop.yaml"
    source = file.read_text(encoding="utf-8")
    with outlock.locked(watch.out):  # a build by hand, writing
        _save(file, source.replace("Room 2\n", "Room 12\n"))
        waiting = f"waiting: another kit build is writing into {watch.out}"
        watch.wait_for(lambda line: line == waiting)
        assert "Room 12" not in _deck_text(watch.out)  # nothing written meanwhile
    lines = watch.next_build()
    assert any(line.startswith("wrote ") and "deck.pptx" in line for line in lines)
    assert "Room 12" in _deck_text(watch.out)


def test_the_workers_stay_between_rebuilds(watched: Callable[..., _Watch], tmp_path: Path) -> None:
    """Every output, drawn by two workers: a rebuild finds them started, with the renderers
    imported and their fonts registered, and draws in the same processes."""
    watch = watched(SAMPLE, "--jobs", "2")
    assert any("deck.pptx" in line for line in watch.next_build())
    workers = watch.workers()
    assert len(workers) >= 2
    file = tmp_path / "workshop" / "workshop.yaml"
    _save(file, file.read_text(encoding="utf-8").replace("Room 2\n", "Room 12\n"))
    lines = watch.next_build()
    assert sum(line.startswith("wrote ") for line in lines) >= 15
    assert watch.workers() == workers
    assert watch.interrupt() == 0
    deadline = time.monotonic() + PATIENCE  # a hang guard: they end with the watch
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]


def test_a_killed_watch_s_workers_end_with_it(watched: Callable[..., _Watch]) -> None:
    """Its workers hold its output pipe: killed with it, they close it, and a script or a
    test reading it sees it end instead of waiting for ever."""
    watch = watched(
        FIXTURES / "all-blocks", "--only", "slides", "--only", "exercises", "--jobs", "2"
    )
    watch.next_build()
    workers = watch.workers()
    assert len(workers) >= 2
    watch.killed()
    deadline = time.monotonic() + PATIENCE  # a hang guard: the pipe closes as they exit
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _running(pid)]


def test_a_template_saved_again_is_read_again(
    watched: Callable[..., _Watch], tmp_path: Path
) -> None:
    """The deck is drawn by a warm worker, which keeps the template it read: saved again
    with another background, the next deck is built on it, by the same worker."""
    watch = watched(FIXTURES / "branded", "--only", "slides", "--only", "exercises", "--jobs", "2")
    watch.next_build()
    workers = watch.workers()
    assert len(workers) >= 2
    template = tmp_path / "workshop" / "templates" / "branded-4x3.pptx"
    prs = Presentation(str(template))
    fill = prs.slide_masters[0].background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor.from_string("1B2A4A")
    prs.save(str(template.with_name("draft.pptx")))
    os.replace(template.with_name("draft.pptx"), template)
    lines = watch.next_build()
    assert "changed: branded-4x3.pptx" in lines
    assert watch.workers() == workers
    deck = Presentation(str(watch.out / "deck.pptx"))
    assert str(deck.slide_masters[0].background.fill.fore_color.rgb) == "1B2A4A"


def _running(pid: int) -> bool:
    """Whether ``pid`` is a process not yet ended (a zombie has ended)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"


def _digests(out: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(out.iterdir())
        if path.is_file() and not path.name.startswith(".kit-")
    }


def _written(lines: list[str]) -> list[str]:
    """The names of the files a build's lines say it wrote, in order."""
    return [Path(line.split()[1]).name for line in lines if line.startswith("wrote ")]


def test_an_edit_to_a_slide_redraws_all_but_the_sheets_and_leaves_the_folder_all_new(
    watched: Callable[..., _Watch], tmp_path: Path
) -> None:
    """A slide's text is not on the exercise sheets nor in the organiser's pack: they are
    left as they were, and the folder is then what a build from scratch writes. A field they
    show (the venue) redraws everything."""
    watch = watched(SAMPLE, "--jobs", "2")
    everything = _written(watch.next_build())
    sheets = [name for name in everything if redraw.is_sheet(kind_of(name))]
    assert len(sheets) == 11  # six exercise sheets and the organiser's five
    file = tmp_path / "workshop" / "workshop.yaml"
    source = file.read_text(encoding="utf-8")
    for (old, new), redrawn in (
        (("welcome; put-downs", "welcome; insults"), [n for n in everything if n not in sheets]),
        (("Room 2\n", "Room 12\n"), everything),
    ):
        assert old in source
        source = source.replace(old, new)
        _save(file, source)
        assert _written(watch.next_build()) == redrawn
        fresh = tmp_path / f"fresh-{len(redrawn)}"
        build(file.parent, fresh, workers=Workers(1))
        assert _digests(watch.out) == _digests(fresh)
    assert watch.interrupt() == 0
