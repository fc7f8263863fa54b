"""Maya start-up hook of LRC Toolbox: adds the **LRC Toolbox** shelf button and menu item.

Maya runs this file at start-up when the LRC Toolbox module is installed (the module puts this
folder on ``PYTHONPATH``). It only schedules :func:`lrc_toolbox.maya.shelf.install_ui` for when
Maya's UI is ready (``maya.utils.executeDeferred``); all logic lives in the package. It must never
break Maya's start-up: any failure becomes one warning line, and in batch mode (``Render``,
``mayapy``) nothing is added.
"""

from __future__ import annotations

import sys


def _lrc_toolbox_warn(message: str) -> None:
    """One warning line: Maya's own when it can print one, else on stderr."""
    text = f"LRC Toolbox: {message}"
    try:
        from maya import cmds

        cmds.warning(text)
    except Exception:  # noqa: BLE001 - no Maya to warn through: stderr is the last resort
        sys.stderr.write(f"Warning: {text}\n")


def _lrc_toolbox_add_ui() -> None:
    """Add the shelf button and menu item (runs deferred, once Maya's UI exists)."""
    try:
        from lrc_toolbox.maya.shelf import install_ui

        install_ui()
    except Exception as exc:  # noqa: BLE001 - a broken install must not break Maya
        _lrc_toolbox_warn(f"the shelf button and menu were not added ({type(exc).__name__}: {exc})")


def _lrc_toolbox_startup() -> None:
    """Schedule :func:`_lrc_toolbox_add_ui` for when Maya is idle."""
    try:
        import maya.utils

        maya.utils.executeDeferred(_lrc_toolbox_add_ui)
    except Exception as exc:  # noqa: BLE001 - not inside Maya, or a Maya without executeDeferred
        _lrc_toolbox_warn(f"start-up hook skipped ({type(exc).__name__}: {exc})")


_lrc_toolbox_startup()
