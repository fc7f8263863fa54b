"""Deadline 10 export: job info and plugin info files for Thinkbox's MayaCmd plugin.

MayaCmd runs ``Render`` itself, building the command line from the plugin info keys (``Renderer``,
``RenderLayer``, ``SceneFile``, ``OutputFilePath``, ``ProjectPath``, ``GPUsPerTask``...) and each
task's frames as ``-s <first> -e <last> -b 1`` (``plugins/MayaCmd/MayaCmd.py``,
``RenderArgument``; copies of Deadline 10.1 and 10.3 in ``applemin/Deadline_Development`` and
``bsukhadia/beta``, quoted in ``docs/research/farm_facts.md`` section 5). A MayaCmd task
therefore renders every frame from its first to its last, and the export keeps the spec's frames
exactly:

* every contiguous run with step 1 of a layer becomes a MayaCmd job with ``ChunkSize`` = the
  chunk size;
* a stepped run (``1-96x5``) becomes a job for Deadline's stock ``CommandLine`` plugin, which runs
  the same ``Render`` command line with ``-s <STARTFRAME> -e <ENDFRAME> -b <step>``: Deadline
  cuts the stepped frame list into chunks and replaces the two tokens with a chunk's first and
  last frame (``plugins/CommandLine/CommandLine.py``, ``GetRenderArguments``), so a stepped layer
  takes as many tasks as on the other engines instead of one per frame. With a chunk size of 1,
  stepped frames stay MayaCmd one-frame tasks;
* the layer's single frames become one MayaCmd job with ``ChunkSize=1``. ``Frames`` is written
  with Deadline's ``x`` step only where a run ends on its step grid (Deadline's ``x`` never adds
  the end frame, unlike the spec's).

All jobs of one export share a ``BatchName``. GPUs, as MayaCmd reads them:

* Redshift: MayaCmd adds ``-gpu {ids}`` from ``GPUsSelectDevices``, else from ``GPUsPerTask`` and
  the task's concurrent-task slot (slot *i* gets GPUs *i*k*...), else from the worker's GPU
  affinity. ``GPUsPerTask`` wins over the affinity, so with one task per worker it would put
  every task on GPU 0: by default the export writes ``GPUsPerTask=0`` (the worker's affinity, or
  all of Redshift's GPUs), and with ``concurrent_tasks`` N it writes ``ConcurrentTasks=N`` and
  ``GPUsPerTask=1``, one GPU per concurrent task.
* Arnold: MayaCmd passes no GPU flag at all, so the GPU device flag goes in
  ``CommandLineOptions`` (``-ai:device 1``) without a GPU index, which would put every task on the
  same GPU; Arnold picks its GPUs itself, one task per worker.

Retries: task failure detection after ``retries + 1`` errors. ``max_task_time_s``:
``TaskTimeoutMinutes``. Deadline has neither a start timeout nor a "no output for N seconds"
timeout for a render task (``StartJobTimeout`` bounds the plugin's start, not Render's), so those
two are not carried (a note says so).

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

from lrc_toolbox.farm.job_description import ArgToken, FarmJob, FarmLayer
from lrc_toolbox.farm.options import FarmOptions
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
#: Deadline's stock plugin that runs a command line with per-task frame tokens.
COMMANDLINE_PLUGIN = "CommandLine"
#: The CommandLine plugin's tokens for a task's first and last frame.
STARTFRAME_TOKEN = "<STARTFRAME>"
ENDFRAME_TOKEN = "<ENDFRAME>"
#: Deadline's limit on concurrent tasks per worker.
MAX_CONCURRENT_TASKS = 16
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
#: The GPU flags a renderer gets where nothing assigns it a GPU: the device choice alone, so the
#: renderer uses the GPUs it sees (MtoA ``Render -help``: ``-ai:device 1`` renders on the GPU;
#: ``-ai:gpu N`` would put every task on GPU N). Renderers not listed get no GPU flag.
DEVICE_ONLY_GPU_ARGS: dict[str, tuple[str, ...]] = {"arnold": ("-ai:device", "1")}
#: Renderers whose thread count MayaCmd passes from ``MaxProcessors``.
MAYACMD_PASSES_THREADS = frozenset({"mayaSoftware", "vray"})
#: Renderers for which MayaCmd passes ``-skipExistingFrames`` from ``SkipExistingFrames``.
MAYACMD_PASSES_SKIP_EXISTING = frozenset({"mayaSoftware", "mayaHardware2"})

_JOB_ID_RE = re.compile(r"^\s*JobID=(\S+)\s*$", re.MULTILINE)
_MAYA_VERSION_IN_PATH_RE = re.compile(r"maya(\d{4}(?:\.\d+)?)", re.IGNORECASE)
_LINE_BREAK_RE = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+")


@dataclass(frozen=True)
class DeadlineJob:
    """One Deadline job: a render layer's frames that its plugin chunks exactly.

    Attributes:
        layer: The render layer.
        runs: The runs this job renders.
        chunk_size: ``ChunkSize`` (1 for single frames, and for stepped frames with MayaCmd).
        job_info: The job info file's keys and values, in file order.
        plugin_info: The plugin info file's keys and values, in file order.
        plugin: ``MayaCmd``, or ``CommandLine`` for a stepped run.
    """

    layer: FarmLayer
    runs: tuple[FrameRun, ...]
    chunk_size: int
    job_info: dict[str, str]
    plugin_info: dict[str, str]
    plugin: str = PLUGIN


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


def _group_runs(layer: FarmLayer, chunk_size: int) -> list[tuple[tuple[FrameRun, ...], int, str]]:
    """Split a layer's runs into (runs, ChunkSize, plugin) groups rendered exactly."""
    if chunk_size == 1:
        return [(layer.runs, 1, PLUGIN)]
    groups: list[tuple[tuple[FrameRun, ...], int, str]] = []
    singles = []
    for run in layer.runs:
        if len(run) == 1:
            singles.append(run)
        elif run.step == 1:
            groups.append(((run,), chunk_size, PLUGIN))
        else:
            groups.append(((run,), chunk_size, COMMANDLINE_PLUGIN))
    if singles:
        groups.append((tuple(singles), 1, PLUGIN))
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


