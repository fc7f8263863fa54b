"""Open Job Description export: a job bundle that AWS Deadline Cloud (or ``openjd run``) runs.

The bundle is a folder with ``template.json`` (an OpenJD ``jobtemplate-2023-09`` job template),
``parameter_values.json`` and ``asset_references.json`` (Deadline Cloud's bundle format). JSON
rather than YAML: every value is written exactly, whatever characters a path or layer name holds.

Steps: one per render layer (more only when a layer's chunks have different ``-b`` steps). A
step's tasks are the layer's chunks, ``Render -s Start -e End -b <step>``: two INT task parameters
zipped together, each range written as an OpenJD range expression
(:mod:`lrc_toolbox.farm.openjd_ranges`), so a 6,000-frame layer costs a few characters and the
spec's frames stay exact (``1-100x5`` is ``1-96:5`` plus ``100``).

The command line is the local one: the command is the ``RenderExecutable`` job parameter, and the
arguments are the local argv with the scene (PATH, ``IN``), the image folder (PATH, ``OUT``,
always set: workers upload what they render there) and the project (PATH, ``NONE``) as job
parameters, so Deadline Cloud maps paths and attaches files, and the frames as task parameters.
Arguments are separate list items, run without a shell. OpenJD reads ``{{ }}`` in arguments as
expressions, so an argument holding braces (a path, an extra flag) passes through a STRING job
parameter. The scene's dependencies (references, textures, caches) go in
``asset_references.json``; Maya on the workers comes from ``CondaPackages``
(:mod:`lrc_toolbox.farm.deadline_cloud` says why and how).

GPUs: each GPU step requires ``amount.worker.gpu >= 1``. Timeouts: ``max_task_time_s`` becomes the
run action's timeout; OpenJD has neither a start timeout nor a "no output for N seconds" timeout,
so those two are not carried (a note says so). Retries: ``--max-retries-per-task N`` at submission.

Validation uses ``openjd-model`` (extra ``openjd``); a job is run locally, step by step, with
``openjd run <bundle>/template.json --step <name>`` (``openjd-cli``).
"""

from __future__ import annotations

import json
import math
import re
import shlex
import sys
from pathlib import Path
from typing import Any

from lrc_toolbox.config.batch_render_defaults import TERMINATE_GRACE_S
from lrc_toolbox.farm import deadline_cloud as dc
from lrc_toolbox.farm.job_description import ArgToken, FarmJob, FarmLayer
from lrc_toolbox.farm.openjd_ranges import ChunkGroup, chunk_groups
from lrc_toolbox.farm.options import FarmOptions
from lrc_toolbox.farm.submission import (
    FarmError,
    FarmSubmission,
    find_executable,
    job_folder,
    require_module,
    run_submit_command,
    write_text,
)

__all__ = [
    "ENGINE",
    "EXTRA",
    "MAX_PARAMETER_DEFINITIONS",
    "OPENJD_JOB_PARAMS_FILE",
    "PARAMETER_VALUES_FILE",
    "TEMPLATE_FILE",
    "JobBundle",
    "build_bundle",
    "build_job_template",
    "build_parameter_values",
    "local_run_command",
    "step_names",
    "submit",
    "submit_command",
    "validate_job_template",
    "write_job_bundle",
]

ENGINE = "openjd"
EXTRA = "openjd"
SPECIFICATION_VERSION = "jobtemplate-2023-09"
TEMPLATE_FILE = "template.json"
PARAMETER_VALUES_FILE = "parameter_values.json"
#: The same values as a plain map, the form ``openjd run --job-param file://...`` reads.
OPENJD_JOB_PARAMS_FILE = "openjd_job_params.json"

#: OpenJD limits (jobtemplate-2023-09): names, STRING values, descriptions, parameter count.
MAX_JOB_NAME_CHARS = 128
MAX_STEP_NAME_CHARS = 64
MAX_STRING_VALUE_CHARS = 1024
MAX_DESCRIPTION_CHARS = 1000
MAX_PARAMETER_DEFINITIONS = 50

