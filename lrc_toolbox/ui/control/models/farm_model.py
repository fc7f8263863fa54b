"""Farm submission for the dialog: the engines, and one job planned and handed to an exporter.

The job is planned by the same :meth:`~lrc_toolbox.core.batch_render_api.BatchRenderAPI.plan`
the local engine uses (for the farm: this machine's GPUs are not required), then handed to :func:`lrc_toolbox.farm.submit_job`. The farm package
ships with lrc_toolbox and imports without any farm client library; a missing library is a
:class:`~lrc_toolbox.farm.FarmUnavailableError` at submission, whose message says what to
install, and becomes the one sentence the dialog shows.
"""

from __future__ import annotations

from lrc_toolbox import farm
from lrc_toolbox.core.batch_render_api import BatchRenderAPI
from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.core.planner import PlanError
from lrc_toolbox.ui.control.abstract import ControllerError, FarmOutcome

__all__ = ["FarmModel", "farm_outcome"]


class FarmModel:
    """Lists the farm engines and submits planned jobs to them (worker thread).

    It keeps no state between calls: each submission plans the job afresh.

    Args:
        api: The engine front (plans the job exactly as a local render would).
    """

    def __init__(self, api: BatchRenderAPI) -> None:
        self._api = api

    def engines(self) -> list[str]:
        """The farm engines submissions can go to."""
        return [str(name) for name in farm.FARM_ENGINES]

    def submit(self, config: RenderConfig, engine: str, *, dry_run: bool = False) -> FarmOutcome:
        """Plan ``config`` and export it to ``engine`` (or only write its files with ``dry_run``).

        Raises:
            ControllerError: Invalid job, the engine's client library missing, or the farm
                refused the job.
        """
        try:
            plan = self._api.plan(config, for_farm=True)
        except PlanError as exc:
            raise ControllerError(str(exc)) from exc
        try:
            submission = farm.submit_job(plan, engine, dry_run=dry_run)
        except farm.FarmError as exc:  # FarmUnavailableError too: its message says what to install
            raise ControllerError(str(exc)) from exc
        return farm_outcome(submission, engine, dry_run)


def farm_outcome(submission: farm.FarmSubmission, engine: str, dry_run: bool) -> FarmOutcome:
    """The dialog's record of an exporter's :class:`~lrc_toolbox.farm.FarmSubmission`.

    Args:
        submission: What the exporter wrote and submitted.
        engine: The engine asked for (used where the submission leaves it empty).
        dry_run: Whether only the files were written (said in a message made up here).

    Returns:
        The outcome; a submission without a message gets one saying what was done and where.
    """
    files = tuple(str(path) for path in submission.files or ())
    command = tuple(str(arg) for arg in submission.command or ())
    submitted = bool(submission.submitted)
    job_id = submission.job_id
    message = str(submission.message or "")
    if not message:
        if submitted:
            message = f"submitted to {engine}" + (f" as job {job_id}" if job_id else "")
        else:
            where = files[0] if files else "the output folder"
            message = f"{engine} job files written to {where}" + (" (dry run)" if dry_run else "")
    return FarmOutcome(
        engine=str(submission.engine or engine),
        message=message,
        submitted=submitted,
        job_id=str(job_id) if job_id else None,
        files=files,
        command=command,
    )
