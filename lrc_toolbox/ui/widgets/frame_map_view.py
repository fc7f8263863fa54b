"""The frame map, painted: one cell per frame of every layer, coloured by what became of it.

No widget per frame: the whole map is drawn into one image when its layout changes (a new job, a
new width) and afterwards only the cells that changed are redrawn into it
(:meth:`~lrc_toolbox.ui.view_state.frame_map.FrameMapState.take_dirty`); painting the widget is
one image copy of the exposed part. A 10,000-frame job costs a few milliseconds to lay out and
nothing per tick but its changed cells.

The pointer resting on a cell shows that frame's state, attempts, renders and last reason
(:func:`~lrc_toolbox.ui.view_state.frame_words.frame_tooltip`); a click selects it and emits
:attr:`FrameMapView.frame_clicked`, and the Logs panel shows that frame's lines.

:class:`FrameMapPanel` puts the map in a scroll area under its legend (the states and their
counts) and keeps the map's cells as big as its height allows.
"""

from __future__ import annotations

import html

from Qt import QtCore, QtGui, QtWidgets

from lrc_toolbox.ui.view_state.frame_map import FrameCell, FrameMapState
from lrc_toolbox.ui.view_state.frame_map_geometry import MapGeometry, layout_map
from lrc_toolbox.ui.view_state.frame_words import frame_tooltip, legend_items

__all__ = ["CELL_COLORS", "FrameMapPanel", "FrameMapView"]

#: Cell colours (dark palette, light palette): readable on Maya's dark theme and a light one.
CELL_COLORS: dict[FrameCell, tuple[str, str]] = {
    FrameCell.QUEUED: ("#5b6169", "#c9cdd3"),
    FrameCell.ASSIGNED: ("#3d5878", "#aac1dd"),
    FrameCell.RENDERING: ("#3d8ee8", "#2f7fdc"),
    FrameCell.VERIFIED: ("#4caf50", "#43a047"),
    FrameCell.RETRYING: ("#d6a03c", "#e0a030"),
    FrameCell.FAILED: ("#e5534b", "#d9362c"),
    FrameCell.STOPPED: ("#34373c", "#e6e8eb"),
}
#: A verified frame that needed a retry: a corner mark in the retry colour.
RETRIED_MARK_COLOR = ("#f0b44c", "#d08a10")
#: A frame whose image existed before the job: a paler green.
EXISTING_COLOR = ("#6f9c71", "#8cc48e")
#: Outline of the frame whose log lines are shown.
SELECTED_COLOR = ("#ffffff", "#000000")


def _dark(widget: QtWidgets.QWidget) -> bool:
    return widget.palette().color(QtGui.QPalette.ColorRole.Base).lightness() < 128


