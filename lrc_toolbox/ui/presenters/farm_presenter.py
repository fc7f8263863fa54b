"""The farm part of the dialog: the engine menu, the remembered choices, one submission at a time.

The engines are read from the controller once, off the GUI thread; the chosen engine and the
dry-run switch are remembered in the user's settings. A submission (planning the job, writing its
files, talking to the farm) runs on the dialog's worker; its outcome is said in the message bar.
The dialog builds and prepares the job first (preparing must run on Maya's main thread), exactly
as for a local render, then hands it to :meth:`FarmPresenter.submit`.
"""

from __future__ import annotations

import logging

from Qt import QtCore

from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.core.scene_source import PreparedScene
from lrc_toolbox.ui.control.abstract import BatchRenderController, ControllerError, FarmOutcome
from lrc_toolbox.ui.settings import DialogSettings
from lrc_toolbox.ui.view_state.messages import farm_outcome_text
from lrc_toolbox.ui.widgets.control_buttons import ControlButtonsWidget
from lrc_toolbox.ui.widgets.message_bar import MessageBar
from lrc_toolbox.ui.workers import BackgroundRunner

__all__ = ["FarmPresenter"]

_LOG = logging.getLogger(__name__)


class FarmPresenter(QtCore.QObject):
    """Fills the farm menu and submits jobs to the chosen farm engine.

    Args:
        controller: Lists the engines and submits.
        buttons: The buttons row (its farm button and menu).
        runner: Runs the controller's calls off the GUI thread.
        message_bar: Where the outcome is said.
        settings: Where the engine and dry-run choices are remembered.
        parent: Owner (the dialog).
    """

    #: A submission started or ended (the dialog's buttons follow :attr:`submitting`).
    submitting_changed = QtCore.Signal()

    def __init__(
        self,
        controller: BatchRenderController,
        buttons: ControlButtonsWidget,
        runner: BackgroundRunner,
        message_bar: MessageBar,
        settings: DialogSettings,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._buttons = buttons
        self._runner = runner
        self._bar = message_bar
        self._settings = settings
        self._engines: list[str] = []
        self._error = ""
        self._submitting = False
        buttons.farm_engine_chosen.connect(self._choose_engine)
        buttons.farm_dry_run_toggled.connect(self._remember_dry_run)

    @property
    def submitting(self) -> bool:
        """True while a submission runs."""
        return self._submitting

    @property
    def engines(self) -> list[str]:
        """The engines offered (empty until read, or when farm submission is unavailable)."""
        return list(self._engines)

    # -- engines ----------------------------------------------------------------------------------
    def load_engines(self) -> None:
        """Read the engines off the GUI thread and fill the menu."""
        self._runner.run(self._controller.farm_engines, self._on_engines, self._on_engines_error)

    def _on_engines(self, engines: list[str]) -> None:
        self._engines = list(engines)
        self._error = ""
        current = self._settings.farm_engine
        if current not in self._engines and self._engines:
            current = self._engines[0]
        self._buttons.set_farm_engines(self._engines, current, self._settings.farm_dry_run)

    def _on_engines_error(self, error: BaseException) -> None:
        self._engines = []
        self._error = str(error)
        self._buttons.set_farm_engines([], "", self._settings.farm_dry_run, self._error)

    def _choose_engine(self, engine: str) -> None:
        self._settings.farm_engine = engine

    def _remember_dry_run(self, dry_run: bool) -> None:
        self._settings.farm_dry_run = dry_run

    # -- submitting -------------------------------------------------------------------------------
    def check_available(self) -> bool:
        """True when an engine can be submitted to; otherwise say why in the message bar."""
        if self._engines:
            return True
        self._bar.show_message(self._error or "No farm engine is available.", "error")
        return False

    def submit(self, config: RenderConfig, prepared: PreparedScene) -> None:
        """Submit a prepared job to the chosen engine (remembered), on a worker thread.

        Args:
            config: The job as configured.
            prepared: What the controller's ``prepare`` made of the scene.
        """
        if self._submitting or not self.check_available():
            return
        engine = self._settings.farm_engine
        if engine not in self._engines:
            engine = self._engines[0]
        dry_run = self._settings.farm_dry_run
        self._set_submitting(True)
        self._bar.show_message(f"Submitting to {engine}…", "info")
        controller = self._controller
        self._runner.run(
            lambda: controller.submit_to_farm(config, prepared, engine, dry_run=dry_run),
            self._on_submitted,
            self._on_failed,
        )

    def _on_submitted(self, outcome: FarmOutcome) -> None:
        self._set_submitting(False)
        self._bar.show_message(
            farm_outcome_text(outcome.message, outcome.files),
            "success" if outcome.submitted else "info",
        )

    def _on_failed(self, error: BaseException) -> None:
        self._set_submitting(False)
        if not isinstance(error, ControllerError):
            _LOG.error("farm submission failed: %r", error)
        self._bar.show_message(f"Farm submission failed: {error}", "error")

    def _set_submitting(self, submitting: bool) -> None:
        self._submitting = submitting
        self.submitting_changed.emit()
