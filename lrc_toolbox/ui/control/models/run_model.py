"""The jobs this controller started: one at a time, their handles, status and retry request.

Every job the dialog runs (started with Start or Retry Failed, or taken over from the store by
Resume or Re-run failed frames) is started here, under one lock, so two clicks on two workers
never start two jobs. The model keeps each job's handle and the settings it was started with:
Stop reaches a task through its handle, the table's ETAs come from its status, and Retry Failed
rebuilds the failed frames from those settings.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from lrc_toolbox.core.batch_render_api import BatchRenderAPI, JobHandle
from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.core.planner import PlanError
from lrc_toolbox.core.scene_source import PreparedScene
from lrc_toolbox.ui.control.abstract import ActiveJob, ControllerError, RetryRequest, StartedJob
from lrc_toolbox.ui.control.retry_planning import build_retry_request, copy_config

__all__ = ["RunModel"]


@dataclass
class _JobRecord:
    handle: JobHandle
    config: RenderConfig  # as the dialog gave it (before the scene was prepared)


def _finished(handle: JobHandle) -> bool:
    try:
        return handle.wait(0)
    except RuntimeError:  # the engine failed internally: the job is over either way
        return True


class RunModel:
    """Starts this controller's jobs one at a time and remembers them.

    Args:
        api: The engine front.
    """

    def __init__(self, api: BatchRenderAPI) -> None:
        self._api = api
        self._lock = threading.RLock()
        self._jobs: dict[str, _JobRecord] = {}
        self._last_job_id: str | None = None

    # -- starting ---------------------------------------------------------------------------------
    def start(
        self, config: RenderConfig, submitted: RenderConfig, prepared: PreparedScene
    ) -> StartedJob:
        """Plan and start a job on a prepared scene (worker thread).

        Args:
            config: The settings as the dialog gave them (Retry Failed starts from these).
            submitted: What the engine renders (``config`` on the prepared scene file).
            prepared: The prepared scene (its image naming and notes).

        Raises:
            ControllerError: A job is still running, or the engine refused the job.
        """
        templates = dict(prepared.image_templates) or None
        handle = self._launch(
            lambda: self._api.submit(submitted, image_templates=templates),
            lambda _handle: config,
            "a render job is still running: stop it or wait for it to finish first",
        )
        notes = (*prepared.notes, *handle.plan.notes)
        return StartedJob(job_id=handle.job_id, total_frames=handle.plan.total_frames, notes=notes)

    def resume(self, job_id: str) -> StartedJob:
        """Resume an orphaned job from the store; it then runs as this controller's job.

        Raises:
            ControllerError: A job is running here, or the engine cannot resume this one.
        """
        return self._start_stored(job_id, self._api.resume, "resume")

    def retry(self, job_id: str) -> StartedJob:
        """Start a job for a stored job's frames without a verified image.

        Raises:
            ControllerError: A job is running here, or nothing to retry / unknown job.
        """
        return self._start_stored(job_id, self._api.retry, "retry")

    def _start_stored(
        self, job_id: str, start: Callable[[str], JobHandle], what: str
    ) -> StartedJob:
        handle = self._launch(
            lambda: start(job_id),
            # Retry Failed on this job later rebuilds its frames from the plan's settings.
            lambda started: copy_config(started.plan.config),
            f"a render job is still running: stop it or wait for it to finish before you "
            f"{what} job {job_id}",
        )
        return StartedJob(
            job_id=handle.job_id,
            total_frames=handle.plan.total_frames,
            notes=tuple(handle.plan.notes),
        )

    def _launch(
        self,
        start: Callable[[], JobHandle],
        config_of: Callable[[JobHandle], RenderConfig],
        busy_message: str,
    ) -> JobHandle:
        with self._lock:
            if self.is_running():
                raise ControllerError(busy_message)
            try:
                handle = start()
            except PlanError as exc:
                raise ControllerError(str(exc)) from exc
            # The API's own "a job is still running", and a job store that cannot be written.
            except RuntimeError as exc:
                raise ControllerError(str(exc)) from exc
            self._jobs[handle.job_id] = _JobRecord(handle=handle, config=config_of(handle))
            self._last_job_id = handle.job_id
        return handle

    # -- running ----------------------------------------------------------------------------------
    def stop_task(self, job_id: str, task_id: str) -> None:
        """Ask the job's supervisor to stop one task (returns at once; unknown jobs are ignored)."""
        record = self._jobs.get(job_id)
        if record is not None:
            record.handle.stop_task(task_id)

    def stop_all(self) -> bool:
        """Stop every job of the engine (returns at once; trees are killed in the background)."""
        return self._api.stop_all_renders()

    def is_running(self) -> bool:
        """True while one of this model's jobs has not finished."""
        return any(not _finished(record.handle) for record in list(self._jobs.values()))

    def active_job(self) -> ActiveJob | None:
        """The last job started here, with its task rows, or None before the first one."""
        job_id = self._last_job_id
        if job_id is None:
            return None
        handle = self._jobs[job_id].handle
        return ActiveJob(job_id=job_id, running=not _finished(handle), tasks=tuple(handle.status()))

    def retry_request(self, job_id: str | None = None) -> RetryRequest:
        """A job for the failed frames of ``job_id`` (default: the last job).

        Raises:
            ControllerError: Unknown or still running job, or nothing failed.
        """
        job_id = job_id or self._last_job_id
        record = self._jobs.get(job_id) if job_id else None
        if record is None or job_id is None:
            raise ControllerError("no finished job to retry yet")
        if not _finished(record.handle):
            raise ControllerError(
                f"job {job_id} is still running: retry its failed frames when it ends"
            )
        result = record.handle.result
        if result is None:
            raise ControllerError(f"job {job_id} ended without a result: start it again")
        return build_retry_request(job_id, record.config, result.failed)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for every job to finish (shutdown); True when none is left running."""
        for record in list(self._jobs.values()):
            try:
                if not record.handle.wait(timeout):
                    return False
            except RuntimeError:
                continue
        return True

    def reset(self) -> None:
        """Forget the finished jobs (running ones are kept: Stop and status still need them).

        Afterwards :meth:`active_job` is None and Retry Failed has nothing to retry until the
        next job, unless a job is still running.
        """
        with self._lock:
            self._jobs = {
                job_id: record
                for job_id, record in self._jobs.items()
                if not _finished(record.handle)
            }
            if self._last_job_id not in self._jobs:
                self._last_job_id = None
