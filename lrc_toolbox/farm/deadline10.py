"""Deadline 10 export: job info and plugin info files for Thinkbox's MayaCmd plugin.

MayaCmd runs ``Render`` itself, building the command line from the plugin info keys (``Renderer``,
``RenderLayer``, ``SceneFile``, ``OutputFilePath``, ``ProjectPath``, ``GPUsPerTask``...) and each
task's frames as ``-s <first> -e <last> -b 1``. A task therefore renders every frame from its first
to its last, so a task must never span a gap or a step. The export keeps the spec's frames exactly:

* every contiguous run with step 1 of a layer becomes a job with ``ChunkSize`` = the chunk size;
* the layer's other frames (single frames, stepped runs such as ``1-96x5``) become one job with
  ``ChunkSize=1``, their ``Frames`` written with Deadline's ``x`` step only where the run ends on
  its step grid (Deadline's ``x`` never adds the end frame, unlike the spec's).

All jobs of one export share a ``BatchName``. GPUs: ``GPUsPerTask`` (1) makes MayaCmd give each
concurrent task its own GPU (``-gpu {N}`` for Redshift); renderers MayaCmd does not pin get the
profile's GPU flags in ``CommandLineOptions``. Retries: task failure detection after
``retries + 1`` errors. ``max_task_time_s``: ``TaskTimeoutMinutes``. Deadline has no "no output
for N seconds" timeout, so the hang timeout cannot be carried.

Files are ``Key=Value`` lines in UTF-8. Submission runs ``deadlinecommand <job info> <plugin info>``
(``-SubmitMultipleJobs`` for several jobs) when ``deadlinecommand`` is on PATH or in
``DEADLINE_PATH``; otherwise the files are written and the message gives that command.
"""

from __future__ import annotations

import math
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lrc_toolbox.farm.job_description import FarmJob, FarmLayer
from lrc_toolbox.farm.submission import (
    FarmError,
    FarmSubmission,
    find_executable,
    job_folder,
    run_submit_command,
    write_text,
)
from lrc_toolbox.renderers import get_profile
from lrc_toolbox.utils.frame_parser import FrameRun
from lrc_toolbox.utils.temp_file_manager import safe_file_component

__all__ = [
    "DEADLINE_PATH_ENV",
    "DEFAULT_MAYA_VERSION",
    "ENGINE",
    "PLUGIN",
    "DeadlineJob",
    "deadline_frames",
    "deadline_jobs",
    "format_info_file",
    "parse_job_ids",
    "submit",
    "submit_command",
    "write_job_files",
]

ENGINE = "deadline"
PLUGIN = "MayaCmd"
DEADLINE_COMMAND = "deadlinecommand"
#: Environment variable naming the folder of ``deadlinecommand`` (set by Deadline's installer).
DEADLINE_PATH_ENV = "DEADLINE_PATH"
#: Maya version written when neither the scene nor the Render path says which (``.mb`` scenes).
DEFAULT_MAYA_VERSION = "2024"
#: Deadline's ``Build`` for 64-bit Maya (every supported Maya is 64-bit).
MAYA_BUILD = "64bit"

#: Our renderer profiles -> MayaCmd's ``Renderer`` values.
MAYACMD_RENDERERS: dict[str, str] = {
    "redshift": "redshift",
    "arnold": "arnold",
    "vray": "vray",
    "sw": "mayaSoftware",
    "hw2": "mayaHardware2",
    "file": "file",
}
#: Renderers whose GPUs MayaCmd selects itself from ``GPUsPerTask`` (``-gpu {N}``).
MAYACMD_PINS_GPUS = frozenset({"redshift"})
#: Renderers whose thread count MayaCmd passes from ``MaxProcessors``.
MAYACMD_PASSES_THREADS = frozenset({"mayaSoftware", "vray"})
#: Renderers for which MayaCmd passes ``-skipExistingFrames`` from ``SkipExistingFrames``.
MAYACMD_PASSES_SKIP_EXISTING = frozenset({"mayaSoftware", "mayaHardware2"})

