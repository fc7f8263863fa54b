"""Tell the artist a job ended: the message text, and an optional desktop notification.

The text names failed frames (compactly), so "3 frames failed" never hides which ones. Where the
message goes depends on the host: inside Maya an ``inViewMessage`` and a Script Editor line
(``lrc_toolbox.maya``), in the standalone dialog a system-tray message (``lrc_toolbox.ui``), and
from a shell, with ``--notify``, the desktop's own notifications (``notify-send`` on Linux,
``osascript`` on macOS). Notifications are best effort: failing to show one never fails a job.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.models import JobState
from lrc_toolbox.utils.frame_parser import FrameSet

_LOG = logging.getLogger(__name__)

#: Most failed-frame ranges named per layer before "and N more".
MAX_FAILED_SHOWN = 3
NOTIFY_TIMEOUT_S = 5.0


def job_finished_message(event: ev.JobFinished) -> tuple[str, str]:
    """Title and body for a finished job, naming the failed frames per layer."""
    done = sum(len(v["done"]) for v in event.layers.values())
    failed = {layer: v["failed"] for layer, v in event.layers.items() if v["failed"]}
    total = done + sum(len(f) for f in failed.values())
    minutes, seconds = divmod(int(round(event.elapsed_s)), 60)
    took = f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"
    if event.ok:
        return "Render finished", f"All {total} frames rendered and verified in {took}."
    title = (
        "Render cancelled" if event.state is JobState.CANCELLED else "Render finished with failures"
    )
    parts = []
    for layer, frames in list(failed.items())[:MAX_FAILED_SHOWN]:
        parts.append(f"{layer} frames {FrameSet(frames).to_string()}")
    if len(failed) > MAX_FAILED_SHOWN:
        parts.append(f"and {len(failed) - MAX_FAILED_SHOWN} more layer(s)")
    body = f"{done}/{total} frames done in {took}."
    if parts:
        body += " Failed: " + "; ".join(parts) + "."
    if event.reason:
        body += f" ({event.reason})"
    return title, body


class DesktopNotifier:
    """Desktop notifications through the platform's own command (argv, never a shell).

    Args:
        platform: ``sys.platform`` value (tests).
        which: ``shutil.which``-like lookup.
        runner: ``subprocess.run``-like callable.
    """

    def __init__(
        self,
        *,
        platform: str | None = None,
        which: Callable[[str], str | None] = shutil.which,
        runner: Callable[..., object] = subprocess.run,
    ) -> None:
        self._platform = platform or sys.platform
        self._which = which
        self._runner = runner

    def command(self, title: str, body: str) -> list[str] | None:
        """The argv that shows a notification here, or None when there is no way to."""
        if self._platform.startswith("linux"):
            exe = self._which("notify-send")
            return [exe, "--app-name=LRC Batch Render", title, body] if exe else None
        if self._platform == "darwin":
            exe = self._which("osascript")
            if not exe:
                return None
            script = f"display notification {_applescript(body)} with title {_applescript(title)}"
            return [exe, "-e", script]
        return None  # Windows: the dialog's tray icon carries the message

    def unavailable_reason(self) -> str | None:
        """Why no notification can be shown here, or None when one can."""
        if self.command("", "") is not None:
            return None
        if self._platform.startswith("linux"):
            return "notify-send was not found (install libnotify-bin or libnotify)"
        if self._platform == "darwin":
            return "osascript was not found"
        return f"desktop notifications from the command line are not supported on {self._platform}"

    def notify(self, title: str, body: str) -> bool:
        """Show a notification; False when it could not be shown (logged, never raised)."""
        argv = self.command(title, body)
        if argv is None:
            return False
        try:
            self._runner(
                argv,
                check=False,
                timeout=NOTIFY_TIMEOUT_S,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            _LOG.warning("desktop notification failed: %s", exc)
            return False
        return True


def _applescript(text: str) -> str:
    """An AppleScript string literal (quotes and backslashes escaped: no script injection)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def notify_when_finished(show: Callable[[str, str], object]) -> Callable[[ev.Event], None]:
    """An event subscriber that calls ``show(title, body)`` when a job ends."""

    def on_event(event: ev.Event) -> None:
        if isinstance(event, ev.JobFinished):
            title, body = job_finished_message(event)
            show(title, body)

    return on_event


__all__: Sequence[str] = ("DesktopNotifier", "job_finished_message", "notify_when_finished")
