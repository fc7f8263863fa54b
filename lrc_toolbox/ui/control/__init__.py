"""The dialog's controller, Qt-free: the interface the dialog depends on and the engine's side.

* :mod:`~lrc_toolbox.ui.control.abstract`: :class:`BatchRenderController` and its plain records
  (what the dialog may ask, and which thread may ask it);
* :mod:`~lrc_toolbox.ui.control.engine_controller`: :class:`EngineController`, which only
  delegates to the small models of :mod:`lrc_toolbox.ui.control.models` (scene, run state,
  stored jobs, farm), each over :class:`~lrc_toolbox.core.batch_render_api.BatchRenderAPI`;
* :mod:`~lrc_toolbox.ui.control.retry_planning`: the pure retry-job builder both share.

Nothing in this package imports Qt (``tests/ui/test_ui_layering.py`` checks it). Import the names
from :mod:`lrc_toolbox.ui.controller`, the public face.
"""

from __future__ import annotations
