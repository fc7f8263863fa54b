"""A fake ``maya`` package for the Maya-tier tests (installed by ``tests/maya/conftest.py``).

It implements just the commands lrc_toolbox.maya calls, over real state (see :mod:`._state`):
scene name and modified flag, Render Setup and legacy render layers, the current layer,
``defaultRenderGlobals`` with per-layer overrides, cameras, plug-ins, a workspace, UI controls, a
progress window and the ``executeDeferred`` queue. ``file -exportAll`` writes a real ``.ma`` that
the engine's reader and patcher read. It is never installed globally: the fixture puts it in
``sys.modules`` as ``maya`` for one test and takes it out afterwards.
"""

from __future__ import annotations

from . import OpenMayaUI, app, cmds, mel, utils
from ._state import FakeMaya, activate, current

#: ``sys.modules`` names this package stands in for.
MODULE_NAMES = {
    "maya": None,  # the package itself
    "maya.cmds": cmds,
    "maya.mel": mel,
    "maya.utils": utils,
    "maya.OpenMayaUI": OpenMayaUI,
    "maya.app": app,
    "maya.app.renderSetup": app.renderSetup,
    "maya.app.renderSetup.model": app.renderSetup.model,
    "maya.app.renderSetup.model.renderSetup": app.renderSetup.model.renderSetup,
}

__all__ = [
    "MODULE_NAMES",
    "FakeMaya",
    "OpenMayaUI",
    "activate",
    "app",
    "cmds",
    "current",
    "mel",
    "utils",
]