#: Job parameters every bundle has (plus PROJECT when the job has a Maya project).
PARAM_RENDER_EXE = "RenderExecutable"
PARAM_SCENE = "SceneFile"
PARAM_PROJECT = "ProjectDir"
PARAM_OUTPUT = "OutputDir"
#: The queue environment parameter AWS's conda environment reads (see deadline_cloud).
PARAM_CONDA_PACKAGES = "CondaPackages"
#: Task parameters: one task renders ``-s Start -e End``.
TASK_START = "Start"
TASK_END = "End"

#: Deadline Cloud worker capability names used as host requirements.
GPU_AMOUNT = "amount.worker.gpu"
OS_FAMILY_ATTRIBUTE = "attr.worker.os.family"

# Control characters are not allowed in OpenJD names; braces start expressions in format strings.
_NAME_UNSAFE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f{}]")
_WINDOWS_PATH_RE = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\)")


def _os_family(render: str, platform: str | None) -> str | None:
    """The workers' OS family an absolute Render path implies (None for a bare name)."""
    if _WINDOWS_PATH_RE.match(render):
        return "windows"
    if not render.startswith("/"):
        return None  # "Render" from the conda environment: any OS the fleet has
    plat = sys.platform if platform is None else platform
    if render.startswith("/Applications/") or (plat == "darwin" and render.startswith("/Users/")):
        return "macos"
    return "linux"


def _clean_name(text: str, limit: int) -> str:
    """A name OpenJD accepts: no control characters or braces, at most ``limit`` characters."""
    name = _NAME_UNSAFE_RE.sub("_", text).strip() or "layer"
    return name[:limit]


def step_names(job: FarmJob) -> list[list[str]]:
    """The step names of every layer (several when its chunks have different frame steps).

    Names are the artist's layer names, made unique and cut to OpenJD's 64 characters.

    Args:
        job: The farm job.

    Returns:
        One list of step names per layer, in layer order.
    """
    used: set[str] = set()
    result = []
    for layer in job.layers:
        groups = chunk_groups(layer)
        names = []
        for part, group in enumerate(groups):
            suffix = "" if len(groups) == 1 else f" (by {group.step})"
            if part and any(g.step == group.step for g in groups[:part]):
                suffix = f" #{part + 1}"
            base = _clean_name(layer.name, MAX_STEP_NAME_CHARS - len(suffix)) + suffix
            name, counter = base, 2
            while name in used:
                tail = f" ({counter})"
                name = _clean_name(base, MAX_STEP_NAME_CHARS - len(tail)) + tail
                counter += 1
            used.add(name)
            names.append(name)
        result.append(names)
    return result


class _Parameters:
    """Collects job parameter definitions and values while the steps are built."""

    def __init__(self) -> None:
        self.definitions: list[dict[str, Any]] = []
        self.values: dict[str, str] = {}
        self._literals: dict[str, str] = {}

    def add(self, definition: dict[str, Any], value: str) -> str:
        """Add a parameter; return its ``{{Param.X}}`` reference."""
        name = definition["name"]
        if len(value) > MAX_STRING_VALUE_CHARS and definition["type"] == "STRING":
            raise FarmError(
                f"an Open Job Description STRING value is limited to {MAX_STRING_VALUE_CHARS} "
                f"characters; {name} has {len(value)}"
            )
        if len(self.definitions) >= MAX_PARAMETER_DEFINITIONS:
            raise FarmError(
                f"an Open Job Description template holds at most {MAX_PARAMETER_DEFINITIONS} "
                "job parameters: too many Render arguments hold '{{' or '}}'"
            )
        if definition["type"] == "PATH":
            # OpenJD resolves a PATH default against the template's folder, so it must be
            # relative: absolute paths go in the parameter values only.
            self.definitions.append(dict(definition))
        else:
            self.definitions.append({**definition, "default": value})
        self.values[name] = value
        return f"{{{{Param.{name}}}}}"

    def literal(self, value: str) -> str:
        """A literal argument, routed through a STRING parameter when it holds braces."""
        if "{{" not in value and "}}" not in value:
            return value
        if value not in self._literals:
            name = f"LiteralArg{len(self._literals) + 1}"
            self._literals[value] = self.add(
                {
                    "name": name,
                    "type": "STRING",
                    "description": "A Render argument holding braces, passed verbatim",
                },
                value,
            )
        return self._literals[value]


