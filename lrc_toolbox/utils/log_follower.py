"""Follow a growing log file on a thread and hand each line to a callback.

A render writes its output straight into a file (never a pipe nobody drains); a
:class:`LogFollower` tails that file from an offset and turns the bytes into lines with a
:class:`LineSplitter`. Renderers redraw progress with a lone ``\\r``, so ``\\r`` ends a line too.

Errors cross the thread as data (CONVENTIONS 7): a callback that raises is recorded and counted and
following goes on (a broken consumer must not stop the log or the render); an error that stops
the follower itself (an I/O error reading the file) is kept in :attr:`LogFollower.error` for the
owner to report. Nothing is raised into nowhere.

Nothing here knows about renderers or processes: the owner says when the writer has exited.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Callable

__all__ = [
    "FOLLOW_POLL_INTERVAL_S",
    "MAX_LINE_BYTES",
    "READ_BLOCK_BYTES",
    "TRUNCATION_MARKER",
    "LineSplitter",
    "LogFollower",
]

_LOG = logging.getLogger(__name__)

#: How often the follower looks for new data when the file has not grown.
FOLLOW_POLL_INTERVAL_S: float = 0.05

#: How much the follower reads at once.
READ_BLOCK_BYTES: int = 64 * 1024

#: Longest line handed on; the rest of a longer line is dropped so one pathological line (a
#: progress bar that never prints a newline, a binary dump) cannot eat memory.
MAX_LINE_BYTES: int = 64 * 1024

#: Appended to a line cut at :data:`MAX_LINE_BYTES`.
TRUNCATION_MARKER: str = " [... line truncated by lrc_toolbox]"

# Line ends: LF, CRLF, and a run of CRs. "\r\r\n" (Windows text-mode output written through another
# text layer) is one line end, and a progress redraw "\r\r" does not produce empty lines. This
# turns each CR-based line end into one LF.
_CR_EOL_RE = re.compile(rb"\r+\n?")


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


class LogFollower:
    """Tail one log file on a daemon thread until its writer has exited and all is read.

    The thread reads from an offset, hands each complete line to ``on_line`` in order, and once
    ``writer_exited()`` is true and a read finds nothing more, hands on the last partial line and
    calls ``on_finish``. ``on_tick`` lets the owner do periodic work on the same thread (a render
    remembers its process tree), so one render costs one thread.

    Attributes:
        lines_read: Lines handed on so far.
        last_output_monotonic: ``time.monotonic()`` of the last growth of the file, or None
            before anything was read.
        reader_error: The first exception ``on_line`` raised, or None.
        reader_error_count: How many times ``on_line`` raised.
        error: The error that stopped the follower early (an I/O error reading the file, or one
            raised by ``on_tick``), or None.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        writer_exited: Callable[[], bool],
        on_line: Callable[[str], None] | None = None,
        on_tick: Callable[[], None] | None = None,
        first_tick_s: float = 0.0,
        tick_interval_s: float = 1.0,
        on_finish: Callable[[], None] | None = None,
        label: str = "",
        splitter: LineSplitter | None = None,
        idle_wait: Callable[[float], object] | None = None,
        on_done: Callable[[], None] | None = None,
    ) -> None:
        """Prepare a follower; nothing is read until :meth:`start`.

        Args:
            path: The log file (it must exist when the thread starts).
            writer_exited: True once nothing will be written any more; checked before each read,
                so one empty read after it turned true means everything was read.
            on_line: Called with each line (no line end) on the follower thread.
            on_tick: Called on the follower thread ``first_tick_s`` after the start, then every
                ``tick_interval_s``. An exception stops the follower (recorded in :attr:`error`).
            first_tick_s: Delay of the first ``on_tick``.
            tick_interval_s: Delay between later ``on_tick`` calls.
            on_finish: Called last on the follower thread, after :attr:`error` is set (if it
                is), also when following failed: the owner writes its footer there.
            label: A name for log messages.
            splitter: The splitter to use (default: a new :class:`LineSplitter`).
            idle_wait: Waits up to its argument in seconds when the file has not grown (default
                ``time.sleep``); the owner passes one that returns at once when the writer
                exits (an ``Event.wait``), so the end is seen without a poll's delay.
            on_done: Called last on the follower thread, once :meth:`join` already returns
                True (the owner wakes whoever waits for the end).
        """
        self._path = path
        self._writer_exited = writer_exited
        self._on_line = on_line
        self._on_tick = on_tick
        self._first_tick_s = first_tick_s
        self._tick_interval_s = tick_interval_s
        self._on_finish = on_finish
        self._label = label
        self._splitter = splitter if splitter is not None else LineSplitter()
        self._idle_wait = idle_wait if idle_wait is not None else time.sleep
        self._on_done = on_done
        self._offset = 0
        self._thread: threading.Thread | None = None
        self._done = threading.Event()

        self.lines_read = 0
        self.last_output_monotonic: float | None = None
        self.reader_error: BaseException | None = None
        self.reader_error_count = 0
        self.error: BaseException | None = None

    @property
    def lines_truncated(self) -> int:
        """Lines cut at the splitter's maximum length."""
        return self._splitter.lines_truncated

    @property
    def started(self) -> bool:
        """True once :meth:`start` was called."""
        return self._thread is not None

    def start(
        self, *, offset: int = 0, name: str = "log-follower", label: str | None = None
    ) -> LogFollower:
        """Start the follower thread.

        Args:
            offset: Byte offset in the file where reading starts (after a header).
            name: The thread's name.
            label: A new name for log messages (known only now, e.g. with the writer's pid).

        Returns:
            ``self``.

        Raises:
            RuntimeError: It was already started.
        """
        if self._thread is not None:
            raise RuntimeError(f"the follower of {self._label} was already started")
        self._offset = offset
        if label is not None:
            self._label = label
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        return self

    def join(self, timeout: float | None = None) -> bool:
        """Wait until every line was handed on and ``on_finish`` ran.

        Args:
            timeout: Seconds to wait at most; None waits as long as it takes.

        Returns:
            True when following is over (or was never started).
        """
        if self._thread is None:
            return True
        return self._done.wait(timeout)

    def is_alive(self) -> bool:
        """True while the thread runs."""
        return self._thread is not None and self._thread.is_alive()

    def is_current_thread(self) -> bool:
        """True when called from the follower thread itself (e.g. from ``on_line``)."""
        return self._thread is not None and threading.current_thread() is self._thread

    def _run(self) -> None:
        try:
            with open(self._path, "rb") as log:
                log.seek(self._offset)
                next_tick = time.monotonic() + self._first_tick_s
                while True:
                    if self._on_tick is not None and time.monotonic() >= next_tick:
                        self._on_tick()
                        next_tick = time.monotonic() + self._tick_interval_s
                    # Checked before reading: once the writer has exited, one read that finds
                    # nothing means everything it wrote has been read.
                    exited = self._writer_exited()
                    data = log.read(READ_BLOCK_BYTES)
                    if data:
                        self.last_output_monotonic = time.monotonic()
                        self._deliver(self._splitter.feed(data))
                        continue
                    if exited:
                        break
                    self._idle_wait(FOLLOW_POLL_INTERVAL_S)
            self._deliver(self._splitter.finish())
        except Exception as exc:  # noqa: BLE001 - recorded for the owner, never raised into nowhere
            self.error = exc
            _LOG.error("log follower of %s stopped: %s", self._label, exc, exc_info=exc)
        finally:
            self._finish()
            self._done.set()
            self._notify_done()

    def _notify_done(self) -> None:
        if self._on_done is None:
            return
        try:
            self._on_done()
        except Exception as exc:  # noqa: BLE001 - the thread ends here: record, do not raise
            _LOG.error("on_done of %s raised: %s", self._label, exc, exc_info=exc)

    def _finish(self) -> None:
        if self._on_finish is None:
            return
        try:
            self._on_finish()
        except Exception as exc:  # noqa: BLE001 - the thread ends here: record, do not raise
            if self.error is None:
                self.error = exc
            _LOG.error("finishing the log of %s failed: %s", self._label, exc, exc_info=exc)

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
                    _LOG.error("on_line of %s raised; following goes on", self._label, exc_info=exc)

    def __repr__(self) -> str:
        state = "running" if self.is_alive() else ("done" if self.started else "not started")
        return f"<LogFollower {self._label} {state} lines={self.lines_read}>"
