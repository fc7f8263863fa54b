"""One ``Render`` process: launch it, log it to a file, follow the file, stop its whole tree.

:class:`RenderProcess` owns exactly one child process (CONVENTIONS 6):

- The child's stdout and stderr go, merged, straight into a log file, never into a pipe. A pipe
  that nobody drains fast enough blocks the renderer; a file never does, and it keeps a complete log
  even if this process dies. The file starts with a header: when, the exact command line, the cwd
  and what the child's environment changes compared with ours.
- A follower thread tails that file and hands each line to a callback. Renderers redraw progress
  with a lone ``\\r``, so ``\\r`` ends a line too. A callback that raises is recorded and counted,
  never allowed to stop the log or the render (CONVENTIONS 7).
- :meth:`RenderProcess.terminate` stops the whole tree. ``Render.exe`` on Windows is only a launcher
  for ``mayabatch.exe``, and renderers start helpers, so the tree is collected *before* signalling
  (children re-parent once their parent dies), the follower also remembers the descendants it
  sees while the child runs, and on POSIX the child leads its own session, so the process group
  catches what was missed.

Nothing here knows about renderers; line meaning lives in :mod:`lrc_toolbox.renderers`.
"""

from __future__ import annotations

import datetime
import json
import logging
import math
import os
import re
import shlex
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import psutil

from lrc_toolbox.config.batch_render_defaults import TERMINATE_GRACE_S
from lrc_toolbox.utils.child_env import describe_env_changes, format_env_changes

__all__ = [
    "FOLLOW_POLL_INTERVAL_S",
    "KILL_WAIT_S",
    "LOG_TAG",
    "LOW_PRIORITY_NICE",
    "MAX_LINE_BYTES",
    "READ_BLOCK_BYTES",
    "TERMINATE_POLL_INTERVAL_S",
    "TREE_SNAPSHOT_INTERVAL_S",
    "TRUNCATION_MARKER",
    "LineSplitter",
    "RenderLaunchError",
    "RenderProcess",
    "format_command_line",
    "popen_platform_options",
]

_log = logging.getLogger(__name__)

IS_WINDOWS: bool = os.name == "nt"

#: How often the follower looks for new data when the file has not grown.
FOLLOW_POLL_INTERVAL_S: float = 0.05

#: How much the follower reads at once.
READ_BLOCK_BYTES: int = 64 * 1024

#: Longest line handed on; the rest of a longer line is dropped so one pathological line (a
#: progress bar that never prints a newline, a binary dump) cannot eat memory.
MAX_LINE_BYTES: int = 64 * 1024

#: Appended to a line cut at :data:`MAX_LINE_BYTES`.
TRUNCATION_MARKER: str = " [... line truncated by lrc_toolbox]"

#: How long to wait for the tree to vanish after SIGKILL / TerminateProcess.
KILL_WAIT_S: float = 5.0

#: How often the follower remembers the child's descendants while it runs. Windows has no process
#: groups and does not re-parent orphans, so a worker whose launcher died (``mayabatch.exe`` after
#: ``Render.exe``) is only findable if it was seen before. One snapshot scans the process table
#: (a few ms), hence not more often.
TREE_SNAPSHOT_INTERVAL_S: float = 2.0

#: How often :meth:`RenderProcess.terminate` checks whether the tree is gone.
TERMINATE_POLL_INTERVAL_S: float = 0.05

#: POSIX niceness for ``low_priority`` renders: enough that the interactive Maya session stays
#: responsive, while the render still gets every idle cycle.
LOW_PRIORITY_NICE: int = 10

#: Every line this module writes into a log (header, footer) starts with this.
LOG_TAG: str = "[lrc_toolbox]"

#: Exit status reported for a re-attached render once it has gone: only a process's parent can
#: learn its exit code, and the parent (the manager that launched it) died. Never a real status.
UNKNOWN_EXIT_CODE: int = -(2**16)

#: The line that ends the header of every render log (output starts after it).
OUTPUT_MARKER: str = f"{LOG_TAG} ---- render output follows ----"

