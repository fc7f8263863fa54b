"""Maya host glue: Maya's main window as a Qt widget, to parent our dialog to.

A dialog parented to Maya's main window stays on top of Maya, minimises with it and is not a
separate taskbar entry. Qt comes through Qt.py only (PySide2 in Maya 2022-2024, PySide6 in 2025+),
and ``QtCompat.wrapInstance`` turns the pointer Maya gives into a widget for either binding.
"""

from __future__ import annotations

from typing import Any

from lrc_toolbox.maya import host


def maya_main_window() -> Any | None:
    """Maya's main window as a ``QtWidgets.QWidget``, or None when Maya has no UI (batch mode).

    Raises:
        MayaUnavailableError: Not inside Maya.
        ImportError: Qt.py is not installed (the installer adds it).
    """
    # Autodesk documents MQtUtil.mainWindow() (OpenMayaUI); types-maya 0.6.1 leaves MQtUtil out.
    pointer = host.maya_omui.MQtUtil.mainWindow()  # type: ignore[attr-defined]
    if pointer is None:
        return None
    from Qt import QtCompat, QtWidgets

    return QtCompat.wrapInstance(int(pointer), QtWidgets.QWidget)
