"""Security review, as tests: user text never becomes a command, a MEL statement or a stray file.

What turns user text into something executed or written, and what each test proves:

* layer names reach ``Render -rl``: they must resolve against the scene, and the node given to
  ``Render`` must be a Maya node name (``Render`` writes its arguments into a temporary MEL script);
* scene, output and project paths reach ``Render`` as single argv items, never through a shell;
  a double quote, a control character or a leading ``-`` is refused;
* extra ``Render`` arguments never carry MEL hooks (``-preRender`` and friends);
* temp scenes live in private (0700) folders, logs in the private data folder;
* GPU leases live in a shared folder: other users' files cannot break a job, planted links are not
  followed, garbage lease files count as no lease;
* job ids given on the command line are looked up, never used as paths;
* farm exports keep hostile path text literal (Open Job Description, OpenCue, Deadline 10).

See ``docs/reliability.md`` (threat model) for what is out of scope.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from reliability_support import (
    ROOT,
    SAMPLE_SCENE,
    assert_done_frames_have_images,
    assert_no_render_left,
    is_root,
    job_args,
    of_kind,
    records,
    run_cli,
)

from lrc_toolbox.api import BatchRenderAPI, RenderConfig
from lrc_toolbox.core.gpu_leases import LeaseBook, slot_key
from lrc_toolbox.core.planner import PlanError

HOSTILE_NAMES = [
    "../../etc/passwd",
    'MASTER_BG_A"; system("touch PWNED"); "',
    "MASTER_BG_A; rm -rf ~",
    "$(touch PWNED)",
    "`touch PWNED`",
    'MASTER_BG_A\nsystem("touch PWNED");',
    "ünïcödé_layer",
    "-preRender",
    "a,b",
]


def _config(standin: str, tmp_path: Path, **fields: object) -> RenderConfig:
    values: dict[str, object] = {
        "scene_file": str(SAMPLE_SCENE),
        "layers": ["MASTER_BG_A"],
        "frame_range": "1-2",
        "renderer": "redshift",
        "render_exe": standin,
        "gpus": ["0"],
        "output_dir": str(tmp_path / "img"),
    }
    values.update(fields)
    return RenderConfig(**values)  # type: ignore[arg-type]


def _binary_scene(folder: Path, name: str = "shot.mb") -> Path:
    path = folder / name
    path.write_bytes(b"FOR4\x00\x00\x00\x20Maya" + b"\x00" * 24)
    return path


# --------------------------------------------------------------------------------------------------
# Layer names
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_layer_names_of_an_ascii_scene_are_refused_as_unknown(
    standin_exe, render_env, tmp_path, name
):
    with pytest.raises(PlanError) as info:
        BatchRenderAPI().plan(_config(standin_exe, tmp_path, layers=[name]))
    message = str(info.value)
    assert "\n" not in message.replace("\\n", "")  # one line, the name shown escaped
    assert "not found" in message or "no render layer" in message or "unknown" in message.lower()


@pytest.mark.slow
@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_layer_names_of_a_binary_scene_never_reach_render(
    standin_exe, render_env, tmp_path, name
):
    # Layers of a Maya Binary scene cannot be listed without Maya: the typed name becomes the
    # node rs_<name> as is. Only a real Maya node name may go to Render -rl.
    scene = _binary_scene(tmp_path)
    with pytest.raises(PlanError, match="not a Maya node name"):
        BatchRenderAPI().plan(_config(standin_exe, tmp_path, scene_file=str(scene), layers=[name]))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["MASTER_BG_A", "env:trees", "rs_X_01", "masterLayer"])
def test_real_maya_layer_names_of_a_binary_scene_are_accepted(
    standin_exe, render_env, tmp_path, name
):
    scene = _binary_scene(tmp_path)
    plan = BatchRenderAPI().plan(
        _config(standin_exe, tmp_path, scene_file=str(scene), layers=[name])
    )
    assert [layer.name for layer in plan.layers] == [name]


@pytest.mark.slow
def test_cli_hostile_layer_is_one_line_exit_2_and_nothing_runs(standin_exe, render_env, tmp_path):
    args = job_args(standin_exe, tmp_path / "img")
    args[args.index("--layers") + 1] = 'x"; system("touch PWNED"); "'
    code, events, err = run_cli(args)
    assert code == 2 and events == [] and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert records(render_env["LRC_STANDIN_RECORD"]) == []


# --------------------------------------------------------------------------------------------------
# Scene, output and project paths
# --------------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_scene_named_with_shell_syntax_renders_and_runs_nothing(standin_exe, render_env, tmp_path):
    # Spaces, $(...), ;, a quote and unicode are legal in a file name: the scene renders, the
    # name travels as one argv item (no shell anywhere), and no command in it ever runs.
    folder = tmp_path / "shots $(touch PWNED_DIR); x"
    folder.mkdir()
    scene = folder / "shot $(touch PWNED); 'q' ü.ma"
    scene.write_bytes(SAMPLE_SCENE.read_bytes())
    out = tmp_path / "out $(touch PWNED_OUT); 'o'"
    args = job_args(standin_exe, out, frames="1-2")
    args[args.index("--scene") + 1] = str(scene)
    code, events, err = run_cli([*args, "--keep-temp"])
    assert code == 0, err
    assert_done_frames_have_images(events)
    (started,) = of_kind(events, "task_started")
    snapshot = Path(started["argv"][-1])
    assert snapshot.name == scene.name  # Maya's <Scene> token needs the artist's file name
    assert snapshot.parent.name.startswith("render_shot_") and "$" not in snapshot.parent.name
    assert started["argv"][started["argv"].index("-rd") + 1] == str(out)
    recorded = [r for r in records(render_env["LRC_STANDIN_RECORD"]) if r["event"] == "start"]
    assert recorded[0]["argv"][-1] == str(snapshot)
    assert not list(tmp_path.rglob("PWNED*")) and not (ROOT / "PWNED").exists()
    assert not list(Path(render_env["TMPDIR"]).rglob("PWNED*"))
    assert_no_render_left(render_env["LRC_STANDIN_RECORD"])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("output_dir", '/tmp/out"; system("touch PWNED"); "', "double quote"),
        ("output_dir", "/tmp/out\nsystem", "control character"),
        ("output_dir", "-preRender", "starts with '-'"),
        ("project_dir", '/tmp/proj"x', "double quote"),
    ],
)
def test_paths_that_could_end_a_mel_string_are_refused(
    standin_exe, render_env, tmp_path, field, value, message
):
    if field == "project_dir":
        Path(value).mkdir(parents=True, exist_ok=True)
    try:
        with pytest.raises(PlanError, match=message):
            BatchRenderAPI().plan(_config(standin_exe, tmp_path, **{field: value}))
    finally:
        if field == "project_dir":
            Path(value).rmdir()


@pytest.mark.slow
@pytest.mark.parametrize("name", ['shot"1.ma', "shot\n1.ma"])
def test_scene_file_names_that_could_end_a_mel_string_are_refused(
    standin_exe, render_env, tmp_path, name
):
    scene = tmp_path / name
    scene.write_bytes(SAMPLE_SCENE.read_bytes())
    with pytest.raises(PlanError, match="scene file name"):
        BatchRenderAPI().plan(_config(standin_exe, tmp_path, scene_file=str(scene)))


# --------------------------------------------------------------------------------------------------
# Extra Render arguments and MEL
# --------------------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize(
    "flag",
    [
        "-preRender",
        "-postRender",
        "-preLayer",
        "-postLayer",
        "-preFrame",
        "-postFrame",
        "-PRERENDER",
        " -preFrame",
        "-insertPreRender",
        "-insertPostFrame",
    ],
)
def test_mel_hooks_in_extra_arguments_are_refused(standin_exe, render_env, tmp_path, flag):
    config = _config(standin_exe, tmp_path, extra_args=[flag, 'system("touch PWNED")'])
    with pytest.raises(PlanError, match="runs MEL"):
        BatchRenderAPI().plan(config)


@pytest.mark.slow
def test_extra_arguments_with_a_line_break_are_refused(standin_exe, render_env, tmp_path):
    config = _config(standin_exe, tmp_path, extra_args=["-x", "1920\n-preRender"])
    with pytest.raises(PlanError, match="control character"):
        BatchRenderAPI().plan(config)


@pytest.mark.slow
def test_plain_extra_arguments_pass_as_separate_items(standin_exe, render_env, tmp_path):
    plan = BatchRenderAPI().plan(
        _config(standin_exe, tmp_path, extra_args=["-x", "1920", "-y", "1080"])
    )
    from lrc_toolbox.core.job_runner import preview_argv
    from lrc_toolbox.core.scheduler import TaskSpec
    from lrc_toolbox.utils.frame_parser import FrameRun

    spec = TaskSpec("t0001", ("MASTER_BG_A",), FrameRun(1, 2, 1), 1, plan.slots[0])
    argv = preview_argv(plan, spec)
    assert argv[-5:-1] == ["-x", "1920", "-y", "1080"]
    assert not any(arg.lower().startswith(("-pre", "-post")) for arg in argv)


@pytest.mark.slow
def test_the_engine_never_adds_mel_to_the_command_line(standin_exe, render_env, tmp_path):
    code, events, err = run_cli(job_args(standin_exe, tmp_path / "img", frames="1-2"))
    assert code == 0, err
    for started in of_kind(events, "task_started"):
        flags = [arg.lower() for arg in started["argv"][1:-1] if arg.startswith("-")]
        assert not any(flag.startswith(("-pre", "-post", "-insert")) for flag in flags), flags


# --------------------------------------------------------------------------------------------------
# Private folders and files
# --------------------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_temp_scenes_logs_and_the_store_are_private_during_a_real_job(
    standin_exe, render_env, tmp_path
):
    code, events, err = run_cli(
        [*job_args(standin_exe, tmp_path / "img", frames="1-2"), "--keep-temp"]
    )
    assert code == 0, err
    snapshot = Path(of_kind(events, "task_started")[0]["argv"][-1])
    job_dir = snapshot.parent.parent
    for folder in (job_dir.parent, job_dir, snapshot.parent):  # lrc_toolbox-<user>/job-*/render_*
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(snapshot.stat().st_mode) & 0o077 == 0
    data = Path(render_env["LRC_TOOLBOX_DATA_DIR"])
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    log = Path(of_kind(events, "task_started")[0]["log_path"])
    assert (
        data in log.parents
    )  # logs (command line, environment changes) stay in the private folder


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_logs_beside_a_custom_store_are_private(standin_exe, render_env, tmp_path):
    store = tmp_path / "shared" / "jobs.sqlite3"
    store.parent.mkdir()
    store.parent.chmod(0o755)
    code, events, err = run_cli(
        [*job_args(standin_exe, tmp_path / "img", frames="1"), "--store", str(store)]
    )
    assert code == 0, err
    log = Path(of_kind(events, "task_started")[0]["log_path"])
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700  # logs/<job>/


@pytest.mark.slow
@pytest.mark.parametrize("job_id", ["../../etc", "../jobs", "x; rm -rf ~", "$(touch PWNED)"])
def test_job_ids_are_looked_up_never_used_as_paths(render_env, tmp_path, job_id):
    for command in ("status", "cancel", "resume", "retry"):
        code, _events, err = run_cli([command, job_id])
        assert code == 2, (command, err)
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.rglob("PWNED*"))


# --------------------------------------------------------------------------------------------------
# GPU leases in the shared folder
# --------------------------------------------------------------------------------------------------
def _as_other_user(work):  # noqa: ANN001, ANN202
    """Run ``work()`` in a forked child as user ``nobody``; return what it returned (or raised)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        try:
            os.setgid(65534)
            os.setuid(65534)
            result = {"ok": repr(work())}
        except BaseException as exc:  # report everything to the parent
            result = {"error": f"{type(exc).__name__}: {exc}"}
        os.write(write, json.dumps(result).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as handle:
        data = handle.read()
    os.waitpid(pid, 0)
    return json.loads(data)


@pytest.mark.slow
@pytest.mark.skipif(
    not is_root() or not hasattr(os, "fork"), reason="needs root to act as a second user"
)
def test_a_second_user_can_take_slots_and_reclaim_a_stale_lease_of_the_first():
    # pytest's tmp_path sits in a private folder the second user cannot enter: use the system
    # temp folder, where the real machine-wide lease folder lives too.
    folder = Path(tempfile.mkdtemp(prefix="lrc-lease-test-", dir=tempfile.gettempdir()))
    folder.chmod(0o1777)  # the default machine-wide folder is created like /tmp
    old_umask = os.umask(0o022)  # as a usual login leaves it: files 0644 unless made shared
    try:
        first = LeaseBook(folder)
        key = slot_key("GPU-aaaa", 0)
        lease = first.acquire(key, job_id="first-user", task_id="t1")
        assert lease is not None
        data = json.loads((folder / f"{key}.lease").read_text())
        data.update(owner_pid=999_999_999, owner_create_time=1.0)  # its manager died long ago
        (folder / f"{key}.lease").write_text(json.dumps(data))

        def second_user() -> list[str]:
            book = LeaseBook(folder)
            taken = []
            for slot in (slot_key("GPU-bbbb", 0), key):
                mine = book.acquire(slot, job_id="second-user", task_id="t1")
                assert mine is not None and book.read(slot).job_id == "second-user"
                book.release(mine)
                assert book.read(slot) is None
                taken.append(slot)
            return taken

        outcome = _as_other_user(second_user)
    finally:
        os.umask(old_umask)
        shutil.rmtree(folder, ignore_errors=True)
    assert "error" not in outcome, outcome["error"]


def test_garbage_lease_files_count_as_no_lease_and_never_crash(tmp_path):
    book = LeaseBook(tmp_path)
    key = slot_key("GPU-aaaa", 0)
    fields = {
        "slot_key": key,
        "owner_pid": 1,
        "owner_create_time": 0.0,
        "job_id": "j",
        "task_id": "t",
        "host": "h",
        "taken_at": 0.0,
        "render_pid": None,
        "render_create_time": None,
    }
    bad_values = [
        {"owner_pid": "abc"},
        {"owner_pid": [1]},
        {"owner_pid": 1.5},
        {"render_pid": "x"},
        {"owner_create_time": "now"},
        {"extra": 1},
    ]
    for change in bad_values:
        (tmp_path / f"{key}.lease").write_text(json.dumps({**fields, **change}))
        assert book.read(key) is None, change
        assert book.acquire(key, job_id="mine", task_id="t") is not None, change
    (tmp_path / f"{key}.lease").write_bytes(b"{" + b" " * (1024 * 1024) + b"}")
    assert book.read(key) is None  # oversized: not read whole
    (tmp_path / f"{key}.lease").write_text("[1, 2, 3]")
    assert book.read(key) is None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_planted_under_the_old_temp_name_is_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    folder = tmp_path / "leases"
    folder.mkdir()
    key = slot_key("GPU-aaaa", 0)
    # Earlier versions wrote through ".<lease>.<pid>.tmp": a name anyone could predict.
    (folder / f".{key}.lease.{os.getpid()}.tmp").symlink_to(victim)
    lease = LeaseBook(folder).acquire(key, job_id="j", task_id="t")
    assert lease is not None and victim.read_text() == "precious"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_lease_files_and_the_lock_are_shared_by_every_user(tmp_path):
    old_umask = os.umask(0o077)  # even a strict umask must not lock other users out
    try:
        book = LeaseBook(tmp_path)
        book.acquire(slot_key("GPU-aaaa", 0), job_id="j", task_id="t")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "leases.lock").stat().st_mode) == 0o666
    assert stat.S_IMODE((tmp_path / "GPU-aaaa.slot0.lease").stat().st_mode) == 0o666


