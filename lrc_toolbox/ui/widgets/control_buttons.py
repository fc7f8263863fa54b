"""The dialog's buttons: Start, Stop Selected, Stop All, Retry Failed, Submit to farm, Close.

The panel owns no logic: it emits what was pressed and shows the state the dialog gives it
(:class:`~lrc_toolbox.ui.view_state.button_rules.ButtonState`). "Submit to farm" has a menu to
pick the farm engine (remembered) and to only write the job files (dry run).
"""

from __future__ import annotations

from collections.abc import Sequence

from Qt import QtCore, QtWidgets

from lrc_toolbox.ui.view_state.button_rules import ButtonState

__all__ = ["ButtonState", "ControlButtonsWidget"]


class ControlButtonsWidget(QtWidgets.QWidget):
    """The row of buttons at the bottom of the dialog.

    Args:
        parent: Owner.
    """

    start_clicked = QtCore.Signal()
    stop_selected_clicked = QtCore.Signal()
    stop_all_clicked = QtCore.Signal()
    retry_clicked = QtCore.Signal()
    #: Submit with the remembered engine and dry-run choice.
    farm_clicked = QtCore.Signal()
    #: An engine was picked in the farm menu (name).
    farm_engine_chosen = QtCore.Signal(str)
    #: The dry-run option was toggled.
    farm_dry_run_toggled = QtCore.Signal(bool)
    close_clicked = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_button = QtWidgets.QPushButton("Start")
        self.start_button.setObjectName("startButton")
        self.start_button.setDefault(True)
        self.stop_selected_button = QtWidgets.QPushButton("Stop Selected")
        self.stop_selected_button.setToolTip(
            "Stop the selected renders; their unfinished frames are retried like any missing frame"
        )
        self.stop_all_button = QtWidgets.QPushButton("Stop All")
        self.stop_all_button.setToolTip("Stop every render of the job (asks first)")
        self.retry_button = QtWidgets.QPushButton("Retry Failed")
        self.retry_button.setToolTip("Start a new job with only the frames that failed")
        self.farm_button = QtWidgets.QToolButton()
        self.farm_button.setObjectName("farmButton")
        self.farm_button.setText("Submit to farm")
        self.farm_button.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.farm_menu = QtWidgets.QMenu(self.farm_button)
        self.farm_button.setMenu(self.farm_menu)
        # Qt.py keeps QAction/QActionGroup in QtWidgets on Qt 6 too; its stubs follow PySide6.
        self._engine_group: QtWidgets.QActionGroup | None = None  # type: ignore[name-defined]
        self.dry_run_action: QtWidgets.QAction | None = None  # type: ignore[name-defined]
        self.close_button = QtWidgets.QPushButton("Close")
        self.close_button.setToolTip("Close this window; renders keep running (reopen to see them)")

        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.start_button)
        layout.addWidget(self.stop_selected_button)
        layout.addWidget(self.stop_all_button)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.farm_button)
        layout.addStretch(1)
        layout.addWidget(self.close_button)

        self.start_button.clicked.connect(self.start_clicked.emit)
        self.stop_selected_button.clicked.connect(self.stop_selected_clicked.emit)
        self.stop_all_button.clicked.connect(self.stop_all_clicked.emit)
        self.retry_button.clicked.connect(self.retry_clicked.emit)
        self.farm_button.clicked.connect(self.farm_clicked.emit)
        self.close_button.clicked.connect(self.close_clicked.emit)
        self.set_farm_engines([], "", False, "")
        self.set_state(ButtonState())

    def set_state(self, state: ButtonState) -> None:
        """Enable what can be pressed now."""
        self.start_button.setEnabled(state.can_start)
        self.start_button.setToolTip(state.start_tooltip or "Start rendering with these settings")
        self.stop_selected_button.setEnabled(state.can_stop_selected)
        self.stop_all_button.setEnabled(state.can_stop_all)
        self.retry_button.setEnabled(state.can_retry)
        self.farm_button.setEnabled(state.can_submit_farm)

    def set_farm_engines(
        self, engines: Sequence[str], current: str, dry_run: bool, error: str = ""
    ) -> None:
        """Fill the farm menu: one checkable entry per engine, then the dry-run option.

        Args:
            engines: Engine names (empty when farm support is missing).
            current: The remembered engine.
            dry_run: The remembered dry-run choice.
            error: Why there is no engine (shown in the menu and the tooltip).
        """
        self.farm_menu.clear()
        # Qt.py keeps QAction/QActionGroup in QtWidgets on Qt 6 too; its stubs follow PySide6.
        group = QtWidgets.QActionGroup(self.farm_menu)  # type: ignore[attr-defined]
        group.setExclusive(True)
        for engine in engines:
            action = self.farm_menu.addAction(engine)
            action.setCheckable(True)
            action.setChecked(engine == current)
            action.setData(engine)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, name=engine: self._choose(name))
        if not engines:
            note = self.farm_menu.addAction(error or "No farm engine available")
            note.setEnabled(False)
        self.farm_menu.addSeparator()
        dry = self.farm_menu.addAction("Dry run: only write the job files")
        dry.setCheckable(True)
        dry.setChecked(dry_run)
        dry.toggled.connect(self.farm_dry_run_toggled.emit)
        self.dry_run_action = dry
        self._engine_group = group
        label = current if current in engines else ""
        self.farm_button.setText(f"Submit to farm ({label})" if label else "Submit to farm")
        tip = error or (
            "Export this job to the farm engine chosen in the menu (▾)"
            if engines
            else "Farm submission"
        )
        self.farm_button.setToolTip(tip)

    def _choose(self, engine: str) -> None:
        self.farm_button.setText(f"Submit to farm ({engine})")
        self.farm_engine_chosen.emit(engine)
