"""What ``kit build`` does around its renderers, with stand-in renderers that write tiny files
(fast enough to judge mutants of kit/app/build.py): the order they run in, what each is told
(paper, head count, date, what was staged before it), that one failing lets the others run
but places nothing, that a machine fault stops the build, that nothing is written when the
plan finds a problem, and the fixed date a reproducible build stamps. Real renderers:
tests/kit/test_build.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import functools
import os
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from kit.app import build as build_module
from kit.app import outlock, staging, watch
from kit.app.build import build, render_loaded
from kit.app.epoch import fixed_timestamp
from kit.app.outlock import LOCK_FILE
from kit.app.workers import Workers
from kit.errors import BuildError, ContentError, EnvironmentFault
from kit.outputs import HANDOUT, PRINT_LIST, BuildOptions, Output
from kit.source.loader import load

WORKSHOP = """\
title: Tiny
organisation: Test Collective
{date}duration: 30
language: en
{build}sections:
  - title: One
    duration: 30
    blocks:
      - bullets: {{title: Points, items: [First point, Second point]}}
"""


def workshop(folder: Path, build: str = "", date: str = "date: 2026-05-04\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "workshop.yaml"
    path.write_text(WORKSHOP.format(build=build, date=date), encoding="utf-8")
    return path


class Renderers:
    """Stand-ins for the real renderers: each writes one small file and notes what it was
    told; one can be made to fail."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.told: dict[str, BuildOptions] = {}
        self.seen: dict[str, tuple[Any, Path, dict[str, Any]]] = {}  # theme, folder, plans
        self.failing: dict[str, BaseException] = {}
        self.deck_seen: dict[str, str] = {}  # the deck in the output folder as each drew
        for name in build_module.RENDERERS:
            module = types.ModuleType(f"stand_in_{name}")
            module.render = self._render(name)  # type: ignore[attr-defined]
            monkeypatch.setitem(sys.modules, module.__name__, module)
            monkeypatch.setitem(build_module.RENDERERS, name, module.__name__)

    def _render(self, name: str) -> object:
        def render(
            workshop: Any, theme: Any, folder: Path, options: BuildOptions, **plans: Any
        ) -> list[Output]:
            self.told[name] = options
            self.seen[name] = (theme, folder, plans)
            deck = folder.parent.parent / "slides.pdf"
            self.deck_seen[name] = deck.read_text() if deck.exists() else ""
            (folder / f"{name}.pdf").write_text(f"{name} of {workshop.title}")
            if name in self.failing:
                raise self.failing[name]
            kind = PRINT_LIST if name == "printlist" else HANDOUT
            return [Output(folder / f"{name}.pdf", 1, kind)]

        return render


@pytest.fixture
def renderers(monkeypatch: pytest.MonkeyPatch) -> Renderers:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    # The stand-ins live in this process only; workers are tested in test_workers.py.
    monkeypatch.setattr(build_module, "Workers", functools.partial(Workers, 1))
    return Renderers(monkeypatch)


def test_every_renderer_runs_in_order_and_each_file_is_placed(
    tmp_path: Path, renderers: Renderers
) -> None:
    out = tmp_path / "deep" / "out"
    progress: list[Path] = []
    result = build(workshop(tmp_path), out, progress=lambda o: progress.append(o.path))
    names = ["slides", "handouts", "exercises", "printlist"]
    assert list(renderers.told) == names
    assert [o.path for o in result.written] == progress == [out / f"{n}.pdf" for n in names]
    assert [(out / f"{n}.pdf").read_text() for n in names] == [f"{n} of Tiny" for n in names]
    # the deck is laid out once, for the deck and the handouts' slide pictures, and the
    # sheets are drawn at the sizes their check fitted
    plans = [renderers.seen[n][2] for n in names]
    assert [list(p) for p in plans] == [["deck"], ["deck"], ["sizes"], []]
    assert plans[0]["deck"] is plans[1]["deck"] is not None
    # each writes into a folder of its own in the build's staging folder inside the output
    # folder, which a killed build's successor knows as kit's
    staged = {renderers.seen[name][1].parent for name in names}
    assert len(staged) == 1 and next(iter(staged)).parent == out
    assert next(iter(staged)).name.startswith(".kit-build-")
    for name in names:
        theme, folder, _ = renderers.seen[name]
        assert folder.name == name
        assert theme is not None and theme == load(tmp_path / "workshop.yaml").workshop.theme
    assert [p.name for p in out.iterdir() if p.name.startswith(".kit-") and p.is_dir()] == []
    # each renderer knows what the ones before it staged (the print list lists them)
    told = [renderers.told[n].written for n in names]
    assert [[o.path.name for o in written] for written in told] == [
        [],
        ["slides.pdf"],
        ["slides.pdf", "handouts.pdf"],
        ["slides.pdf", "handouts.pdf", "exercises.pdf"],
    ]
    assert result.failed == {} and result.editions == ()


