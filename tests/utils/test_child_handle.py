"""Tests for lrc_toolbox.utils.child_handle: the launched and the re-attached variant of a child.

Tests without the slow mark start nothing: they wrap a fake ``Popen``, or find this test process
itself again by pid and start time. The slow ones start a real child.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field

import psutil
import pytest
from render_process_support import PATIENCE_S, wait_until

from lrc_toolbox.utils.child_handle import (
    REATTACH_TIME_TOLERANCE_S,
    UNKNOWN_EXIT_CODE,
    AttachedChild,
    ChildHandle,
    PopenChild,
    is_alive,
)


def unused_pid() -> int:
    """A pid no process has now."""
    return next(p for p in range(4_000_000, 4_100_000) if not psutil.pid_exists(p))


@dataclass
class FakePopen:
    """The part of ``subprocess.Popen`` PopenChild uses; ``code`` is what the OS would report."""

    pid: int
    code: int | None = None
    returncode: int | None = None
    waits: list[float | None] = field(default_factory=list)

    def poll(self) -> int | None:
        self.returncode = self.code
        return self.code

    def wait(self, timeout: float | None = None) -> int:
        self.waits.append(timeout)
        if self.code is None:
            raise subprocess.TimeoutExpired(["Render"], timeout or 0)
        self.returncode = self.code
        return self.code


# ------------------------------------------------------------------------------------------------
# PopenChild
# ------------------------------------------------------------------------------------------------
def test_popen_child_reports_what_popen_reaps_and_maps_a_timeout_to_none() -> None:
    popen = FakePopen(pid=unused_pid())
    child: ChildHandle = PopenChild(popen)  # type: ignore[arg-type]
    assert child.pid == popen.pid
    # The OS knows no such process: nothing to identify or walk.
    assert child.process is None and child.create_time is None
    assert child.returncode is None and child.poll() is None
    assert child.wait(timeout=0) is None and popen.waits == [0]
    popen.code = 3
    assert child.returncode is None  # not reaped yet: returncode never looks by itself
    assert child.wait(timeout=5) == 3 and child.returncode == 3 and child.poll() == 3
    assert "returncode=3" in repr(child)


@pytest.mark.slow
def test_popen_child_of_a_real_process() -> None:
    popen = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    child = PopenChild(popen)
    try:
        assert child.process is not None and child.process.pid == popen.pid
        assert child.create_time == psutil.Process(popen.pid).create_time()
        assert child.poll() is None and child.wait(timeout=0) is None
    finally:
        popen.kill()
    code = child.wait(timeout=PATIENCE_S)
    assert code is not None and code != 0 and child.returncode == code


# ------------------------------------------------------------------------------------------------
# AttachedChild
# ------------------------------------------------------------------------------------------------
def test_attached_child_finds_a_running_process_by_pid_and_start_time() -> None:
    me = psutil.Process()
    child: ChildHandle = AttachedChild.find(pid=me.pid, create_time=me.create_time())
    assert isinstance(child, AttachedChild) and child.found
    assert child.pid == me.pid and child.create_time == me.create_time()
    assert child.process is not None and child.process.pid == me.pid
    assert child.returncode is None and child.poll() is None
    assert child.wait(timeout=0) is None  # still running: the timeout passes first
    assert "found=True" in repr(child)


def test_attached_child_tolerates_rounding_of_the_start_time_only() -> None:
    me = psutil.Process()
    near = me.create_time() + REATTACH_TIME_TOLERANCE_S * 0.8
    far = me.create_time() + REATTACH_TIME_TOLERANCE_S * 4
    assert AttachedChild.find(pid=me.pid, create_time=near).found
    assert not AttachedChild.find(pid=me.pid, create_time=far).found


@pytest.mark.parametrize("same_pid", [True, False], ids=["reused-pid", "no-such-pid"])
def test_attached_child_not_found_has_exited_with_an_unknown_code(same_pid: bool) -> None:
    me = psutil.Process()
    pid = me.pid if same_pid else unused_pid()
    child = AttachedChild.find(pid=pid, create_time=me.create_time() - 500)
    assert not child.found and child.process is None
    assert child.pid == pid and child.create_time == me.create_time() - 500
    assert child.returncode == UNKNOWN_EXIT_CODE  # known to be gone without looking again
    assert child.poll() == UNKNOWN_EXIT_CODE
    assert child.wait(timeout=0) == UNKNOWN_EXIT_CODE and child.wait() == UNKNOWN_EXIT_CODE


@pytest.mark.slow
def test_attached_child_sees_its_process_go() -> None:
    popen = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        start = psutil.Process(popen.pid).create_time()
        child = AttachedChild.find(pid=popen.pid, create_time=start)
        assert child.found and child.poll() is None
    finally:
        popen.kill()
    # The exit status belongs to the parent (here the test, standing in for the dead manager).
    assert popen.wait(timeout=PATIENCE_S) != 0
    assert child.wait(timeout=PATIENCE_S) == UNKNOWN_EXIT_CODE
    assert child.returncode == UNKNOWN_EXIT_CODE


@pytest.mark.slow
def test_a_zombie_is_neither_alive_nor_found() -> None:
    popen = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        proc = psutil.Process(popen.pid)
        start = proc.create_time()
        # Not reaped: once it has exited it stays a zombie until popen.wait() below.
        wait_until(lambda: proc.status() == psutil.STATUS_ZOMBIE, "the child to exit")
        assert not is_alive(proc)
        assert not AttachedChild.find(pid=popen.pid, create_time=start).found
    finally:
        assert popen.wait(timeout=PATIENCE_S) == 0


# ------------------------------------------------------------------------------------------------
# is_alive
# ------------------------------------------------------------------------------------------------
@dataclass
class FakeProcess:
    """A psutil.Process whose answers the test sets."""

    running: bool = True
    status_error: type[Exception] | None = None
    state: str = psutil.STATUS_RUNNING

    def is_running(self) -> bool:
        return self.running

    def status(self) -> str:
        if self.status_error is not None:
            raise self.status_error(1)
        return self.state


def test_is_alive_follows_identity_zombies_and_access_rules() -> None:
    assert is_alive(psutil.Process())  # this process
    assert is_alive(FakeProcess())  # type: ignore[arg-type]
    assert not is_alive(FakeProcess(running=False))  # type: ignore[arg-type]
    assert not is_alive(FakeProcess(state=psutil.STATUS_ZOMBIE))  # type: ignore[arg-type]
    assert not is_alive(FakeProcess(status_error=psutil.NoSuchProcess))  # type: ignore[arg-type]
    assert not is_alive(FakeProcess(status_error=psutil.ZombieProcess))  # type: ignore[arg-type]
    # Someone else's process we may not inspect: it lives while its identity holds.
    assert is_alive(FakeProcess(status_error=psutil.AccessDenied))  # type: ignore[arg-type]
