"""Where each frame's cell sits in the painted frame map, and which frame a point is on.

The map is one band per layer: a title line (the layer's name and counts), then its frames in
rows of cells, left to right, in frame order. Rows hold a multiple of ten cells when there is room
for ten, so a column reads as "frames ending in 1, 11, 21...". The cell size is the largest of
:data:`CELL_SIZES_PX` that lets the whole map fit the height it is given (a small job gets big,
easy cells; a 10,000-frame job gets small ones, and scrolls if even those do not fit).

Pure arithmetic, no Qt: the view paints and hit-tests with these numbers, and tests check them.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "CELL_SIZES_PX",
    "Band",
    "MapGeometry",
    "layout_map",
]

#: Cell sizes tried, largest first (pixels, square).
CELL_SIZES_PX: tuple[int, ...] = (18, 14, 12, 10, 8, 6)
#: Gap between two cells (pixels).
CELL_GAP_PX: int = 2
#: Height of a layer's title line (pixels).
TITLE_HEIGHT_PX: int = 18
#: Space after a layer's band (pixels).
BAND_GAP_PX: int = 6
#: Left and right margin (pixels).
MARGIN_PX: int = 4


@dataclass(frozen=True)
class Band:
    """One layer's part of the map.

    Attributes:
        top: Its title line's top (pixels from the map's top).
        count: Its frames.
        rows: Rows of cells.
    """

    top: int
    count: int
    rows: int


@dataclass(frozen=True)
class MapGeometry:
    """The map laid out for one width: bands, cell size and columns.

    Attributes:
        cell: Cell size (pixels).
        gap: Gap between cells (pixels).
        columns: Cells per row.
        bands: One per layer, in order.
        height: The whole map's height (pixels).
        width: The width it was laid out for (pixels).
    """

    cell: int
    gap: int
    columns: int
    bands: tuple[Band, ...]
    height: int
    width: int

    @property
    def pitch(self) -> int:
        """Distance from one cell to the next (cell plus gap)."""
        return self.cell + self.gap

    def cell_rect(self, band: int, position: int) -> tuple[int, int, int, int]:
        """(x, y, width, height) of the cell of frame number ``position`` of layer ``band``."""
        row, column = divmod(position, self.columns)
        top = self.bands[band].top + TITLE_HEIGHT_PX
        return (MARGIN_PX + column * self.pitch, top + row * self.pitch, self.cell, self.cell)

    def title_rect(self, band: int) -> tuple[int, int, int, int]:
        """(x, y, width, height) of a layer's title line."""
        return (MARGIN_PX, self.bands[band].top, self.width - 2 * MARGIN_PX, TITLE_HEIGHT_PX)

    def hit(self, x: float, y: float) -> tuple[int, int] | None:
        """(band, position) of the cell under a point, or None (a title, a margin, past the end).

        A point in the gap right or below a cell counts as that cell: the pointer never falls
        between frames.
        """
        tops = [band.top for band in self.bands]
        band = bisect.bisect_right(tops, y) - 1
        if band < 0 or x < MARGIN_PX:
            return None
        inside = y - tops[band] - TITLE_HEIGHT_PX
        if inside < 0:
            return None
        row, column = int(inside // self.pitch), int((x - MARGIN_PX) // self.pitch)
        if column >= self.columns or row >= self.bands[band].rows:
            return None
        position = row * self.columns + column
        return (band, position) if position < self.bands[band].count else None


def _columns(width: int, pitch: int) -> int:
    fit = max(1, (width - 2 * MARGIN_PX + CELL_GAP_PX) // pitch)
    return fit - fit % 10 if fit >= 10 else fit


def _bands(counts: Sequence[int], columns: int, pitch: int) -> tuple[tuple[Band, ...], int]:
    bands = []
    top = 0
    for count in counts:
        rows = math.ceil(count / columns) if count else 0
        bands.append(Band(top=top, count=count, rows=rows))
        top += TITLE_HEIGHT_PX + rows * pitch + BAND_GAP_PX
    return tuple(bands), top


def layout_map(counts: Sequence[int], width: int, height: int) -> MapGeometry:
    """Lay out layers of ``counts`` frames in ``width``, with cells as big as ``height`` allows.

    Args:
        counts: Frames per layer, in the layers' order.
        width: The map's width (pixels).
        height: The height it should fit in (pixels); the smallest cells are used when nothing
            fits, and the map is then taller (it scrolls).

    Returns:
        The geometry.
    """
    chosen = None
    for cell in CELL_SIZES_PX:
        pitch = cell + CELL_GAP_PX
        columns = _columns(width, pitch)
        bands, total = _bands(counts, columns, pitch)
        chosen = MapGeometry(cell, CELL_GAP_PX, columns, bands, total, width)
        if total <= height:
            break
    assert chosen is not None  # CELL_SIZES_PX is not empty
    return chosen