# Windows creation flags, spelled out so the Windows branch can be built (and tested) anywhere.
_CREATE_NEW_PROCESS_GROUP: int = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0x00000200)
_CREATE_NO_WINDOW: int = getattr(subprocess, "CREATE_NO_WINDOW", 0x08000000)
_BELOW_NORMAL_PRIORITY_CLASS: int = getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0x00004000)

# Line ends: LF, CRLF, and a run of CRs. "\r\r\n" (Windows text-mode output written through another
# text layer) is one line end, and a progress redraw "\r\r" does not produce empty lines. This
# turns each CR-based line end into one LF.
_CR_EOL_RE = re.compile(rb"\r+\n?")


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


def format_command_line(argv: Sequence[str], *, windows: bool = IS_WINDOWS) -> str:
    """Return ``argv`` as one command line a person can paste into a shell.

    Args:
        argv: The argument vector.
        windows: Quote for Windows (``subprocess.list2cmdline``, what ``CreateProcess`` parses)
            instead of POSIX shells (``shlex.join``).

    Returns:
        The command line.
    """
    return subprocess.list2cmdline(argv) if windows else shlex.join(argv)


def popen_platform_options(
    *, windows: bool = IS_WINDOWS, low_priority: bool = False
) -> dict[str, Any]:
    """Return the platform-specific ``Popen`` keyword arguments for a render child.

    Args:
        windows: Build the Windows options instead of the POSIX ones.
        low_priority: Windows only: start the child at ``BELOW_NORMAL_PRIORITY_CLASS``, which its
            own children inherit. POSIX niceness is set after the start instead (see
            :meth:`RenderProcess.start`), because ``preexec_fn`` is unsafe in a threaded process.

    Returns:
        ``{"creationflags": ...}`` on Windows: a new process group (so ``CTRL_BREAK_EVENT`` reaches
        the tree and the artist's console Ctrl+C does not) and no console window. On POSIX
        ``{"start_new_session": True}``: the child leads its own session and process group, so
        the whole tree can be signalled and a terminal's signals do not reach it.
    """
    if windows:
        flags = _CREATE_NEW_PROCESS_GROUP | _CREATE_NO_WINDOW
        if low_priority:
            flags |= _BELOW_NORMAL_PRIORITY_CLASS
        return {"creationflags": flags}
    return {"start_new_session": True}


class LineSplitter:
    """Turn a byte stream, fed in arbitrary pieces, into text lines.

    A line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (a run of ``\\r`` before or without ``\\n``
    counts as one line end). A trailing ``\\r`` is held back until the next piece shows whether
    ``\\n`` follows, so the result does not depend on how the stream was cut. Lines are decoded
    with ``errors="replace"``; lines longer than ``max_line_bytes`` are cut (at a character
    boundary) and marked with :data:`TRUNCATION_MARKER`, and the rest of them is dropped.

    Not thread-safe: one reader owns it. Also useful to re-read a log file from an offset.

    Attributes:
        lines_truncated: How many lines were cut.
    """

    def __init__(self, *, max_line_bytes: int = MAX_LINE_BYTES, encoding: str = "utf-8") -> None:
        """Create an empty splitter.

        Args:
            max_line_bytes: Longest line kept, in bytes (at least 1).
            encoding: Text encoding of the stream.

        Raises:
            ValueError: ``max_line_bytes`` is below 1.
        """
        if max_line_bytes < 1:
            raise ValueError(f"max_line_bytes must be at least 1, got {max_line_bytes}")
        self._max = max_line_bytes
        self._encoding = encoding
        self._buf = b""
        self._discarding = False  # inside the dropped tail of a truncated line
        self.lines_truncated = 0

    def feed(self, data: bytes) -> list[str]:
        """Add bytes and return the lines they complete, in order (without line ends).

        Args:
            data: The next piece of the stream.

        Returns:
            Completed lines.
        """
        if data:
            self._buf += data
        return self._split(final=False)

    def finish(self) -> list[str]:
        """Declare the end of the stream and return what is left (a last line without newline).

        Returns:
            The remaining lines (zero or one, or a line held back behind a trailing ``\\r``).
        """
        return self._split(final=True)

    @property
    def pending_bytes(self) -> int:
        """Bytes of an incomplete last line kept so far."""
        return len(self._buf)

    def _split(self, *, final: bool) -> list[str]:
        buf = self._buf
        held = b""
        if not final:
            # A trailing CR may be the first half of CRLF, or more CRs may follow: keep it back.
            body = buf.rstrip(b"\r")
            held = buf[len(body) :]
            buf = body
        if b"\r" in buf:
            buf = buf.replace(b"\r\n", b"\n")  # Windows output: the common case, done cheaply
            if b"\r" in buf:
                buf = _CR_EOL_RE.sub(b"\n", buf)  # every other CR line end becomes one LF
        # bytes.split and a list comprehension keep the per-line cost low: the follower runs in
        # Maya's process, so every microsecond per line is taken from the artist's session.
        complete = buf.split(b"\n")
        rest = complete.pop()  # the incomplete last line ("" when buf ended with a line end)
        lines: list[str] = []
        if complete and self._discarding:
            self._discarding = False  # the first one ends a line already handed on
            complete = complete[1:]
        if complete and max(map(len, complete)) <= self._max:
            lines = [raw.decode(self._encoding, errors="replace") for raw in complete]
        else:
            for raw in complete:
                self._take(raw, lines)
        if final:
            if rest:
                self._take(rest, lines)
            self._buf = b""
            self._discarding = False
            return lines
        if self._discarding:
            rest = b""
        elif len(rest) > self._max:
            lines.append(self._truncate(rest))
            self._discarding = True
            rest = b""
        self._buf = rest + held
        return lines

    def _take(self, raw: bytes, lines: list[str]) -> None:
        if self._discarding:
            self._discarding = False  # this was the dropped tail of a line already handed on
            return
        if len(raw) > self._max:
            lines.append(self._truncate(raw))
        else:
            lines.append(raw.decode(self._encoding, errors="replace"))

    def _truncate(self, raw: bytes) -> str:
        cut = self._max
        # Do not cut a UTF-8 sequence in half: step back over continuation bytes.
        while cut > 0 and (raw[cut] & 0xC0) == 0x80:
            cut -= 1
        self.lines_truncated += 1
        return raw[: cut or self._max].decode(self._encoding, errors="replace") + TRUNCATION_MARKER


