"""The one clock of a job: monotonic and wall time from one object, a manual clock for tests."""

from __future__ import annotations

import time

import pytest

from lrc_toolbox.core.clock import SYSTEM_CLOCK, Clock, ManualClock
from lrc_toolbox.core.task_monitor import Note, TaskMonitor
from lrc_toolbox.renderers.base import EventKind, LogEvent


def test_manual_clock_moves_both_clocks_together() -> None:
    clock = ManualClock(monotonic_s=10.0, wall_s=1000.0)
    start = clock.monotonic()
    clock.advance(2.5)
    assert clock.monotonic() == 12.5
    assert clock.wall() == 1002.5
    # An instant read earlier maps onto the wall clock of the same object.
    assert clock.wall_at(start) == 1000.0
    assert clock.wall_at(clock.monotonic()) == clock.wall()


def test_manual_clock_never_goes_back() -> None:
    clock = ManualClock()
    with pytest.raises(ValueError, match="cannot go back"):
        clock.advance(-0.1)


def test_system_clock_reads_the_machine_clocks() -> None:
    assert isinstance(SYSTEM_CLOCK, Clock)
    before = time.monotonic()
    reading = SYSTEM_CLOCK.monotonic()
    assert before <= reading <= time.monotonic()
    # wall_at(now) is now on the wall clock, within scheduling noise.
    assert abs(SYSTEM_CLOCK.wall_at(SYSTEM_CLOCK.monotonic()) - time.time()) < 1.0


class _OneEventParser:
    """A parser that reports one progress event per line (the monitor's input)."""

    def feed(self, line: str) -> list[LogEvent]:
        return [LogEvent(EventKind.PROGRESS, line=line, percent=50.0)]


def test_task_monitor_stamps_notes_with_the_job_clock() -> None:
    clock = ManualClock(monotonic_s=500.0)
    notes: list[Note] = []
    monitor = TaskMonitor(
        task_id="t0001",
        layers=[("BG", "rs_BG")],
        parser=_OneEventParser(),  # type: ignore[arg-type]
        emit=notes.append,
        clock=clock,
    )
    monitor.feed("50%")
    clock.advance(3.0)
    monitor.feed("50%")
    assert [(n.kind, n.at) for n in notes] == [
        ("render_started", 500.0),
        ("progress", 500.0),
        ("progress", 503.0),
    ]
