"""A progress bar painted in a table cell (no widget per row: thousands of rows stay cheap)."""

from __future__ import annotations

from Qt import QtCore, QtGui, QtWidgets

#: Resolution of the painted bar (per mille: smooth enough, integer for QStyleOptionProgressBar).
BAR_STEPS: int = 1000


class ProgressBarDelegate(QtWidgets.QStyledItemDelegate):
    """Paints the index's progress (a 0..1 float under ``progress_role``) as a progress bar.

    Args:
        progress_role: The item data role holding the fraction; ``None`` there paints nothing
            but the normal cell (e.g. a queued row).
        parent: Owner.
    """

    def __init__(self, progress_role: int, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._role = progress_role

    def paint(
        self,
        painter: QtGui.QPainter,
        option: QtWidgets.QStyleOptionViewItem,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
    ) -> None:
        """Paint the bar over the cell's normal background (so selection still shows)."""
        fraction = index.data(self._role)
        if fraction is None:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget is not None else QtWidgets.QApplication.style()
        style.drawPrimitive(
            QtWidgets.QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
        )
        bar = QtWidgets.QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum = 0
        bar.maximum = BAR_STEPS
        value = max(0.0, min(1.0, float(fraction)))
        bar.progress = int(round(value * BAR_STEPS))
        bar.text = f"{int(value * 100)}%"  # rounded down: 100% only when all is verified
        bar.textVisible = True
        bar.textAlignment = QtCore.Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QtWidgets.QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)

    def sizeHint(  # noqa: N802 (Qt API)
        self,
        option: QtWidgets.QStyleOptionViewItem,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
    ) -> QtCore.QSize:
        """Wide enough for a readable bar."""
        hint = super().sizeHint(option, index)
        return QtCore.QSize(max(hint.width(), 110), hint.height())
