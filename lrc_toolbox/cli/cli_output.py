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
from typing import TYPE_CHECKING, NoReturn, TextIO, cast

from lrc_toolbox.cli.exit_codes import (
    EXIT_FRAMES_FAILED,
    EXIT_HANGUP,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
)
from lrc_toolbox.cli.progress_display import ProgressDisplay
from lrc_toolbox.core import events as ev

if TYPE_CHECKING:
    from lrc_toolbox.core.batch_render_api import BatchRenderAPI, JobHandle

__all__ = [
    "Interrupted",
    "OneLineArgumentParser",
    "PipeSafeStream",
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


def follow_job(
    api: BatchRenderAPI, start: Callable[[], JobHandle], *, as_json: bool, out: TextIO, err: TextIO
) -> int:
    """Start a job with ``start()`` and show it until it ends; return the exit code.

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
    handle = start()
    if display is not None:
        display.start(handle)
    interrupted: int | None = None
    try:
        while not handle.wait(0.2):
            pass
    except RuntimeError as exc:  # the engine itself failed: its renders were already stopped
        cause = exc.__cause__ or exc
        err.write(
            f"lrc-batch-render: internal error in job {handle.job_id}: {cause!r}; every "
            "render was stopped\n"
        )
        return EXIT_FRAMES_FAILED
    except KeyboardInterrupt as exc:
        interrupted, reason = interruption(exc)
        err.write(f"\n{reason}: stopping every render (whole process trees)...\n")
        handle.stop(reason)
        _wait_for_stop(handle, err)
    finally:
        if display is not None:
            display.stop()
    result = handle.result
    if interrupted is not None:
        return interrupted
    return EXIT_OK if result is not None and result.ok else EXIT_FRAMES_FAILED


def _wait_for_stop(handle: JobHandle, err: TextIO) -> None:
    """Wait until every render is stopped; more Ctrl-C/SIGTERM must not orphan them."""
    while True:
        try:
            if handle.wait(0.5):
                return
        except KeyboardInterrupt:
            err.write(
                "still stopping the renders (a render left running would keep its GPU); "
                "please wait\n"
            )