def _device_only(argv: list[str], profile_name: str, gpu_args: tuple[str, ...]) -> list[str]:
    """``argv`` with the profile's GPU selection replaced by :data:`DEVICE_ONLY_GPU_ARGS`."""
    size = len(gpu_args)
    for i in range(len(argv) - size + 1):
        if size and tuple(argv[i : i + size]) == gpu_args:
            return argv[:i] + list(DEVICE_ONLY_GPU_ARGS.get(profile_name, ())) + argv[i + size :]
    return argv


def _command_line_options(job: FarmJob, layer: FarmLayer, renderer: str) -> list[str]:
    """Flags MayaCmd does not produce from its own keys but the local command line has."""
    profile = get_profile(job.scene_renderer)
    options: list[str] = []
    if renderer == "file":
        # MayaCmd only adds -rl for a named renderer.
        options += ["-rl", layer.node]
    if job.gpus_per_task and renderer not in MAYACMD_PINS_GPUS:
        options += list(DEVICE_ONLY_GPU_ARGS.get(profile.name, ()))
    if job.cpu_threads and profile.threads_flag and renderer not in MAYACMD_PASSES_THREADS:
        options += [profile.threads_flag, str(job.cpu_threads)]
    if job.skip_existing and renderer not in MAYACMD_PASSES_SKIP_EXISTING:
        options += ["-skipExistingFrames", "true"]
    options += list(job.extra_args)
    return options


def _concurrency(job: FarmJob, renderer: str, options: FarmOptions) -> tuple[int, list[str]]:
    """Tasks per worker MayaCmd can give each its own GPU, and notes about it."""
    wanted = options.concurrent_tasks or 1
    if wanted == 1 or not job.gpus_per_task or renderer in MAYACMD_PINS_GPUS:
        return wanted, []
    return 1, [
        f"{wanted} concurrent tasks were asked for, but MayaCmd picks no GPU for {renderer}: "
        "one task per worker, on the GPUs the renderer sees"
    ]


def _gpu_keys(job: FarmJob, renderer: str, concurrent: int) -> dict[str, str]:
    """MayaCmd's GPU plugin info keys (see the module docstring for MayaCmd's precedence)."""
    per_task = job.gpus_per_task if renderer in MAYACMD_PINS_GPUS and concurrent > 1 else 0
    return {"GPUsPerTask": str(per_task), "GPUsSelectDevices": ""}


def _commandline_plugin_info(
    job: FarmJob, layer: FarmLayer, run: FrameRun, options: FarmOptions
) -> dict[str, str]:
    """The CommandLine plugin's keys: the local ``Render`` argv with Deadline's frame tokens."""
    argv = layer.command(
        {
            ArgToken.FRAME_START: STARTFRAME_TOKEN,
            ArgToken.FRAME_END: ENDFRAME_TOKEN,
            ArgToken.FRAME_STEP: str(run.step),
        }
    )
    if job.gpus_per_task:
        profile = get_profile(job.scene_renderer)
        argv = _device_only(argv, profile.name, get_profile(job.renderer).gpu_args)
    return {
        "Executable": options.worker_render or job.render_exe,
        "Arguments": _quote_windows_style(argv[1:]),
        "StartupDirectory": "",
        "ShellExecute": "False",
        "SingleFramesOnly": "False",
    }


