"""A one-line label that elides what does not fit and keeps the whole text in its tooltip.

A ``QLabel`` either grows its window (no elision) or cuts text off at the edge; an artist then
reads "Failed: 7 frame(s) witho". This label takes what room the layout gives it, draws the text
elided with "…" where it does not fit, and shows the whole text on hover.
"""

from __future__ import annotations

from Qt import QtCore, QtGui, QtWidgets

__all__ = ["ElidedLabel"]


class ElidedLabel(QtWidgets.QLabel):
    """One line of plain text, elided to the width it gets (the tooltip holds all of it).

    Args:
        text: The text.
        parent: Owner.
        mode: Where to elide (the end by default; the middle suits paths).
        min_chars: The narrowest it gets, in average characters.
    """

    def __init__(
        self,
        text: str = "",
        parent: QtWidgets.QWidget | None = None,
        *,
        mode: QtCore.Qt.TextElideMode = QtCore.Qt.TextElideMode.ElideRight,
        min_chars: int = 8,
    ) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self._min_chars = min_chars
        self._tooltip = ""
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        # Preferred: it gets its whole text's width when there is room, and shrinks (eliding)
        # down to its minimum size hint (a few characters) when there is not.
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Preferred
        )
        self.setText(text)

    def full_text(self) -> str:
        """The whole text (what :meth:`text` shows may be elided)."""
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        """Show ``text`` (elided when needed) with the whole of it in the tooltip."""
        self._full = text
        self._refresh()

    def set_tooltip_text(self, tooltip: str) -> None:
        """A tooltip of its own (the whole text is added when elided)."""
        self._tooltip = tooltip
        self._refresh()

    def minimumSizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt API)
        """A few characters wide, one line high."""
        metrics = self.fontMetrics()
        return QtCore.QSize(metrics.averageCharWidth() * self._min_chars, metrics.height())

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt API)
        """As wide as the whole text."""
        metrics = self.fontMetrics()
        return QtCore.QSize(metrics.horizontalAdvance(self._full) + 4, metrics.height())

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Elide again for the new width."""
        super().resizeEvent(event)
        self._refresh()

    def _refresh(self) -> None:
        width = max(10, self.width() - 2)
        shown = self.fontMetrics().elidedText(self._full, self._mode, width)
        super().setText(shown)
        parts = [
            part for part in (self._tooltip, self._full if shown != self._full else "") if part
        ]
        super().setToolTip("\n".join(parts))

    @property
    def is_elided(self) -> bool:
        """True when the label shows less than its whole text."""
        return super().text() != self._full
