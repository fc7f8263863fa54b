"""Fake ``maya.mel``: ``eval`` of the few MEL snippets lrc_toolbox.maya uses."""

from __future__ import annotations

from typing import Any

from . import _state

#: What ``$gShelfTopLevel`` and ``$gMainWindow`` hold in a Maya session.
SHELF_TOP_LEVEL = "MayaWindow|toolBar2|MainShelfLayout|formLayout14|ShelfLayout"
MAIN_WINDOW = "MayaWindow"


def eval(command: str) -> Any:  # noqa: A001 - Maya's name
    """Evaluate ``mayaHasRenderSetup()`` or read ``$gShelfTopLevel`` / ``$gMainWindow``.

    ``mayaHasRenderSetup()`` is the MEL procedure Deadline calls to tell Render Setup from legacy
    layers (``DeadlineMayaBatchFunctions.py``); the two globals are Maya's UI globals that shelf
    tools read (empty in batch mode: INFERRED, there is no UI).

    Raises:
        RuntimeError: Anything else (Maya: "Cannot find procedure").
    """
    m = _state.current()
    text = command.strip().rstrip(";").replace(" ", "")
    if text == "mayaHasRenderSetup()":
        return 1 if m.render_setup_mode else 0
    ui_globals = {"$tmp=$gShelfTopLevel": SHELF_TOP_LEVEL, "$tmp=$gMainWindow": MAIN_WINDOW}
    if text in ui_globals:
        if m.batch:
            return ""  # no UI in batch mode: the globals are empty strings
        value = ui_globals[text]
        m.controls.setdefault(value, _state.Control(value, "layout", None))
        return value
    raise RuntimeError(f"Cannot find procedure or evaluate: {command!r}")
