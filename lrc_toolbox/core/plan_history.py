"""Earlier jobs' timings for a plan: what a job starts from, and what its dry run previews with.

The engine (:class:`~lrc_toolbox.core.job_runner.JobRunner`) and ``--dry-run`` ask the same
question, so they get the same answer: the start-up and frame times of the newest earlier jobs of
the plan's scene, rendered with its renderer on this host
(:meth:`~lrc_toolbox.core.job_store.JobStore.cost_history`). History only ever improves a plan,
so a store that cannot be read gives none (the job then learns everything itself, as always).
"""

from __future__ import annotations

import logging
import socket
from pathlib import Path

from lrc_toolbox.core.cost_model import CostHistory
from lrc_toolbox.core.job_store import JobStore, JobStoreError
from lrc_toolbox.core.job_store_paths import STORE_FILE_NAME, resolve_data_dir
from lrc_toolbox.core.planner import JobPlan

__all__ = ["plan_cost_history", "stored_cost_history"]

_LOG = logging.getLogger(__name__)


def plan_cost_history(
    plan: JobPlan, store: JobStore | None, *, exclude_job: str | None = None
) -> CostHistory:
    """What earlier jobs of ``plan``'s scene measured, read from an open ``store``.

    Args:
        plan: The job's plan (scene, renderer, layers).
        store: The job store, or None (no history).
        exclude_job: A job not to count (the job being planned, when it is already stored).
    """
    if store is None:
        return CostHistory()
    try:
        return store.cost_history(
            scene=str(plan.scene_path),
            renderer=plan.profile.name,
            layers=[layer.name for layer in plan.layers],
            host=socket.gethostname() or None,
            exclude_job=exclude_job,
        )
    except JobStoreError:
        _LOG.warning("earlier jobs' timings could not be read", exc_info=True)
        return CostHistory()


def stored_cost_history(plan: JobPlan, store_path: str | Path | None = None) -> CostHistory:
    """The same, from the store file at ``store_path`` (default: the user's), for a dry run.

    Nothing is created: without a store file there is no history, and a dry run writes nothing.
    A store that cannot be opened (damaged, newer, locked) gives no history rather than an error:
    the preview is then the one of a first job.
    """
    # Resolved without touching the disk: a dry run creates no data folder either.
    path = (
        resolve_data_dir() / STORE_FILE_NAME
        if store_path is None
        else Path(store_path).expanduser()
    )
    if not path.is_file():
        return CostHistory()
    try:
        with JobStore(path) as store:
            return plan_cost_history(plan, store)
    except JobStoreError:
        _LOG.warning("the job store %s could not be read for earlier timings", path, exc_info=True)
        return CostHistory()
