"""The CLI's live progress for people: one line per notable event, and a status line on a TTY.

Events arrive on engine threads; everything written goes through one lock. On a terminal a status
line (overall frames, running tasks with their current frame and percent, ETA) is redrawn in place a
few times a second; in a log file or pipe only the event lines are written, so logs stay readable.
"""

from __future__ import annotations

import shutil
import threading
import time
from typing import TYPE_CHECKING, TextIO

from lrc_toolbox.core import events as ev

if TYPE_CHECKING:
    from lrc_toolbox.core.batch_render_api import JobHandle

REDRAW_S = 0.5


def format_duration(seconds: float | None) -> str:
    """``75`` -> ``1:15``, ``3725`` -> ``1:02:05``; ``None`` -> ``--:--``."""
    if seconds is None or seconds != seconds or seconds < 0:
        return "--:--"
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressDisplay:
    """Prints a job's progress for a person.

    Args:
        out: Where the status goes (stdout).
        err: Where warnings go (stderr).
    """

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self._out = out
        self._err = err
        self._lock = threading.Lock()
        self._is_tty = bool(getattr(out, "isatty", lambda: False)())
        self._total = 0
        self._done = 0
        self._failed = 0
        self._started = time.monotonic()
        self._running: dict[str, str] = {}
        self._status_shown = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, handle: JobHandle) -> None:
        """Begin redrawing the status line (TTY only)."""
        plan = handle.plan
        if plan.output is not None:
            self._line(f"images: {plan.output.describe()}")
        for note in plan.notes:
            self._line(f"note: {note}")
        if self._is_tty:
            self._thread = threading.Thread(target=self._redraw_loop, daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop redrawing and clear the status line."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        with self._lock:
            self._clear_status()

    # -- events -----------------------------------------------------------------------------------
    def on_event(self, event: ev.Event) -> None:
        """Engine subscriber: update counters and print notable events."""
        if isinstance(event, ev.JobStarted):
            self._total = sum(len(frames) for frames in event.layers.values())
            self._started = time.monotonic()
            self._line(
                f"job {event.job_id}: {self._total} frames of {len(event.layers)} layer(s) "
                f"on {', '.join(event.slots)}; logs in {event.log_dir}"
            )
        elif isinstance(event, ev.TaskStarted):
            frames = f"{event.frames[0]}-{event.frames[-1]}" if event.frames else "-"
            retry = f" (attempt {event.attempt})" if event.attempt > 1 else ""
            self._running[event.task_id] = f"{event.layer} {frames}"
            self._line(
                f"{event.task_id} started on {event.slot}: {'+'.join(event.layers)} frames "
                f"{frames}{retry} pid {event.pid}"
            )
        elif isinstance(event, ev.Progress):
            if event.task_id in self._running:
                frame = "" if event.frame is None else f" f{event.frame}"
                pct = "" if event.percent is None else f" {event.percent:.0f}%"
                self._running[event.task_id] = f"{event.layer}{frame}{pct}"
        elif isinstance(event, ev.FrameDone):
            self._done += 1
        elif isinstance(event, ev.FrameFailed):
            if not event.will_retry:
                self._failed += 1
            again = " (will retry)" if event.will_retry else ""
            self._line(f"frame {event.layer} {event.frame} failed{again}: {event.reason}")
        elif isinstance(event, ev.TaskFinished):
            self._running.pop(event.task_id, None)
            why = f": {event.reason}" if event.reason else ""
            self._line(f"{event.task_id} {event.status}{why}")
        elif isinstance(event, ev.Notice):
            self._line(f"note: {event.message}")
        elif isinstance(event, ev.JobFinished):
            self._summary(event)

    def _summary(self, event: ev.JobFinished) -> None:
        verdict = "all frames rendered and verified" if event.ok else f"job {event.state}"
        self._line(f"\n{verdict} in {format_duration(event.elapsed_s)}")
        for layer, outcome in event.layers.items():
            done, failed = outcome["done"], outcome["failed"]
            text = f"  {layer}: {len(done)} done"
            if failed:
                text += f", {len(failed)} failed: {_compact(failed)}"
            self._line(text)
        if event.reason:
            self._line(f"  reason: {event.reason}")

    # -- drawing ----------------------------------------------------------------------------------
    def _line(self, text: str) -> None:
        with self._lock:
            self._clear_status()
            self._out.write(text + "\n")
            self._out.flush()

    def _clear_status(self) -> None:
        if self._status_shown:
            self._out.write("\r\x1b[2K")
            self._status_shown = False

    def _status_text(self) -> str:
        elapsed = time.monotonic() - self._started
        finished = self._done + self._failed
        eta = None
        if 0 < finished < self._total:
            eta = elapsed / finished * (self._total - finished)
        bar_width = 20
        filled = int(bar_width * finished / self._total) if self._total else 0
        tasks = "  ".join(f"{task}:{text}" for task, text in list(self._running.items())[:4])
        text = (
            f"[{'#' * filled}{'-' * (bar_width - filled)}] {self._done}/{self._total} done"
            f"{f', {self._failed} failed' if self._failed else ''}  "
            f"{format_duration(elapsed)} elapsed, ETA {format_duration(eta)}  {tasks}"
        )
        width = shutil.get_terminal_size((100, 20)).columns
        return text[: max(10, width - 1)]

    def _redraw_loop(self) -> None:
        while not self._stop.wait(REDRAW_S):
            with self._lock:
                self._out.write("\r\x1b[2K" + self._status_text())
                self._out.flush()
                self._status_shown = True


def _compact(frames: list[int]) -> str:
    text = ",".join(str(f) for f in frames[:20])
    return text + (f",... ({len(frames)} frames)" if len(frames) > 20 else "")