_JOB_ID_RE = re.compile(r"^\s*JobID=(\S+)\s*$", re.MULTILINE)
_MAYA_VERSION_IN_PATH_RE = re.compile(r"maya(\d{4}(?:\.\d+)?)", re.IGNORECASE)
_LINE_BREAK_RE = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+")


@dataclass(frozen=True)
class DeadlineJob:
    """One Deadline job: a render layer's frames that MayaCmd can chunk exactly.

    Attributes:
        layer: The render layer.
        runs: The runs this job renders.
        chunk_size: ``ChunkSize`` (1 unless ``runs`` is one contiguous step-1 run).
        job_info: The job info file's keys and values, in file order.
        plugin_info: The plugin info file's keys and values, in file order.
    """

    layer: FarmLayer
    runs: tuple[FrameRun, ...]
    chunk_size: int
    job_info: dict[str, str]
    plugin_info: dict[str, str]


def deadline_frames(runs: tuple[FrameRun, ...] | list[FrameRun]) -> str:
    """Runs in Deadline's frame list syntax, meaning exactly their frames.

    Args:
        runs: Runs whose ends lie on their step grids (as :meth:`FrameSet.runs` gives them).

    Returns:
        E.g. ``"1-96x5,100"`` or ``"10-20"``.
    """
    parts = []
    for run in runs:
        if run.start == run.end:
            parts.append(str(run.start))
        elif run.step == 1:
            parts.append(f"{run.start}-{run.end}")
        else:
            parts.append(f"{run.start}-{run.end}x{run.step}")
    return ",".join(parts)


def _group_runs(layer: FarmLayer, chunk_size: int) -> list[tuple[tuple[FrameRun, ...], int]]:
    """Split a layer's runs into (runs, ChunkSize) groups MayaCmd renders exactly."""
    if chunk_size == 1:
        return [(layer.runs, 1)]
    contiguous = [run for run in layer.runs if run.step == 1 and len(run) > 1]
    others = tuple(run for run in layer.runs if run not in contiguous)
    groups: list[tuple[tuple[FrameRun, ...], int]] = [((run,), chunk_size) for run in contiguous]
    if others:
        groups.append((others, 1))
    groups.sort(key=lambda group: group[0][0].start)
    return groups


def _single_line(value: str, key: str) -> str:
    """A value fit for one ``Key=Value`` line; a path with a line break cannot be written."""
    if _LINE_BREAK_RE.search(value) is None:
        return value
    if key in ("Name", "Comment", "BatchName"):
        return _LINE_BREAK_RE.sub(" ", value)
    raise FarmError(
        f"Deadline info files are one line per key: {key} cannot hold the line break in {value!r}"
    )


def format_info_file(values: Mapping[str, str]) -> str:
    """Deadline's info file text: one ``Key=Value`` line per entry.

    Args:
        values: Keys and values (keys are ours, never user text).

    Returns:
        The file content.

    Raises:
        FarmError: A path value holds a line break (it would inject a key).
    """
    return "".join(f"{key}={_single_line(value, key)}\n" for key, value in values.items())


def _maya_version(job: FarmJob) -> tuple[str, bool]:
    """Maya version for ``Version``: the scene's, else from the Render path; True when guessed."""
    if job.maya_version:
        return job.maya_version, False
    match = _MAYA_VERSION_IN_PATH_RE.search(job.render_exe)
    if match:
        return match.group(1), False
    return DEFAULT_MAYA_VERSION, True


def _quote_windows_style(args: list[str]) -> str:
    """Arguments as one string the way .NET splits a command line (MayaCmd passes it through)."""
    return subprocess.list2cmdline(args)


