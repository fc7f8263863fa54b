"""Deadline 10 export: MayaCmd job/plugin info files with Deadline's documented keys."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import farm_fixtures
import pytest
from farm_helpers import (
    FRAME_CASES,
    ODD_LAYERS,
    deadline_commandline_tasks,
    deadline_mayacmd_tasks,
    mayacmd_redshift_gpu_flag,
    split_windows_args,
)

from lrc_toolbox.farm import FarmError, FarmOptions, submit_job
from lrc_toolbox.farm import deadline10 as dl
from lrc_toolbox.utils.frame_parser import FrameSet

# The shared fixtures (pytest finds them by their names: make_plan, standin...).
binary_scene_fixture = farm_fixtures.binary_scene_fixture
farm_isolation_fixture = farm_fixtures.farm_isolation_fixture
make_plan_fixture = farm_fixtures.make_plan_fixture
standin_fixture = farm_fixtures.standin_fixture

# Job info keys from Deadline 10's manual ("Manual Job Submission", job info file), plus the
# numbered families (EnvironmentKeyValue<N>, OutputDirectory<N>...).
DOCUMENTED_JOB_INFO_KEYS = {
    "Plugin",
    "Frames",
    "Name",
    "Comment",
    "Department",
    "BatchName",
    "UserName",
    "MachineName",
    "Pool",
    "SecondaryPool",
    "Group",
    "Priority",
    "ChunkSize",
    "ConcurrentTasks",
    "LimitConcurrentTasksToNumberOfCpus",
    "OnJobComplete",
    "SynchronizeAllAuxiliaryFiles",
    "ForceReloadPlugin",
    "Sequential",
    "SuppressEvents",
    "Protected",
    "InitialStatus",
    "NetworkRoot",
    "MinRenderTimeSeconds",
    "MinRenderTimeMinutes",
    "TaskTimeoutSeconds",
    "TaskTimeoutMinutes",
    "StartJobTimeoutSeconds",
    "StartJobTimeoutMinutes",
    "InitializePluginTimeoutSeconds",
    "OnTaskTimeout",
    "EnableTimeoutsForScriptTasks",
    "EnableFrameTimeouts",
    "EnableAutoTimeout",
    "Interruptible",
    "InterruptiblePercentage",
    "RemTimeThreshold",
    "NotificationTargets",
    "ClearNotificationTargets",
    "NotificationEmails",
    "OverrideNotificationMethod",
    "EmailNotification",
    "PopupNotification",
    "NotificationNote",
    "MachineLimit",
    "MachineLimitProgress",
    "Whitelist",
    "Blacklist",
    "LimitGroups",
    "JobDependencies",
    "JobDependencyPercentage",
    "IsFrameDependent",
    "FrameDependencyOffsetStart",
    "FrameDependencyOffsetEnd",
    "ResumeOnCompleteDependencies",
    "ResumeOnDeletedDependencies",
    "ResumeOnFailedDependencies",
    "RequiredAssets",
    "ScriptDependencies",
    "OverrideJobFailureDetection",
    "FailureDetectionJobErrors",
    "OverrideTaskFailureDetection",
    "FailureDetectionTaskErrors",
    "IgnoreBadJobDetection",
    "SendJobErrorWarning",
    "DeleteOnComplete",
    "ArchiveOnComplete",
    "OverrideAutoJobCleanup",
    "OverrideJobCleanup",
    "JobCleanupDays",
    "OverrideJobCleanupType",
    "ScheduledType",
    "ScheduledStartDateTime",
    "ScheduledDays",
    "JobDelay",
    "PreJobScript",
    "PostJobScript",
    "PreTaskScript",
    "PostTaskScript",
    "EventOptIns",
    "IncludeEnvironment",
    "UseJobEnvironmentOnly",
    "CustomPluginDirectory",
    "OverrideTaskExtraInfoNames",
    "TileJob",
    "TileJobFrame",
    "TileJobTilesInX",
    "TileJobTilesInY",
    "TileJobTileCount",
    "MaintenanceJob",
    "MaintenanceJobStartFrame",
    "MaintenanceJobEndFrame",
}
NUMBERED_JOB_INFO_KEYS = (
    "EnvironmentKeyValue",
    "ExtraInfo",
    "ExtraInfoKeyValue",
    "TaskExtraInfoName",
    "OutputFilename",
    "OutputDirectory",
)

# Plugin info keys the MayaCmd plugin reads (Thinkbox MayaCmd.py, RenderArgument and
# PreRenderTasks) or Deadline's Maya submitter writes for it.
MAYACMD_PLUGIN_INFO_KEYS = {
    "SceneFile",
    "Version",
    "Build",
    "ProjectPath",
    "OutputFilePath",
    "Renderer",
    "RenderLayer",
    "UsingRenderLayers",
    "Animation",
    "StrictErrorChecking",
    "LocalRendering",
    "GPUsPerTask",
    "GPUsSelectDevices",
    "MaxProcessors",
    "SkipExistingFrames",
    "CommandLineOptions",
    "UseOnlyCommandLineOptions",
    "UseLegacyRenderLayers",
    "Camera",
    "ImageWidth",
    "ImageHeight",
    "ImageScale",
    "IgnoreError211",
    "RegionRendering",
    "FrameNumberOffset",
    "RenderHalfFrames",
    "RenderSetupIncludeLights",
    "OCIOConfigFile",
    "OCIOPolicyFile",
}
# Plugin info keys Deadline's CommandLine plugin reads (CommandLine.py).
COMMANDLINE_PLUGIN_INFO_KEYS = {
    "Executable",
    "Arguments",
    "StartupDirectory",
    "ShellExecute",
    "Shell",
    "SingleFramesOnly",
}


def _read_info(path: str) -> dict[str, str]:
    text = Path(path).read_text(encoding="utf-8")
    assert text.endswith("\n")
    pairs = [line.split("=", 1) for line in text.splitlines()]
    assert all(len(pair) == 2 for pair in pairs)
    keys = [key for key, _ in pairs]
    assert len(keys) == len(set(keys))
    return dict(pairs)


def _is_documented_job_key(key: str) -> bool:
    if key in DOCUMENTED_JOB_INFO_KEYS:
        return True
    return any(
        key.startswith(stem) and key[len(stem) :].isdigit() for stem in NUMBERED_JOB_INFO_KEYS
    )


def _files(result) -> list[tuple[dict[str, str], dict[str, str]]]:
    it = iter(result.files)
    return [(_read_info(job), _read_info(plugin)) for job, plugin in zip(it, it, strict=True)]


@pytest.mark.slow
def test_files_use_only_documented_keys_with_the_jobs_values(make_plan, tmp_path):
    project = tmp_path / "proj"
    project.mkdir()
    plan = make_plan(
        layers=["MASTER_BG_A", "MASTER_FX_A"],
        frame_range="1-24",
        chunk_size=6,
        output_dir=str(tmp_path / "img"),
        project_dir=str(project),
        retries=3,
        max_task_time_s=601,
    )
    result = submit_job(plan, "deadline", out_dir=tmp_path / "dl")
    assert not result.submitted and len(result.files) == 4
    files = _files(result)
    for (job_info, plugin_info), node in zip(
        files, ["rs_MASTER_BG_A", "rs_MASTER_FX_A"], strict=True
    ):
        assert all(_is_documented_job_key(key) for key in job_info), job_info
        assert set(plugin_info) <= MAYACMD_PLUGIN_INFO_KEYS, plugin_info
        assert job_info["Plugin"] == "MayaCmd"
        assert (job_info["Frames"], job_info["ChunkSize"]) == ("1-24", "6")
        assert job_info["BatchName"] == "shot001 (lrc_toolbox)"
        assert job_info["OverrideTaskFailureDetection"] == "True"
        assert job_info["FailureDetectionTaskErrors"] == "4"  # 3 retries after the first try
        assert job_info["TaskTimeoutMinutes"] == "11"
        assert job_info["OutputDirectory0"] == str(tmp_path / "img")
        assert "REDSHIFT_FORCEQUITONINTERNALERROR=1" in job_info.values()
        assert plugin_info["SceneFile"] == str(plan.scene_path.resolve())
        assert plugin_info["Renderer"] == "redshift"
        assert plugin_info["RenderLayer"] == node
        assert plugin_info["UsingRenderLayers"] == "1"
        assert plugin_info["OutputFilePath"] == str(tmp_path / "img")
        assert plugin_info["ProjectPath"] == str(project)
        assert (plugin_info["Version"], plugin_info["Build"]) == ("2024", "64bit")
        # 0: the worker's GPU affinity, or all of Redshift's GPUs (1 would mean GPU 0 for all).
        assert plugin_info["GPUsPerTask"] == "0" and plugin_info["GPUsSelectDevices"] == ""
        assert "ConcurrentTasks" not in job_info
        assert plugin_info["UseLegacyRenderLayers"] == "0"  # the scene uses Render Setup
        assert plugin_info["CommandLineOptions"] == ""  # MayaCmd pins Redshift's GPU itself
    assert result.command[1] == "-SubmitMultipleJobs"


@pytest.mark.slow
@pytest.mark.parametrize("frames", FRAME_CASES)
@pytest.mark.parametrize("chunk", [1, 4, None])
def test_mayacmd_tasks_render_exactly_the_specs_frames(make_plan, tmp_path, frames, chunk):
    result = submit_job(
        make_plan(frame_range=frames, chunk_size=chunk), "deadline", out_dir=tmp_path / "dl"
    )
    rendered: list[int] = []
    for job_info, plugin in _files(result):
        if job_info["Plugin"] == "CommandLine":
            tasks = deadline_commandline_tasks(
                job_info["Frames"], int(job_info["ChunkSize"]), plugin["Arguments"]
            )
            assert set(plugin) <= COMMANDLINE_PLUGIN_INFO_KEYS
        else:
            tasks = deadline_mayacmd_tasks(job_info["Frames"], int(job_info["ChunkSize"]))
        for task in tasks:
            rendered += task
    assert sorted(rendered) == list(FrameSet.parse(frames))
    assert len(rendered) == len(set(rendered))


@pytest.mark.slow
def test_renderers_mayacmd_does_not_pin_get_the_local_gpu_and_thread_flags(make_plan, tmp_path):
    plan = make_plan(
        renderer="arnold",
        cpu_threads=8,
        skip_existing=True,
        extra_args=["-x", 'a b"c', "C:\\dir with space\\"],
    )
    ((_job, plugin),) = _files(submit_job(plan, "deadline", out_dir=tmp_path / "dl"))
    assert plugin["Renderer"] == "arnold"
    # MayaCmd gives Arnold no GPU: render on the GPU, without naming one (-ai:gpu 0 would put
    # every task of a multi-GPU worker on GPU 0).
    assert split_windows_args(plugin["CommandLineOptions"]) == [
        "-ai:device",
        "1",
        "-ai:threads",
        "8",
        "-skipExistingFrames",
        "true",
        "-x",
        'a b"c',
        "C:\\dir with space\\",
    ]
    sw = make_plan(renderer="sw", gpus=None, cpu_threads=8, skip_existing=True)
    ((_job, plugin),) = _files(submit_job(sw, "deadline", out_dir=tmp_path / "sw"))
    assert (plugin["Renderer"], plugin["MaxProcessors"]) == ("mayaSoftware", "8")
    assert (plugin["GPUsPerTask"], plugin["SkipExistingFrames"]) == ("0", "True")
    assert plugin["CommandLineOptions"] == ""  # MayaCmd passes -n and -skipExistingFrames


@pytest.mark.slow
def test_scene_renderer_is_named_and_unknown_one_keeps_rl(make_plan, binary_scene, tmp_path):
    # -r file on a Redshift scene: MayaCmd needs the renderer's name to pin GPUs and add -rl.
    ((_job, plugin),) = _files(
        submit_job(make_plan(renderer="file"), "deadline", out_dir=tmp_path / "a")
    )
    assert plugin["Renderer"] == "redshift" and plugin["CommandLineOptions"] == ""
    # A binary scene's renderer is unknown: Renderer=file, and -rl travels as an option.
    plan = make_plan(
        renderer="file", scene_file=str(binary_scene), layers=[ODD_LAYERS[0]], frame_range="1-3"
    )
    result = submit_job(plan, "deadline", out_dir=tmp_path / "b")
    ((_job, plugin),) = _files(result)
    assert plugin["Renderer"] == "file"
    options = split_windows_args(plugin["CommandLineOptions"])
    assert options[:2] == ["-rl", f"rs_{ODD_LAYERS[0]}"]
    assert plugin["Version"] == dl.DEFAULT_MAYA_VERSION and "UseLegacyRenderLayers" not in plugin
    assert any("Maya version is unknown" in note for note in result.notes)


@pytest.mark.slow
def test_odd_names_cannot_break_out_of_their_line(make_plan, binary_scene, tmp_path):
    plan = make_plan(scene_file=str(binary_scene), layers=ODD_LAYERS, frame_range="1-2")
    files = _files(submit_job(plan, "deadline", out_dir=tmp_path / "dl"))
    assert [plugin["RenderLayer"] for _job, plugin in files] == [f"rs_{n}" for n in ODD_LAYERS]
    assert [job["Name"] for job, _plugin in files] == [f"odd shot - {n}" for n in ODD_LAYERS]
    assert dl.format_info_file({"Name": "a\nPlugin=Evil"}) == "Name=a Plugin=Evil\n"
    with pytest.raises(FarmError, match="line break"):
        dl.format_info_file({"SceneFile": "/a\nPlugin=Evil"})


def _fake_deadlinecommand(folder: Path, calls: Path, output: str, code: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "deadlinecommand"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        f"open({str(calls)!r}, 'a').write(json.dumps(sys.argv[1:]) + '\\n')\n"
        f"sys.stdout.write({output!r})\n"
        f"sys.exit({code})\n"
    )
    script.chmod(0o755)
    return script


@pytest.mark.slow
def test_deadlinecommand_on_path_submits_and_its_job_ids_are_read(make_plan, tmp_path, monkeypatch):
    calls = tmp_path / "calls.jsonl"
    output = (
        "Submitting to Repository: /mnt/DeadlineRepository10\n\nResult=Success\n"
        "JobID=5f3a1c2b9d8e7f6a5b4c3d2e\nThe job was submitted successfully.\n"
    )
    _fake_deadlinecommand(tmp_path / "bin", calls, output)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    plan = make_plan(frame_range="1-10")
    dry = submit_job(plan, "deadline", out_dir=tmp_path / "dry", dry_run=True)
    assert not dry.submitted and not calls.exists()  # a dry run runs nothing
    result = submit_job(plan, "deadline", out_dir=tmp_path / "dl")
    assert result.submitted and result.job_id == "5f3a1c2b9d8e7f6a5b4c3d2e"
    argv = json.loads(calls.read_text().splitlines()[0])
    assert argv == result.files  # deadlinecommand <job info> <plugin info>
    assert result.command == [str(tmp_path / "bin" / "deadlinecommand"), *result.files]


@pytest.mark.slow
def test_deadline_path_finds_it_and_multiple_jobs_go_in_one_call(make_plan, tmp_path, monkeypatch):
    calls = tmp_path / "calls.jsonl"
    _fake_deadlinecommand(
        tmp_path / "deadline10" / "bin",
        calls,
        "Result=Success\nJobID=aaa111\nResult=Success\nJobID=bbb222\n",
    )
    monkeypatch.setenv("DEADLINE_PATH", str(tmp_path / "deadline10" / "bin"))
    plan = make_plan(layers=["MASTER_BG_A", "MASTER_FX_A"])
    result = submit_job(plan, "deadline", out_dir=tmp_path / "dl")
    assert result.job_id == "aaa111,bbb222"
    argv = json.loads(calls.read_text().splitlines()[0])
    assert argv == ["-SubmitMultipleJobs", "-job", *result.files[:2], "-job", *result.files[2:]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("output", "code", "match"),
    [
        ("Result=Failed\nError: the repository is offline\n", 0, "no JobID"),
        ("Error: bad plugin info\n", 3, "exit code 3"),
    ],
)
def test_failed_submission_is_a_farm_error(make_plan, tmp_path, monkeypatch, output, code, match):
    _fake_deadlinecommand(tmp_path / "bin", tmp_path / "calls.jsonl", output, code)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(FarmError, match=match):
        submit_job(make_plan(), "deadline", out_dir=tmp_path / "dl")


@pytest.mark.slow
def test_without_deadlinecommand_the_files_are_written_with_the_command(make_plan, tmp_path):
    result = submit_job(make_plan(), "deadline", out_dir=tmp_path / "dl")
    assert not result.submitted and result.job_id is None
    assert result.command == ["deadlinecommand", *result.files]
    assert "deadlinecommand was not found" in result.message
    assert all(Path(path).is_file() for path in result.files)


def _redshift_slots(plugin: dict[str, str], job_info: dict[str, str], affinity):
    slots = int(job_info.get("ConcurrentTasks", "1"))
    return [mayacmd_redshift_gpu_flag(plugin, thread, affinity) for thread in range(slots)]


def test_redshift_gpus_follow_the_worker_or_one_per_concurrent_task(make_plan, tmp_path):
    plan = make_plan(frame_range="1-40", chunk_size=5)
    ((job, plugin),) = _files(submit_job(plan, "deadline", out_dir=tmp_path / "a"))
    # A worker with GPU affinity 1 (say, the second of two workers on one machine) renders on 1;
    # one without affinity lets Redshift use every GPU it has.
    assert _redshift_slots(plugin, job, affinity=[1]) == ["-gpu {1}"]
    assert _redshift_slots(plugin, job, affinity=None) == [None]
    # Control: the keys exported before put every worker on GPU 0, whatever its affinity.
    old = {**plugin, "GPUsPerTask": "1"}
    assert _redshift_slots(old, job, affinity=[1]) == ["-gpu {0}"]
    # Four tasks at a time on a four-GPU worker, each on its own GPU.
    four = FarmOptions(concurrent_tasks=4)
    ((job, plugin),) = _files(submit_job(plan, "deadline", out_dir=tmp_path / "b", options=four))
    assert (job["ConcurrentTasks"], job["LimitConcurrentTasksToNumberOfCpus"]) == ("4", "False")
    assert _redshift_slots(plugin, job, affinity=None) == [f"-gpu {{{i}}}" for i in range(4)]


def test_arnold_cannot_share_a_worker_so_concurrent_tasks_stay_one(make_plan, tmp_path):
    plan = make_plan(renderer="arnold", frame_range="1-10")
    result = submit_job(
        plan, "deadline", out_dir=tmp_path / "a", options=FarmOptions(concurrent_tasks=2)
    )
    ((job, plugin),) = _files(result)
    assert "ConcurrentTasks" not in job and plugin["GPUsPerTask"] == "0"
    assert any("MayaCmd picks no GPU for arnold" in note for note in result.notes)
    cpu = make_plan(renderer="sw", gpus=None, frame_range="1-10")
    ((job, _plugin),) = _files(
        submit_job(cpu, "deadline", out_dir=tmp_path / "b", options=FarmOptions(concurrent_tasks=3))
    )
    assert job["ConcurrentTasks"] == "3"


def test_stepped_frames_take_as_many_tasks_as_on_the_other_engines(make_plan, tmp_path):
    from lrc_toolbox.farm.job_description import describe_job

    layers = ["MASTER_BG_A", "MASTER_FX_A", "MASTER_CHAR_A"]
    plan = make_plan(layers=layers, frame_range="1-100x5", chunk_size=5)
    result = submit_job(plan, "deadline", out_dir=tmp_path / "dl")
    files = _files(result)
    tasks = sum(
        len(range(0, len(deadline_mayacmd_tasks(job["Frames"], 1)), int(job["ChunkSize"])))
        for job, _plugin in files
    )
    assert tasks == describe_job(plan).task_count == 15  # one-frame tasks made it 63
    stepped = [(job, plugin) for job, plugin in files if job["Plugin"] == "CommandLine"]
    assert len(stepped) == 3
    job, plugin = stepped[0]
    assert (job["Frames"], job["ChunkSize"]) == ("1-96x5", "5")
    assert plugin["Executable"] == plan.render_exe.path
    args = split_windows_args(plugin["Arguments"])
    assert args[args.index("-b") + 1] == "5" and args[-1] == str(plan.scene_path.resolve())
    assert args[args.index("-rl") + 1] == "rs_MASTER_BG_A"
    assert "-gpu" not in args  # no GPU index: one task per worker, Redshift's own GPUs
    assert "ConcurrentTasks" not in job
    worker = FarmOptions(worker_render="/usr/autodesk/maya2024/bin/Render", concurrent_tasks=2)
    stepped = [
        plugin
        for job, plugin in _files(
            submit_job(plan, "deadline", out_dir=tmp_path / "w", options=worker)
        )
        if job["Plugin"] == "CommandLine"
    ]
    assert stepped[0]["Executable"] == worker.worker_render
    ones = _files(
        submit_job(
            make_plan(frame_range="1-100x5", chunk_size=1), "deadline", out_dir=tmp_path / "one"
        )
    )
    assert [job["Plugin"] for job, _plugin in ones] == ["MayaCmd"]


def test_timeouts_deadline_cannot_carry_are_noted(make_plan, tmp_path):
    result = submit_job(make_plan(), "deadline", out_dir=tmp_path / "a")
    assert any("no start or 'no output' timeout" in note for note in result.notes)
