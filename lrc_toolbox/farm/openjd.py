"""Open Job Description export: a job bundle that AWS Deadline Cloud (or ``openjd run``) runs.

The bundle is a folder with ``template.json`` (an OpenJD ``jobtemplate-2023-09`` job template) and
``parameter_values.json`` (Deadline Cloud's bundle format). JSON rather than YAML: every value is
written exactly, whatever characters a path or layer name holds.

The template has one step per render layer. A step's tasks are the layer's chunks, given as three
INT task parameters zipped together, ``(Start, End, Step)``: one task per contiguous run
``Render -s Start -e End -b Step``, the same chunks the local engine cuts. Explicit lists keep the
spec's frames exactly (OpenJD's own range syntax would need ``1-96:5,100`` and the chunking
extension). OpenJD caps such a list at :data:`MAX_TASKS_PER_STEP` values, so a layer with more
chunks is split over several steps.

The command line is the local one: the command is the ``RenderExecutable`` job parameter, and the
arguments are the local argv with the scene, project and image folder as PATH job parameters (so
Deadline Cloud maps paths and attaches the scene) and the frames as task parameters. Arguments are
separate list items, run without a shell. OpenJD reads ``{{ }}`` in arguments as expressions, so
an argument holding braces (a path, an extra flag) is passed through a STRING job parameter.

GPUs: each GPU step requires ``amount.worker.gpu >= 1``. Timeouts: ``max_task_time_s`` becomes the
run action's timeout; OpenJD has no "no output for N seconds" timeout, so the hang timeout cannot be
carried. Retries are a submission option: ``deadline bundle submit --max-retries-per-task N``.

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
from lrc_toolbox.farm.job_description import ArgToken, FarmJob, FarmLayer
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
    "MAX_TASKS_PER_STEP",
    "OPENJD_JOB_PARAMS_FILE",
    "PARAMETER_VALUES_FILE",
    "TEMPLATE_FILE",
    "build_job_template",
    "build_parameter_values",
    "step_names",
    "submit",
    "local_run_command",
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

#: OpenJD limits (jobtemplate-2023-09): names, list ranges, STRING values, descriptions.
MAX_JOB_NAME_CHARS = 128
MAX_STEP_NAME_CHARS = 64
MAX_TASKS_PER_STEP = 1024
MAX_STRING_VALUE_CHARS = 1024
MAX_DESCRIPTION_CHARS = 1000

#: Job parameters every bundle has (plus PROJECT/OUTPUT when the job sets them).
PARAM_RENDER_EXE = "RenderExecutable"
PARAM_SCENE = "SceneFile"
PARAM_PROJECT = "ProjectDir"
PARAM_OUTPUT = "OutputDir"
#: Task parameters: one task renders ``-s Start -e End -b Step``.
TASK_START = "Start"
TASK_END = "End"
TASK_STEP = "Step"

#: Deadline Cloud worker capability names used as host requirements.
GPU_AMOUNT = "amount.worker.gpu"
OS_FAMILY_ATTRIBUTE = "attr.worker.os.family"

# Control characters are not allowed in OpenJD names; braces start expressions in format strings.
_NAME_UNSAFE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f{}]")


def _os_family(platform: str | None = None) -> str:
    """OpenJD's OS family for a :data:`sys.platform` value (the Render path is OS-specific)."""
    plat = sys.platform if platform is None else platform
    if plat.startswith("win"):
        return "windows"
    if plat == "darwin":
        return "macos"
    return "linux"


def _clean_name(text: str, limit: int) -> str:
    """A name OpenJD accepts: no control characters or braces, at most ``limit`` characters."""
    name = _NAME_UNSAFE_RE.sub("_", text).strip() or "layer"
    return name[:limit]


def step_names(job: FarmJob) -> list[list[str]]:
    """The step names of every layer (several when a layer has over MAX_TASKS_PER_STEP chunks).

    Names are the artist's layer names, made unique and cut to OpenJD's 64 characters.

    Args:
        job: The farm job.

    Returns:
        One list of step names per layer, in layer order.
    """
    used: set[str] = set()
    result = []
    for layer in job.layers:
        parts = max(1, math.ceil(len(layer.chunks) / MAX_TASKS_PER_STEP))
        names = []
        for part in range(parts):
            suffix = "" if part == 0 else f" #{part + 1}"
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


