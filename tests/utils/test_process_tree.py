"""Tests for lrc_toolbox.utils.process_tree: finding, signalling and waiting out a render's tree.

The identity and bookkeeping tests use a fake child and start nothing. The tests marked slow start
a real tree ``launcher -> child -> grandchild`` (``sys.executable`` scripts standing in for
``Render.exe -> mayabatch.exe -> helper``), directly or through RenderProcess.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest
from render_process_support import PATIENCE_S, POSIX_ONLY, gone, make, wait_until

from lrc_toolbox.utils.child_handle import PopenChild
from lrc_toolbox.utils.process_tree import ProcessTree, merge_processes
from lrc_toolbox.utils.render_subprocess import LOW_PRIORITY_NICE, RenderProcess


# ------------------------------------------------------------------------------------------------
# Identity and bookkeeping (no process started)
# ------------------------------------------------------------------------------------------------
def unused_pid() -> int:
    """A pid no process has now."""
    return next(p for p in range(4_000_000, 4_100_000) if not psutil.pid_exists(p))


@dataclass
class FakeChild:
    """A ChildHandle whose state the test sets."""

    pid: int
    create_time: float | None = None
    process: psutil.Process | None = None
    code: int | None = None

    @property
    def returncode(self) -> int | None:
        return self.code

    def poll(self) -> int | None:
        return self.code

    def wait(self, timeout: float | None = None) -> int | None:
        return self.code


def test_root_and_group_are_ours_until_the_root_is_reaped() -> None:
    child = FakeChild(pid=unused_pid())
    tree = ProcessTree(child, label="test")
    assert tree.root_is_ours() and tree.group_is_ours()
    child.code = 0
    assert not tree.root_is_ours()
    # Without a start time nothing proves the pid (and its group number) is still ours.
    assert not tree.group_is_ours() and tree.group_members() == []


def test_group_of_a_gone_leader_is_ours_and_of_a_reused_pid_is_not() -> None:
    gone_leader = FakeChild(pid=unused_pid(), create_time=1.0, code=0)
    assert ProcessTree(gone_leader).group_is_ours()  # members with its group id can only be ours
    me = psutil.Process()
    reused = FakeChild(pid=me.pid, create_time=me.create_time() - 100, code=0)
    assert not ProcessTree(reused).group_is_ours()  # another process holds the pid now
    same = FakeChild(pid=me.pid, create_time=me.create_time(), code=0)
    assert ProcessTree(same).group_is_ours()


def test_a_gone_root_with_nothing_left_collects_and_stops_nothing() -> None:
    child = FakeChild(pid=unused_pid(), code=-9)
    tree = ProcessTree(child, label="test")
    tree.remember_descendants()  # no process to walk: a no-op
    assert tree.known_descendant_pids == []
    assert tree.collect() == []
    assert tree.stop(grace_s=PATIENCE_S) == []  # nothing to wait for: returns at once
    assert "test" in repr(tree)


def test_merge_keeps_the_first_of_each_pid() -> None:
    @dataclass
    class P:
        pid: int
        tag: str

    first = [P(1, "a"), P(2, "a")]
    second = [P(2, "b"), P(3, "b")]
    merged = merge_processes(first, second)  # type: ignore[arg-type]
    assert [(p.pid, p.tag) for p in merged] == [(1, "a"), (2, "a"), (3, "b")]


# ------------------------------------------------------------------------------------------------
# Real trees
# ------------------------------------------------------------------------------------------------
TREE_SCRIPT = """
import os, signal, subprocess, sys, time

role, ready_file, mode = sys.argv[1], sys.argv[2], sys.argv[3]
if role == "launcher" and mode == "launcher-ignores-term":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
if role == "grandchild" and mode == "grandchild-setsid":
    os.setsid()  # leaves the process group: only the collected tree can find it
if role == "child" and mode == "child-setsid-launcher-exits-on-go":
    os.setsid()  # leaves the group, and is orphaned below: only a remembered snapshot finds it
