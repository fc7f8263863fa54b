"""The process tree of one render child: find every process it started, stop them all.

``Render.exe`` on Windows is only a launcher for ``mayabatch.exe``, and renderers start helpers,
so stopping a render means stopping a tree. :class:`ProcessTree` finds its members three ways:

- the child's descendants, collected *before* signalling (children re-parent once their parent
  dies);
- descendants remembered from snapshots taken while the child ran (:meth:`remember_descendants`),
  because Windows neither has process groups nor re-parents orphans, so a worker whose launcher
  died is only findable if it was seen before;
- on POSIX, the members of the child's process group (the child leads its own session), whoever
  their parent is now.

Every signal is sent only to processes whose identity (pid + start time) is still the one seen:
pids are reused, and a stranger must never be hit.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time

import psutil

from lrc_toolbox.utils.child_handle import ChildHandle, is_alive

__all__ = [
    "IS_WINDOWS",
    "KILL_WAIT_S",
    "TERMINATE_POLL_INTERVAL_S",
    "TREE_SNAPSHOT_INTERVAL_S",
    "ProcessTree",
    "is_alive",
    "merge_processes",
]

_LOG = logging.getLogger(__name__)

IS_WINDOWS: bool = os.name == "nt"

#: How long to wait for the tree to vanish after SIGKILL / TerminateProcess.
KILL_WAIT_S: float = 5.0

#: How often the owner should call :meth:`ProcessTree.remember_descendants` while the child runs.
#: One snapshot scans the process table (a few ms), hence not more often.
TREE_SNAPSHOT_INTERVAL_S: float = 2.0

#: How often :meth:`ProcessTree.stop` checks whether the tree is gone.
TERMINATE_POLL_INTERVAL_S: float = 0.05


def merge_processes(
    first: list[psutil.Process], second: list[psutil.Process]
) -> list[psutil.Process]:
    """Return ``first`` plus the processes of ``second`` whose pid is not in ``first``.

    Args:
        first: Processes kept as they are.
        second: Processes added when new.

    Returns:
        One process per pid, ``first``'s order first.
    """
    merged = {p.pid: p for p in first}
    for proc in second:
        merged.setdefault(proc.pid, proc)
    return list(merged.values())


class ProcessTree:
    """Everything one child started: remember it, collect it, signal it, wait until it is gone.

    Thread-safe: the follower thread remembers descendants while another thread stops the tree.
    """

    def __init__(self, child: ChildHandle, *, label: str = "") -> None:
        """Watch the tree below ``child``.

        Args:
            child: The root; its ``returncode`` tells whether its pid is still ours, its
                ``poll()`` reaps it, its ``process`` is walked for descendants.
            label: A name for log messages (e.g. the render's name).
        """
        self._child = child
        self._label = label
        self._known: dict[int, psutil.Process] = {}  # descendants seen while running
        self._known_lock = threading.Lock()

    @property
    def known_descendant_pids(self) -> list[int]:
        """Pids of descendants seen by :meth:`remember_descendants` that are still alive."""
        with self._known_lock:
            known = list(self._known.values())
        return sorted(p.pid for p in known if is_alive(p))

    def remember_descendants(self) -> None:
        """Add the root's current descendants to the remembered ones; forget the dead ones.

        Called every :data:`TREE_SNAPSHOT_INTERVAL_S` while the child runs, so that a worker
        orphaned later (no parent, no group) can still be stopped.
        """
        root = self._child.process
        if root is None or not self.root_is_ours():
            return
        try:
            children = root.children(recursive=True)
        except psutil.Error:
            return  # exited meanwhile
        with self._known_lock:
            alive = {pid: proc for pid, proc in self._known.items() if is_alive(proc)}
            for child in children:
                alive.setdefault(child.pid, child)
            self._known = alive

    def lower_priority(self, niceness: int) -> None:
        """Raise the POSIX niceness of the root and its current descendants to ``niceness``.

        A launcher may already have spawned its worker in the moment since it started, and that
        worker inherited the old niceness: the whole tree is lowered, not just the root. A
        process already nicer is left alone; one that refuses is logged.

        Args:
            niceness: The niceness to reach.
        """
        root = self._child.process
        if root is None:
            return  # the child is already gone
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.Error:
            tree = [root]
        for proc in tree:
            try:
                if proc.nice() < niceness:
                    proc.nice(niceness)
            except psutil.Error as exc:
                _LOG.warning("could not lower the priority of pid %s: %s", proc.pid, exc)

    # ------------------------------------------------------------------------------------------
    # Identity
    # ------------------------------------------------------------------------------------------
    def root_is_ours(self) -> bool:
        """True while the root's pid still names the root.

        A launched child's pid cannot be reused until it is reaped; an attached one's only
        until it was seen gone.
        """
        return self._child.returncode is None

    def group_is_ours(self) -> bool:
        """False when the root's pid now belongs to another process (so its group number may too).

        A pid (and so a group id) is only reused after every member of the old group is gone, so
        if a *different* process holds the pid, our group no longer exists.
        """
        if self.root_is_ours():
            return True
        create_time = self._child.create_time
        if create_time is None:
            return False
        try:
            return psutil.Process(self._child.pid).create_time() == create_time
        except psutil.NoSuchProcess:
            return True  # the leader is gone; members with its group id can only be ours
        except psutil.Error:
            return False

    # ------------------------------------------------------------------------------------------
    # Collect
    # ------------------------------------------------------------------------------------------
    def collect(self) -> list[psutil.Process]:
        """Return every live member of the tree now (never this process itself).

        The root while it runs, every remembered descendant still alive (identity checked),
        each with its current descendants, and on POSIX the root's process group.
        """
        found: dict[int, psutil.Process] = {}

        def add_with_children(proc: psutil.Process) -> None:
            found.setdefault(proc.pid, proc)
            try:
                for child in proc.children(recursive=True):
                    found.setdefault(child.pid, child)
            except psutil.Error:
                pass  # it exited meanwhile: nothing below it to find through it

        # poll() reaps an exited root; a running one (or one we cannot reap yet) is ours.
        root = self._child.process
        if root is not None and self._child.poll() is None:
            add_with_children(root)
        with self._known_lock:
            known = list(self._known.values())
        for proc in known:
            if is_alive(proc):  # identity checked: a reused pid is not taken for ours
                add_with_children(proc)
        if not IS_WINDOWS:
            for member in self.group_members():
                add_with_children(member)
        return [p for p in found.values() if p.pid != os.getpid()]

    def group_members(self) -> list[psutil.Process]:
        """Processes in the root's process group (POSIX), whoever their parent is now."""
        pgid = self._child.pid
        if not self.group_is_ours():
            return []
        members = []
        for proc in psutil.process_iter():
            try:
                if os.getpgid(proc.pid) == pgid:
                    members.append(proc)
            except OSError:
                continue  # gone, or not ours to inspect
        return members

    # ------------------------------------------------------------------------------------------
    # Signal and wait
    # ------------------------------------------------------------------------------------------
    def signal(self, procs: list[psutil.Process], *, hard: bool) -> None:
        """Ask ``procs`` (and the root's group) to stop, or kill them.

        POSIX: SIGTERM / SIGKILL to the root's process group (while it is ours) and to each
        process. Windows: a best-effort CTRL_BREAK_EVENT to the root's group, then terminate /
        kill each process (a console-less child has no catchable terminate).

        Args:
            procs: The processes to stop, usually from :meth:`collect`.
            hard: Kill instead of asking.
        """
        pid = self._child.pid
        if IS_WINDOWS:
            # sys.platform (not only IS_WINDOWS) guards CTRL_BREAK_EVENT, which exists only on
            # Windows, so a type checker run elsewhere knows this line never runs there.
            if not hard and sys.platform == "win32":
                # Reaches only group members attached to our console; a CREATE_NO_WINDOW child has
                # its own, so this is best effort and terminate() below does the real work.
                try:
                    os.kill(pid, signal.CTRL_BREAK_EVENT)
                except OSError:
                    pass
            for proc in procs:
                try:
                    if hard:
                        proc.kill()
                    else:
                        proc.terminate()
                except psutil.Error:
                    pass  # already gone
            return
        sig = signal.SIGKILL if hard else signal.SIGTERM
        if self.group_is_ours():
            try:
                os.killpg(pid, sig)
            except OSError:
                pass  # no member left in the group
        for proc in procs:
            try:
                proc.send_signal(sig)  # psutil refuses if the pid now belongs to someone else
            except psutil.Error:
                pass  # already gone

    def wait_gone(self, procs: list[psutil.Process], timeout_s: float) -> list[psutil.Process]:
        """Wait until every one of ``procs`` has gone, reaping the root if it is among them.

        Args:
            procs: The processes to wait for.
            timeout_s: Seconds to wait at most.

        Returns:
            Those still alive at the end (zombies count as gone).
        """
        # Not psutil.wait_procs: it counts zombies as alive, and a container's init may never reap
        # orphans, so it would always wait the full timeout.
        deadline = time.monotonic() + timeout_s
        pending = list(procs)
        while True:
            self._child.poll()  # reap our own child so it does not linger as a zombie
            pending = [p for p in pending if is_alive(p)]
            remaining = deadline - time.monotonic()
            if not pending or remaining <= 0:
                return pending
            time.sleep(min(TERMINATE_POLL_INTERVAL_S, remaining))

    def stop(self, grace_s: float) -> list[int]:
        """Stop the whole tree: ask, wait ``grace_s``, then kill what is left.

        What is still alive after the grace (including processes forked meanwhile) is killed.
        Safe after the root exited: leftovers still in its process group are stopped too.

        Args:
            grace_s: Seconds to let the tree exit cleanly before killing it; 0 kills at once.

        Returns:
            Pids still alive afterwards (zombies count as gone); normally ``[]``.
        """
        procs = self.collect()
        if grace_s > 0:
            self.signal(procs, hard=False)
            alive = self.wait_gone(procs, grace_s)
            # Anything forked during the grace period (a launcher's clean-up) is caught here.
            procs = merge_processes(alive, self.collect())
        if procs:
            _LOG.info("killing %d process(es) of %s", len(procs), self._label)
            self.signal(procs, hard=True)
        alive = self.wait_gone(procs, KILL_WAIT_S)
        return sorted(p.pid for p in alive)

    def __repr__(self) -> str:
        return f"<ProcessTree {self._label} root={self._child.pid}>"