def _check_argv(argv: object) -> tuple[str, ...]:
    if isinstance(argv, (str, bytes)) or not isinstance(argv, Sequence):
        raise TypeError(
            "argv must be a sequence of str (one item per argument, no shell), "
            f"got {type(argv).__name__}"
        )
    items = tuple(argv)
    if not items:
        raise ValueError("argv is empty: it needs at least the executable")
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise TypeError(
                f"argv[{index}] must be str, got {type(item).__name__} {item!r}; "
                "convert paths and numbers with str() when building argv"
            )
        if "\0" in item:
            raise ValueError(f"argv[{index}] contains a NUL character: {item!r}")
    if not items[0]:
        raise ValueError("argv[0] (the executable) is empty")
    return items


def _check_env(env: object) -> dict[str, str]:
    if not isinstance(env, Mapping):
        raise TypeError(f"env must be a mapping of str to str, got {type(env).__name__}")
    checked: dict[str, str] = {}
    for key, value in env.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise TypeError(
                f"env entries must be str to str, got {key!r}: {type(value).__name__}; "
                "build env with lrc_toolbox.utils.child_env.build_child_environment"
            )
        # Windows keeps hidden per-drive entries such as "=C:" in its environment; only a
        # leading '=' is legal there.
        name_part = key[1:] if IS_WINDOWS else key
        if not key or "=" in name_part or "\0" in key or "\0" in value:
            raise ValueError(f"env has an invalid entry {key!r} (empty, '=' or NUL)")
        checked[key] = value
    return checked


#: Start times closer than this are the same process (platforms round differently).
REATTACH_TIME_TOLERANCE_S: float = 0.05


class _AttachedChild:
    """The part of ``Popen``'s interface RenderProcess uses, for a process we did not start."""

    def __init__(self, proc: psutil.Process | None, pid: int) -> None:
        self._proc = proc
        self.pid = pid
        self.returncode: int | None = None if proc is not None else UNKNOWN_EXIT_CODE

    def poll(self) -> int | None:
        if self.returncode is None and (self._proc is None or not _is_alive(self._proc)):
            self.returncode = UNKNOWN_EXIT_CODE
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() >= deadline:
                raise subprocess.TimeoutExpired(f"pid {self.pid}", timeout or 0)
            time.sleep(TERMINATE_POLL_INTERVAL_S)
        return self.returncode  # type: ignore[return-value]


