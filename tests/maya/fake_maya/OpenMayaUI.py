"""Fake ``maya.OpenMayaUI``: ``MQtUtil.mainWindow()`` returns the pointer the test set (or None)."""

from __future__ import annotations

from . import _state


class MQtUtil:
    """The subset of Maya's Qt utility class that lrc_toolbox.maya uses."""

    @staticmethod
    def mainWindow() -> int | None:  # noqa: N802 - Maya's name
        """The main window's C++ pointer (None in batch mode).

        Autodesk's ``MQtUtil`` API reference documents ``mainWindow()``; None without a UI is
        INFERRED (batch Maya has no main window).
        """
        m = _state.current()
        return None if m.batch else m.main_window_ptr