class FrameMapView(QtWidgets.QWidget):
    """The painted cells of a :class:`FrameMapState` (put it in a :class:`FrameMapPanel`).

    Args:
        parent: Owner.
    """

    #: A frame was clicked: (layer, frame).
    frame_clicked = QtCore.Signal(str, int)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frameMapView")
        self.state = FrameMapState()
        self.geometry_: MapGeometry | None = None
        self._image: QtGui.QImage | None = None
        self._fit_height = 200
        self._selected: tuple[str, int] | None = None
        self._names: list[str] = []
        self._titles: dict[int, str] = {}
        dark = _dark(self)
        pick = 0 if dark else 1
        self.colors = {cell: QtGui.QColor(pair[pick]) for cell, pair in CELL_COLORS.items()}
        self._retried = QtGui.QColor(RETRIED_MARK_COLOR[pick])
        self._existing = QtGui.QColor(EXISTING_COLOR[pick])
        self._selected_color = QtGui.QColor(SELECTED_COLOR[pick])
        self._background = self.palette().color(QtGui.QPalette.ColorRole.Base)
        self._text = self.palette().color(QtGui.QPalette.ColorRole.Text)
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Preferred
        )

    # -- data in ----------------------------------------------------------------------------------
    def set_state(self, state: FrameMapState) -> None:
        """Show another job's map (History's selected job, or a new running job)."""
        self.state = state
        self._selected = None
        self.relayout()

    def set_fit_height(self, height: int) -> None:
        """The height the map should fit in without scrolling, if its cells allow."""
        if height != self._fit_height:
            self._fit_height = max(40, height)
            self.relayout()

    def refresh(self) -> None:
        """Redraw what changed in the state since the last refresh (cheap: dirty cells only)."""
        relayout, dirty = self.state.take_dirty()
        if relayout or self._image is None or list(self.state.layers) != self._names:
            self.relayout()
            return
        if not dirty:
            return
        painter = QtGui.QPainter(self._image)
        try:
            region = QtCore.QRect()
            bands = {name: band for band, name in enumerate(self._names)}
            titles = set()
            for name, position in dirty:
                band = bands.get(name)
                if band is not None:
                    region = region.united(self._paint_cell(painter, band, position))
                    titles.add(band)
            for band in titles:  # their verified counts moved
                region = region.united(self._paint_title(painter, band))
        finally:
            painter.end()
        self.update(region.adjusted(-2, -2, 2, 2))

    def select(self, layer: str, frame: int) -> None:
        """Outline a frame (the one whose log lines are shown)."""
        self._selected = (layer, frame)
        self.update()

    # -- layout and painting ----------------------------------------------------------------------
    def relayout(self) -> None:
        """Lay the map out for the current width and redraw it whole."""
        self.state.take_dirty()
        self._names = list(self.state.layers)
        counts = [len(layer.frames) for layer in self.state.layers.values()]
        width = max(60, self.width())
        geometry = layout_map(counts, width, self._fit_height)
        self.geometry_ = geometry
        if self.minimumHeight() != geometry.height:
            self.setMinimumHeight(geometry.height)
        image = QtGui.QImage(
            max(1, width), max(1, geometry.height), QtGui.QImage.Format.Format_ARGB32_Premultiplied
        )
        image.fill(self._background)
        self._titles = {}
        painter = QtGui.QPainter(image)
        try:
            self._paint_all(painter, geometry)
        finally:
            painter.end()
        self._image = image
        self.update()

    def _paint_all(self, painter: QtGui.QPainter, geometry: MapGeometry) -> None:
        pitch, cell, columns = geometry.pitch, geometry.cell, geometry.columns
        for band, layer in enumerate(self.state.layers.values()):
            self._paint_title(painter, band)
            cells = layer.cells
            count = len(cells)
            info = geometry.bands[band]
            for row in range(info.rows):
                start = row * columns
                end = min(start + columns, count)
                top = geometry.cell_rect(band, start)[1]
                position = start
                while position < end:
                    value = cells[position]
                    run_end = position + 1
                    while run_end < end and cells[run_end] == value:
                        run_end += 1
                    left = geometry.cell_rect(band, position)[0]
                    width = (run_end - position) * pitch - geometry.gap
                    painter.fillRect(left, top, width, cell, self.colors[FrameCell(value)])
                    position = run_end
            # A run was drawn as one rectangle: cut the gaps between its cells back in.
            if info.rows:
                first_top = geometry.cell_rect(band, 0)[1]
                height = info.rows * pitch
                for column in range(1, columns):
                    left = geometry.cell_rect(band, column)[0] - geometry.gap
                    painter.fillRect(left, first_top, geometry.gap, height, self._background)
            for position in self._special_positions(layer.name):
                self._paint_cell(painter, band, position)

    def _paint_title(self, painter: QtGui.QPainter, band: int) -> QtCore.QRect:
        """A layer's title line: its name and how many of its frames are verified."""
        geometry = self.geometry_
        if geometry is None or band >= len(self._names):
            return QtCore.QRect()
        layer = self.state.layers[self._names[band]]
        rect = QtCore.QRect(*geometry.title_rect(band))
        verified = layer.count(FrameCell.VERIFIED)
        title = f"{layer.name}   {verified:,} / {len(layer.frames):,} verified"
        failed = layer.count(FrameCell.FAILED)
        if failed:
            title += f" · {failed:,} failed"
        if self._titles.get(band) == title:
            return QtCore.QRect()  # a frame's percent moved, not its layer's counts
        self._titles[band] = title
        painter.fillRect(rect, self._background)
        painter.setFont(self.font())
        painter.setPen(self._text)
        painter.drawText(
            rect,
            int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter),
            painter.fontMetrics().elidedText(
                title, QtCore.Qt.TextElideMode.ElideMiddle, rect.width()
            ),
        )
        return rect

    def _special_positions(self, name: str) -> set[int]:
        """Cells drawn with more than their colour: rendering percent, retried, existing."""
        layer = self.state.layers[name]
        frames = set(layer.percent) | set(layer.existing)
        frames |= {frame for frame, attempts in layer.attempts.items() if attempts > 1}
        return {layer.index[frame] for frame in frames if frame in layer.index}

    def _paint_cell(self, painter: QtGui.QPainter, band: int, position: int) -> QtCore.QRect:
        geometry = self.geometry_
        layer = self.state.layers[self._names[band]]
        if geometry is None or position >= len(layer.frames):
            return QtCore.QRect()
        x, y, size, _ = geometry.cell_rect(band, position)
        rect = QtCore.QRect(x, y, size, size)
        frame = layer.frames[position]
        cell = FrameCell(layer.cells[position])
        if cell is FrameCell.RENDERING:
            painter.fillRect(rect, self.colors[FrameCell.ASSIGNED])
            percent = layer.percent.get(frame)
            filled = size if percent is None else max(1, round(size * percent / 100.0))
            painter.fillRect(x, y + size - filled, size, filled, self.colors[cell])
        elif cell is FrameCell.VERIFIED and frame in layer.existing:
            painter.fillRect(rect, self._existing)
        else:
            painter.fillRect(rect, self.colors[cell])
        if layer.attempts.get(frame, 0) > 1 and cell is not FrameCell.RETRYING:
            mark = max(3, size // 2)
            corner = QtGui.QPolygon(
                [
                    QtCore.QPoint(x + size - mark, y),
                    QtCore.QPoint(x + size, y),
                    QtCore.QPoint(x + size, y + mark),
                ]
            )
            painter.setPen(QtCore.Qt.PenStyle.NoPen)
            painter.setBrush(self._retried)
            painter.drawPolygon(corner)
        return rect

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:  # noqa: N802 (Qt API)
        """Copy the exposed part of the map's image; outline the selected frame."""
        if self._image is None:
            self.relayout()
        painter = QtGui.QPainter(self)
        try:
            painter.fillRect(event.rect(), self._background)
            if self._image is not None:
                painter.drawImage(event.rect(), self._image, event.rect())
            rect = self._selected_rect()
            if rect is not None:
                painter.setPen(QtGui.QPen(self._selected_color, 2))
                painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
                painter.drawRect(rect.adjusted(-1, -1, 1, 1))
        finally:
            painter.end()

    def _selected_rect(self) -> QtCore.QRect | None:
        if self._selected is None or self.geometry_ is None:
            return None
        name, frame = self._selected
        layer = self.state.layers.get(name)
        if layer is None or frame not in layer.index or name not in self._names:
            return None
        x, y, w, h = self.geometry_.cell_rect(self._names.index(name), layer.index[frame])
        return QtCore.QRect(x, y, w, h)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """A new width lays the map out again."""
        super().resizeEvent(event)
        if self._image is None or event.size().width() != event.oldSize().width():
            self.relayout()

    # -- pointer ----------------------------------------------------------------------------------
    def frame_at(self, point: QtCore.QPoint) -> tuple[str, int] | None:
        """(layer, frame) under a point of the widget, or None."""
        if self.geometry_ is None:
            return None
        hit = self.geometry_.hit(point.x(), point.y())
        if hit is None or hit[0] >= len(self._names):
            return None
        layer = self.state.layers[self._names[hit[0]]]
        return layer.name, layer.frames[hit[1]]

    def cell_center(self, layer: str, frame: int) -> QtCore.QPoint:
        """The middle of a frame's cell (tests click there)."""
        assert self.geometry_ is not None
        frames = self.state.layers[layer]
        x, y, w, h = self.geometry_.cell_rect(self._names.index(layer), frames.index[frame])
        return QtCore.QPoint(x + w // 2, y + h // 2)

    def tooltip_at(self, point: QtCore.QPoint) -> str:
        """The hover text at a point ("" off the cells)."""
        hit = self.frame_at(point)
        info = self.state.info(*hit) if hit is not None else None
        return frame_tooltip(info) if info is not None else ""

    def event(self, event: QtCore.QEvent) -> bool:
        """Tooltips name the frame under the pointer."""
        if event.type() == QtCore.QEvent.Type.ToolTip and isinstance(event, QtGui.QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QtWidgets.QToolTip.showText(event.globalPos(), text, self)
            else:
                QtWidgets.QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802 (Qt API)
        """A click on a frame selects it and asks for its log lines."""
        point = event.position().toPoint() if hasattr(event, "position") else event.pos()
        hit = self.frame_at(point)
        if hit is None:
            super().mousePressEvent(event)
            return
        self.select(*hit)
        self.frame_clicked.emit(*hit)


class FrameMapPanel(QtWidgets.QWidget):
    """The legend over the painted map, in a scroll area.

    Args:
        parent: Owner.
        empty_text: What the legend says before there is a job.
    """

    def __init__(
        self, parent: QtWidgets.QWidget | None = None, empty_text: str = "No frames yet."
    ) -> None:
        super().__init__(parent)
        self._empty_text = empty_text
        self.view = FrameMapView()
        self.frame_clicked = self.view.frame_clicked
        self.legend = QtWidgets.QLabel(empty_text)
        self.legend.setObjectName("frameMapLegend")
        self.legend.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setToolTip(
            "One cell per frame. Rest the pointer on a frame for its attempts and reason; "
            "click it for its log lines. A corner mark: the frame needed a retry."
        )
        self.scroll_area = QtWidgets.QScrollArea()
        self.scroll_area.setObjectName("frameMapScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.view)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.legend)
        layout.addWidget(self.scroll_area, 1)
        self._legend_key: tuple[tuple[int, str], ...] = ()
        self.setMinimumHeight(60)

    @property
    def state(self) -> FrameMapState:
        """The map's state."""
        return self.view.state

    def set_state(self, state: FrameMapState) -> None:
        """Show another job's frames."""
        self.view.set_state(state)
        self.update_legend()

    def refresh(self) -> None:
        """Redraw the changed cells and the legend's counts."""
        self.view.refresh()
        self.update_legend()

    def update_legend(self) -> None:
        """Rewrite the legend (states with frames, and how many)."""
        state = self.view.state
        items = legend_items(state.counts()) if state.layers else []
        key = tuple((int(cell), text) for cell, text in items)
        if key == self._legend_key and items:
            return
        self._legend_key = key
        if not items:
            self.legend.setText(html.escape(self._empty_text))
            return
        chips = []
        for cell, text in items:
            color = self.view.colors[cell].name()
            chips.append(f"<span style='color:{color}'>&#9632;</span>&nbsp;{html.escape(text)}")
        self.legend.setText("&nbsp;&nbsp; ".join(chips))

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Cells as big as the visible height allows."""
        super().resizeEvent(event)
        self.view.set_fit_height(self.scroll_area.viewport().height())
