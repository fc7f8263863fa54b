"""Jobs in the store as the History tab shows them: the list, one job's details, orphans, cancel.

Everything goes through :class:`~lrc_toolbox.core.batch_render_api.BatchRenderAPI` (its
``history``, ``stored_job`` and ``cancel``): this model never opens the job store itself. Engine
records become the plain rows of :mod:`lrc_toolbox.ui.view_state.job_history`, and the engine's
refusals and store errors become one :class:`~lrc_toolbox.ui.control.abstract.ControllerError`
sentence each.

The details of a finished job no longer change (its renders ended, its frames are final), yet the
History tab asks for the selected job's details after every list read (every few seconds): the
model keeps the details of the last few finished jobs it read and answers those from memory.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict

from lrc_toolbox.core.batch_render_api import STORED_JOB_ERRORS, BatchRenderAPI, JobSummary
from lrc_toolbox.core.models import TaskState
from lrc_toolbox.ui.control.abstract import ControllerError
from lrc_toolbox.ui.view_state.job_history import (
    JobDetails,
    JobRow,
    job_details_from_stored,
    job_row_from_summary,
)

__all__ = ["DETAILS_KEPT_JOBS", "ORPHAN_SCAN_JOBS", "HistoryModel"]

#: Jobs looked at when searching for orphaned ones (newest first; older ones are long over).
ORPHAN_SCAN_JOBS: int = 50

#: Finished jobs whose details are kept in memory (the most recently read ones).
DETAILS_KEPT_JOBS: int = 20


def _final(details: JobDetails) -> bool:
    """True when nothing of the job can change any more: it ended and so did all its renders."""
    return details.job.finished and all(TaskState(task.state).is_final for task in details.tasks)


def _same_file_key(path: str) -> str:
    """A comparable form of a file path (absolute, normalised, case-folded where the OS is)."""
    return os.path.normcase(os.path.abspath(os.path.expanduser(path)))


class HistoryModel:
    """Reads and cancels stored jobs through the engine's API (worker threads).

    Args:
        api: The engine front.
    """

    def __init__(self, api: BatchRenderAPI) -> None:
        self._api = api
        self._lock = threading.Lock()  # reads run on several workers at once
        self._final_details: OrderedDict[str, JobDetails] = OrderedDict()

    def history(self, limit: int = 50) -> list[JobRow]:
        """The store's most recent jobs as History rows, newest first.

        Raises:
            ControllerError: The job store cannot be read.
        """
        return [job_row_from_summary(summary) for summary in self._summaries(limit)]

    def _summaries(self, limit: int) -> list[JobSummary]:
        try:
            return self._api.history(limit=max(1, int(limit)))
        except STORED_JOB_ERRORS as exc:
            raise ControllerError(f"cannot read the job history: {exc}") from exc

    def job_details(self, job_id: str) -> JobDetails:
        """One job's renders, failed frames and folders.

        Raises:
            ControllerError: Unknown job, or the job store cannot be read.
        """
        with self._lock:
            kept = self._final_details.get(job_id)
            if kept is not None:
                self._final_details.move_to_end(job_id)
                return kept
        try:
            details = job_details_from_stored(self._api.stored_job(job_id))
        except STORED_JOB_ERRORS as exc:
            raise ControllerError(str(exc)) from exc
        if _final(details):
            with self._lock:
                self._final_details[job_id] = details
                while len(self._final_details) > DETAILS_KEPT_JOBS:
                    self._final_details.popitem(last=False)
        return details

    def orphaned_jobs(self, scene_path: str | None = None) -> list[JobRow]:
        """Orphaned jobs among the newest :data:`ORPHAN_SCAN_JOBS`, newest first.

        Args:
            scene_path: Only jobs of this scene file; None for every job.

        Raises:
            ControllerError: The job store cannot be read.
        """
        wanted = _same_file_key(scene_path) if scene_path else None
        return [
            job_row_from_summary(summary)
            for summary in self._summaries(ORPHAN_SCAN_JOBS)
            if summary.orphaned and (wanted is None or _same_file_key(summary.scene) == wanted)
        ]

    def cancel(self, job_id: str) -> str:
        """Stop a job wherever it runs; says what was done.

        Raises:
            ControllerError: Unknown job, already ended, or it could not be stopped.
        """
        try:
            return self._api.cancel(job_id)
        except STORED_JOB_ERRORS as exc:
            raise ControllerError(str(exc)) from exc
        except OSError as exc:  # its manager runs as another user, or died just now
            raise ControllerError(f"could not stop job {job_id}: {exc}") from exc

    def reset(self) -> None:
        """Forget the finished jobs' details kept in memory (the next reads ask the store)."""
        with self._lock:
            self._final_details.clear()
