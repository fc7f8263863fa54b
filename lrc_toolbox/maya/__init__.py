"""LRC Toolbox inside Maya: the only package that imports ``maya.*``.

Every module here imports Maya lazily (through :mod:`lrc_toolbox.maya.host`), so the package loads
anywhere; the functions need Maya to run. What lives here:

* :mod:`~lrc_toolbox.maya.layers`: render layers of the open scene, their mode, overrides, images;
* :mod:`~lrc_toolbox.maya.snapshot`: the one export of the open scene the engine renders from;
* :mod:`~lrc_toolbox.maya.validation`: checks before launch, in the artist's words;
* :mod:`~lrc_toolbox.maya.scene_source`: ``MayaSceneSource`` for the dialog and the API;
* :mod:`~lrc_toolbox.maya.td`: the Script Editor workflow (``td.render_layer(...)``);
* :mod:`~lrc_toolbox.maya.entry`, :mod:`~lrc_toolbox.maya.main_window`,
  :mod:`~lrc_toolbox.maya.shelf`: the dialog's entry point, the host glue and the shelf/menu;
* :mod:`~lrc_toolbox.maya.module_install`: the Maya module file and its installer.
"""

from __future__ import annotations

from typing import Any

__all__ = ["show_batch_render_dialog"]


def show_batch_render_dialog() -> Any:
    """Open (or bring back) the Batch Render dialog for the scene open in Maya.

    Returns:
        The dialog.
    """
    from lrc_toolbox.maya.entry import show_batch_render_dialog as show

    return show()