def _command_line_options(job: FarmJob, layer: FarmLayer, renderer: str) -> list[str]:
    """Flags MayaCmd does not produce from its own keys but the local command line has."""
    profile = get_profile(job.scene_renderer)
    options: list[str] = []
    if renderer == "file":
        # MayaCmd only adds -rl for a named renderer.
        options += ["-rl", layer.node]
    if job.gpus_per_task and renderer not in MAYACMD_PINS_GPUS:
        options += list(profile.gpu_args)
    if job.cpu_threads and profile.threads_flag and renderer not in MAYACMD_PASSES_THREADS:
        options += [profile.threads_flag, str(job.cpu_threads)]
    if job.skip_existing and renderer not in MAYACMD_PASSES_SKIP_EXISTING:
        options += ["-skipExistingFrames", "true"]
    options += list(job.extra_args)
    return options


def deadline_jobs(job: FarmJob) -> list[DeadlineJob]:
    """The Deadline jobs of a farm job, with their job info and plugin info.

    Args:
        job: The farm job.

    Returns:
        Jobs in layer order, then frame order.
    """
    renderer = MAYACMD_RENDERERS.get(job.scene_renderer, "file")
    version, _guessed = _maya_version(job)
    batch = f"{job.name} (lrc_toolbox)"
    image_dir = job.output_dir or (
        str(Path(job.project_dir) / "images") if job.project_dir else None
    )
    result = []
    for layer in job.layers:
        groups = _group_runs(layer, job.chunk_size)
        options = _command_line_options(job, layer, renderer)
        for runs, chunk in groups:
            frames = deadline_frames(runs)
            name = f"{job.name} - {layer.name}"
            if len(groups) > 1:
                name += f" [{frames}]"
            job_info = {
                "Plugin": PLUGIN,
                "Name": name,
                "BatchName": batch,
                "Comment": f"lrc_toolbox: layer {layer.name} (Render -rl {layer.node}), frames "
                f"{layer.frames.to_string()}",
                "Frames": frames,
                "ChunkSize": str(chunk),
                "OverrideTaskFailureDetection": "True",
                "FailureDetectionTaskErrors": str(job.retries + 1),
            }
            if image_dir:
                job_info["OutputDirectory0"] = image_dir
            if job.max_task_time_s is not None:
                job_info["TaskTimeoutMinutes"] = str(max(1, math.ceil(job.max_task_time_s / 60)))
                job_info["OnTaskTimeout"] = "Error"
            for index, (key, value) in enumerate(job.environment.items()):
                job_info[f"EnvironmentKeyValue{index}"] = f"{key}={value}"
            plugin_info = {
                "SceneFile": job.scene_file,
                "Version": version,
                "Build": MAYA_BUILD,
                "ProjectPath": job.project_dir or "",
                "OutputFilePath": job.output_dir or "",
                "Renderer": renderer,
                "RenderLayer": layer.node,
                "UsingRenderLayers": "1",
                "Animation": "1",
                # On: MayaCmd then fails a task only on its list of known fatal errors (licence,
                # no renderable camera, scene load), like the local fatal-line allow-list.
                "StrictErrorChecking": "True",
                "LocalRendering": "False",
                "GPUsPerTask": str(job.gpus_per_task),
                "GPUsSelectDevices": "",
                "MaxProcessors": str(job.cpu_threads or 0),
                "SkipExistingFrames": "True" if job.skip_existing else "False",
                "CommandLineOptions": _quote_windows_style(options),
                "UseOnlyCommandLineOptions": "0",
            }
            if job.uses_render_setup is not None:
                plugin_info["UseLegacyRenderLayers"] = "0" if job.uses_render_setup else "1"
            result.append(DeadlineJob(layer, runs, chunk, job_info, plugin_info))
    return result


def write_job_files(jobs: list[DeadlineJob], folder: Path) -> list[tuple[str, str]]:
    """Write every job's info files into ``folder``.

    Args:
        jobs: From :func:`deadline_jobs`.
        folder: An existing folder.

    Returns:
        (job info path, plugin info path) per job.

    Raises:
        FarmError: A value cannot be written, or a file cannot be created.
    """
    pairs = []
    for index, dl_job in enumerate(jobs, start=1):
        stem = f"{index:03d}_{safe_file_component(dl_job.layer.name)}"
        job_path = write_text(folder / f"{stem}_job_info.job", format_info_file(dl_job.job_info))
        plugin_path = write_text(
            folder / f"{stem}_plugin_info.job", format_info_file(dl_job.plugin_info)
        )
        pairs.append((job_path, plugin_path))
    return pairs