def _job_parameters(
    job: FarmJob, params: _Parameters, render: str, packages: str
) -> dict[ArgToken, str]:
    """Define the path, executable and package parameters; return the argv token replacements."""
    tokens = {
        ArgToken.RENDER_EXE: params.add(
            {
                "name": PARAM_RENDER_EXE,
                "type": "STRING",
                "description": "Maya's Render executable on the workers",
                "minLength": 1,
            },
            render,
        ),
        ArgToken.SCENE_FILE: params.add(
            {
                "name": PARAM_SCENE,
                "type": "PATH",
                "objectType": "FILE",
                "dataFlow": "IN",
                "description": "The saved Maya scene to render",
            },
            job.scene_file,
        ),
        # OUT even when the user named no folder: workers upload only what lands in an OUT path.
        ArgToken.OUTPUT_DIR: params.add(
            {
                "name": PARAM_OUTPUT,
                "type": "PATH",
                "objectType": "DIRECTORY",
                "dataFlow": "OUT",
                "description": "The image folder (Render -rd)",
            },
            job.output_dir,
        ),
    }
    if job.project_dir:
        # NONE: map the path on workers, but do not upload a whole Maya project.
        tokens[ArgToken.PROJECT_DIR] = params.add(
            {
                "name": PARAM_PROJECT,
                "type": "PATH",
                "objectType": "DIRECTORY",
                "dataFlow": "NONE",
                "description": "The Maya project (Render -proj)",
            },
            job.project_dir,
        )
    params.add(
        {
            "name": PARAM_CONDA_PACKAGES,
            "type": "STRING",
            "description": "Conda packages the queue's conda environment installs for this job "
            "(Maya, its OpenJD adaptor, the renderer); empty when the workers have Maya",
        },
        packages,
    )
    return tokens


def _run_action(
    job: FarmJob,
    layer: FarmLayer,
    group: ChunkGroup,
    params: _Parameters,
    tokens: dict[ArgToken, str],
) -> dict[str, Any]:
    replacements = {
        **tokens,
        ArgToken.FRAME_START: f"{{{{Task.Param.{TASK_START}}}}}",
        ArgToken.FRAME_END: f"{{{{Task.Param.{TASK_END}}}}}",
        ArgToken.FRAME_STEP: str(group.step),
    }
    command: list[str] = []
    for item in layer.template:
        if isinstance(item, ArgToken):
            command.append(replacements[item])
        else:
            command.append(params.literal(item))
    action: dict[str, Any] = {
        "command": command[0],
        "args": command[1:],
        # Render.exe is a launcher: give the tree a moment to stop, then end it.
        "cancelation": {
            "mode": "NOTIFY_THEN_TERMINATE",
            "notifyPeriodInSeconds": max(1, int(TERMINATE_GRACE_S)),
        },
    }
    if job.max_task_time_s is not None:
        action["timeout"] = max(1, math.ceil(job.max_task_time_s))
    return action


def _describe(layer: FarmLayer, chunk_size: int, group: ChunkGroup) -> str:
    frames = layer.frames.to_string()
    text = (
        f"Render layer {layer.name} (Render -rl {layer.node}), {len(group.chunks)} task(s) of up "
        f"to {chunk_size} frames, -b {group.step}: {frames}"
    )
    if len(text) > MAX_DESCRIPTION_CHARS:
        text = text[: MAX_DESCRIPTION_CHARS - 3] + "..."
    return text


