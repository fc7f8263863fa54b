"""What every ``lrc-batch-render`` sub-command shares on its way out: one-line errors, job display.

The main command (render a scene) and the job commands (``status``, ``retry``, ``resume``...) both
use these, so they live here, below both: neither command module imports the other's internals.
"""

from __future__ import annotations

import argparse
import errno
import io
import json
import os
import signal
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

from lrc_toolbox.cli.exit_codes import (
    EXIT_FRAMES_FAILED,
    EXIT_HANGUP,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
)
from lrc_toolbox.cli.progress_display import ProgressDisplay
from lrc_toolbox.core import events as ev
from lrc_toolbox.core.models import JobState

if TYPE_CHECKING:
    from lrc_toolbox.core.batch_render_api import BatchRenderAPI, JobHandle

__all__ = [
    "Interrupted",
    "OneLineArgumentParser",
    "PipeSafeStream",
    "SignalGate",
    "follow_job",
    "interruption",
    "pipe_safe",
    "printable",
    "store_busy_notice",
]


class PipeSafeStream(io.TextIOBase):
    """A text stream that stops writing, quietly, once its reader has gone away.

    ``lrc-batch-render --json | head -3``: after three lines ``head`` exits and every further
    write to the pipe fails with ``BrokenPipeError`` (Python ignores ``SIGPIPE``). The job keeps
    its normal course (renders go on to the end, the store records everything, the exit code is
    the usual one); only its output is dropped. The file descriptor is pointed at ``os.devnull``
    so the interpreter's last flush at exit does not complain on stderr either.

    Args:
        stream: The stream written to (``sys.stdout``, ``sys.stderr``, a test's ``StringIO``).
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self._gone = False

    @property
    def reader_gone(self) -> bool:
        """True once a write found the pipe closed."""
        return self._gone

    def write(self, text: str) -> int:
        """Write ``text`` (dropped once the reader is gone); returns its length either way."""
        if not self._gone:
            try:
                self._stream.write(text)
            except (BrokenPipeError, ConnectionResetError):
                self._reader_left()
            except OSError as exc:  # EIO: the terminal was closed (SIGHUP)
                if exc.errno not in (errno.EPIPE, errno.EIO):
                    raise
                self._reader_left()
        return len(text)

    def flush(self) -> None:
        """Flush (nothing once the reader is gone)."""
        if self._gone:
            return
        try:
            self._stream.flush()
        except (BrokenPipeError, ConnectionResetError):
            self._reader_left()
        except OSError as exc:
            if exc.errno not in (errno.EPIPE, errno.EIO):
                raise
            self._reader_left()

    def isatty(self) -> bool:
        """Whether the stream is a terminal (False once the reader is gone)."""
        if self._gone:
            return False
        try:
            return bool(self._stream.isatty())
        except (OSError, ValueError, AttributeError):
            return False

    def writable(self) -> bool:
        """Always: writes after the reader left are dropped, never refused."""
        return True

    def _reader_left(self) -> None:
        self._gone = True
        try:
            fd = self._stream.fileno()
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            return
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
        except OSError:
            return
        try:
            os.dup2(devnull, fd)
        except OSError:
            pass
        finally:
            os.close(devnull)


def pipe_safe(stream: TextIO) -> TextIO:
    """``stream`` wrapped in :class:`PipeSafeStream` (once)."""
    if isinstance(stream, PipeSafeStream):
        return stream
    return cast(TextIO, PipeSafeStream(stream))


def store_busy_notice(err: TextIO) -> Callable[[str], None]:
    """The API's ``on_store_busy``: one line on stderr while the job store is locked."""

    def notice(message: str) -> None:
        err.write(f"lrc-batch-render: {printable(message)}\n")
        err.flush()

    return notice


def printable(text: str) -> str:
    """``text`` with control characters escaped, so a message stays one line on a terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class OneLineArgumentParser(argparse.ArgumentParser):
    """argparse that reports a bad option as one line (plus a hint), exit code 2."""

    def error(self, message: str) -> NoReturn:
        """Print ``prog: error: message (see --help)`` on stderr and exit with ``EXIT_USAGE``."""
        self.exit(EXIT_USAGE, f"{self.prog}: error: {printable(message)} (see --help)\n")


class _JsonLines:
    """Writes every event as one JSON object per line on stdout (flushed: a pipe reads it live)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._lock = threading.Lock()

    def __call__(self, event: ev.Event) -> None:
        line = json.dumps(event.to_dict(), default=str)
        with self._lock:
            self._out.write(line + "\n")
            self._out.flush()


