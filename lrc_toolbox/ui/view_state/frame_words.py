"""What the frame map says about a frame when the pointer rests on it, and its legend.

Pure Python, no Qt: the painted map (:mod:`lrc_toolbox.ui.widgets.frame_map_view`) shows these.
"""

from __future__ import annotations

from collections.abc import Mapping

from lrc_toolbox.ui.view_state.dialog_words import in_dialog_words
from lrc_toolbox.ui.view_state.formatting import plural
from lrc_toolbox.ui.view_state.frame_map import CELL_WORDS, FrameCell, FrameInfo

__all__ = ["LEGEND_ORDER", "frame_tooltip", "legend_items"]

#: The legend's order: what needs attention last, so the eye ends on it.
LEGEND_ORDER: tuple[FrameCell, ...] = (
    FrameCell.VERIFIED,
    FrameCell.RENDERING,
    FrameCell.ASSIGNED,
    FrameCell.QUEUED,
    FrameCell.RETRYING,
    FrameCell.FAILED,
    FrameCell.STOPPED,
)


def _tried_by(info: FrameInfo) -> str:
    if not info.tasks:
        return ""
    return f" ({', '.join(info.tasks)})"


def frame_tooltip(info: FrameInfo) -> str:
    """The hover text of one frame: its state, attempts, the renders that tried it, the reason.

    Args:
        info: What the map knows about the frame.

    Returns:
        A few lines of plain text.
    """
    lines = [f"{info.layer} · frame {info.frame}"]
    attempts = f"{plural(info.attempts, 'attempt')}{_tried_by(info)}" if info.attempts else ""
    cell = info.cell
    if cell is FrameCell.VERIFIED and info.existing:
        lines.append("Verified: its image existed before the job (skipped)")
    elif cell is FrameCell.VERIFIED:
        lines.append(f"Verified after {attempts}" if info.retried else "Verified")
    elif cell is FrameCell.RENDERING:
        percent = f" {info.percent:.0f}%" if info.percent is not None else ""
        lines.append(f"Rendering{percent} · attempt {max(1, info.attempts)}{_tried_by(info)}")
    elif cell is FrameCell.ASSIGNED:
        lines.append(f"Next in {info.tasks[-1]}'s chunk" if info.tasks else "In a render")
    elif cell is FrameCell.RETRYING:
        lines.append(f"Waiting for a retry · {attempts}" if attempts else "Waiting for a retry")
    elif cell is FrameCell.FAILED:
        lines.append(f"Failed for good · {attempts}" if attempts else "Failed for good")
    elif cell is FrameCell.STOPPED:
        lines.append("Not rendered: the job was stopped or ended first")
    else:
        lines.append("Queued" + (f" · {attempts}" if attempts else ""))
    if info.reason and (cell is not FrameCell.VERIFIED or info.retried):
        label = "Why" if cell in (FrameCell.FAILED, FrameCell.STOPPED) else "Last lost"
        lines.append(f"{label}: {in_dialog_words(info.reason)}")
    if info.tasks:
        lines.append("Click for this frame's log lines.")
    return "\n".join(lines)


def legend_items(counts: Mapping[FrameCell, int]) -> list[tuple[FrameCell, str]]:
    """The legend: each state that has frames, with its count (``(cell, "17 verified")``)."""
    return [
        (cell, f"{counts[cell]:,} {CELL_WORDS[cell]}")
        for cell in LEGEND_ORDER
        if counts.get(cell, 0)
    ]
