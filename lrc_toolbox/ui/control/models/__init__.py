"""The small Qt-free models :class:`~lrc_toolbox.ui.control.engine_controller.EngineController`
delegates to, one job each (in the style of ayon-core's ``tools/loader/models``):

* :class:`~.scene_model.SceneModel`: the scene source (describe, switch, validate, prepare);
* :class:`~.run_model.RunModel`: this controller's jobs, one at a time (start, resume and retry
  a stored job, stop, status, the retry request of a finished job);
* :class:`~.history_model.HistoryModel`: jobs in the store (history, details, orphans, cancel);
* :class:`~.farm_model.FarmModel`: farm engines and submission through :mod:`lrc_toolbox.farm`;
* :class:`~.machine_model.MachineModel`: GPUs, CPUs and RAM after the GPU choice.

They reach the engine through :class:`~lrc_toolbox.core.batch_render_api.BatchRenderAPI` only
(never the job store itself). The ones with state say how to forget it (``reset``).
"""

from __future__ import annotations