def test_only_the_outputs_asked_for_in_the_order_asked(
    tmp_path: Path, renderers: Renderers
) -> None:
    out = tmp_path / "out"
    result = build(workshop(tmp_path), out, only=["exercises", "slides"])
    assert list(renderers.told) == ["exercises", "slides"]
    assert sorted(p.name for p in out.iterdir()) == [".kit-lock", "exercises.pdf", "slides.pdf"]
    assert len(result.written) == 2


def test_what_each_renderer_is_told_comes_from_the_workshop(
    tmp_path: Path, renderers: Renderers
) -> None:
    path = workshop(
        tmp_path, build="build: {paper: letter, participants: 7, languages: [en, de]}\n"
    )
    (tmp_path / "participants.csv").write_text("name\nAda\nBen\nCy\n", encoding="utf-8")
    result = build(path, tmp_path / "out", only=["handouts"])
    told = renderers.told["handouts"]
    assert (told.paper, told.participants) == ("letter", 7)
    assert [p.name for p in told.people] == ["Ada", "Ben", "Cy"]
    assert told.timestamp == dt.datetime(2026, 5, 4, tzinfo=dt.timezone.utc)
    assert result.editions == ("de",)


def test_the_command_line_wins_over_the_workshop(tmp_path: Path, renderers: Renderers) -> None:
    path = workshop(tmp_path, build="build: {paper: letter, participants: 7}\n")
    build(path, tmp_path / "out", only=["handouts"], paper="a4", participants=12)
    assert (renderers.told["handouts"].paper, renderers.told["handouts"].participants) == ("a4", 12)


@pytest.mark.parametrize(("people", "count"), [("name\nAda\nBen\nCy\n", 3), (None, 20)])
def test_the_head_count_is_the_list_s_length_else_twenty(
    tmp_path: Path, renderers: Renderers, people: str | None, count: int
) -> None:
    path = workshop(tmp_path)
    listed = tmp_path / "elsewhere.csv"
    if people:
        listed.write_text(people, encoding="utf-8")
    build(path, tmp_path / "out", only=["exercises"], participants_file=listed if people else None)
    assert renderers.told["exercises"].participants == count
    assert renderers.told["exercises"].paper == "a4"


@pytest.mark.parametrize("failing", [["handouts"], ["slides", "exercises"]])
def test_a_failing_renderer_lets_the_others_run_but_nothing_is_placed(
    tmp_path: Path, renderers: Renderers, failing: list[str]
) -> None:
    """The folder is all old: no renderer's new file beside another's old one (a mixed
    set), and the error names every renderer that failed."""
    out = tmp_path / "out"
    path = workshop(tmp_path)
    build(path, out)
    before = _files(out)
    for name in failing:
        renderers.failing[name] = ValueError(f"the {name} broke")
    path.write_text(path.read_text(encoding="utf-8").replace("Tiny", "Small"), encoding="utf-8")
    progress: list[str] = []
    with pytest.raises(BuildError) as caught:
        build(path, out, progress=lambda o: progress.append(o.path.name))
    result = caught.value.result
    assert list(renderers.told) == ["slides", "handouts", "exercises", "printlist"]
    assert {name: str(exc) for name, exc in result.failed.items()} == {
        name: f"the {name} broke" for name in failing
    }
    assert result.written == progress == []
    assert _files(out) == before


@pytest.mark.parametrize("failing", [[], ["exercises"]])
def test_a_watch_s_deck_is_placed_as_soon_as_drawn_and_put_back_if_the_rest_fail(
    tmp_path: Path, renderers: Renderers, failing: list[str]
) -> None:
    """With ``deck_first`` (as ``kit build --watch`` builds) the renderers after the deck
    find the new deck in place; a renderer failing after it puts it back, with its old
    date: the folder is all old, or all new."""
    out = tmp_path / "out"
    path = workshop(tmp_path)
    build(path, out)
    before = _files(out)
    path.write_text(path.read_text(encoding="utf-8").replace("Tiny", "Small"), encoding="utf-8")
    for name in failing:
        renderers.failing[name] = ValueError(f"the {name} broke")
    progress: list[str] = []
    with contextlib.nullcontext() if not failing else pytest.raises(BuildError):
        render_loaded(
            load(path), out, deck_first=True, progress=lambda o: progress.append(o.path.name)
        )
    assert renderers.deck_seen == {
        "slides": "slides of Tiny",
        "handouts": "slides of Small",
        "exercises": "slides of Small",
        "printlist": "slides of Small",
    }
    assert progress[0] == "slides.pdf"  # told as it is placed
    if failing:
        assert _files(out) == before
    else:
        assert [(out / f"{n}.pdf").read_text() for n in renderers.told] == [
            f"{n} of Small" for n in renderers.told
        ]
        told = renderers.told["printlist"].written  # where the deck now is
        assert told[0].path == out / "slides.pdf"