# --------------------------------------------------------------------------------------------------
# Farm exports (dry runs: files are written and read back, nothing is submitted)
# --------------------------------------------------------------------------------------------------
HOSTILE_PATH_PART = "o u t $(touch PWNED); 'q' {{Param.SceneFile}} %PATH% $HOME ü"


def _farm_plan(standin: str, out: Path) -> object:
    return BatchRenderAPI().plan(
        RenderConfig(
            scene_file=str(SAMPLE_SCENE),
            layers=["MASTER_BG_A"],
            frame_range="1-4",
            renderer="redshift",
            render_exe=standin,
            gpus=["0"],
            output_dir=str(out),
            chunk_size=2,
        )
    )


def _export(plan: object, engine: str, folder: Path) -> list[str]:
    from lrc_toolbox.farm import FarmUnavailableError, submit_job

    try:
        return submit_job(plan, engine, out_dir=folder, dry_run=True).files  # type: ignore[arg-type]
    except FarmUnavailableError as exc:
        pytest.skip(f"{engine} client library not installed: {exc}")


@pytest.mark.slow
def test_openjd_export_keeps_hostile_paths_out_of_its_expressions(
    standin_exe, render_env, tmp_path
):
    out = tmp_path / HOSTILE_PATH_PART
    files = _export(_farm_plan(standin_exe, out), "openjd", tmp_path / "bundle")
    template = json.loads(Path(next(f for f in files if f.endswith("template.json"))).read_text())
    text = json.dumps(template)
    assert str(out) not in text  # the path is a parameter value, never template text
    for step in template["steps"]:
        action = step["script"]["actions"]["onRun"]
        for arg in [action["command"], *action["args"]]:
            if "{{" in arg:  # only our own references are expressions
                assert arg.startswith("{{") and arg.endswith("}}") and arg.count("{{") == 1, arg
    values = json.loads(Path(next(f for f in files if "parameter_values" in f)).read_text())
    assert str(out) in [item["value"] for item in values["parameterValues"]]


