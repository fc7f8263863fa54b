"""The one child a render owns, whether this process started it or only found it again.

:class:`~lrc_toolbox.utils.render_subprocess.RenderProcess` talks to its child through the small
:class:`ChildHandle` protocol, which has two variants:

- :class:`PopenChild` wraps the ``subprocess.Popen`` of a render this process launched. Only a
  parent learns the exit status, and until the parent has reaped the child its pid cannot be
  reused, so the handle is also proof that the pid is still ours.
- :class:`AttachedChild` wraps a ``psutil.Process`` found again by pid *and* start time, after the
  manager that launched it died (Maya crashed). Nobody can learn its exit status any more: once it
  has gone, :meth:`AttachedChild.poll` reports :data:`UNKNOWN_EXIT_CODE`.
"""

from __future__ import annotations

import subprocess
import time
from typing import Protocol

import psutil

__all__ = [
    "ATTACHED_POLL_INTERVAL_S",
    "REATTACH_TIME_TOLERANCE_S",
    "UNKNOWN_EXIT_CODE",
    "AttachedChild",
    "ChildHandle",
    "PopenChild",
    "is_alive",
]

#: Exit status reported for a re-attached render once it has gone: only a process's parent can
#: learn its exit code, and the parent (the manager that launched it) died. Never a real status.
UNKNOWN_EXIT_CODE: int = -(2**16)

#: Start times closer than this are the same process (platforms round differently).
REATTACH_TIME_TOLERANCE_S: float = 0.05

#: How often :meth:`AttachedChild.wait` looks whether the process has gone (no parent, no
#: ``waitpid``: looking is the only way).
ATTACHED_POLL_INTERVAL_S: float = 0.05


def is_alive(proc: psutil.Process) -> bool:
    """Tell whether a process still exists and is not a zombie.

    psutil checks the identity (pid and start time), so a pid reused by another program is not
    taken for ``proc``.

    Args:
        proc: The process, as psutil saw it earlier.

    Returns:
        True while it runs (or could not be inspected but still holds its identity).
    """
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:  # includes ZombieProcess
        return False
    except psutil.AccessDenied:
        return proc.is_running()


class ChildHandle(Protocol):
    """What a render needs of its child process, launched or re-attached.

    Attributes:
        pid: The child's process id.
        create_time: Its start time as the OS records it (psutil ``create_time``), or None if the
            OS would not say. With ``pid`` it recognises the process later, since pids are reused.
        process: The psutil view of the child for walking its tree, or None when it was already
            gone (or hidden) when the handle was made.
    """

    pid: int
    create_time: float | None
    process: psutil.Process | None

    @property
    def returncode(self) -> int | None:
        """The exit status seen so far, or None; unlike :meth:`poll` it never looks again.

        While it is None the pid is still the child's: a launched child is not reaped yet, an
        attached one was not yet seen gone.
        """
        ...

    def poll(self) -> int | None:
        """Look whether the child has exited (reaping it if ours).

        Returns:
            The exit status, or None while it runs.
        """
        ...

    def wait(self, timeout: float | None = None) -> int | None:
        """Wait for the child to exit.

        Args:
            timeout: Seconds to wait at most (0: just look); None waits as long as it takes.

        Returns:
            The exit status, or None if the timeout passed first.
        """
        ...


class PopenChild:
    """A child this process launched: a :class:`ChildHandle` over ``subprocess.Popen``."""

    def __init__(self, popen: subprocess.Popen[bytes]) -> None:
        """Wrap a freshly started ``Popen`` and record the child's identity.

        Args:
            popen: The started child.
        """
        self._popen = popen
        self.pid: int = popen.pid
        self.create_time: float | None = None
        self.process: psutil.Process | None = None
        try:
            self.process = psutil.Process(popen.pid)
            self.create_time = self.process.create_time()
        except psutil.Error:
            # Exited and gone already (or the OS hides it): nothing left to identify or signal.
            self.process = None

    @property
    def returncode(self) -> int | None:
        """The status ``Popen`` has reaped, or None (see :class:`ChildHandle`)."""
        return self._popen.returncode

    def poll(self) -> int | None:
        """See :meth:`ChildHandle.poll`."""
        return self._popen.poll()

    def wait(self, timeout: float | None = None) -> int | None:
        """See :meth:`ChildHandle.wait`."""
        try:
            return self._popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def __repr__(self) -> str:
        return f"<PopenChild pid={self.pid} returncode={self._popen.returncode}>"


class AttachedChild:
    """A render an earlier manager launched: a :class:`ChildHandle` over ``psutil.Process``.

    Its exit status cannot be known (only its dead parent could have learned it): once it has
    gone, :meth:`poll` and :meth:`wait` return :data:`UNKNOWN_EXIT_CODE`.
    """

    def __init__(self, *, pid: int, create_time: float, process: psutil.Process | None) -> None:
        """Wrap a process found again, or record that it is gone.

        Prefer :meth:`find`, which checks the identity.

        Args:
            pid: The render's pid (from the job store).
            create_time: Its start time (from the job store).
            process: The running process with that identity, or None when it has gone.
        """
        self.pid = pid
        self.create_time: float | None = create_time
        self.process = process
        self._returncode: int | None = None if process is not None else UNKNOWN_EXIT_CODE

    @classmethod
    def find(cls, *, pid: int, create_time: float) -> AttachedChild:
        """Look for the process with this pid and start time.

        Args:
            pid: The render's pid.
            create_time: Its recorded start time; a pid that now belongs to another program (pids
                are reused) does not match, nor does a zombie.

        Returns:
            A handle that is :attr:`found` when that process runs now, else an already-exited one.
        """
        try:
            proc = psutil.Process(pid)
            alive = proc.status() != psutil.STATUS_ZOMBIE
            started: float | None = proc.create_time()
        except psutil.Error:
            alive, started = False, None
        same = (
            alive
            and started is not None
            and abs(started - create_time) <= REATTACH_TIME_TOLERANCE_S
        )
        return cls(pid=pid, create_time=create_time, process=proc if same else None)

    @property
    def found(self) -> bool:
        """True when the process was running when this handle was made."""
        return self.process is not None

    @property
    def returncode(self) -> int | None:
        """:data:`UNKNOWN_EXIT_CODE` once seen gone, else None (see :class:`ChildHandle`)."""
        return self._returncode

    def poll(self) -> int | None:
        """See :meth:`ChildHandle.poll`; the status is :data:`UNKNOWN_EXIT_CODE` once gone."""
        if self._returncode is None and (self.process is None or not is_alive(self.process)):
            self._returncode = UNKNOWN_EXIT_CODE
        return self._returncode

    def wait(self, timeout: float | None = None) -> int | None:
        """See :meth:`ChildHandle.wait`; looks every :data:`ATTACHED_POLL_INTERVAL_S`."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while (code := self.poll()) is None:
            if deadline is not None and time.monotonic() >= deadline:
                return None
            time.sleep(ATTACHED_POLL_INTERVAL_S)
        return code

    def __repr__(self) -> str:
        return f"<AttachedChild pid={self.pid} found={self.found} returncode={self._returncode}>"
