"""The Active Renders panel under the module path the spec names (``ui/dialogs/render_progress_widget``).

The widget lives in :mod:`lrc_toolbox.ui.widgets.renders_panel` so that presenters can use it
without importing the dialogs package (which imports the presenters); this module keeps the name
TDs and the spec use.
"""

from __future__ import annotations

from lrc_toolbox.ui.widgets.renders_panel import COLUMN_WIDTHS_PX, RenderProgressWidget

__all__ = ["COLUMN_WIDTHS_PX", "RenderProgressWidget"]