def _output_offset(log_path: Path) -> int:
    """Byte offset just after the header of a render log (0 if the marker is missing)."""
    marker = OUTPUT_MARKER.encode() + b"\n"
    try:
        with open(log_path, "rb") as log:
            head = log.read(256 * 1024)
    except OSError:
        return 0
    index = head.find(marker)
    return 0 if index < 0 else index + len(marker)


def _is_alive(proc: psutil.Process) -> bool:
    """True while ``proc`` (identity checked by psutil) exists and is not a zombie."""
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:  # includes ZombieProcess
        return False
    except psutil.AccessDenied:
        return proc.is_running()


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
        lines_read: Lines handed on so far (header excluded).
        last_output_monotonic: ``time.monotonic()`` of the last growth of the log, or None before
            the child wrote anything. A hang watchdog compares it with now.
        started_monotonic: ``time.monotonic()`` at launch, or None before.
        reader_error: The first exception ``on_line`` raised, or None.
        reader_error_count: How many times ``on_line`` raised.
        follower_error: The error that stopped the follower early (an I/O error reading the
            log), or None.
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

        Raises:
            TypeError: ``argv`` is a single string or holds non-str items, ``env`` is not str to
                str, or ``on_line`` is not callable.
            ValueError: ``argv`` is empty or an item/entry contains NUL or an invalid name.
        """
        self._argv = _check_argv(argv)
        self._env = _check_env(env)
        if on_line is not None and not callable(on_line):
            raise TypeError(f"on_line must be callable or None, got {type(on_line).__name__}")
        self._log_path = Path(log_path)
        self._cwd = None if cwd is None else os.fspath(cwd)
        self._on_line = on_line
        self._low_priority = bool(low_priority)
        self._name = str(name)

        self._popen: subprocess.Popen[bytes] | None = None
        self._psproc: psutil.Process | None = None
        self._create_time: float | None = None
        self._launched = False
        self._follower: threading.Thread | None = None
        self._terminate_lock = threading.Lock()
        self._known: dict[int, psutil.Process] = {}  # descendants seen while running
        self._known_lock = threading.Lock()
        self._splitter = LineSplitter()

        self.lines_read = 0
        self.last_output_monotonic: float | None = None
        self.started_monotonic: float | None = None
        self.reader_error: BaseException | None = None
        self.reader_error_count = 0
        self.follower_error: BaseException | None = None
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
        return None if self._popen is None else self._popen.pid

    @property
    def create_time(self) -> float | None:
        """The child's start time as the OS records it (psutil ``create_time``).

        Together with :attr:`pid` it recognises the process later (a re-attach after a crash of
        this process), since pids are reused. None before the start or if the OS would not say.
        """
        return self._create_time

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
        return self._popen is not None and self._popen.poll() is None

    @property
    def known_descendant_pids(self) -> list[int]:
        """Pids of descendants seen while the child ran (snapshots every few seconds) and alive.

        :meth:`terminate` stops these too, even after they lost their parent.
        """
        with self._known_lock:
            known = list(self._known.values())
        return sorted(p.pid for p in known if _is_alive(p))

    @property
    def lines_truncated(self) -> int:
        """Lines cut at :data:`MAX_LINE_BYTES`."""
        return self._splitter.lines_truncated

    def poll(self) -> int | None:
        """Return the exit status if the child has exited, else None (also None before start)."""
        return None if self._popen is None else self._popen.poll()

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
            header = self._header_text().encode("utf-8", errors="backslashreplace")
            log_file.write(header)
            self.output_offset = len(header)
            try:
                self._popen = subprocess.Popen(
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
                message = self._launch_failure_message(exc)
                log_file.write(f"{LOG_TAG} launch failed: {message}\n".encode(errors="replace"))
                raise RenderLaunchError(
                    message, executable=self._argv[0], log_path=self._log_path
                ) from exc
        finally:
            # The child holds its own copy of the handle; ours is no longer needed.
            log_file.close()

        self.started_monotonic = time.monotonic()
        try:
            self._psproc = psutil.Process(self._popen.pid)
            self._create_time = self._psproc.create_time()
        except psutil.Error:
            # Exited and gone already (or the OS hides it): nothing left to identify or signal.
            self._psproc = None
        if self._low_priority and not IS_WINDOWS:
            self._lower_priority_posix()

        self._follower = threading.Thread(
            target=self._follow, name=f"render-follower-{self._popen.pid}", daemon=True
        )
        self._follower.start()
        _log.info("started %r: %s", self, format_command_line(self._argv))
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

        Raises:
            ProcessLookupError: No process with that pid and start time runs now (and
                ``allow_gone`` is False).
        """
        try:
            proc = psutil.Process(pid)
            alive = proc.status() != psutil.STATUS_ZOMBIE
            started = proc.create_time()
        except psutil.Error:
            alive, started = False, None
        same = (
            alive
            and started is not None
            and abs(started - create_time) <= (REATTACH_TIME_TOLERANCE_S)
        )
        if not same and not allow_gone:
            raise ProcessLookupError(f"render pid {pid} (started {create_time}) is not running")
        self = cls(
            argv=[f"(re-attached pid {pid})"], env={}, log_path=log_path, on_line=on_line, name=name
        )
        self._launched = True
        self._popen = _AttachedChild(proc if same else None, pid)  # type: ignore[assignment]
        self._psproc = proc if same else None
        self._create_time = create_time
        self.started_monotonic = time.monotonic()
        self.output_offset = _output_offset(self._log_path)
        self._follower = threading.Thread(
            target=self._follow, name=f"render-follower-{pid}", daemon=True
        )
        self._follower.start()
        return self

    def _header_text(self) -> str:
        now = datetime.datetime.now().astimezone().isoformat(timespec="milliseconds")
        cwd = self._cwd if self._cwd is not None else f"{os.getcwd()} (inherited)"
        changes = format_env_changes(describe_env_changes(os.environ, self._env))
        lines = [
            f"{LOG_TAG} render log",
            f"{LOG_TAG} started: {now}",
            f"{LOG_TAG} name: {self._name}",
            f"{LOG_TAG} command: {format_command_line(self._argv)}",
            f"{LOG_TAG} argv: {json.dumps(list(self._argv))}",
            f"{LOG_TAG} cwd: {cwd}",
            f"{LOG_TAG} low priority: {'yes' if self._low_priority else 'no'}",
            f"{LOG_TAG} environment changes vs the launching process:",
            *(f"{LOG_TAG}   {line}" for line in changes),
            OUTPUT_MARKER,
        ]
        return "\n".join(lines) + "\n"

    def _launch_failure_message(self, exc: OSError) -> str:
        exe = self._argv[0]
        # Popen names the missing thing in `filename`: the executable, or the cwd.
        missing = None if exc.filename is None else os.fspath(exc.filename)
        if self._cwd is not None and missing == self._cwd:
            return f"cannot start {exe!r}: working directory {self._cwd!r}: {exc.strerror}"
        if isinstance(exc, FileNotFoundError):
            return f"cannot start {exe!r}: executable not found (check the path or PATH)"
        if isinstance(exc, PermissionError):
            return f"cannot start {exe!r}: permission denied (is it an executable file?)"
        return f"cannot start {exe!r}: {exc.strerror or exc}"

    def _lower_priority_posix(self) -> None:
        # A launcher may already have spawned its worker in the moment since Popen returned, and
        # that worker inherited the old niceness: lower the whole tree, not just the pid.
        if self._psproc is None:
            return  # the child is already gone
        try:
            tree = [self._psproc, *self._psproc.children(recursive=True)]
        except psutil.Error:
            tree = [self._psproc]
        for proc in tree:
            try:
                if proc.nice() < LOW_PRIORITY_NICE:
                    proc.nice(LOW_PRIORITY_NICE)
            except psutil.Error as exc:
                _log.warning("could not lower the priority of pid %s: %s", proc.pid, exc)

    # ------------------------------------------------------------------------------------------
    # Follow
    # ------------------------------------------------------------------------------------------
    def _follow(self) -> None:
        assert self._popen is not None
        try:
            with open(self._log_path, "rb") as log:
                log.seek(self.output_offset)
                # The first look comes early: a launcher starts its worker at once.
                next_snapshot = time.monotonic() + min(0.5, TREE_SNAPSHOT_INTERVAL_S)
                while True:
                    if time.monotonic() >= next_snapshot:
                        self._remember_descendants()
                        next_snapshot = time.monotonic() + TREE_SNAPSHOT_INTERVAL_S
                    # Checked before reading: once the child has exited, one read that finds
                    # nothing means everything it wrote has been read.
                    exited = self._popen.poll() is not None
                    data = log.read(READ_BLOCK_BYTES)
                    if data:
                        self.last_output_monotonic = time.monotonic()
                        self._deliver(self._splitter.feed(data))
                        continue
                    if exited:
                        break
                    time.sleep(FOLLOW_POLL_INTERVAL_S)
            self._deliver(self._splitter.finish())
        except Exception as exc:  # noqa: BLE001 - recorded for the owner, never raised into nowhere
            self.follower_error = exc
            _log.error("log follower of %r stopped: %s", self, exc, exc_info=exc)
        finally:
            self._write_footer()

    def _remember_descendants(self) -> None:
        if self._psproc is None or not self._root_is_ours():
            return
        try:
            children = self._psproc.children(recursive=True)
        except psutil.Error:
            return  # exited meanwhile
        with self._known_lock:
            alive = {pid: proc for pid, proc in self._known.items() if _is_alive(proc)}
            for child in children:
                alive.setdefault(child.pid, child)
            self._known = alive

    def _deliver(self, lines: list[str]) -> None:
        on_line = self._on_line
        for line in lines:
            self.lines_read += 1
            if on_line is None:
                continue
            try:
                on_line(line)
            except Exception as exc:  # noqa: BLE001 - a broken consumer must not stop the log
                self.reader_error_count += 1
                if self.reader_error is None:
                    self.reader_error = exc
                    _log.error("on_line of %r raised; following goes on", self, exc_info=exc)

    def _write_footer(self) -> None:
        code = self.poll()
        elapsed = time.monotonic() - (self.started_monotonic or time.monotonic())
        shown = "unknown (re-attached after a manager crash)" if code == UNKNOWN_EXIT_CODE else code
        text = f"{LOG_TAG} pid {self.pid} exited with code {shown} after {elapsed:.1f} s"
        if self.stop_requested:
            text += " (stop requested)"
        if self.follower_error is not None:
            text += f" (log follower failed: {self.follower_error})"
        try:
            with open(self._log_path, "a+b") as log:
                # Start on a line of its own without adding a blank line after a complete one.
                size = log.seek(0, os.SEEK_END)
                last_byte = b"\n"
                if size > 0:
                    log.seek(size - 1)
                    last_byte = log.read(1)
                prefix = "" if last_byte == b"\n" else "\n"
                log.write(f"{prefix}{text}\n".encode(errors="replace"))  # "a+b": at the end
        except OSError as exc:
            _log.warning("could not write the footer of %s: %s", self._log_path, exc)

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
        if self._popen is None or self._follower is None:
            raise RuntimeError(f"{self!r} was never started")
        if timeout is not None and not (timeout >= 0):  # also refuses NaN
            raise ValueError(f"timeout must be >= 0 or None, got {timeout!r}")
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            code = self._popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        if threading.current_thread() is not self._follower:  # on_line may call wait()
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            self._follower.join(remaining)
            if self._follower.is_alive():
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
        if self._popen is None:
            return []
        with self._terminate_lock:
            self.stop_requested = True
            procs = self._collect_tree()
            if grace_s > 0:
                self._signal_tree(procs, hard=False)
                alive = self._wait_gone(procs, grace_s)
                # Anything forked during the grace period (a launcher's clean-up) is caught here.
                procs = self._merge(alive, self._collect_tree())
            if procs:
                _log.info("killing %d process(es) of %r", len(procs), self)
                self._signal_tree(procs, hard=True)
            alive = self._wait_gone(procs, KILL_WAIT_S)
            leftover = sorted(p.pid for p in alive)
            if leftover:
                _log.warning("%r: processes still alive after kill: %s", self, leftover)
            return leftover

    def kill(self) -> list[int]:
        """Kill the whole tree at once (``terminate(grace_s=0)``).

        Returns:
            Pids still alive afterwards; normally ``[]``.
        """
        return self.terminate(grace_s=0)

    def _root_is_ours(self) -> bool:
        # Until Popen has reaped the child its pid cannot be reused, so signalling it is safe.
        return self._popen is not None and self._popen.returncode is None

    def _collect_tree(self) -> list[psutil.Process]:
        found: dict[int, psutil.Process] = {}

        def add_with_children(proc: psutil.Process) -> None:
            found.setdefault(proc.pid, proc)
            try:
                for child in proc.children(recursive=True):
                    found.setdefault(child.pid, child)
            except psutil.Error:
                pass  # it exited meanwhile: nothing below it to find through it

        # poll() reaps an exited root; a running one (or one we cannot reap yet) is ours.
        if self._psproc is not None and self.poll() is None:
            add_with_children(self._psproc)
        with self._known_lock:
            known = list(self._known.values())
        for proc in known:
            if _is_alive(proc):  # identity checked: a reused pid is not taken for ours
                add_with_children(proc)
        if not IS_WINDOWS:
            for member in self._group_members():
                add_with_children(member)
        return [p for p in found.values() if p.pid != os.getpid()]

    def _group_members(self) -> list[psutil.Process]:
        """Processes in the child's process group (POSIX), whoever their parent is now."""
        pgid = self.pid
        if pgid is None or not self._group_is_ours():
            return []
        members = []
        for proc in psutil.process_iter():
            try:
                if os.getpgid(proc.pid) == pgid:
                    members.append(proc)
            except OSError:
                continue  # gone, or not ours to inspect
        return members

    def _group_is_ours(self) -> bool:
        """False when the child's pid now belongs to another process (so its group number may too).

        A pid (and so a group id) is only reused after every member of the old group is gone, so
        if a *different* process holds the pid, our group no longer exists.
        """
        if self._root_is_ours():
            return True
        pid = self.pid
        if pid is None or self._create_time is None:
            return False
        try:
            return psutil.Process(pid).create_time() == self._create_time
        except psutil.NoSuchProcess:
            return True  # the leader is gone; members with its group id can only be ours
        except psutil.Error:
            return False

    def _signal_tree(self, procs: list[psutil.Process], *, hard: bool) -> None:
        pid = self.pid
        assert pid is not None
        if IS_WINDOWS:
            if not hard:
                # Reaches only group members attached to our console; a CREATE_NO_WINDOW child has
                # its own, so this is best effort and terminate() below does the real work.
                try:
                    os.kill(pid, signal.CTRL_BREAK_EVENT)  # type: ignore[attr-defined]
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
        if self._group_is_ours():
            try:
                os.killpg(pid, sig)
            except OSError:
                pass  # no member left in the group
        for proc in procs:
            try:
                proc.send_signal(sig)  # psutil refuses if the pid now belongs to someone else
            except psutil.Error:
                pass  # already gone

    def _wait_gone(self, procs: list[psutil.Process], timeout_s: float) -> list[psutil.Process]:
        # Not psutil.wait_procs: it counts zombies as alive, and a container's init may never reap
        # orphans, so it would always wait the full timeout.
        deadline = time.monotonic() + timeout_s
        pending = list(procs)
        while True:
            if self._popen is not None:
                self._popen.poll()  # reap our own child so it does not linger as a zombie
            pending = [p for p in pending if _is_alive(p)]
            remaining = deadline - time.monotonic()
            if not pending or remaining <= 0:
                return pending
            time.sleep(min(TERMINATE_POLL_INTERVAL_S, remaining))

    @staticmethod
    def _merge(first: list[psutil.Process], second: list[psutil.Process]) -> list[psutil.Process]:
        merged = {p.pid: p for p in first}
        for proc in second:
            merged.setdefault(proc.pid, proc)
        return list(merged.values())

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
        if self._popen is None:
            return
        if self.is_running:
            self.terminate()
        self.wait()

    def __repr__(self) -> str:
        if self._popen is None:
            state = "not started"
        else:
            code = self._popen.poll()
            state = "running" if code is None else f"exited {code}"
        return f"<RenderProcess name={self._name!r} pid={self.pid} {state}>"
