"""The frame range field: live validation that names the exact bad part, and a frame preview.

Typing ``1,10-1,50`` shows *reversed range '10-1': type '1-10'* with ``10-1`` highlighted in the
input; typing ``1-100x5`` shows *21 frames: 1, 6, 11, …, 91, 96, 100*. Parsing is the engine's own
:class:`~lrc_toolbox.utils.frame_parser.FrameSet`, so the dialog accepts exactly what the CLI and
the API accept (and refuses ``1-999999999`` at once, before allocating anything).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from Qt import QtCore, QtWidgets

from lrc_toolbox.ui.formatting import frames_preview, plural
from lrc_toolbox.utils.frame_parser import MAX_STEP, FrameRangeError, FrameSet

FRAME_TOOLTIP: str = (
    "Frames to render, separated by commas:\n"
    "  1,10-20,50   frame 1, frames 10 to 20, and frame 50\n"
    "  1-100x5      every 5th frame from 1 to 100; an x step always includes\n"
    "               the last frame: 1, 6, 11, … 91, 96, 100\n"
    "  -5--1        negative frames work too\n"
    "Step (next field) applies to plain ranges such as 1-100; an x in a part wins.\n"
    "Leave empty to render the scene's own frame range."
)

#: Highlight of the bad part in the message (readable on dark and light palettes).
BAD_PART_STYLE: str = "color:#ff6b5e; font-weight:bold; text-decoration:underline"


def _html(text: str) -> str:
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
        text: The text that was checked (the scene's range when the field is empty).
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
        return _html(text)
    pieces = text.split(",")
    for index, piece in enumerate(pieces):
        if piece.strip() != part:
            continue
        lead = piece[: len(piece) - len(piece.lstrip())]
        trail = piece[len(piece.rstrip()) :]
        shown = part if part else "␣"  # an empty part (``1,,3``) is marked by a visible blank
        marked = f"{_html(lead)}<span style='{BAD_PART_STYLE}'>{_html(shown)}</span>{_html(trail)}"
        before = ",".join(pieces[:index])
        after = ",".join(pieces[index + 1 :])
        return (
            (_html(before) + "," if index else "")
            + marked
            + ("," + _html(after) if index < len(pieces) - 1 else "")
        )
    return _html(text)


class FrameRangeField(QtWidgets.QWidget):
    """Frame string + Step, with an inline message or preview under them.

    Args:
        parent: Owner.
    """

    #: The text or step changed (the check is already up to date).
    changed = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene_frames = ""
        self.edit = QtWidgets.QLineEdit()
        self.edit.setObjectName("frameRangeEdit")
        self.edit.setToolTip(FRAME_TOOLTIP)
        self.edit.setClearButtonEnabled(True)
        self.step_spin = QtWidgets.QSpinBox()
        self.step_spin.setObjectName("stepSpin")
        self.step_spin.setRange(1, min(MAX_STEP, 100_000))
        self.step_spin.setToolTip(
            "Render every Nth frame of plain ranges (1-100 with step 5 is "
            "1, 6, … 96, 100: the last frame is always included)"
        )
        self.message_label = QtWidgets.QLabel()
        self.message_label.setObjectName("frameRangeMessage")
        self.message_label.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.message_label.setWordWrap(True)

        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(QtWidgets.QLabel("Step:"))
        row.addWidget(self.step_spin)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message_label)

        self._check = FrameCheck(ok=False)
        self.edit.textChanged.connect(self._on_changed)
        self.step_spin.valueChanged.connect(self._on_changed)
        self._on_changed()

    # -- values -----------------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The frame string as typed (``""``: the scene's range)."""
        return self.edit.text().strip()

    @property
    def step(self) -> int:
        """The Step field."""
        return int(self.step_spin.value())

    @property
    def check(self) -> FrameCheck:
        """The current validation result."""
        return self._check

    def set_values(self, text: str, step: int) -> None:
        """Fill the field and the step."""
        self.step_spin.setValue(max(1, step))
        self.edit.setText(text)

    def set_scene_frames(self, frames: str) -> None:
        """The scene's range, used (and shown as the placeholder) when the field is empty."""
        self._scene_frames = frames
        self.edit.setPlaceholderText(f"scene range: {frames}" if frames else "e.g. 1-100")
        self._on_changed()

    # -- validation -------------------------------------------------------------------------------
    def _on_changed(self, *_args: object) -> None:
        text = self.text
        if not text and self._scene_frames:
            self._check = check_frames(self._scene_frames, 1)
            prefix = "Scene range: "
        else:
            self._check = check_frames(text, self.step)
            prefix = ""
        self._show(self._check, prefix)
        self.changed.emit()

    def _show(self, result: FrameCheck, prefix: str) -> None:
        if result.ok:
            count = plural(len(result.frames), "frame")
            preview = _html(frames_preview(result.frames))
            self.message_label.setText(f"{prefix}{count}: {preview}")
            self.message_label.setToolTip(frames_preview(result.frames, max_frames=400))
            self.edit.setStyleSheet("")
            return
        message = _html(result.message)
        shown = mark_bad_part(result.text, result.part) if result.text else ""
        where = f"<br>in: <tt>{shown}</tt>" if shown and result.part is not None else ""
        self.message_label.setText(f"<span style='color:#ff6b5e'>✗ {message}</span>{where}")
        self.message_label.setToolTip(result.message)
        self.edit.setStyleSheet("QLineEdit { border: 1px solid #d9534f; }")