def submit_command(pairs: list[tuple[str, str]], executable: str = DEADLINE_COMMAND) -> list[str]:
    """The ``deadlinecommand`` call that submits the jobs.

    Args:
        pairs: (job info, plugin info) paths per job.
        executable: ``deadlinecommand`` (name or path).

    Returns:
        ``deadlinecommand <job info> <plugin info>`` for one job, else
        ``deadlinecommand -SubmitMultipleJobs -job <job info> <plugin info> ...``.
    """
    if len(pairs) == 1:
        return [executable, pairs[0][0], pairs[0][1]]
    argv = [executable, "-SubmitMultipleJobs"]
    for job_info, plugin_info in pairs:
        argv += ["-job", job_info, plugin_info]
    return argv


def parse_job_ids(output: str) -> list[str]:
    """The ``JobID=...`` values ``deadlinecommand`` printed, in order."""
    return _JOB_ID_RE.findall(output)


def submit(job: FarmJob, out_dir: str | Path | None, *, dry_run: bool) -> FarmSubmission:
    """Write the info files and, unless a dry run, submit them with ``deadlinecommand``.

    Args:
        job: The farm job.
        out_dir: Folder for the files (None: a new folder).
        dry_run: Write only; run nothing.

    Returns:
        What was written and submitted.

    Raises:
        FarmError: A file cannot be written, or ``deadlinecommand`` failed or printed no job id.
    """
    jobs = deadline_jobs(job)
    folder = job_folder(ENGINE, job.name, out_dir, dry_run=dry_run)
    pairs = write_job_files(jobs, folder)
    files = [path for pair in pairs for path in pair]
    notes = list(job.notes)
    version, guessed = _maya_version(job)
    if guessed:
        notes.append(f"the Maya version is unknown (binary scene): Version={version} was written")
    notes.append(
        "Deadline has no 'no output' timeout: set a max task time to bound a render that hangs"
    )
    tasks = sum(math.ceil(sum(len(run) for run in dl.runs) / dl.chunk_size) for dl in jobs)
    if any(dl.chunk_size < job.chunk_size for dl in jobs):
        notes.append(
            "single and stepped frames go in one-frame tasks: MayaCmd renders every "
            "frame from a task's first to its last"
        )
    summary = f"{len(jobs)} MayaCmd job(s), {tasks} task(s) of up to {job.chunk_size} frames"
    executable = (
        None if dry_run else find_executable(DEADLINE_COMMAND, env_dir_var=DEADLINE_PATH_ENV)
    )
    if executable is None:
        command = submit_command(pairs)
        if dry_run:
            message = (
                f"Deadline 10 files written to {folder} ({summary}); would submit with: "
                f"{subprocess.list2cmdline(command)}"
            )
        else:
            message = (
                f"Deadline 10 files written to {folder} ({summary}). deadlinecommand was "
                f"not found on PATH or in ${DEADLINE_PATH_ENV}: submit them with: "
                f"{subprocess.list2cmdline(command)}"
            )
        return FarmSubmission(ENGINE, files, command, False, None, message, notes)
    command = submit_command(pairs, executable)
    proc = run_submit_command(command, what=DEADLINE_COMMAND)
    output = f"{proc.stdout}\n{proc.stderr}"
    ids = parse_job_ids(output)
    if not ids:
        quoted = output.strip()[-2000:] or "(no output)"
        raise FarmError(
            f"{DEADLINE_COMMAND} printed no JobID, so the submission is not confirmed: {quoted}"
        )
    message = f"Submitted to Deadline 10: {summary}, job id(s) {', '.join(ids)}."
    if len(ids) != len(jobs):
        message += f" Only {len(ids)} of {len(jobs)} jobs reported a JobID: check the Monitor."
    return FarmSubmission(ENGINE, files, command, True, ",".join(ids), message, notes)
