"""Send a planned render job to a real farm: Open Job Description / AWS Deadline Cloud, OpenCue,
Deadline 10.

Every exporter is fed by the same validated :class:`~lrc_toolbox.core.planner.JobPlan` the local
engine runs (see :mod:`lrc_toolbox.farm.job_description`), so layers, frames, chunks, the ``Render``
command line, GPUs per task, retries and timeouts are the same everywhere. The engines' client
libraries are optional extras, imported only when their exporter runs; this package imports
without any of them.

Example::

    from lrc_toolbox.api import BatchRenderAPI, RenderConfig
    from lrc_toolbox.farm import submit_job

    config = RenderConfig(scene_file="shot001.ma", frame_range="1-100x5")
    plan = BatchRenderAPI().plan(config, for_farm=True)
    result = submit_job(plan, "deadline", out_dir="/shows/x/farm", dry_run=True)
    print(result.message)
"""

from __future__ import annotations

from pathlib import Path

from lrc_toolbox.core.planner import JobPlan
from lrc_toolbox.farm.options import CUE_SPEC_VERSIONS, FarmOptions
from lrc_toolbox.farm.submission import (
    FarmError,
    FarmSubmission,
    FarmUnavailableError,
    install_hint,
)

__all__ = [
    "CUE_SPEC_VERSIONS",
    "FARM_ENGINES",
    "FarmError",
    "FarmOptions",
    "FarmSubmission",
    "FarmUnavailableError",
    "install_hint",
    "submit_job",
]

#: The farm engines, as the CLI's ``--submit`` and the dialog name them.
FARM_ENGINES: tuple[str, ...] = ("openjd", "opencue", "deadline")


def submit_job(
    plan: JobPlan,
    engine: str,
    *,
    out_dir: str | Path | None = None,
    dry_run: bool = False,
    options: FarmOptions | None = None,
) -> FarmSubmission:
    """Export ``plan`` for a farm engine and submit it where a farm is reachable.

    * ``openjd``: writes an Open Job Description job bundle; submits it with Deadline Cloud's
      ``deadline bundle submit`` when that CLI is on PATH, else says how.
    * ``opencue``: builds the job with pyoutline, writes its XML spec; launches it on the Cuebot
      named by ``CUEBOT_HOSTS`` or the OpenCue config (no Cuebot configured is an error).
    * ``deadline``: writes MayaCmd job and plugin info files; submits them with
      ``deadlinecommand`` when found (``PATH`` or ``DEADLINE_PATH``), else says how.

    Args:
        plan: A validated plan (``BatchRenderAPI().plan(config)``).
        engine: One of :data:`FARM_ENGINES`.
        out_dir: Folder for the files (created if needed); None: a new folder (a temp folder
            for a dry run, else under the per-user data folder).
        dry_run: Write and validate the files and describe what would be submitted; never
            contacts a server or runs a submission tool.
        options: Farm-side choices (job name, the workers' Render, conda packages, OpenCue
            show/shot/spec version, Deadline 10 concurrent tasks); None: the defaults.

    Returns:
        What was written, the submission command, and the farm's job id when submitted.

    Raises:
        FarmUnavailableError: The engine's client library is missing (the message says which
            extra to install).
        FarmError: Unknown engine, a job the engine cannot express, files that cannot be
            written, or a submission that failed (the message says why).
    """
    from lrc_toolbox.farm.job_description import describe_job

    if engine not in FARM_ENGINES:
        raise FarmError(f"unknown farm engine {engine!r}: choose one of {', '.join(FARM_ENGINES)}")
    options = (options or FarmOptions()).validate()
    try:
        job = describe_job(plan)
    except ValueError as exc:
        raise FarmError(f"this job cannot be sent to a farm: {exc}") from exc
    if engine == "openjd":
        from lrc_toolbox.farm import openjd

        return openjd.submit(job, out_dir, dry_run=dry_run, options=options)
    if engine == "opencue":
        from lrc_toolbox.farm import opencue

        return opencue.submit(job, out_dir, dry_run=dry_run, options=options)
    from lrc_toolbox.farm import deadline10

    return deadline10.submit(job, out_dir, dry_run=dry_run, options=options)
