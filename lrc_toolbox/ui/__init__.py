"""The Batch Render dialog: Qt through Qt.py only (PySide2 in Maya 2022-2024, PySide6 in 2025+).

Entry points:

* :func:`lrc_toolbox.ui.dialogs.batch_render_dialog.show_dialog` opens (or brings back) the one
  dialog, inside Maya or standalone;
* ``lrc-batch-render-gui`` (:func:`lrc_toolbox.ui.standalone.main`) runs it outside Maya.

The dialog talks to a :class:`~lrc_toolbox.ui.controller.BatchRenderController`; the real one,
:class:`~lrc_toolbox.ui.controller.EngineController`, drives the engine. The folders say what needs
Qt: ``control/`` (the controller and its models) and ``view_state/`` (what the dialog shows, as
plain data) never import it, so a TD can build a controller in a process without Qt; ``presenters/``,
``widgets/``, ``models/`` and ``dialogs/`` are the Qt side. Importing this package alone does not
import Qt either.
"""

from __future__ import annotations
