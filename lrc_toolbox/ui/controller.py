"""What the Batch Render dialog asks of the engine: the public face of :mod:`lrc_toolbox.ui.control`.

The dialog depends only on :class:`BatchRenderController` (CONVENTIONS item 5), so tests drive it
with a fake and the Maya entry point hands it an :class:`EngineController` built on the scene open
in Maya. The parts live beside this module, and none of them imports Qt (a TD can build a
controller in any Python):

* :mod:`lrc_toolbox.ui.control.abstract`: the interface, its records and which thread may call
  what;
* :mod:`lrc_toolbox.ui.control.engine_controller`: the engine's implementation, which only
  delegates to the small models of :mod:`lrc_toolbox.ui.control.models`;
* :mod:`lrc_toolbox.ui.control.retry_planning`: the retry job of a finished job's failed frames;
* :mod:`lrc_toolbox.ui.view_state.job_history`: the History rows crossing the interface.

Import these names from here; the modules behind may move.
"""

from __future__ import annotations

from lrc_toolbox.ui.control.abstract import (
    ActiveJob,
    BatchRenderController,
    ControllerError,
    EventCallback,
    FarmOutcome,
    PreparationCancelled,
    RetryRequest,
    SceneSummary,
    StartedJob,
)
from lrc_toolbox.ui.control.engine_controller import EngineController
from lrc_toolbox.ui.control.retry_planning import build_retry_request, copy_config
from lrc_toolbox.ui.view_state.job_history import FrameFailure, JobDetails, JobRow, TaskDetail

__all__ = [
    "ActiveJob",
    "BatchRenderController",
    "ControllerError",
    "EngineController",
    "EventCallback",
    "FarmOutcome",
    "FrameFailure",
    "JobDetails",
    "JobRow",
    "PreparationCancelled",
    "RetryRequest",
    "SceneSummary",
    "StartedJob",
    "TaskDetail",
    "build_retry_request",
    "copy_config",
]