class JobBundle:
    """A built bundle: the template, the job parameters' values and the attachments.

    Attributes:
        template: The OpenJD job template (JSON-ready).
        values: Every job parameter's value.
        asset_references: Deadline Cloud's ``asset_references.json`` content.
        notes: Things worth knowing about it (packages, timeouts the engine cannot carry).
    """

    def __init__(
        self,
        template: dict[str, Any],
        values: dict[str, str],
        asset_references: dict[str, Any],
        notes: list[str],
    ) -> None:
        self.template = template
        self.values = values
        self.asset_references = asset_references
        self.notes = notes

    def path_values(self) -> dict[str, str]:
        """The PATH job parameters and their values (what ``-p`` passes at submission)."""
        return dc.path_parameters(self.template["parameterDefinitions"], self.values)


def build_bundle(
    job: FarmJob, *, platform: str | None = None, options: FarmOptions | None = None
) -> JobBundle:
    """Build the bundle's content (nothing is written).

    Args:
        job: The farm job.
        platform: A :data:`sys.platform` value, for the OS an absolute Render path implies
            (default: this machine's).
        options: Farm choices (``job_name``, ``worker_render``, ``conda_packages``).

    Returns:
        The bundle.

    Raises:
        FarmError: A value cannot be expressed in OpenJD (too long, too many parameters).
    """
    options = options or FarmOptions()
    packages, notes = dc.conda_packages(job, options)
    render = dc.worker_render(job, options, packages)
    params = _Parameters()
    tokens = _job_parameters(job, params, render, packages)
    os_family = _os_family(render, platform)
    steps = []
    for layer, names in zip(job.layers, step_names(job), strict=True):
        for group, name in zip(chunk_groups(layer), names, strict=True):
            step: dict[str, Any] = {
                "name": name,
                "description": _describe(layer, job.chunk_size, group),
                "parameterSpace": {
                    "taskParameterDefinitions": [
                        {"name": TASK_START, "type": "INT", "range": group.starts},
                        {"name": TASK_END, "type": "INT", "range": group.ends},
                    ],
                    "combination": f"({TASK_START}, {TASK_END})",
                },
                "script": {"actions": {"onRun": _run_action(job, layer, group, params, tokens)}},
            }
            requirements: dict[str, Any] = {}
            if os_family:
                requirements["attributes"] = [{"name": OS_FAMILY_ATTRIBUTE, "anyOf": [os_family]}]
            if job.gpus_per_task:
                requirements["amounts"] = [{"name": GPU_AMOUNT, "min": job.gpus_per_task}]
            if requirements:
                step["hostRequirements"] = requirements
            if job.environment:
                step["stepEnvironments"] = [
                    {"name": "RendererEnvironment", "variables": dict(job.environment)}
                ]
            steps.append(step)
    name = options.job_name or f"{job.name} (lrc_toolbox)"
    template: dict[str, Any] = {
        "specificationVersion": SPECIFICATION_VERSION,
        "name": _clean_name(name, MAX_JOB_NAME_CHARS),
        "description": (
            f"Maya render of {job.scene_file}: {len(job.layers)} layer(s), "
            f"{job.frame_count} frame(s), exported by lrc_toolbox"
        )[:MAX_DESCRIPTION_CHARS],
        "parameterDefinitions": params.definitions,
        "steps": steps,
    }
    notes.append(
        "Open Job Description has no start or 'no output' timeout: "
        + (
            "only the max task time bounds a render that stalls or hangs"
            if job.max_task_time_s is not None
            else "set a max task time to bound a render that stalls or hangs"
        )
    )
    return JobBundle(template, params.values, dc.asset_references(job), notes)


def build_job_template(
    job: FarmJob, *, platform: str | None = None, options: FarmOptions | None = None
) -> dict[str, Any]:
    """Build the OpenJD job template (see :func:`build_bundle`).

    Returns:
        The template as JSON-ready data. STRING job parameters default to this job's values;
        PATH parameters have no default (OpenJD wants relative defaults), their values are in
        :func:`build_parameter_values`.
    """
    return build_bundle(job, platform=platform, options=options).template