def deadline_jobs(job: FarmJob, options: FarmOptions | None = None) -> list[DeadlineJob]:
    """The Deadline jobs of a farm job, with their job info and plugin info.

    Args:
        job: The farm job.
        options: ``concurrent_tasks`` (tasks per worker, one GPU each, for the renderers MayaCmd
            assigns GPUs to) and ``worker_render`` (the CommandLine jobs' executable).

    Returns:
        Jobs in layer order, then frame order.
    """
    options = options or FarmOptions()
    renderer = MAYACMD_RENDERERS.get(job.scene_renderer, "file")
    version, _guessed = _maya_version(job)
    concurrent, _notes = _concurrency(job, renderer, options)
    batch = f"{job.name} (lrc_toolbox)"
    image_dir = job.output_dir
    result = []
    for layer in job.layers:
        groups = _group_runs(layer, job.chunk_size)
        command_options = _command_line_options(job, layer, renderer)
        for runs, chunk, plugin in groups:
            frames = deadline_frames(runs)
            name = f"{job.name} - {layer.name}"
            if len(groups) > 1:
                name += f" [{frames}]"
            job_info = {
                "Plugin": plugin,
                "Name": name,
                "BatchName": batch,
                "Comment": f"lrc_toolbox: layer {layer.name} (Render -rl {layer.node}), frames "
                f"{layer.frames.to_string()}",
                "Frames": frames,
                "ChunkSize": str(chunk),
                "OverrideTaskFailureDetection": "True",
                "FailureDetectionTaskErrors": str(job.retries + 1),
            }
            tasks_per_worker = concurrent
            if plugin == COMMANDLINE_PLUGIN and job.gpus_per_task:
                tasks_per_worker = 1  # nothing gives each concurrent task its own GPU there
            if tasks_per_worker > 1:
                job_info["ConcurrentTasks"] = str(tasks_per_worker)
                job_info["LimitConcurrentTasksToNumberOfCpus"] = "False"
            job_info["OutputDirectory0"] = image_dir
            if job.max_task_time_s is not None:
                job_info["TaskTimeoutMinutes"] = str(max(1, math.ceil(job.max_task_time_s / 60)))
                job_info["OnTaskTimeout"] = "Error"
            for index, (key, value) in enumerate(job.environment.items()):
                job_info[f"EnvironmentKeyValue{index}"] = f"{key}={value}"
            if plugin == COMMANDLINE_PLUGIN:
                plugin_info = _commandline_plugin_info(job, layer, runs[0], options)
                result.append(DeadlineJob(layer, runs, chunk, job_info, plugin_info, plugin))
                continue
            plugin_info = {
                "SceneFile": job.scene_file,
                "Version": version,
                "Build": MAYA_BUILD,
                "ProjectPath": job.project_dir or "",
                "OutputFilePath": job.output_dir,
                "Renderer": renderer,
                "RenderLayer": layer.node,
                "UsingRenderLayers": "1",
                "Animation": "1",
                # On: MayaCmd then fails a task only on its list of known fatal errors (licence,
                # no renderable camera, scene load), like the local fatal-line allow-list.
                "StrictErrorChecking": "True",
                "LocalRendering": "False",
                **_gpu_keys(job, renderer, tasks_per_worker),
                "MaxProcessors": str(job.cpu_threads or 0),
                "SkipExistingFrames": "True" if job.skip_existing else "False",
                "CommandLineOptions": _quote_windows_style(command_options),
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


def submit(
    job: FarmJob,
    out_dir: str | Path | None,
    *,
    dry_run: bool,
    options: FarmOptions | None = None,
) -> FarmSubmission:
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
    options = options or FarmOptions()
    jobs = deadline_jobs(job, options)
    folder = job_folder(ENGINE, job.name, out_dir, dry_run=dry_run)
    pairs = write_job_files(jobs, folder)
    files = [path for pair in pairs for path in pair]
    notes = list(job.notes)
    version, guessed = _maya_version(job)
    if guessed:
        notes.append(f"the Maya version is unknown (binary scene): Version={version} was written")
    notes += _concurrency(job, MAYACMD_RENDERERS.get(job.scene_renderer, "file"), options)[1]
    notes.append(
        "Deadline has no start or 'no output' timeout for a render task: "
        + (
            "only the task timeout (max task time) bounds a render that stalls or hangs"
            if job.max_task_time_s is not None
            else "set a max task time to bound a render that stalls or hangs"
        )
    )
    tasks = sum(math.ceil(sum(len(run) for run in dl.runs) / dl.chunk_size) for dl in jobs)
    if any(dl.plugin == COMMANDLINE_PLUGIN for dl in jobs):
        notes.append(
            "stepped frames are CommandLine plugin jobs running Render "
            f"({options.worker_render or job.render_exe}): MayaCmd renders every frame from a "
            "task's first to its last"
        )
    if any(dl.chunk_size < job.chunk_size for dl in jobs):
        notes.append("single frames go in one-frame MayaCmd tasks")
    stepped = sum(1 for dl in jobs if dl.plugin == COMMANDLINE_PLUGIN)
    kinds = f"{len(jobs) - stepped} MayaCmd" + (f", {stepped} CommandLine" if stepped else "")
    summary = f"{len(jobs)} job(s) ({kinds}), {tasks} task(s) of up to {job.chunk_size} frames"
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
