"""The scene the dialog renders: reading its layers, opening another file (standalone), reloading.

A scene file is read on the dialog's worker (it is a file: the GUI thread never waits on it); the
scene open in Maya is read here, on Maya's main thread, as ``maya.cmds`` requires. Frames typed
for another scene are not carried over to a new one. Opening a file uses the controller (only a
standalone dialog can switch files).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from Qt import QtCore, QtWidgets

from lrc_toolbox.ui.control.abstract import BatchRenderController, ControllerError, SceneSummary
from lrc_toolbox.ui.view_state.dialog_words import in_dialog_words
from lrc_toolbox.ui.widgets.message_bar import MessageBar
from lrc_toolbox.ui.widgets.render_config_widget import RenderConfigWidget
from lrc_toolbox.ui.workers import BackgroundRunner

__all__ = ["ScenePresenter"]

_LOG = logging.getLogger(__name__)


class ScenePresenter(QtCore.QObject):
    """Reads the scene into the Render Configuration panel.

    Args:
        controller: Where the scene comes from.
        config: The Render Configuration panel.
        runner: Runs a file read off the GUI thread.
        message_bar: Where a refused file is said.
        before_read: Called before every read (the dialog looks for orphaned jobs then).
        parent: Owner (the dialog; the file dialog's parent too).
    """

    #: The scene was read (or could not be): the dialog's title and buttons follow.
    scene_changed = QtCore.Signal()

    def __init__(
        self,
        controller: BatchRenderController,
        config: RenderConfigWidget,
        runner: BackgroundRunner,
        message_bar: MessageBar,
        *,
        before_read: Callable[[], None],
        parent: QtWidgets.QWidget,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._config = config
        self._runner = runner
        self._bar = message_bar
        self._before_read = before_read
        self._window = parent
        self._scene: SceneSummary | None = None
        config.open_scene_requested.connect(self.pick_scene)
        config.reload_requested.connect(self.reload)

    @property
    def scene(self) -> SceneSummary | None:
        """The scene as last read (None until the first read finished)."""
        return self._scene

    @property
    def scene_file(self) -> str:
        """The scene's file ("" when unknown or untitled)."""
        return (self._scene.path if self._scene else None) or ""

    def reload(self) -> None:
        """Read the scene's layers again (off the GUI thread for a scene file)."""
        self._before_read()
        if self._controller.scene_reads_are_thread_safe:
            self._config.set_loading()
            self._runner.run(self._controller.describe_scene, self._on_scene, self._on_error)
            return
        try:
            summary = self._controller.describe_scene()
        except Exception as exc:  # a host bug must not take the dialog down
            self._on_error(exc)
            return
        self._on_scene(summary)

    def _on_scene(self, summary: SceneSummary) -> None:
        remembered = self._config.remembered_scene
        new_scene = self._scene is not None and summary.path != self._scene.path
        if new_scene or (self._scene is None and summary.path != remembered):
            # Frames typed for another scene do not belong to this one: use its own range.
            self._config.frame_field.edit.setText("")
        self._scene = summary
        self._config.set_scene(summary, can_open=self._controller.can_open_scenes)
        self.scene_changed.emit()

    def _on_error(self, error: BaseException) -> None:
        _LOG.warning("reading the scene failed: %r", error)
        self._config.set_loading(f"Could not read the scene: {in_dialog_words(str(error))}")
        self.scene_changed.emit()

    def pick_scene(self) -> None:
        """Ask for another scene file (the Open… button)."""
        start = os.path.dirname(self.scene_file)
        path, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self._window, "Open a Maya scene", start, "Maya scenes (*.ma *.mb);;All files (*)"
        )
        if path:
            self.open_scene(path)

    def open_scene(self, path: str) -> None:
        """Switch to another scene file (standalone)."""
        try:
            self._controller.open_scene(path)
        except ControllerError as exc:
            self._bar.show_message(str(exc), "error")
            return
        self.reload()
