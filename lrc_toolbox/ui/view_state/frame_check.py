"""The frame range field's verdict as plain data: the frames, or the exact part that is wrong.

Parsing is the engine's own :class:`~lrc_toolbox.utils.frame_parser.FrameSet`, so the dialog
accepts exactly what the CLI and the API accept (and refuses ``1-999999999`` at once, before
allocating anything). :func:`mark_bad_part` writes the input as HTML with the offending part
highlighted. No Qt here: :mod:`lrc_toolbox.ui.widgets.frame_range_field` shows the result.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from lrc_toolbox.utils.frame_parser import FrameRangeError, FrameSet

__all__ = ["BAD_PART_STYLE", "FrameCheck", "check_frames", "escape_html", "mark_bad_part"]

#: Highlight of the bad part in the message (readable on dark and light palettes).
BAD_PART_STYLE: str = "color:#ff6b5e; font-weight:bold; text-decoration:underline"


def escape_html(text: str) -> str:
    """User text escaped for a rich-text label (quotes stay readable)."""
    return html.escape(text, quote=False)


@dataclass(frozen=True)
class FrameCheck:
    """The result of checking the field.

    Attributes:
        ok: The text parses.
        frames: The frames when ``ok``.
        message: The parser's message when not ``ok``.
        part: The exact part of the input that is wrong, when the parser names one.
        text: The text that was checked (the scene's default frames when the field is empty).
    """

    ok: bool
    frames: tuple[int, ...] = ()
    message: str = ""
    part: str | None = None
    text: str = ""


def check_frames(text: str, step: int = 1) -> FrameCheck:
    """Parse ``text`` like the engine will.

    Args:
        text: The frame string.
        step: The Step field.

    Returns:
        The frames, or the error message and the offending part.
    """
    try:
        frames = FrameSet.parse(text, step=step)
    except FrameRangeError as exc:
        return FrameCheck(ok=False, message=str(exc), part=exc.part, text=text)
    return FrameCheck(ok=True, frames=frames.frames, text=text)


def mark_bad_part(text: str, part: str | None) -> str:
    """The input as HTML with the first comma-separated part equal to ``part`` highlighted.

    Args:
        text: The input as typed.
        part: The parser's offending part (stripped), ``""`` for an empty part, or None.

    Returns:
        Escaped HTML; without a matching part, the whole input (escaped) unmarked.
    """
    if part is None:
        return escape_html(text)
    pieces = text.split(",")
    for index, piece in enumerate(pieces):
        if piece.strip() != part:
            continue
        lead = piece[: len(piece) - len(piece.lstrip())]
        trail = piece[len(piece.rstrip()) :]
        shown = part if part else "␣"  # an empty part (``1,,3``) is marked by a visible blank
        marked = (
            f"{escape_html(lead)}<span style='{BAD_PART_STYLE}'>{escape_html(shown)}</span>"
            f"{escape_html(trail)}"
        )
        before = ",".join(pieces[:index])
        after = ",".join(pieces[index + 1 :])
        return (
            (escape_html(before) + "," if index else "")
            + marked
            + ("," + escape_html(after) if index < len(pieces) - 1 else "")
        )
    return escape_html(text)
