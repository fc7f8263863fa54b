"""The frame range field: live validation that names the exact bad part, and a frame preview.

Typing ``1,10-1,50`` shows *reversed range '10-1': type '1-10'* with ``10-1`` highlighted in the
input; typing ``1-100x5`` shows *21 frames: 1, 6, 11, …, 91, 96, 100*. Parsing is the engine's own
:class:`~lrc_toolbox.utils.frame_parser.FrameSet`, so the dialog accepts exactly what the CLI and
the API accept (and refuses ``1-999999999`` at once, before allocating anything). The verdict
itself is Qt-free (:mod:`lrc_toolbox.ui.view_state.frame_check`); this widget shows it.

The message has a fixed place of :data:`MESSAGE_LINES` lines under the field, whatever it says:
typing never makes the form below it jump. A message longer than its line is elided there, and
is whole in the tooltip.
"""

from __future__ import annotations

from Qt import QtCore, QtGui, QtWidgets

from lrc_toolbox.ui.view_state.dialog_words import in_dialog_words
from lrc_toolbox.ui.view_state.formatting import frames_preview, plural
from lrc_toolbox.ui.view_state.frame_check import (
    FrameCheck,
    check_frames,
    escape_html,
    mark_bad_part,
)
from lrc_toolbox.utils.frame_parser import MAX_STEP

#: Lines the message under the field always takes (the message, and where the input is wrong).
MESSAGE_LINES: int = 2

FRAME_TOOLTIP: str = (
    "Frames to render, separated by commas:\n"
    "  1,10-20,50   frame 1, frames 10 to 20, and frame 50\n"
    "  1-100x5      every 5th frame from 1 to 100; an x step always includes\n"
    "               the last frame: 1, 6, 11, … 91, 96, 100\n"
    "  -5--1        negative frames work too\n"
    "Step (next field) applies to plain ranges such as 1-100; an x in a part wins.\n"
    "Leave empty to render the scene's own frame range."
)


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
        self.message_label.setWordWrap(False)
        self.message_label.setAlignment(
            QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignTop
        )
        self.message_label.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Fixed
        )
        self.message_label.setMinimumWidth(1)  # it elides: it never widens the form
        metrics = QtGui.QFontMetrics(self.message_label.font())
        self.message_label.setFixedHeight(metrics.lineSpacing() * MESSAGE_LINES + 2)
        self._shown: tuple[FrameCheck, str] | None = None

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
        """The frame string as typed (``""``: the scene's default frames, what Maya renders)."""
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
        """The scene's default frames (what Maya renders), used and shown when the field is empty."""
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

    def _elide(self, text: str) -> str:
        """``text`` shortened with "…" to the message's width (whole when not laid out yet)."""
        width = self.message_label.width()
        if width < 40:
            return text
        return self.message_label.fontMetrics().elidedText(
            text, QtCore.Qt.TextElideMode.ElideRight, width - 4
        )

    def _show(self, result: FrameCheck, prefix: str) -> None:
        self._shown = (result, prefix)
        if result.ok:
            count = plural(len(result.frames), "frame")
            line = f"{prefix}{count}: {frames_preview(result.frames)}"
            for shown_frames in range(11, 3, -1):  # fewer frames before any "…" at the end
                if self._elide(line) == line:
                    break
                line = f"{prefix}{count}: {frames_preview(result.frames, shown_frames)}"
            line = self._elide(line)
            self.message_label.setText(escape_html(line))
            self.message_label.setToolTip(frames_preview(result.frames, max_frames=400))
            self.edit.setStyleSheet("")
            return
        message = in_dialog_words(result.message)
        line = escape_html(self._elide(f"✗ {message}"))
        shown = mark_bad_part(result.text, result.part) if result.text else ""
        where = f"<br>in: <tt>{shown}</tt>" if shown and result.part is not None else ""
        self.message_label.setText(f"<span style='color:#ff6b5e'>{line}</span>{where}")
        self.message_label.setToolTip(message)
        self.edit.setStyleSheet("QLineEdit { border: 1px solid #d9534f; }")

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Elide the message again for the new width."""
        super().resizeEvent(event)
        if self._shown is not None:
            self._show(*self._shown)
