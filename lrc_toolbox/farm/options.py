"""Farm-side choices a render plan cannot know: names, where Maya lives on the workers, shows.

A :class:`~lrc_toolbox.core.planner.JobPlan` says what to render; :class:`FarmOptions` says how
the farm should receive it. Every field is optional and each engine reads only its own:

* every engine: ``job_name`` (else scene + layers, and for OpenCue a time stamp so two
  submissions of one scene never clash), ``worker_render`` ("our workers have Maya installed at
  this path": the ``Render`` the workers run);
* Deadline Cloud / Open Job Description: ``conda_packages`` (the ``CondaPackages`` value the
  queue's conda environment installs; ``""`` for none);
* OpenCue: ``show``, ``shot`` (else ``$SHOW`` / ``$SHOT``, else pyoutline's configured default),
  ``cue_spec_version`` (the job-spec DTD the Cuebot understands);
* Deadline 10: ``concurrent_tasks`` (tasks per worker, one GPU each).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lrc_toolbox.farm.submission import FarmError

__all__ = ["CUE_SPEC_VERSIONS", "MAX_JOB_NAME_CHARS", "FarmOptions"]

#: OpenCue job-spec versions the export can write, oldest first. 1.12 is the first with GPU
#: layers (``gpus``/``gpu_memory``, Cuebot v0.14.1, 2021); 1.15 is pyoutline 1.37's default and
#: needs Cuebot 1.13.8 or newer (research notes, docs/research/farm_facts.md section 4).
CUE_SPEC_VERSIONS: tuple[str, ...] = ("1.12", "1.13", "1.14", "1.15")
#: Longest job name accepted (OpenJD's limit for a job name; OpenCue's and Deadline's are longer).
MAX_JOB_NAME_CHARS: int = 100
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class FarmOptions:
    """How the farm receives the job (every field optional; see the module docstring).

    Attributes:
        job_name: The job's name on the farm, instead of one made from the scene and layers.
        worker_render: ``Render`` on the workers (absolute path or a name on their PATH).
        conda_packages: Deadline Cloud ``CondaPackages``; None: Maya + adaptor + renderer
            packages for this scene (or none when ``worker_render`` is given).
        show: OpenCue show.
        shot: OpenCue shot.
        cue_spec_version: OpenCue job-spec version (one of :data:`CUE_SPEC_VERSIONS`).
        concurrent_tasks: Deadline 10 tasks per worker, each on its own GPU (the worker's GPU
            count); None: one task per worker, on the GPUs the worker's affinity gives.
    """

    job_name: str | None = None
    worker_render: str | None = None
    conda_packages: str | None = None
    show: str | None = None
    shot: str | None = None
    cue_spec_version: str | None = None
    concurrent_tasks: int | None = None

    def validate(self) -> FarmOptions:
        """Check the values; return self.

        Raises:
            FarmError: A value no engine could use (the message names it).
        """
        for name in ("job_name", "worker_render", "conda_packages", "show", "shot"):
            value = getattr(self, name)
            if value is not None and _CONTROL_RE.search(value):
                raise FarmError(f"farm option {name} holds a control character: {value!r}")
        if self.job_name is not None:
            if len(re.sub(r"[^A-Za-z0-9]", "", self.job_name)) < 3:
                raise FarmError(
                    f"the farm job name {self.job_name!r} needs at least 3 letters or digits"
                )
            if len(self.job_name) > MAX_JOB_NAME_CHARS:
                raise FarmError(
                    f"the farm job name is {len(self.job_name)} characters long; at most "
                    f"{MAX_JOB_NAME_CHARS} are accepted"
                )
        if self.worker_render is not None and not self.worker_render.strip():
            raise FarmError("the workers' Render executable is empty")
        for name in ("show", "shot"):
            value = getattr(self, name)
            if value is not None and not re.fullmatch(r"[A-Za-z0-9][\w.-]{2,}", value):
                raise FarmError(
                    f"OpenCue {name} {value!r} must be at least 3 letters, digits, '.', '_' or "
                    "'-' (Cuebot's rule for names)"
                )
        if self.cue_spec_version is not None and self.cue_spec_version not in CUE_SPEC_VERSIONS:
            raise FarmError(
                f"OpenCue spec version {self.cue_spec_version!r} is not one of "
                f"{', '.join(CUE_SPEC_VERSIONS)}"
            )
        if self.concurrent_tasks is not None and (
            isinstance(self.concurrent_tasks, bool)
            or not isinstance(self.concurrent_tasks, int)
            or not 1 <= self.concurrent_tasks <= 16
        ):
            raise FarmError(
                f"concurrent tasks per worker must be 1 to 16 (got {self.concurrent_tasks!r})"
            )
        return self