def test_a_watch_places_its_deck_first(tmp_path: Path, renderers: Renderers) -> None:
    path = workshop(tmp_path)
    settings = watch.BuildSettings(tmp_path / "out", jobs=1)
    watcher = watch._Watcher(path, settings, report=pytest.fail, warn=lambda warning: None)
    watcher.build(changed=[])
    path.write_text(path.read_text(encoding="utf-8").replace("Tiny", "Small"), encoding="utf-8")
    watcher.build(changed=[path])
    assert renderers.deck_seen["handouts"] == "slides of Small"


def test_without_deck_first_the_deck_waits_for_the_rest(
    tmp_path: Path, renderers: Renderers
) -> None:
    out = tmp_path / "out"
    path = workshop(tmp_path)
    build(path, out)
    path.write_text(path.read_text(encoding="utf-8").replace("Tiny", "Small"), encoding="utf-8")
    build(path, out)
    assert set(renderers.deck_seen.values()) == {"slides of Tiny"}


def _files(out: Path) -> dict[str, tuple[str, int]]:
    """Every entry of ``out``: its text (files) and modification time."""
    return {
        path.name: (path.read_text() if path.is_file() else "folder", path.stat().st_mtime_ns)
        for path in sorted(out.iterdir())
    }


def test_a_machine_fault_stops_the_build_at_once(tmp_path: Path, renderers: Renderers) -> None:
    out = tmp_path / "out"
    renderers.failing["handouts"] = OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(EnvironmentFault) as caught:
        build(workshop(tmp_path), out)
    assert (
        str(caught.value)
        == f"{out}: no space left on the disk; free some space or choose another --out"
    )
    assert list(renderers.told) == ["slides", "handouts"]
    assert sorted(p.name for p in out.iterdir()) == [".kit-lock"]  # the deck is not placed


def test_a_plan_problem_writes_nothing(tmp_path: Path, renderers: Renderers) -> None:
    """A resource stays beside its QR code: one longer than a page is refused, located."""
    path = workshop(tmp_path)
    long = " ".join(["Open daily for advice on every kind of repair."] * 400)
    item = f"{{name: Helpline, url: 'https://example.org', description: {long}}}"
    resource = f"resources: {{items: [{item}]}}"
    text = path.read_text(encoding="utf-8").replace(
        "bullets: {title: Points, items: [First point, Second point]}", resource
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build(path, tmp_path / "out", only=["handouts"])
    assert "workshop.yaml:10:" in str(caught.value)
    assert not (tmp_path / "out").exists() and renderers.told == {}


def test_warnings_are_heard_as_found_and_kept(tmp_path: Path, renderers: Renderers) -> None:
    path = workshop(tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8") + "glossary:\n  - term: participant\n"
        "    instead_of: [point]\n",
        encoding="utf-8",
    )
    points = ", ".join(f"Point number {n} of a long list" for n in range(40))
    text = path.read_text(encoding="utf-8").replace("First point, Second point", points)
    path.write_text(text, encoding="utf-8")
    heard: list[str] = []
    result = build(path, tmp_path / "out", only=["slides"], warn=heard.append)
    assert heard == result.warnings
    assert any("instead of 'Point'" in w for w in heard)  # the glossary's
    assert any("does not fit one slide" in w for w in heard)  # the layout's


def test_a_killed_build_s_leftovers_are_swept_first(tmp_path: Path, renderers: Renderers) -> None:
    out = tmp_path / "out"
    out.mkdir()
    left = staging.create(out, "slides")
    build(workshop(tmp_path), out, only=["exercises"])
    assert not left.exists()


def test_an_output_folder_that_cannot_be_made_is_one_line(
    tmp_path: Path, renderers: Renderers
) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(EnvironmentFault) as caught:
        build(workshop(tmp_path), tmp_path / "file" / "out", only=["exercises"])
    assert str(tmp_path / "file") in str(caught.value)


@pytest.mark.parametrize(
    ("epoch", "when"),
    [
        ("1700000000", dt.datetime(2023, 11, 14, 22, 13, 20)),
        ("0001700000000", dt.datetime(2023, 11, 14, 22, 13, 20)),
        (" 0 ", dt.datetime(1970, 1, 1)),
    ],
)
def test_source_date_epoch_fixes_the_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str, when: dt.datetime
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert fixed_timestamp(load(workshop(tmp_path))) == when.replace(tzinfo=dt.timezone.utc)


def test_without_an_epoch_the_workshop_s_date_else_2000(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "  ")
    assert fixed_timestamp(load(workshop(tmp_path / "a"))) == dt.datetime(
        2026, 5, 4, tzinfo=dt.timezone.utc
    )
    undated = load(workshop(tmp_path / "b", date=""))
    assert fixed_timestamp(undated) == dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("epoch", "message"),
    [
        ("17e8", "SOURCE_DATE_EPOCH='17e8' is not a count of seconds since 1970 (digits only)"),
        ("-1", "SOURCE_DATE_EPOCH='-1' is not a count of seconds"),
        ("1" * 30, f"SOURCE_DATE_EPOCH={'1' * 24}... is after 2107-12-31"),
        ("x" * 30, f"SOURCE_DATE_EPOCH='{'x' * 24}...' is not a count"),
        ("x" * 24, f"SOURCE_DATE_EPOCH='{'x' * 24}' is not a count"),
        ("x" * 25, f"SOURCE_DATE_EPOCH='{'x' * 24}...' is not a count"),
        (
            "4354819200",
            "SOURCE_DATE_EPOCH=4354819200 is after 2107-12-31, the last date a .pptx (a zip "
            "file) can hold; unset it or set an earlier time",
        ),
    ],
)
def test_an_epoch_kit_cannot_use_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str, message: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with pytest.raises(EnvironmentFault) as caught:
        fixed_timestamp(load(workshop(tmp_path)))
    assert str(caught.value).startswith(message)


