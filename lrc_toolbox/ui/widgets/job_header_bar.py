"""The strip above Active Renders: the job's name and state, its progress bar, counts and ETA.

It only shows a :class:`~lrc_toolbox.ui.view_state.job_header.JobHeader` (computed without Qt);
nothing in it grows the window: the name and the counts are elided, with the whole text in their
tooltips.
"""

from __future__ import annotations

from Qt import QtCore, QtGui, QtWidgets

from lrc_toolbox.ui.view_state.job_header import JobHeader
from lrc_toolbox.ui.view_state.status_words import Tone
from lrc_toolbox.ui.widgets.elided_label import ElidedLabel

__all__ = ["TONE_STYLES", "JobHeaderBar"]

#: The state chip's colours: only a failure is red.
TONE_STYLES: dict[Tone, str] = {
    Tone.PLAIN: "",
    Tone.ACTIVE: "background:#2e4a62; color:#e8f1f8;",
    Tone.GOOD: "background:#2f5d34; color:#e9f6ea;",
    Tone.RETRY: "background:#6b5410; color:#fff6dc;",
    Tone.MUTED: "background:#4a4d52; color:#eeeeee;",
    Tone.BAD: "background:#6e2622; color:#ffe9e7;",
}
#: The bar's resolution (per mille).
BAR_STEPS: int = 1000


class JobHeaderBar(QtWidgets.QWidget):
    """Name, state, progress bar, counts and ETA of the job shown.

    Args:
        parent: Owner.
    """

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobHeader")
        self.title = ElidedLabel(min_chars=10, mode=QtCore.Qt.TextElideMode.ElideMiddle)
        self.title.setObjectName("jobTitle")
        font = QtGui.QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.state = QtWidgets.QLabel()
        self.state.setObjectName("jobState")
        self.state.setContentsMargins(6, 1, 6, 1)
        self.bar = QtWidgets.QProgressBar()
        self.bar.setObjectName("jobProgress")
        self.bar.setRange(0, BAR_STEPS)
        # The numbers sit beside the bar, not on it: text drawn across the bar's edge is hard
        # to read ("3|1 / 90").
        self.bar.setTextVisible(False)
        self.bar.setMinimumWidth(80)
        self.bar.setMaximumHeight(14)
        self.bar_text = QtWidgets.QLabel()
        self.bar_text.setObjectName("jobProgressText")
        self.eta = QtWidgets.QLabel()
        self.eta.setObjectName("jobEta")
        self.counts = ElidedLabel(min_chars=12)
        self.counts.setObjectName("jobCounts")
        top = QtWidgets.QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.state)
        bottom = QtWidgets.QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.setSpacing(12)
        bottom.addWidget(self.bar, 2)
        bottom.addWidget(self.bar_text)
        bottom.addWidget(self.eta)
        bottom.addWidget(self.counts, 3)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self._shown: JobHeader | None = None

    @property
    def shown(self) -> JobHeader | None:
        """The header on screen."""
        return self._shown

    def show_header(self, header: JobHeader) -> None:
        """Show ``header`` (nothing is redrawn when it did not change)."""
        if header == self._shown:
            return
        self._shown = header
        self.title.setText(header.title)
        self.state.setText(header.state.short)
        self.state.setToolTip(header.state.full)
        self.state.setVisible(bool(header.state.short))
        style = TONE_STYLES.get(header.state.tone, "")
        self.state.setStyleSheet(f"QLabel#jobState {{ {style} border-radius:3px; }}")
        has_job = bool(header.bar_text)
        self.bar.setVisible(has_job)
        self.bar.setValue(int(header.fraction * BAR_STEPS))
        self.bar.setToolTip(header.bar_text)
        self.bar_text.setText(header.bar_text)
        self.bar_text.setVisible(has_job)
        self.eta.setText(header.eta_text)
        self.eta.setToolTip(header.eta_tooltip)
        self.eta.setVisible(bool(header.eta_text))
        self.counts.setText(header.counts_text)
