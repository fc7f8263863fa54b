"""One ``Render`` process: launch it, log it to a file, follow the file, stop its whole tree.

:class:`RenderProcess` owns exactly one child process (CONVENTIONS 6) and puts together the parts
that live beside this module:

- The child's stdout and stderr go, merged, straight into a log file, never into a pipe. A pipe
  that nobody drains fast enough blocks the renderer; a file never does, and it keeps a complete log
  even if this process dies. The file's header and footer are laid out by
  :mod:`lrc_toolbox.utils.render_log`.
- A :class:`~lrc_toolbox.utils.log_follower.LogFollower` thread tails that file and hands each line
  to a callback; a callback that raises is recorded and counted, never allowed to stop the log or
  the render (CONVENTIONS 7).
- :meth:`RenderProcess.terminate` stops the whole tree through a
  :class:`~lrc_toolbox.utils.process_tree.ProcessTree`; the follower thread also snapshots the
  child's descendants while it runs, and on POSIX the child leads its own session, so its process
  group catches what was missed.
- The child is a :class:`~lrc_toolbox.utils.child_handle.ChildHandle`: a
  :class:`~lrc_toolbox.utils.child_handle.PopenChild` for a render launched here, an
  :class:`~lrc_toolbox.utils.child_handle.AttachedChild` for one found again after a crash of the
  manager that launched it (:meth:`RenderProcess.attach`).

This module stays the public face of those parts: the names it exported before they moved out are
re-exported here. Nothing here knows about renderers; line meaning lives in
:mod:`lrc_toolbox.renderers`.
"""

from __future__ import annotations

import logging
import math
import os
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

from lrc_toolbox.config.batch_render_defaults import TERMINATE_GRACE_S
from lrc_toolbox.utils.child_handle import (
    REATTACH_TIME_TOLERANCE_S,
    UNKNOWN_EXIT_CODE,
    AttachedChild,
    ChildHandle,
    PopenChild,
)
from lrc_toolbox.utils.log_follower import (
    FOLLOW_POLL_INTERVAL_S,
    MAX_LINE_BYTES,
    READ_BLOCK_BYTES,
    TRUNCATION_MARKER,
    LineSplitter,
    LogFollower,
)
from lrc_toolbox.utils.process_tree import (
    KILL_WAIT_S,
    TERMINATE_POLL_INTERVAL_S,
    TREE_SNAPSHOT_INTERVAL_S,
    ProcessTree,
)
from lrc_toolbox.utils.render_launch import (
    check_argv,
    check_env,
    launch_failure_message,
    popen_platform_options,
)
from lrc_toolbox.utils.render_log import (
    LOG_TAG,
    OUTPUT_MARKER,
    append_footer,
    footer_text,
    format_command_line,
    header_text,
    output_offset,
)

__all__ = [
    "FOLLOW_POLL_INTERVAL_S",
    "KILL_WAIT_S",
    "LOG_TAG",
    "LOW_PRIORITY_NICE",
    "MAX_LINE_BYTES",
    "OUTPUT_MARKER",
    "READ_BLOCK_BYTES",
    "REATTACH_TIME_TOLERANCE_S",
    "TERMINATE_POLL_INTERVAL_S",
    "TREE_SNAPSHOT_INTERVAL_S",
    "TRUNCATION_MARKER",
    "UNKNOWN_EXIT_CODE",
    "LineSplitter",
    "RenderLaunchError",
    "RenderProcess",
    "format_command_line",
    "popen_platform_options",
]

_LOG = logging.getLogger(__name__)

IS_WINDOWS: bool = os.name == "nt"

#: POSIX niceness for ``low_priority`` renders: enough that the interactive Maya session stays
#: responsive, while the render still gets every idle cycle.
LOW_PRIORITY_NICE: int = 10

#: Delay of the first snapshot of the child's descendants: a launcher starts its worker at once.
FIRST_SNAPSHOT_S: float = min(0.5, TREE_SNAPSHOT_INTERVAL_S)


