"""The Batch Render dialog's layout: which panel goes where, and how small the window may get.

::

    ┌ System Resources ─┐┌ Active Renders | History ───────────────────┐
    │                   ││ job header (name, state, bar, counts, ETA)  │
    ├ Render Config ────┤│ frame map                                   │
    │ (scrolls when     ││─────────── (splitter) ──────────────────────│
    │  the window is    ││ renders table                               │
    │  short)           │├──────────── (splitter) ─────────────────────┤
    │                   ││ Logs                                        │
    └───────────────────┘└─────────────────────────────────────────────┘
    message bar
    Start · Stop Selected · Stop All · Retry Failed · Submit to farm          Close

Every splitter lets its panels be dragged smaller or closed, the configuration column scrolls
instead of setting the window's height, and nothing holds the window wider than
:data:`MIN_WINDOW_PX`: the dialog stays usable at 960x600 (a laptop, or beside Maya). No push
button is a default button: Enter in a field never clicks one (it used to open the file dialog).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from Qt import QtCore, QtWidgets

from lrc_toolbox.ui.dialogs.render_progress_widget import RenderProgressWidget
from lrc_toolbox.ui.view_state.gpu_names import GpuNames
from lrc_toolbox.ui.widgets.control_buttons import ControlButtonsWidget
from lrc_toolbox.ui.widgets.history_panel import HistoryPanel
from lrc_toolbox.ui.widgets.logs_monitor import LogsMonitorWidget
from lrc_toolbox.ui.widgets.message_bar import MessageBar
from lrc_toolbox.ui.widgets.render_config_widget import RenderConfigWidget
from lrc_toolbox.ui.widgets.system_info_widget import SystemInfoWidget

__all__ = [
    "DEFAULT_SIZE_PX",
    "LEFT_COLUMN_MIN_WIDTH_PX",
    "MIN_WINDOW_PX",
    "DialogParts",
    "build_parts",
    "no_default_buttons",
]

#: Initial size of a first-time window (remembered afterwards).
DEFAULT_SIZE_PX: tuple[int, int] = (1360, 860)
#: The window stays usable down to this size.
MIN_WINDOW_PX: tuple[int, int] = (960, 600)
#: The configuration column's least width (narrower, it scrolls sideways).
LEFT_COLUMN_MIN_WIDTH_PX: int = 340
#: The configuration column's first width.
LEFT_COLUMN_WIDTH_PX: int = 470
#: The Logs panel's least height (a few lines stay readable).
LOGS_MIN_HEIGHT_PX: int = 170


@dataclass
class DialogParts:
    """The panels of the dialog, and the splitters that hold them."""

    system_info: SystemInfoWidget
    config: RenderConfigWidget
    active: RenderProgressWidget
    history: HistoryPanel
    logs: LogsMonitorWidget
    buttons: ControlButtonsWidget
    message_bar: MessageBar
    views_tabs: QtWidgets.QTabWidget
    right_splitter: QtWidgets.QSplitter
    main_splitter: QtWidgets.QSplitter


def no_default_buttons(widget: QtWidgets.QWidget) -> None:
    """Make no push button under ``widget`` a default button (Enter in a field clicks none)."""
    for button in widget.findChildren(QtWidgets.QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def build_parts(
    dialog: QtWidgets.QDialog,
    renderer_names: Sequence[str],
    *,
    clock: Callable[[], float] = time.monotonic,
    gpu_names: GpuNames,
) -> DialogParts:
    """Make the panels and lay them out in ``dialog``.

    Args:
        dialog: The window (its layout is set here).
        renderer_names: The renderer profiles offered.
        clock: Monotonic clock for elapsed times (tests).
        gpu_names: How GPUs are named (shared by every panel).

    Returns:
        The panels.
    """
    system_info = SystemInfoWidget(gpu_names=gpu_names)
    config = RenderConfigWidget()
    config.set_renderers(renderer_names)
    active = RenderProgressWidget(clock=clock, gpu_names=gpu_names)
    history = HistoryPanel(gpu_names=gpu_names)
    logs = LogsMonitorWidget()
    logs.setMinimumHeight(LOGS_MIN_HEIGHT_PX)
    buttons = ControlButtonsWidget()
    message_bar = MessageBar()

    left = QtWidgets.QWidget()
    left_layout = QtWidgets.QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(system_info)
    left_layout.addWidget(config, 1)
    left_scroll = QtWidgets.QScrollArea()
    left_scroll.setObjectName("configScroll")
    left_scroll.setWidgetResizable(True)
    left_scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    left_scroll.setWidget(left)
    left_scroll.setMinimumWidth(LEFT_COLUMN_MIN_WIDTH_PX)

    # The tab names the panel: its group-box title would say it twice.
    active.setTitle("")
    active.setFlat(True)
    views_tabs = QtWidgets.QTabWidget()
    views_tabs.setObjectName("renderViewsTabs")
    views_tabs.addTab(active, "Active Renders")
    views_tabs.addTab(history, "History")
    views_tabs.setTabToolTip(0, "The current job: its frames, its renders and their progress")
    views_tabs.setTabToolTip(1, "Earlier jobs from the job store: their frames, renders, reasons")

    right_splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
    right_splitter.setObjectName("rightSplitter")
    right_splitter.addWidget(views_tabs)
    right_splitter.addWidget(logs)
    right_splitter.setStretchFactor(0, 3)
    right_splitter.setStretchFactor(1, 2)
    right_splitter.setChildrenCollapsible(True)

    main_splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
    main_splitter.setObjectName("mainSplitter")
    main_splitter.addWidget(left_scroll)
    main_splitter.addWidget(right_splitter)
    main_splitter.setStretchFactor(0, 0)
    main_splitter.setStretchFactor(1, 1)
    main_splitter.setChildrenCollapsible(True)
    main_splitter.setCollapsible(1, False)  # the renders are what the window is for
    main_splitter.setSizes([LEFT_COLUMN_WIDTH_PX, DEFAULT_SIZE_PX[0] - LEFT_COLUMN_WIDTH_PX])

    layout = QtWidgets.QVBoxLayout(dialog)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(main_splitter, 1)
    layout.addWidget(message_bar)
    layout.addWidget(buttons)
    no_default_buttons(dialog)
    dialog.resize(*DEFAULT_SIZE_PX)
    return DialogParts(
        system_info=system_info,
        config=config,
        active=active,
        history=history,
        logs=logs,
        buttons=buttons,
        message_bar=message_bar,
        views_tabs=views_tabs,
        right_splitter=right_splitter,
        main_splitter=main_splitter,
    )
