"""Presenters of the Batch Render dialog's parts: each feeds one panel from the controller.

* :mod:`.history_presenter`: the History tab (reads off the GUI thread, one at a time), cancel,
  and the offer of orphaned jobs;
* :mod:`.farm_presenter`: the farm engine menu and farm submission;
* :mod:`.renders_presenter`: Active Renders (header, frame map, table), the Logs panel and the
  busy GPU slots;
* :mod:`.launch_presenter`: every way a job starts (Start, Retry Failed, Re-run, Resume, farm);
* :mod:`.scene_presenter`: the scene's layers, Open… and Reload.

They import Qt (timers, signals); what they show is computed by :mod:`lrc_toolbox.ui.view_state`.
"""

from __future__ import annotations
