"""What every ``lrc-batch-render`` sub-command shares on its way out: one-line errors, job display.

The main command (render a scene) and the job commands (``status``, ``retry``, ``resume``...) both
use these, so they live here, below both: neither command module imports the other's internals.
"""

from __future__ import annotations

import argparse
import json
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn, TextIO

from lrc_toolbox.cli.exit_codes import (
    EXIT_FRAMES_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
)
from lrc_toolbox.cli.progress_display import ProgressDisplay
from lrc_toolbox.core import events as ev

if TYPE_CHECKING:
    from lrc_toolbox.core.batch_render_api import BatchRenderAPI, JobHandle

__all__ = ["OneLineArgumentParser", "follow_job", "printable"]


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
    interrupted = False
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
    except KeyboardInterrupt:
        interrupted = True
        err.write("\ninterrupted: stopping every render (whole process trees)...\n")
        handle.stop()
        _wait_for_stop(handle, err)
    finally:
        if display is not None:
            display.stop()
    result = handle.result
    if interrupted:
        return EXIT_INTERRUPTED
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
