"""The CLI's signal gate and its follow loop, in-process: signals land at the worst moments.

No process is started: a fake job handle raises real signals at this very process (on the main
thread, so their handlers run at once) from inside ``wait`` and ``stop``, where a handler that
raises would cut the stop short.
"""

from __future__ import annotations

import io
import signal
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any, cast

import pytest

from lrc_toolbox.cli.cli_output import Interrupted, SignalGate, follow_job
from lrc_toolbox.core.models import JobState

GATED = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]


def _raise_interrupted(signum: int, frame: object) -> None:
    raise Interrupted(signum)


@pytest.fixture(autouse=True)
def _restore_handlers() -> Iterator[None]:
    """SIGTERM and SIGHUP raise as the CLI's ``main`` makes them (never end the test run); the
    gate stays installed after an interruption (the CLI then exits): undo that afterwards."""
    previous = {number: signal.getsignal(number) for number in GATED}
    signal.signal(signal.SIGTERM, _raise_interrupted)
    signal.signal(signal.SIGHUP, _raise_interrupted)
    yield
    for number, handler in previous.items():
        signal.signal(number, handler)


class FakeHandle:
    """A running job that ends ``stop_waits`` waits after it is stopped, raising signals meanwhile."""

    def __init__(self, storm: list[signal.Signals], stop_waits: int = 3) -> None:
        self.job_id = "job1"
        self.result = None
        self.stops: list[str] = []
        self.waits_after_stop = 0
        self._storm = storm
        self._stop_waits = stop_waits

    def wait(self, timeout: float | None = None) -> bool:
        if self._storm:
            signal.raise_signal(self._storm.pop(0))
        if self.stops:
            self.waits_after_stop += 1
            # More signals while the renders are being stopped.
            signal.raise_signal(signal.SIGINT)
            return self.waits_after_stop >= self._stop_waits
        return False

    def stop(self, reason: str = "") -> None:
        self.stops.append(reason)
        signal.raise_signal(signal.SIGTERM)


class FakeApi:
    def subscribe(self, callback: Any) -> None:
        self.callback = callback


def run_follow(handle: FakeHandle) -> tuple[int, list[str]]:
    err = io.StringIO()
    try:
        code = follow_job(
            cast(Any, FakeApi()),
            lambda: cast(Any, handle),
            as_json=True,
            out=io.StringIO(),
            err=err,
        )
    except KeyboardInterrupt as exc:  # pytest would end the whole run on it
        pytest.fail(f"a signal escaped the follow loop: {exc!r}")
    return code, [line for line in err.getvalue().splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("storm", "code", "reason"),
    [
        ([signal.SIGINT, signal.SIGINT], 130, "interrupted (Ctrl-C)"),
        ([signal.SIGINT, signal.SIGTERM, signal.SIGHUP], 130, "interrupted (Ctrl-C)"),
        ([signal.SIGHUP, signal.SIGINT], 129, "interrupted: the terminal was closed (SIGHUP)"),
        ([signal.SIGTERM], 130, "interrupted by SIGTERM"),
    ],
)
def test_the_first_signal_stops_the_job_once_and_the_rest_change_nothing(
    storm: list[signal.Signals], code: int, reason: str
) -> None:
    handle = FakeHandle(list(storm))
    assert run_follow(handle) == (
        code,
        [f"{reason}: stopping every render (whole process trees)..."],
    )
    # Stopped once, and waited for to the end in spite of the signals that kept coming.
    assert handle.stops == [reason]
    assert handle.waits_after_stop == 3


def test_a_job_that_ends_on_its_own_gives_the_handlers_back() -> None:
    before = {number: signal.getsignal(number) for number in GATED}

    class Finished(FakeHandle):
        def wait(self, timeout: float | None = None) -> bool:
            return True

    assert run_follow(Finished([])) == (1, [])  # no result: frames failed
    assert {number: signal.getsignal(number) for number in GATED} == before


def test_while_the_job_starts_the_first_signal_is_raised_and_the_rest_absorbed() -> None:
    gate = SignalGate()
    with pytest.raises(Interrupted) as raised:
        gate(signal.SIGTERM, None)
    assert raised.value.signum == signal.SIGTERM
    gate(signal.SIGINT, None)  # absorbed: no second exception on the way out
    assert gate.signum == signal.SIGTERM


def test_a_signal_during_the_start_stops_before_any_render() -> None:
    def start() -> Any:
        signal.raise_signal(signal.SIGINT)
        raise AssertionError("the signal did not interrupt the start")

    with pytest.raises(Interrupted):
        follow_job(cast(Any, FakeApi()), start, as_json=True, out=io.StringIO(), err=io.StringIO())


def test_a_job_whose_stop_ends_it_at_once_still_reports_the_interruption() -> None:
    """The stop begins in the signal handler: the job may be over by the loop's next look."""
    handle = FakeHandle([signal.SIGTERM], stop_waits=1)
    assert run_follow(handle) == (
        130,
        ["interrupted by SIGTERM: stopping every render (whole process trees)..."],
    )
    assert handle.stops == ["interrupted by SIGTERM"]


@pytest.mark.parametrize(
    ("state", "ok", "code"),
    [
        (JobState.CANCELLED, False, 130),  # the stop stopped renders: interrupted
        (JobState.SUCCEEDED, True, 0),  # every frame was verified before the stop took effect
        (JobState.FAILED, False, 1),  # ended on its own with failed frames
    ],
)
def test_the_exit_code_follows_what_the_job_recorded_when_a_stop_meets_its_end(
    state: JobState, ok: bool, code: int
) -> None:
    # Found in a stress test: `cancel` sent SIGTERM to a `resume` whose job was just recording
    # "succeeded"; the CLI said 130 (interrupted) for a job the store had as succeeded.
    handle = FakeHandle([signal.SIGTERM], stop_waits=1)
    handle.result = cast(Any, SimpleNamespace(state=state, ok=ok))
    assert run_follow(handle)[0] == code
