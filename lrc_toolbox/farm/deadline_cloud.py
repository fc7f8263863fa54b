"""AWS Deadline Cloud's side of an Open Job Description bundle: software, attachments, limits.

The bundle itself is plain OpenJD (:mod:`lrc_toolbox.farm.openjd`); this module holds what only
Deadline Cloud needs, each rule checked against AWS's own software (research notes
``docs/research/farm_facts.md`` sections 1-2; client ``deadline`` 0.60.10):

* **Software on the workers** (``CondaPackages``). Service-managed fleets have no Maya: AWS's
  conda queue environment installs what a job's ``CondaPackages`` names, and skips itself when
  that is empty (``aws-deadline/deadline-cloud-samples``
  ``queue_environments/conda_queue_env_console_equivalent.yaml`` @ ``16669e70``). AWS's Maya
  submitter sets ``maya=<version>.* maya-openjd=<adaptor>.*`` plus ``maya-mtoa`` /
  ``maya-vray`` / ``maya-redshift`` for the renderers used (deadline-cloud-for-maya 0.15.21,
  ``maya_render_submitter.py``). The Maya package puts ``$MAYA_LOCATION/bin`` (``Render``) on
  ``PATH`` (``deadline-cloud-samples`` ``conda_recipes/maya-2025/recipe/build.sh`` @
  ``21bc6005``), so the command is then plain ``Render``. The template declares
  ``CondaPackages`` itself: a queue without the conda environment would otherwise refuse the
  value ("Parameter value was provided for an undefined parameter"), and with one, the queue
  environment receives it (checked with the real client).
* **Job attachments.** With ``--yes``, ``deadline bundle submit`` cancels the submission when a
  path to upload is "unknown": PATH values read from ``parameter_values.json`` and every
  ``asset_references`` path are unknown, values given with ``-p`` and ``--known-asset-path``
  roots are known (``deadline/client/api/_submit_job_bundle.py``, ``_path_parameter_known_paths``
  and ``_generate_message_for_asset_paths``, which classifies each input by its folder). The
  command therefore passes every PATH parameter with ``-p`` and the folder of every dependency
  the scene reader found with ``--known-asset-path`` (``--known-asset-path`` exists since client
  0.51.0; whole-component matching since 0.60.3).
* **Limits the service enforces and openjd-model does not:** a template of at most 1,000,000
  characters, at most 200 job parameters (service model ``deadline/2023-10-12/service-2.json``:
  ``JobTemplate`` ``max: 1000000``, ``JobParameters`` ``max: 200``). The client sends the
  template file's text as it is, so its length is what counts.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from lrc_toolbox.farm.job_description import FarmJob, maya_version_of
from lrc_toolbox.farm.options import FarmOptions
from lrc_toolbox.farm.submission import FarmError

__all__ = [
    "ADAPTOR_PACKAGE",
    "ASSET_REFERENCES_FILE",
    "MAX_JOB_PARAMETERS",
    "RENDERER_PACKAGES",
    "TEMPLATE_MAX_CHARS",
    "asset_references",
    "check_template_size",
    "conda_packages",
    "known_asset_paths",
    "parse_job_id",
    "path_parameters",
    "submit_command",
    "worker_render",
]

#: The service's limit on a job template, in characters (``CreateJob.template``).
TEMPLATE_MAX_CHARS: int = 1_000_000
#: The service's limit on job parameters per job (``CreateJob.parameters``).
MAX_JOB_PARAMETERS: int = 200
#: Deadline Cloud's bundle file listing the files to attach (read by ``deadline bundle submit``).
ASSET_REFERENCES_FILE = "asset_references.json"
#: AWS's Maya adaptor package (AWS's submitter always adds it next to Maya).
ADAPTOR_PACKAGE = "maya-openjd"
#: Our renderer profiles -> the conda packages of their Maya plug-ins (AWS's names).
RENDERER_PACKAGES: dict[str, str] = {
    "arnold": "maya-mtoa",
    "vray": "maya-vray",
    "redshift": "maya-redshift",
}
#: ``Render`` as found on PATH inside the conda environment the Maya package makes.
CONDA_RENDER = "Render"

_JOB_ID_RE = re.compile(r"\bjob-[0-9a-f]{32}\b")


def conda_packages(job: FarmJob, options: FarmOptions) -> tuple[str, list[str]]:
    """The ``CondaPackages`` value for the job, and notes about it.

    Args:
        job: The farm job.
        options: The user's choices (``conda_packages`` wins; ``worker_render`` means the
            workers have Maya already, so nothing is installed).

    Returns:
        ``("maya=2024.* maya-openjd maya-redshift", notes)`` or ``("", notes)``.
    """
    if options.conda_packages is not None:
        return " ".join(options.conda_packages.split()), []
    if options.worker_render:
        return "", []
    version, guessed = maya_version_of(job)
    # The adaptor is not pinned: AWS pins it to its submitter's own version, which lrc_toolbox
    # does not have; any version goes with the Maya package conda picks.
    packages = [f"maya={version}.*", ADAPTOR_PACKAGE]
    notes = []
    if guessed:
        notes.append(
            f"the scene does not say its Maya version: CondaPackages asks for maya={version}.* "
            "(set the packages to choose)"
        )
    renderer = RENDERER_PACKAGES.get(job.scene_renderer)
    if renderer:
        packages.append(renderer)
    elif job.uses_gpu:
        notes.append(
            "the scene's renderer is not known, so no renderer package is in CondaPackages: "
            "add it (maya-mtoa, maya-redshift, maya-vray) if the workers need it"
        )
    return " ".join(packages), notes


def worker_render(job: FarmJob, options: FarmOptions, packages: str) -> str:
    """The ``Render`` the workers run.

    Args:
        job: The farm job.
        options: ``worker_render`` wins when given.
        packages: The ``CondaPackages`` value: when it installs Maya, ``Render`` is on PATH.

    Returns:
        A path or a command name.
    """
    if options.worker_render:
        return options.worker_render
    if packages:
        return CONDA_RENDER
    return job.render_exe


def asset_references(job: FarmJob) -> dict[str, Any]:
    """The bundle's ``asset_references.json``: the scene's dependencies as input files.

    The scene and the image folder are PATH parameters (``IN`` / ``OUT``), which the client
    turns into attachments itself, so they are not repeated here.

    Args:
        job: The farm job.

    Returns:
        Deadline Cloud's ``assetReferences`` document.
    """
    return {
        "assetReferences": {
            "inputs": {"filenames": list(job.dependencies), "directories": []},
            "outputs": {"directories": []},
            "referencedPaths": [],
        }
    }


def known_asset_paths(files: Iterable[str]) -> list[str]:
    """The folders to name with ``--known-asset-path`` so these files count as known.

    The client classifies each input by its folder, so each file's folder is named; a folder
    inside another named one is left out.

    Args:
        files: Absolute file paths.

    Returns:
        The folders, sorted, none inside another.
    """
    folders = sorted({os.path.dirname(os.path.abspath(path)) for path in files})
    kept: list[str] = []
    for folder in folders:
        if not any(_inside(folder, root) for root in kept):
            kept.append(folder)
    return kept


def _inside(path: str, root: str) -> bool:
    """Whether ``path`` is ``root`` or below it, by whole path components."""
    try:
        return Path(path).is_relative_to(root)
    except ValueError:
        return False


def check_template_size(text: str, *, parameters: int) -> None:
    """Refuse, before anything is submitted, a template the service would reject.

    Args:
        text: The template file's text (what the client sends).
        parameters: Job parameters the template defines.

    Raises:
        FarmError: Over :data:`TEMPLATE_MAX_CHARS` characters or :data:`MAX_JOB_PARAMETERS`
            parameters; the message says how to make the job smaller.
    """
    if len(text) > TEMPLATE_MAX_CHARS:
        raise FarmError(
            f"the Open Job Description template is {len(text):,} characters; AWS Deadline "
            f"Cloud accepts at most {TEMPLATE_MAX_CHARS:,}: submit fewer layers at a time, "
            "use a larger chunk size, or simpler frame ranges"
        )
    if parameters > MAX_JOB_PARAMETERS:
        raise FarmError(
            f"the job has {parameters} parameters; AWS Deadline Cloud accepts at most "
            f"{MAX_JOB_PARAMETERS}"
        )


def submit_command(
    bundle: Path,
    job: FarmJob,
    path_values: Mapping[str, str],
    *,
    executable: str = "deadline",
    auto_accept: bool = False,
) -> list[str]:
    """``deadline bundle submit`` for the bundle, with every path it uploads marked known.

    Args:
        bundle: The bundle folder.
        job: The farm job (retries, dependencies).
        path_values: The PATH job parameters and their values (given with ``-p``).
        executable: The ``deadline`` CLI (name or path).
        auto_accept: Add ``--yes`` (no prompt; the client then cancels on unknown paths).

    Returns:
        The argv.
    """
    argv = [executable, "bundle", "submit", str(bundle)]
    if auto_accept:
        argv.append("--yes")
    argv += ["--max-retries-per-task", str(job.retries)]
    for name, value in path_values.items():
        argv += ["-p", f"{name}={value}"]
    for folder in known_asset_paths(job.dependencies):
        argv += ["--known-asset-path", folder]
    return argv


def parse_job_id(output: str) -> str | None:
    """The ``job-...`` id ``deadline bundle submit`` printed, or None."""
    match = _JOB_ID_RE.search(output)
    return match.group(0) if match else None


def path_parameters(
    definitions: Sequence[Mapping[str, Any]], values: Mapping[str, str]
) -> dict[str, str]:
    """The PATH job parameters of a template with their values, in definition order.

    Args:
        definitions: The template's ``parameterDefinitions``.
        values: Every job parameter's value.

    Returns:
        Name -> value of each PATH parameter that has a value.
    """
    return {
        d["name"]: values[d["name"]]
        for d in definitions
        if d.get("type") == "PATH" and values.get(d["name"])
    }