class RenderLaunchError(RuntimeError):
    """The render process could not be started (missing executable, no permission, bad cwd).

    Attributes:
        executable: ``argv[0]`` of the failed launch.
        log_path: The log file, which holds the header and the reason.
    """

    def __init__(self, message: str, *, executable: str, log_path: Path) -> None:
        super().__init__(message)
        self.executable = executable
        self.log_path = log_path


class RenderProcess:
    """Owns one render child: its launch, its log file, a follower thread, and its stop.

    Typical use (a manager thread, never the GUI thread)::

        rp = RenderProcess(argv=argv, env=build_child_environment(cuda_device=gpu.uuid),
                           log_path=log, on_line=parser_callback, name="rs_beauty 1-10")
        rp.start()
        ...
        if hung:
            rp.terminate()
        code = rp.wait()

    ``on_line`` runs on the follower thread, in line order. It may be slow (the file buffers
    everything) and may raise (recorded in :attr:`reader_error`); it should not block forever,
    because :meth:`wait` waits for the follower.

    Attributes:
        started_monotonic: ``time.monotonic()`` at launch, or None before.
        stop_requested: True once :meth:`terminate` or :meth:`kill` was called (tells a cancel or
            a watchdog kill apart from a crash).
        output_offset: Byte offset in the log where the child's output starts (after the header).
    """

    def __init__(
        self,
        *,
        argv: Sequence[str],
        env: Mapping[str, str],
        log_path: str | os.PathLike[str],
        cwd: str | os.PathLike[str] | None = None,
        on_line: Callable[[str], None] | None = None,
        low_priority: bool = False,
        name: str = "",
        on_exit: Callable[[], None] | None = None,
    ) -> None:
        """Check and store the launch parameters; nothing starts until :meth:`start`.

        Args:
            argv: Executable and arguments, each a str. Never a shell string.
            env: The child's complete environment (see
                :func:`~lrc_toolbox.utils.child_env.build_child_environment`); passed exactly.
            log_path: Log file to create (parent folders are created). An existing file is
                replaced.
            cwd: Working directory of the child, or None for ours.
            on_line: Called with each output line (no line end) on the follower thread.
            low_priority: Run the render below normal priority so the interactive session stays
                responsive (POSIX niceness :data:`LOW_PRIORITY_NICE`; Windows
                ``BELOW_NORMAL_PRIORITY_CLASS``).
            name: A label for logs and ``repr`` (e.g. layer and frames).
            on_exit: Called on the follower thread once the child has exited and every line was
                handed on (:meth:`wait` returns at once by then): lets a supervisor react to
                the end without polling.

        Raises:
            TypeError: ``argv`` is a single string or holds non-str items, ``env`` is not str to
                str, or ``on_line`` is not callable.
            ValueError: ``argv`` is empty or an item/entry contains NUL or an invalid name.
        """
        self._argv = check_argv(argv)
        self._env = check_env(env)
        if on_line is not None and not callable(on_line):
            raise TypeError(f"on_line must be callable or None, got {type(on_line).__name__}")
        self._log_path = Path(log_path)
        self._cwd = None if cwd is None else os.fspath(cwd)
        self._low_priority = bool(low_priority)
        self._name = str(name)

        self._child: ChildHandle | None = None
        self._tree: ProcessTree | None = None
        self._launched = False
        self._terminate_lock = threading.Lock()
        # Set by a waiter thread the moment a launched child exits: the follower's idle wait
        # returns then, so the end is seen at once instead of at its next poll.
        self._exited = threading.Event()
        self._follower = LogFollower(
            self._log_path,
            writer_exited=self._child_exited,
            on_line=on_line,
            on_tick=self._remember_descendants,
            first_tick_s=FIRST_SNAPSHOT_S,
            tick_interval_s=TREE_SNAPSHOT_INTERVAL_S,
            on_finish=self._write_footer,
            label=repr(self),
            idle_wait=self._exited.wait,
            on_done=on_exit,
        )

        self.started_monotonic: float | None = None
        self.stop_requested = False
        self.output_offset = 0

    # ------------------------------------------------------------------------------------------
    # Read-only facts
    # ------------------------------------------------------------------------------------------
    @property
    def argv(self) -> tuple[str, ...]:
        """The argument vector, exactly as launched."""
        return self._argv

    @property
    def env(self) -> dict[str, str]:
        """A copy of the child's environment."""
        return dict(self._env)

    @property
    def log_path(self) -> Path:
        """The log file."""
        return self._log_path

    @property
    def cwd(self) -> str | None:
        """The child's working directory (None: ours)."""
        return self._cwd

    @property
    def name(self) -> str:
        """The label given at construction."""
        return self._name

    @property
    def pid(self) -> int | None:
        """The child's process id, or None before a successful start."""
        return None if self._child is None else self._child.pid

    @property
    def create_time(self) -> float | None:
        """The child's start time as the OS records it (psutil ``create_time``).

        Together with :attr:`pid` it recognises the process later (a re-attach after a crash of
        this process), since pids are reused. None before the start or if the OS would not say.
        """
        return None if self._child is None else self._child.create_time

    @property
    def returncode(self) -> int | None:
        """Exit status (negative: killed by that signal on POSIX), or None while running.

        Also None for a re-attached render that has gone (its exit status is unknowable).
        """
        code = self.poll()
        return None if code == UNKNOWN_EXIT_CODE else code

    @property
    def is_running(self) -> bool:
        """True from a successful start until the child has exited."""
        return self._child is not None and self._child.poll() is None

    @property
    def known_descendant_pids(self) -> list[int]:
        """Pids of descendants seen while the child ran (snapshots every few seconds) and alive.

        :meth:`terminate` stops these too, even after they lost their parent.
        """
        return [] if self._tree is None else self._tree.known_descendant_pids

    @property
    def lines_read(self) -> int:
        """Lines handed on so far (header excluded)."""
        return self._follower.lines_read

    @property
    def lines_truncated(self) -> int:
        """Lines cut at :data:`MAX_LINE_BYTES`."""
        return self._follower.lines_truncated

    @property
    def last_output_monotonic(self) -> float | None:
        """``time.monotonic()`` of the last growth of the log, or None before the child wrote.

        A hang watchdog compares it with now.
        """
        return self._follower.last_output_monotonic

    @property
    def reader_error(self) -> BaseException | None:
        """The first exception ``on_line`` raised, or None."""
        return self._follower.reader_error

    @property
    def reader_error_count(self) -> int:
        """How many times ``on_line`` raised."""
        return self._follower.reader_error_count

    @property
    def follower_error(self) -> BaseException | None:
        """The error that stopped the follower early (an I/O error reading the log), or None."""
        return self._follower.error

    def poll(self) -> int | None:
        """Return the exit status if the child has exited, else None (also None before start)."""
        return None if self._child is None else self._child.poll()

    # ------------------------------------------------------------------------------------------
    # Start
    # ------------------------------------------------------------------------------------------
    def start(self) -> RenderProcess:
        """Write the log header, launch the child and start following its output.

        Returns:
            ``self``, for chaining.

        Raises:
            RuntimeError: :meth:`start` was already called on this object (one object, one
                process).
            RenderLaunchError: The OS refused to start the child (executable missing or not
                executable, cwd missing...). The reason is also written into the log.
            OSError: The log file cannot be created.
        """
        if self._launched:
            raise RuntimeError(f"{self!r} was already started; create a new RenderProcess")
        self._launched = True

        self._log_path.parent.mkdir(parents=True, exist_ok=True)
        # O_APPEND: our footer and the child's writes never overwrite each other.
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND | getattr(os, "O_BINARY", 0)
        log_file: IO[bytes] = os.fdopen(os.open(self._log_path, flags, 0o644), "wb", buffering=0)
        try:
            header = header_text(
                argv=self._argv,
                env=self._env,
                cwd=self._cwd,
                name=self._name,
                low_priority=self._low_priority,
            ).encode("utf-8", errors="backslashreplace")
            log_file.write(header)
            self.output_offset = len(header)
            try:
                popen = subprocess.Popen(
                    self._argv,
                    stdout=log_file,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    env=dict(self._env),
                    cwd=self._cwd,
                    close_fds=True,
                    **popen_platform_options(low_priority=self._low_priority),
                )
            except OSError as exc:
                message = launch_failure_message(exc, executable=self._argv[0], cwd=self._cwd)
                log_file.write(f"{LOG_TAG} launch failed: {message}\n".encode(errors="replace"))
                raise RenderLaunchError(
                    message, executable=self._argv[0], log_path=self._log_path
                ) from exc
        finally:
            # The child holds its own copy of the handle; ours is no longer needed.
            log_file.close()

        self.started_monotonic = time.monotonic()
        self._adopt(PopenChild(popen))
        threading.Thread(
            target=self._wait_for_exit, name=f"render-exit-{popen.pid}", daemon=True
        ).start()
        if self._low_priority and not IS_WINDOWS and self._tree is not None:
            # POSIX niceness is set after the start, because preexec_fn is unsafe in a threaded
            # process; Windows starts the child below normal priority instead.
            self._tree.lower_priority(LOW_PRIORITY_NICE)
        self._start_following()
        _LOG.info("started %r: %s", self, format_command_line(self._argv))
        return self

    @classmethod
    def attach(
        cls,
        *,
        pid: int,
        create_time: float,
        log_path: str | os.PathLike[str],
        on_line: Callable[[str], None] | None = None,
        name: str = "",
        allow_gone: bool = False,
    ) -> RenderProcess:
        """Follow a render that an earlier manager started (and then died, e.g. Maya crashed).

        The render kept writing to its own log file, so reading that file from the start of its
        output replays every line. Its exit code cannot be known (only a parent learns it), so
        :attr:`returncode` is None once it has gone; :meth:`poll` and :meth:`wait` return
        :data:`UNKNOWN_EXIT_CODE`. :meth:`terminate` stops its whole tree as usual.

        Args:
            pid: The render's pid, from the job store.
            create_time: Its start time from the job store: a pid that now belongs to another
                program (pids are reused) is refused.
            log_path: Its log file.
            on_line: Called with each output line, from the first one, on the follower thread.
            name: A label.
            allow_gone: When the render has already ended, replay its whole log instead of
                raising (the follower reads to the end and the process counts as exited).

        Returns:
            A started :class:`RenderProcess` following that render.

        Raises:
            ProcessLookupError: No process with that pid and start time runs now (and
                ``allow_gone`` is False).
        """
        child = AttachedChild.find(pid=pid, create_time=create_time)
        if not child.found and not allow_gone:
            raise ProcessLookupError(f"render pid {pid} (started {create_time}) is not running")
        self = cls(
            argv=[f"(re-attached pid {pid})"], env={}, log_path=log_path, on_line=on_line, name=name
        )
        self._launched = True
        self._adopt(child)
        self.started_monotonic = time.monotonic()
        self.output_offset = output_offset(self._log_path)
        self._start_following()
        return self

    def _adopt(self, child: ChildHandle) -> None:
        self._child = child
        self._tree = ProcessTree(child, label=repr(self))

    def _start_following(self) -> None:
        assert self._child is not None
        self._follower.start(
            offset=self.output_offset,
            name=f"render-follower-{self._child.pid}",
            label=repr(self),
        )

    # ------------------------------------------------------------------------------------------
    # Follow (these run on the follower thread)
    # ------------------------------------------------------------------------------------------
    def _child_exited(self) -> bool:
        return self._child is not None and self._child.poll() is not None

    def _wait_for_exit(self) -> None:
        """The waiter thread of a launched child: reap it the moment it exits."""
        assert self._child is not None
        try:
            self._child.wait()
        finally:
            self._exited.set()

    def _remember_descendants(self) -> None:
        if self._tree is not None:
            self._tree.remember_descendants()

    def _write_footer(self) -> None:
        elapsed = time.monotonic() - (self.started_monotonic or time.monotonic())
        text = footer_text(
            pid=self.pid,
            code=self.poll(),
            elapsed_s=elapsed,
            stop_requested=self.stop_requested,
            follower_error=self._follower.error,
        )
        append_footer(self._log_path, text)

    # ------------------------------------------------------------------------------------------
    # Wait
    # ------------------------------------------------------------------------------------------
    def wait(self, timeout: float | None = None) -> int | None:
        """Wait for the child to exit and for the follower to hand on every line.

        Args:
            timeout: Seconds to wait at most; None waits as long as it takes.

        Returns:
            The exit status, or None if the timeout passed first.

        Raises:
            RuntimeError: The process was never started.
            ValueError: ``timeout`` is negative or not a number.
        """
        if self._child is None or not self._follower.started:
            raise RuntimeError(f"{self!r} was never started")
        if timeout is not None and not (timeout >= 0):  # also refuses NaN
            raise ValueError(f"timeout must be >= 0 or None, got {timeout!r}")
        deadline = None if timeout is None else time.monotonic() + timeout
        code = self._child.wait(timeout=timeout)
        if code is None:
            return None
        if not self._follower.is_current_thread():  # on_line may call wait()
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not self._follower.join(remaining):
                return None
        return code

    # ------------------------------------------------------------------------------------------
    # Stop
    # ------------------------------------------------------------------------------------------
    def terminate(self, grace_s: float = TERMINATE_GRACE_S) -> list[int]:
        """Stop the child and every process it started; escalate to a hard kill after a grace.

        The tree is collected first (children re-parent once their launcher dies). On POSIX
        SIGTERM goes to the child's process group and to each collected process; on Windows
        CTRL_BREAK_EVENT goes to the child's group and each collected process is terminated
        (Windows has no catchable terminate for a console-less child). After ``grace_s``, what
        is still alive (including processes forked meanwhile) gets SIGKILL / TerminateProcess.

        Idempotent and safe after the child exited: leftovers still in its process group are
        stopped too. May be called from ``on_line`` (it does not wait for the follower).

        Args:
            grace_s: Seconds to let the tree exit cleanly before killing it; 0 kills at once.

        Returns:
            Pids still alive afterwards (zombies count as gone); normally ``[]``. Any are also
            logged as a warning.

        Raises:
            ValueError: ``grace_s`` is negative or not finite.
        """
        if not (isinstance(grace_s, (int, float)) and math.isfinite(grace_s) and grace_s >= 0):
            raise ValueError(f"grace_s must be a finite number >= 0, got {grace_s!r}")
        if self._tree is None:
            return []
        with self._terminate_lock:
            self.stop_requested = True
            leftover = self._tree.stop(grace_s)
            if leftover:
                _LOG.warning("%r: processes still alive after kill: %s", self, leftover)
            return leftover

    def kill(self) -> list[int]:
        """Kill the whole tree at once (``terminate(grace_s=0)``).

        Returns:
            Pids still alive afterwards; normally ``[]``.
        """
        return self.terminate(grace_s=0)

    # ------------------------------------------------------------------------------------------
    # Context manager and repr
    # ------------------------------------------------------------------------------------------
    def __enter__(self) -> RenderProcess:
        """Start the process if it is not started yet and return it."""
        if not self._launched:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Stop the tree if the child still runs, then wait for the follower to finish."""
        if self._child is None:
            return
        if self.is_running:
            self.terminate()
        self.wait()

    def __repr__(self) -> str:
        if self._child is None:
            state = "not started"
        else:
            code = self._child.poll()
            state = "running" if code is None else f"exited {code}"
        return f"<RenderProcess name={self._name!r} pid={self.pid} {state}>"
