"""Text for people: durations, memory sizes and frame previews as the dialog shows them.

Pure Python (no Qt), so the wording is tested without a display.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: Bytes in the unit the dialog calls "GB": 1024**3, as NVML reports memory and as Windows'
#: Task Manager and the GPU vendors' tools label it (a "24 GB" card shows 24.0 GB).
BYTES_PER_GB: int = 1024**3

#: Frames listed in a preview before the middle is elided.
PREVIEW_MAX_FRAMES: int = 12


def format_duration(seconds: float | None) -> str:
    """Format seconds as ``m:ss`` or ``h:mm:ss``.

    Args:
        seconds: A duration; ``None``, NaN or a negative value means unknown.

    Returns:
        ``"1:15"`` for 75, ``"1:02:05"`` for 3725, ``"--:--"`` when unknown.
    """
    if seconds is None or math.isnan(seconds) or seconds < 0 or math.isinf(seconds):
        return "--:--"
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_gb(size_bytes: int | None) -> str:
    """Format a memory size in GB with one decimal (``"23.6 GB"``); ``"?"`` when unknown."""
    if size_bytes is None or size_bytes < 0:
        return "?"
    return f"{size_bytes / BYTES_PER_GB:.1f} GB"


def frames_preview(frames: Sequence[int], max_frames: int = PREVIEW_MAX_FRAMES) -> str:
    """List frames for a preview, eliding the middle of long lists.

    Args:
        frames: Frames in ascending order.
        max_frames: Most frames written out; the rest is replaced by ``…``.

    Returns:
        ``"1, 5, 9, 10"`` or ``"1, 2, 3, 4, 5, 6, …, 98, 99, 100"``.
    """
    if len(frames) <= max_frames:
        return ", ".join(str(frame) for frame in frames)
    head = max(1, max_frames - 3)
    shown = [str(frame) for frame in frames[:head]]
    tail = [str(frame) for frame in frames[-3:]]
    return ", ".join([*shown, "…", *tail])


def plural(count: int, word: str, many: str | None = None) -> str:
    """``"1 frame"``, ``"3 frames"``, ``"1,200 frames"`` (``many`` for irregular plurals)."""
    label = word if count == 1 else (many or f"{word}s")
    return f"{count:,} {label}"
