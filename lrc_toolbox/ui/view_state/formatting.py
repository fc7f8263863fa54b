"""Text for people: durations, memory sizes and frame previews as the dialog shows them.

Pure Python (no Qt), so the wording is tested without a display.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

#: Bytes in the unit the dialog calls "GB": 1024**3, as NVML reports memory and as Windows'
#: Task Manager and the GPU vendors' tools label it (a "24 GB" card shows 24.0 GB).
BYTES_PER_GB: int = 1024**3

#: Frames listed in a preview before the middle is elided.
PREVIEW_MAX_FRAMES: int = 12

#: Characters of a GPU UUID shown in a table cell (``GPU-5f3c9a1…``; the tooltip has it all).
GPU_UUID_SHOWN_CHARS: int = 12


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


def format_gb_in_use(used_bytes: int | None, total_bytes: int | None) -> str:
    """Memory in use of a total, short enough for a narrow bar: ``"14.3/24 GB"``.

    One decimal, dropped when it is 0 (``24.0`` reads ``24``); ``"?"`` for an unknown size.
    The full figures go in a tooltip (:func:`format_gb`).
    """

    def short(size: int | None) -> str:
        if size is None or size < 0:
            return "?"
        text = f"{size / BYTES_PER_GB:.1f}"
        return text[:-2] if text.endswith(".0") else text

    return f"{short(used_bytes)}/{short(total_bytes)} GB"


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


def format_timestamp(epoch_s: float | None, now_s: float) -> str:
    """Format a moment (seconds since the epoch) in local time, short when it is today.

    Args:
        epoch_s: The moment; None means unknown.
        now_s: The current time (seconds since the epoch), to tell today from other days.

    Returns:
        ``"14:02:11"`` today, ``"2025-11-20 14:02"`` another day, ``""`` when unknown.
    """
    if epoch_s is None or math.isnan(epoch_s) or math.isinf(epoch_s):
        return ""
    moment = time.localtime(epoch_s)
    today = time.localtime(now_s)
    if moment[:3] == today[:3]:
        return time.strftime("%H:%M:%S", moment)
    return time.strftime("%Y-%m-%d %H:%M", moment)


def gpu_label(gpu: str | None) -> str:
    """A GPU as a short cell text: ``GPU 1`` for an index, the UUID's start, ``CPU`` for none."""
    if not gpu:
        return "CPU"
    if gpu.isdigit():
        return f"GPU {gpu}"
    return gpu if len(gpu) <= GPU_UUID_SHOWN_CHARS else gpu[:GPU_UUID_SHOWN_CHARS] + "…"