following = {"launcher": "child", "child": "grandchild"}.get(role)
if following:
    subprocess.Popen([sys.executable, __file__, following, ready_file, mode])
with open(ready_file, "a") as f:
    f.write(f"{role} {os.getpid()}\\n")
print(f"{role} ready", flush=True)
if role == "launcher" and mode == "launcher-exits":
    sys.exit(0)  # like a launcher that hands over and leaves its worker running
if role == "launcher" and mode == "child-setsid-launcher-exits-on-go":
    while not os.path.exists(ready_file + ".go"):
        time.sleep(0.02)
    sys.exit(0)
while True:
    time.sleep(1)
"""


@dataclass
class TreeStarter:
    """Starts the three-process tree, as a RenderProcess or as a bare Popen."""

    script: Path
    ready_file: Path
    tmp_path: Path

    def argv(self, mode: str) -> list[str]:
        return [sys.executable, str(self.script), "launcher", str(self.ready_file), mode]

    def read_ready(self) -> dict[str, int]:
        if not self.ready_file.exists():
            return {}
        text = self.ready_file.read_text()
        pairs = (line.split() for line in text.splitlines() if line.strip())
        return {role: int(pid) for role, pid in pairs}

    def wait_ready(self) -> dict[str, int]:
        wait_until(lambda: len(self.read_ready()) == 3, "launcher, child and grandchild to start")
        return self.read_ready()

    def render(self, mode: str) -> tuple[RenderProcess, dict[str, int]]:
        rp = make(self.tmp_path, self.argv(mode)).start()
        return rp, self.wait_ready()

    def popen(self, mode: str) -> tuple[subprocess.Popen[bytes], dict[str, int]]:
        popen = subprocess.Popen(
            self.argv(mode), stdout=subprocess.DEVNULL, start_new_session=os.name != "nt"
        )
        return popen, self.wait_ready()


@pytest.fixture
def tree_starter(tmp_path: Path) -> Iterator[TreeStarter]:
    """Yield a starter of launcher -> child -> grandchild; kill leftovers if a test failed."""
    script = tmp_path / "tree.py"
    script.write_text(TREE_SCRIPT)
    starter = TreeStarter(script=script, ready_file=tmp_path / "ready.txt", tmp_path=tmp_path)

    yield starter

    for pid in starter.read_ready().values():  # safety net only: a passing test leaves nothing
        try:
            proc = psutil.Process(pid)
            if str(script) in proc.cmdline():
                proc.kill()
        except psutil.Error:
            pass


@pytest.fixture
def tree(tree_starter: TreeStarter) -> Callable[[str], tuple[RenderProcess, dict[str, int]]]:
    """Start the tree as a RenderProcess."""
    return tree_starter.render


@pytest.mark.slow
@POSIX_ONLY
def test_process_tree_stops_a_popen_tree_directly(tree_starter: TreeStarter) -> None:
    popen, pids = tree_starter.popen("plain")
    tree = ProcessTree(PopenChild(popen), label="bare")
    tree.remember_descendants()
    assert {pids["child"], pids["grandchild"]} <= set(tree.known_descendant_pids)
    assert {p.pid for p in tree.collect()} >= set(pids.values())
    assert tree.stop(grace_s=PATIENCE_S) == []
    assert all(gone(pid) for pid in pids.values())
    assert popen.returncode == -signal.SIGTERM  # reaped by the tree's wait, no kill needed
    assert tree.known_descendant_pids == [] and not tree.root_is_ours()


@pytest.mark.slow
def test_wait_gone_reaps_the_root() -> None:
    popen = subprocess.Popen([sys.executable, "-c", "pass"])
    child = PopenChild(popen)
    assert child.process is not None  # not reaped yet, so psutil finds it even if it exited
    assert ProcessTree(child).wait_gone([child.process], PATIENCE_S) == []
    assert popen.returncode == 0  # reaped by wait_gone, not left as a zombie


@pytest.mark.slow
@POSIX_ONLY
def test_lower_priority_reaches_the_tree(tree_starter: TreeStarter) -> None:
    if os.nice(0) >= LOW_PRIORITY_NICE:
        pytest.skip("this test runner already runs at low priority")
    popen, pids = tree_starter.popen("plain")
    tree = ProcessTree(PopenChild(popen))
    try:
        tree.lower_priority(LOW_PRIORITY_NICE)
        for pid in pids.values():
            assert psutil.Process(pid).nice() == LOW_PRIORITY_NICE
    finally:
        assert tree.stop(grace_s=0) == []


@pytest.mark.slow
@POSIX_ONLY
def test_terminate_stops_the_whole_tree(tree: Callable) -> None:
    rp, pids = tree("plain")
    assert all(not gone(pid) for pid in pids.values())
    assert rp.pid == pids["launcher"] and rp.create_time is not None
    assert rp.terminate(grace_s=PATIENCE_S) == []
    assert all(gone(pid) for pid in pids.values())
    assert rp.wait(timeout=PATIENCE_S) == -signal.SIGTERM  # it went on SIGTERM, no kill needed
    assert rp.stop_requested and not rp.is_running
    assert "(stop requested)" in rp.log_path.read_text()


@pytest.mark.slow
@POSIX_ONLY
def test_terminate_escalates_when_the_launcher_ignores_sigterm(tree: Callable) -> None:
    rp, pids = tree("launcher-ignores-term")
    assert rp.terminate(grace_s=0.5) == []
    assert all(gone(pid) for pid in pids.values())
    assert rp.wait(timeout=PATIENCE_S) == -signal.SIGKILL


@pytest.mark.slow
@POSIX_ONLY
def test_terminate_finds_a_grandchild_that_left_the_group(tree: Callable) -> None:
    rp, pids = tree("grandchild-setsid")
    grandchild = psutil.Process(pids["grandchild"])
    wait_until(lambda: os.getsid(grandchild.pid) == grandchild.pid, "the grandchild's setsid")
    assert rp.terminate(grace_s=PATIENCE_S) == []
    assert all(gone(pid) for pid in pids.values())


@pytest.mark.slow
@POSIX_ONLY
def test_terminate_after_launcher_exit_kills_its_leftovers(tree: Callable) -> None:
    rp, pids = tree("launcher-exits")
    assert rp.wait(timeout=PATIENCE_S) == 0  # the launcher is gone and reaped...
    assert not gone(pids["child"]) and not gone(pids["grandchild"])  # ...its workers are not
    assert rp.terminate(grace_s=PATIENCE_S) == []
    assert all(gone(pid) for pid in pids.values())


@pytest.mark.slow
@POSIX_ONLY
def test_terminate_finds_an_orphan_outside_the_group_from_a_snapshot(
    tree: Callable, tmp_path: Path
) -> None:
    """Like mayabatch.exe after Render.exe died on Windows: no parent, no group to find it by."""
    rp, pids = tree("child-setsid-launcher-exits-on-go")
    wait_until(lambda: pids["child"] in rp.known_descendant_pids, "a snapshot with the child")
    (tmp_path / "ready.txt.go").touch()
    assert rp.wait(timeout=PATIENCE_S) == 0
    child = psutil.Process(pids["child"])
    assert not gone(child.pid) and os.getpgid(child.pid) != rp.pid
    assert rp.terminate(grace_s=PATIENCE_S) == []
    assert all(gone(pid) for pid in pids.values())


@pytest.mark.slow
@POSIX_ONLY
def test_terminate_and_kill_are_idempotent(tree: Callable) -> None:
    rp, pids = tree("plain")
    assert rp.kill() == []
    assert rp.terminate() == [] and rp.kill() == []
    assert all(gone(pid) for pid in pids.values())
    assert rp.wait(timeout=PATIENCE_S) == -signal.SIGKILL