class Interrupted(KeyboardInterrupt):
    """A signal that stops the job as Ctrl-C does (SIGTERM, SIGHUP), with its number.

    A ``KeyboardInterrupt``, so every place that stops the renders on Ctrl-C does so for these
    too; the number decides the exit code and the words.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def interruption(exc: KeyboardInterrupt) -> tuple[int, str]:
    """The exit code and the reason recorded for an interruption (Ctrl-C, SIGTERM, SIGHUP)."""
    signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
    if signum == getattr(signal, "SIGHUP", None):
        return EXIT_HANGUP, "interrupted: the terminal was closed (SIGHUP)"
    if signum == signal.SIGTERM:
        return EXIT_INTERRUPTED, "interrupted by SIGTERM"
    return EXIT_INTERRUPTED, "interrupted (Ctrl-C)"


class SignalGate:
    """The handler of SIGINT, SIGTERM and SIGHUP while the CLI starts and follows a job.

    Only the first signal counts; it decides the exit code and the words (130 for Ctrl-C and
    SIGTERM, 129 for SIGHUP). While the job starts (:attr:`raising`), it is raised as
    :class:`Interrupted`, so planning stops at once and nothing is launched. Once the job runs,
    it is not raised: an exception would land wherever the main thread happens to be (inside
    ``threading``'s lock code, or inside the very clean-up it interrupted). It calls
    :attr:`on_signal` instead (the job's stop, which only sets the flag its supervisor reads, so
    the stop begins at once), and the follow loop says so and waits for the job to record its
    end. Every later signal (a second Ctrl-C, SIGTERM from a wrangler, SIGHUP when the terminal
    closes) is absorbed: the stop already under way is the answer to it, so it neither prints a
    line nor cuts that stop short.

    Signal handlers can only be set from the main thread; elsewhere the gate installs nothing
    (a job followed from another thread never sees these signals).

    Attributes:
        signum: The first signal taken, or None.
        raising: Raise the first signal (the job is not running yet).
        on_signal: Called with the first signal when it is not raised; it must neither block
            nor write (it runs inside the signal handler, between two steps of the main thread).
    """

    SIGNALS: tuple[str, ...] = ("SIGINT", "SIGTERM", "SIGHUP")

    def __init__(self) -> None:
        self.signum: int | None = None
        self.raising = True
        self.on_signal: Callable[[int], None] | None = None
        self._previous: dict[int, Any] = {}

    def __call__(self, signum: int, frame: object) -> None:
        """The signal handler: take the first signal, absorb the rest."""
        if self.signum is not None:
            return
        self.signum = signum
        if self.raising:
            raise Interrupted(signum)
        if self.on_signal is not None:
            self.on_signal(signum)

    def __enter__(self) -> SignalGate:
        """Install the gate for every signal of :attr:`SIGNALS` this platform has."""
        if threading.current_thread() is threading.main_thread():
            for name in self.SIGNALS:
                number = getattr(signal, name, None)
                if number is not None:
                    self._previous[number] = signal.signal(number, self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Put the previous handlers back, unless a signal was taken.

        After an interruption the process is on its way out (exit 130 or 129): a late signal
        must not turn that into a traceback, so the gate stays and absorbs it.
        """
        if self.signum is None:
            for number, previous in self._previous.items():
                signal.signal(number, previous)
        self._previous.clear()


#: How often the follow loop looks at the job and at the signals noted meanwhile.
FOLLOW_POLL_S = 0.2


def follow_job(
    api: BatchRenderAPI, start: Callable[[], JobHandle], *, as_json: bool, out: TextIO, err: TextIO
) -> int:
    """Start a job with ``start()`` and show it until it ends; return the exit code.

    A signal (Ctrl-C, SIGTERM, SIGHUP) while the job starts stops it before any render does (the
    :class:`Interrupted` reaches the caller); once it runs, the first signal stops every render
    tree, the job records its end, one line says so on stderr, and the code is 130 (129 for
    SIGHUP) however many signals follow (see :class:`SignalGate`).

    Args:
        api: The API whose events are shown.
        start: Starts the job (``api.submit``, ``api.resume``...); may raise :class:`PlanError`.
        as_json: JSON Lines on ``out`` instead of the progress display.
        out: Standard output.
        err: Standard error.
    """
    display = None
    if as_json:
        api.subscribe(_JsonLines(out))
    else:
        display = ProgressDisplay(out, err)
        api.subscribe(display.on_event)
    with SignalGate() as gate:
        handle: JobHandle | None = None
        try:
            handle = start()
            gate.on_signal = partial(_stop_job, handle)
            gate.raising = False
        except KeyboardInterrupt as exc:
            if handle is None:
                raise  # nothing started: the caller says so
            # Taken just as the job had started: stopped like any other (the loop says so).
            _stop_job(handle, exc.signum if isinstance(exc, Interrupted) else signal.SIGINT)
        if display is not None:
            display.start(handle)
        try:
            interrupted = _follow(handle, gate, err)
        except RuntimeError as exc:  # the engine itself failed: its renders were already stopped
            cause = exc.__cause__ or exc
            err.write(
                f"lrc-batch-render: internal error in job {handle.job_id}: {cause!r}; every "
                "render was stopped\n"
            )
            return EXIT_FRAMES_FAILED
        finally:
            if display is not None:
                display.stop()
    result = handle.result
    if interrupted is not None and (result is None or result.state is JobState.CANCELLED):
        return interrupted
    # Ended on its own (or the stop came after every frame was verified: nothing was stopped):
    # the code says what the job store says, never "interrupted" for a job recorded succeeded.
    return EXIT_OK if result is not None and result.ok else EXIT_FRAMES_FAILED


def _stop_job(handle: JobHandle, signum: int) -> None:
    """Ask the job to stop for ``signum`` (returns at once; a second ask changes nothing)."""
    handle.stop(interruption(Interrupted(signum))[1])


def _follow(handle: JobHandle, gate: SignalGate, err: TextIO) -> int | None:
    """Wait for the job; on the first signal stop it and wait until every render is stopped.

    Returns:
        The exit code of the interruption, or None when the job ended on its own.
    """
    while not handle.wait(FOLLOW_POLL_S) and gate.signum is None:
        pass
    if gate.signum is None:
        return None
    # The stop was asked for in the signal handler already (the job may even be over by now).
    code, reason = interruption(Interrupted(gate.signum))
    err.write(f"\n{reason}: stopping every render (whole process trees)...\n")
    # Later signals are absorbed by the gate: nothing cuts this wait short, so no render is
    # left running (a render left running would keep its GPU).
    while not handle.wait(FOLLOW_POLL_S):
        pass
    return code