@pytest.mark.slow
def test_opencue_command_quotes_hostile_paths_for_the_shell(standin_exe, render_env, tmp_path):
    from lrc_toolbox.farm.job_description import describe_job
    from lrc_toolbox.farm.opencue import shell_command

    out = tmp_path / HOSTILE_PATH_PART
    job = describe_job(_farm_plan(standin_exe, out))  # type: ignore[arg-type]
    layer = job.layers[0]
    command = shell_command(job, layer, layer.runs[0])
    command = command.replace("#FRAME_START#", "1").replace("#FRAME_END#", "2")
    probe = tmp_path / "argv.json"
    fake = tmp_path / "fake_render.py"
    fake.write_text(f"import json, sys\njson.dump(sys.argv[1:], open({str(probe)!r}, 'w'))\n")
    command = command.replace(
        shlex.quote(job.render_exe), shlex.quote(sys.executable) + " " + shlex.quote(str(fake)), 1
    )
    subprocess.run(["sh", "-c", command], cwd=tmp_path, check=True, timeout=60)
    argv = json.loads(probe.read_text())
    assert argv[argv.index("-rd") + 1] == str(out)
    assert not list(tmp_path.rglob("PWNED*"))


@pytest.mark.slow
def test_opencue_export_refuses_or_protects_cuebot_tokens_in_paths(
    standin_exe, render_env, tmp_path
):
    from lrc_toolbox.farm import FarmError
    from lrc_toolbox.farm.job_description import describe_job
    from lrc_toolbox.farm.opencue import shell_command

    out = tmp_path / "shot_#JOB#_#FRAME_START#"
    job = describe_job(_farm_plan(standin_exe, out))  # type: ignore[arg-type]
    layer = job.layers[0]
    try:
        command = shell_command(job, layer, layer.runs[0])
    except FarmError:
        return  # refused with a message: fine
    assert "#JOB#" not in command.split("-rd", 1)[1]


@pytest.mark.slow
def test_deadline_export_keeps_one_key_per_line_and_paths_literal(
    standin_exe, render_env, tmp_path
):
    out = tmp_path / HOSTILE_PATH_PART
    files = _export(_farm_plan(standin_exe, out), "deadline", tmp_path / "dl")
    plugin = Path(next(f for f in files if f.endswith("plugin_info.job"))).read_text()
    keys = [line.split("=", 1)[0] for line in plugin.splitlines()]
    assert len(keys) == len(set(keys))  # nothing injected a second value for a key
    assert f"OutputFilePath={out}" in plugin.splitlines()
