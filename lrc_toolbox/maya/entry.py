"""``show_batch_render_dialog()``: the Batch Render dialog for the scene open in Maya.

The shelf button and the menu item call only this. It keeps one controller per Maya session, so
closing and reopening the dialog shows the jobs that are still running; the dialog module keeps a
single dialog instance and brings it back to the front.
"""

from __future__ import annotations

import threading
from typing import Any

from lrc_toolbox.maya.main_window import maya_main_window
from lrc_toolbox.maya.scene_source import MayaSceneSource

_LOCK = threading.Lock()
_CONTROLLER: list[Any] = []


def session_controller() -> Any:
    """The session's ``EngineController`` (engine API + the open scene), created on first use."""
    from lrc_toolbox.core.batch_render_api import BatchRenderAPI
    from lrc_toolbox.maya.notify import job_finished_notifier
    from lrc_toolbox.ui.controller import EngineController

    with _LOCK:
        if not _CONTROLLER:
            api = BatchRenderAPI()
            api.subscribe(job_finished_notifier())  # in-view message + Script Editor line
            _CONTROLLER.append(EngineController(api, MayaSceneSource()))
        return _CONTROLLER[0]


def reset_session_controller() -> None:
    """Forget the session's controller (the next dialog gets a new one; running jobs keep going)."""
    with _LOCK:
        _CONTROLLER.clear()


def show_batch_render_dialog() -> Any:
    """Open (or bring back) the Batch Render dialog, parented to Maya's main window.

    Returns:
        The dialog.
    """
    from lrc_toolbox.ui.dialogs.batch_render_dialog import show_dialog

    return show_dialog(session_controller(), parent=maya_main_window())