def test_the_last_second_a_deck_can_hold_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4354819199")
    assert fixed_timestamp(load(workshop(tmp_path))) == dt.datetime(
        2107, 12, 31, 23, 59, 59, tzinfo=dt.timezone.utc
    )


def _held_output(tmp_path: Path) -> tuple[Path, int]:
    """An output folder whose lock another build holds, and that holder's descriptor."""
    out = tmp_path / "out"
    out.mkdir()
    holder = os.open(out / LOCK_FILE, os.O_RDONLY | os.O_CREAT)
    fcntl.flock(holder, fcntl.LOCK_EX)
    return out, holder


def test_a_build_waiting_for_another_says_so_then_writes(
    tmp_path: Path, renderers: Renderers
) -> None:
    out, holder = _held_output(tmp_path)
    heard: list[str] = []

    def waiting(message: str) -> None:
        heard.append(message)
        os.close(holder)  # the other build finishes

    build(workshop(tmp_path), out, only=["exercises"], waiting=waiting)
    assert heard == [f"waiting: another kit build is writing into {out}"]
    assert (out / "exercises.pdf").exists()


def test_a_build_waiting_on_one_that_made_the_folder_and_wrote_nothing_locks_it_anew(
    tmp_path: Path, renderers: Renderers
) -> None:
    """The other build made the folder, was refused, and removed the folder with its lock
    file as it ended: the waiting build locks a new one and writes."""
    out = tmp_path / "out"
    heard: list[str] = []
    with contextlib.ExitStack() as other:
        assert other.enter_context(outlock.locked(out))  # it made the folder

        def waiting(message: str) -> None:
            heard.append(message)
            outlock.discard(out)
            other.close()  # it ends, its lock released

        build(workshop(tmp_path), out, only=["exercises"], waiting=waiting)
    assert heard == [f"waiting: another kit build is writing into {out}"]
    assert (out / "exercises.pdf").read_text() == "exercises of Tiny"
    assert (out / LOCK_FILE).exists()


def test_an_edition_is_built_from_the_translation(tmp_path: Path, renderers: Renderers) -> None:
    path = workshop(tmp_path)
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "de.yaml").write_text("title: Winzig\n", encoding="utf-8")
    build(path, tmp_path / "out", only=["exercises"], language="de")
    assert (tmp_path / "out" / "exercises.pdf").read_text() == "exercises of Winzig"


def test_a_build_that_may_not_wait_gives_up_at_once_in_one_line(
    tmp_path: Path, renderers: Renderers
) -> None:
    """``kit build --watch`` gives up on a folder another build holds rather than queue."""
    out, holder = _held_output(tmp_path)
    try:
        with pytest.raises(EnvironmentFault) as caught:
            render_loaded(load(workshop(tmp_path)), out, lock_wait=0.0, waiting=print)
    finally:
        os.close(holder)
    assert str(caught.value).startswith(f"{out}: another kit build has been writing into this")
    assert "for 0 s;" in str(caught.value) and renderers.told == {}