def build_parameter_values(
    job: FarmJob, *, platform: str | None = None, options: FarmOptions | None = None
) -> dict[str, Any]:
    """The bundle's ``parameter_values.json`` content (Deadline Cloud's job bundle format).

    Returns:
        ``{"parameterValues": [{"name": ..., "value": ...}, ...]}``.
    """
    values = build_bundle(job, platform=platform, options=options).values
    return {"parameterValues": [{"name": k, "value": v} for k, v in values.items()]}


def validate_job_template(template: dict[str, Any], values: dict[str, str] | None = None) -> Any:
    """Check a template with openjd-model and instantiate its job.

    Args:
        template: The template (as :func:`build_job_template` returns it).
        values: Job parameter values (default: the template's defaults).

    Returns:
        The instantiated ``openjd.model`` Job.

    Raises:
        FarmUnavailableError: openjd-model is not installed.
        FarmError: The template or the values do not validate.
    """
    model = require_module("openjd.model", engine=ENGINE, extra=EXTRA)
    try:
        decoded = model.decode_job_template(template=template)
        parameter_values = model.preprocess_job_parameters(
            job_template=decoded,
            job_parameter_values=dict(values or {}),
            job_template_dir=Path.cwd(),
            current_working_dir=Path.cwd(),
        )
        return model.create_job(job_template=decoded, job_parameter_values=parameter_values)
    except (model.DecodeValidationError, ValueError) as exc:
        raise FarmError(f"the Open Job Description template does not validate: {exc}") from exc


def _template_text(bundle: JobBundle) -> str:
    """The template file's text: indented when it fits the service's limit, else compact."""
    text = json.dumps(bundle.template, indent=2, ensure_ascii=False)
    if len(text) > dc.TEMPLATE_MAX_CHARS:
        text = json.dumps(bundle.template, separators=(",", ":"), ensure_ascii=False)
    dc.check_template_size(text, parameters=len(bundle.template["parameterDefinitions"]))
    return text


def write_job_bundle(
    job: FarmJob,
    folder: Path,
    *,
    platform: str | None = None,
    options: FarmOptions | None = None,
    bundle: JobBundle | None = None,
) -> list[str]:
    """Validate the template and write the bundle's files into ``folder``.

    Args:
        job: The farm job.
        folder: An existing folder (the bundle).
        platform: As for :func:`build_bundle`.
        options: As for :func:`build_bundle`.
        bundle: The bundle, when already built (else it is built here).

    Returns:
        The paths written: the template, Deadline Cloud's parameter values and asset
        references, and the values as the map ``openjd run --job-param file://...`` reads.

    Raises:
        FarmUnavailableError: openjd-model is not installed.
        FarmError: The template does not validate, is too large for Deadline Cloud, or a file
            cannot be written.
    """
    bundle = bundle or build_bundle(job, platform=platform, options=options)
    text = _template_text(bundle)
    validate_job_template(bundle.template, bundle.values)
    values = {"parameterValues": [{"name": k, "value": v} for k, v in bundle.values.items()]}
    return [
        write_text(folder / TEMPLATE_FILE, text),
        write_text(
            folder / PARAMETER_VALUES_FILE, json.dumps(values, indent=2, ensure_ascii=False)
        ),
        write_text(
            folder / dc.ASSET_REFERENCES_FILE,
            json.dumps(bundle.asset_references, indent=2, ensure_ascii=False),
        ),
        write_text(
            folder / OPENJD_JOB_PARAMS_FILE,
            json.dumps(bundle.values, indent=2, ensure_ascii=False),
        ),
    ]