def _job_parameters(job: FarmJob, params: _Parameters) -> dict[ArgToken, str]:
    """Define the path and executable parameters; return the argv token replacements."""
    tokens = {
        ArgToken.RENDER_EXE: params.add(
            {
                "name": PARAM_RENDER_EXE,
                "type": "STRING",
                "description": "Maya's Render executable on the workers",
                "minLength": 1,
            },
            job.render_exe,
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
    if job.output_dir:
        tokens[ArgToken.OUTPUT_DIR] = params.add(
            {
                "name": PARAM_OUTPUT,
                "type": "PATH",
                "objectType": "DIRECTORY",
                "dataFlow": "OUT",
                "description": "The image folder (Render -rd)",
            },
            job.output_dir,
        )
    return tokens


def _run_action(
    job: FarmJob, layer: FarmLayer, params: _Parameters, tokens: dict[ArgToken, str]
) -> dict[str, Any]:
    replacements = {
        **tokens,
        ArgToken.FRAME_START: f"{{{{Task.Param.{TASK_START}}}}}",
        ArgToken.FRAME_END: f"{{{{Task.Param.{TASK_END}}}}}",
        ArgToken.FRAME_STEP: f"{{{{Task.Param.{TASK_STEP}}}}}",
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


def _describe(layer: FarmLayer, chunk_size: int, tasks: int) -> str:
    frames = layer.frames.to_string()
    text = (
        f"Render layer {layer.name} (Render -rl {layer.node}), {tasks} task(s) of up to "
        f"{chunk_size} frames: {frames}"
    )
    if len(text) > MAX_DESCRIPTION_CHARS:
        text = text[: MAX_DESCRIPTION_CHARS - 3] + "..."
    return text


def build_job_template(job: FarmJob, *, platform: str | None = None) -> dict[str, Any]:
    """Build the OpenJD job template and the values of its job parameters.

    Args:
        job: The farm job.
        platform: A :data:`sys.platform` value for the workers' OS requirement (default: this
            machine's, since the Render path and the scene paths are written for it).

    Returns:
        The template as JSON-ready data. STRING job parameters default to this job's values;
        PATH parameters have no default (OpenJD wants relative defaults), their values are in
        :func:`build_parameter_values`.

    Raises:
        FarmError: A value cannot be expressed in OpenJD (too long).
    """
    template, _values = _build(job, platform)
    return template


def build_parameter_values(job: FarmJob, *, platform: str | None = None) -> dict[str, Any]:
    """The bundle's ``parameter_values.json`` content (Deadline Cloud's job bundle format).

    Args:
        job: The farm job.
        platform: As for :func:`build_job_template`.

    Returns:
        ``{"parameterValues": [{"name": ..., "value": ...}, ...]}``.
    """
    _template, values = _build(job, platform)
    return {"parameterValues": [{"name": k, "value": v} for k, v in values.items()]}


def _build(job: FarmJob, platform: str | None) -> tuple[dict[str, Any], dict[str, str]]:
    params = _Parameters()
    tokens = _job_parameters(job, params)
    steps = []
    for layer, names in zip(job.layers, step_names(job), strict=True):
        action = _run_action(job, layer, params, tokens)
        for part, name in enumerate(names):
            chunks = layer.chunks[part * MAX_TASKS_PER_STEP : (part + 1) * MAX_TASKS_PER_STEP]
            step: dict[str, Any] = {
                "name": name,
                "description": _describe(layer, job.chunk_size, len(chunks)),
                "parameterSpace": {
                    "taskParameterDefinitions": [
                        {
                            "name": TASK_START,
                            "type": "INT",
                            "range": [chunk.run.start for chunk in chunks],
                        },
                        {
                            "name": TASK_END,
                            "type": "INT",
                            "range": [chunk.run.end for chunk in chunks],
                        },
                        {
                            "name": TASK_STEP,
                            "type": "INT",
                            "range": [chunk.run.step for chunk in chunks],
                        },
                    ],
                    "combination": f"({TASK_START}, {TASK_END}, {TASK_STEP})",
                },
                "script": {"actions": {"onRun": action}},
            }
            requirements: dict[str, Any] = {
                "attributes": [{"name": OS_FAMILY_ATTRIBUTE, "anyOf": [_os_family(platform)]}],
            }
            if job.gpus_per_task:
                requirements["amounts"] = [{"name": GPU_AMOUNT, "min": job.gpus_per_task}]
            step["hostRequirements"] = requirements
            if job.environment:
                step["stepEnvironments"] = [
                    {"name": "RendererEnvironment", "variables": dict(job.environment)}
                ]
            steps.append(step)
    template: dict[str, Any] = {
        "specificationVersion": SPECIFICATION_VERSION,
        "name": _clean_name(f"{job.name} (lrc_toolbox)", MAX_JOB_NAME_CHARS),
        "description": (
            f"Maya render of {job.scene_file}: {len(job.layers)} layer(s), "
            f"{job.frame_count} frame(s), exported by lrc_toolbox"
        )[:MAX_DESCRIPTION_CHARS],
        "parameterDefinitions": params.definitions,
        "steps": steps,
    }
    return template, params.values


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


def write_job_bundle(job: FarmJob, folder: Path, *, platform: str | None = None) -> list[str]:
    """Validate the template and write the bundle's files into ``folder``.

    Args:
        job: The farm job.
        folder: An existing folder (the bundle).
        platform: As for :func:`build_job_template`.

    Returns:
        The paths written: the template, Deadline Cloud's parameter values, and the same values
        as the map ``openjd run --job-param file://...`` reads.

    Raises:
        FarmUnavailableError: openjd-model is not installed.
        FarmError: The template does not validate, or a file cannot be written.
    """
    template, values = _build(job, platform)
    validate_job_template(template, values)
    parameter_values = {"parameterValues": [{"name": k, "value": v} for k, v in values.items()]}
    return [
        write_text(folder / TEMPLATE_FILE, json.dumps(template, indent=2, ensure_ascii=False)),
        write_text(
            folder / PARAMETER_VALUES_FILE,
            json.dumps(parameter_values, indent=2, ensure_ascii=False),
        ),
        write_text(
            folder / OPENJD_JOB_PARAMS_FILE, json.dumps(values, indent=2, ensure_ascii=False)
        ),
    ]


def submit_command(bundle: Path, job: FarmJob, *, executable: str = "deadline") -> list[str]:
    """The Deadline Cloud CLI command that submits the bundle.

    Args:
        bundle: The bundle folder.
        job: The farm job (for the retry count).
        executable: The ``deadline`` CLI (name or path).

    Returns:
        ``deadline bundle submit <bundle> --max-retries-per-task N``.
    """
    return [executable, "bundle", "submit", str(bundle), "--max-retries-per-task", str(job.retries)]


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


_JOB_ID_RE = re.compile(r"\bjob-[0-9a-f]{32}\b")


def submit(job: FarmJob, out_dir: str | Path | None, *, dry_run: bool) -> FarmSubmission:
    """Write the bundle and, unless a dry run, submit it with Deadline Cloud's ``deadline`` CLI.

    Without the ``deadline`` CLI on PATH the bundle is only written, and the message gives the
    command to submit it (and to run it locally with ``openjd run``).

    Args:
        job: The farm job.
        out_dir: Bundle folder (None: a new folder, see :func:`~.submission.job_folder`).
        dry_run: Write and validate only; contact nothing.

    Returns:
        What was written and submitted.

    Raises:
        FarmUnavailableError: openjd-model is not installed.
        FarmError: Validation, writing or submission failed.
    """
    require_module("openjd.model", engine=ENGINE, extra=EXTRA)
    folder = job_folder(ENGINE, job.name, out_dir, dry_run=dry_run)
    files = write_job_bundle(job, folder)
    steps = [name for names in step_names(job) for name in names]
    local_run = shlex.join(local_run_command(folder, "<step>"))
    notes = list(job.notes)
    if job.max_task_time_s is None:
        notes.append(
            "Open Job Description has no 'no output' timeout: set a max task time to "
            "bound a render that hangs"
        )
    deadline_cli = None if dry_run else find_executable("deadline")
    if deadline_cli is None:
        command = submit_command(folder, job)
        how = (
            "Would submit it with"
            if dry_run
            else "The Deadline Cloud CLI ('deadline') is not on PATH: submit it with"
        )
        message = (
            f"Open Job Description bundle written to {folder} ({len(steps)} step(s), "
            f"{job.task_count} task(s)). {how}: {shlex.join(command)}. "
            f"Run one step locally with: {local_run}."
        )
        return FarmSubmission(ENGINE, files, command, False, None, message, notes)
    command = [*submit_command(folder, job, executable=deadline_cli), "--yes"]
    proc = run_submit_command(command, what="deadline bundle submit")
    output = f"{proc.stdout}\n{proc.stderr}"
    match = _JOB_ID_RE.search(output)
    job_id = match.group(0) if match else None
    message = f"Submitted the Open Job Description bundle {folder} to AWS Deadline Cloud" + (
        f" as {job_id}." if job_id else " (the CLI printed no job id)."
    )
    return FarmSubmission(ENGINE, files, command, True, job_id, message, notes)