def submit_command(
    bundle_dir: Path,
    job: FarmJob,
    bundle: JobBundle,
    *,
    executable: str = "deadline",
    auto_accept: bool = False,
) -> list[str]:
    """The Deadline Cloud CLI command that submits the bundle (see :mod:`.deadline_cloud`).

    Args:
        bundle_dir: The bundle folder.
        job: The farm job (retries, dependencies).
        bundle: The built bundle (its PATH parameters are passed with ``-p``).
        executable: The ``deadline`` CLI (name or path).
        auto_accept: Add ``--yes``.

    Returns:
        ``deadline bundle submit <bundle> [--yes] --max-retries-per-task N -p ... [--known-asset-path ...]``.
    """
    return dc.submit_command(
        bundle_dir, job, bundle.path_values(), executable=executable, auto_accept=auto_accept
    )


def local_run_command(bundle: Path, step: str, *, executable: str = "openjd") -> list[str]:
    """The ``openjd run`` command that runs one step of the bundle on this machine.

    Args:
        bundle: The bundle folder.
        step: The step name (see :func:`step_names`).
        executable: The ``openjd`` CLI (name or path).

    Returns:
        ``openjd run <bundle>/template.json --job-param file://<values> --step <step>``.
    """
    return [
        executable,
        "run",
        str(bundle / TEMPLATE_FILE),
        "--job-param",
        f"file://{bundle / OPENJD_JOB_PARAMS_FILE}",
        "--step",
        step,
    ]


def submit(
    job: FarmJob,
    out_dir: str | Path | None,
    *,
    dry_run: bool,
    options: FarmOptions | None = None,
) -> FarmSubmission:
    """Write the bundle and, unless a dry run, submit it with Deadline Cloud's ``deadline`` CLI.

    Without the ``deadline`` CLI on PATH the bundle is only written, and the message gives the
    command to submit it (and to run it locally with ``openjd run``).

    Args:
        job: The farm job.
        out_dir: Bundle folder (None: a new folder, see :func:`~.submission.job_folder`).
        dry_run: Write and validate only; contact nothing.
        options: Farm choices (see :class:`~lrc_toolbox.farm.options.FarmOptions`).

    Returns:
        What was written and submitted.

    Raises:
        FarmUnavailableError: openjd-model is not installed.
        FarmError: Validation, size, writing or submission failed.
    """
    require_module("openjd.model", engine=ENGINE, extra=EXTRA)
    bundle = build_bundle(job, options=options)
    _template_text(bundle)  # too large for Deadline Cloud: say so before writing anything
    folder = job_folder(ENGINE, job.name, out_dir, dry_run=dry_run)
    files = write_job_bundle(job, folder, bundle=bundle)
    steps = [name for names in step_names(job) for name in names]
    local_run = shlex.join(local_run_command(folder, "<step>"))
    notes = [*job.notes, *bundle.notes]
    deadline_cli = None if dry_run else find_executable("deadline")
    if deadline_cli is None:
        command = submit_command(folder, job, bundle)
        how = (
            "Would submit it with"
            if dry_run
            else "The Deadline Cloud CLI ('deadline') is not on PATH: submit it with"
        )
        message = (
            f"Open Job Description bundle written to {folder} ({len(steps)} step(s), "
            f"{job.task_count} task(s), {len(job.dependencies)} attached file(s)). {how}: "
            f"{shlex.join(command)}. Run one step locally with: {local_run}."
        )
        return FarmSubmission(ENGINE, files, command, False, None, message, notes)
    command = submit_command(folder, job, bundle, executable=deadline_cli, auto_accept=True)
    proc = run_submit_command(command, what="deadline bundle submit")
    output = f"{proc.stdout}\n{proc.stderr}"
    job_id = dc.parse_job_id(output)
    if job_id is None and "canceled" in output.lower():
        raise FarmError(
            "deadline bundle submit canceled the submission: " + " ".join(output.split())[-1500:]
        )
    message = f"Submitted the Open Job Description bundle {folder} to AWS Deadline Cloud" + (
        f" as {job_id}." if job_id else " (the CLI printed no job id)."
    )
    return FarmSubmission(ENGINE, files, command, True, job_id, message, notes)
