"""Tests for lrc_toolbox.utils.render_subprocess: launching, waiting for and stopping one render.

Tests marked slow start a real child (``sys.executable`` running a small script, standing in for
``Render``); the others only check arguments or re-attach to a render that has already gone.
Line splitting and following are tested in test_log_follower.py, tree stopping in
test_process_tree.py.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import threading
from pathlib import Path

import psutil
import pytest
from render_process_support import (
    PATIENCE_S,
    POSIX_ONLY,
    gone,
    make,
    py,
    run_to_end,
    wait_until,
)

from lrc_toolbox.utils.child_env import build_child_environment
from lrc_toolbox.utils.render_subprocess import (
    LOG_TAG,
    LOW_PRIORITY_NICE,
    OUTPUT_MARKER,
    UNKNOWN_EXIT_CODE,
    RenderLaunchError,
    RenderProcess,
    format_command_line,
    popen_platform_options,
)

slow = pytest.mark.slow


def unused_pid() -> int:
    """A pid no process has now."""
    return next(p for p in range(4_000_000, 4_100_000) if not psutil.pid_exists(p))


# ------------------------------------------------------------------------------------------------
# Log header
# ------------------------------------------------------------------------------------------------
@slow
def test_header_logs_exact_argv_cwd_and_env_changes(tmp_path: Path) -> None:
    argv = py("print('hello')") + ["arg with space", "quote'n\"dq", "ünï", "new\nline", ""]
    env = build_child_environment(cuda_device="GPU-1234", extra={"LRC_TEST_ADDED": "yes"})
    lines: list[str] = []
    rp = make(tmp_path, argv, env=env, cwd=tmp_path, on_line=lines.append, name="layer1 1-10")
    rp.start()
    assert rp.wait(timeout=PATIENCE_S) == 0

    text = rp.log_path.read_text(encoding="utf-8")
    header, _, output = text.partition(f"{LOG_TAG} ---- render output follows ----\n")
    assert header.startswith(f"{LOG_TAG} render log\n{LOG_TAG} started: ")
    assert f"{LOG_TAG} name: layer1 1-10\n" in header
    assert f"{LOG_TAG} command: {shlex.join(argv)}\n" in header
    assert shlex.split(format_command_line(argv, windows=False)) == argv
    argv_line = next(ln for ln in header.splitlines() if ln.startswith(f"{LOG_TAG} argv: "))
    assert json.loads(argv_line.removeprefix(f"{LOG_TAG} argv: ")) == argv
    assert f"{LOG_TAG} cwd: {tmp_path}\n" in header
    assert f"{LOG_TAG}   +CUDA_VISIBLE_DEVICES=GPU-1234\n" in header
    assert f"{LOG_TAG}   +CUDA_DEVICE_ORDER=PCI_BUS_ID\n" in header
    assert f"{LOG_TAG}   +LRC_TEST_ADDED=yes\n" in header
    assert f"{LOG_TAG}   -PYTEST_CURRENT_TEST\n" in header
    # The output starts right after the header; the header never reaches on_line.
    assert output.startswith("hello\n")
    footer = re.escape(f"{LOG_TAG} pid {rp.pid} exited with code 0 after ") + r"\d+\.\d s\n"
    assert re.fullmatch("hello\n" + footer, output)
    assert lines == ["hello"]
    assert rp.log_path.read_bytes()[rp.output_offset :].startswith(b"hello\n")


# ------------------------------------------------------------------------------------------------
# Exit codes, launch errors, validation
# ------------------------------------------------------------------------------------------------
@slow
def test_returncode_of_normal_exit(tmp_path: Path) -> None:
    rp, _ = run_to_end(tmp_path, "import sys; sys.exit(3)")
    assert rp.returncode == 3 and rp.poll() == 3 and not rp.is_running
    assert rp.stop_requested is False
    assert "exited 3" in repr(rp) and "task.log" not in repr(rp)


@slow
def test_on_exit_wakes_the_owner_once_the_end_can_be_collected(tmp_path: Path) -> None:
    # A supervisor woken by on_exit finds the render over at once (wait(0) has its code and
    # every line was handed on): no poll's delay between a render's end and the next launch.
    lines: list[str] = []
    ended = threading.Event()
    rp = make(
        tmp_path, py("print('a'); print('b')"), on_line=lines.append, on_exit=ended.set
    ).start()
    assert ended.wait(PATIENCE_S)
    assert rp.wait(timeout=0) == 0
    assert lines == ["a", "b"]


@slow
@POSIX_ONLY
def test_returncode_of_a_crash(tmp_path: Path) -> None:
    rp, _ = run_to_end(tmp_path, "import os; os.abort()")
    assert rp.returncode == -signal.SIGABRT


@slow
def test_missing_executable_raises_launch_error(tmp_path: Path) -> None:
    exe = str(tmp_path / "no" / "Render")
    rp = make(tmp_path, [exe, "-r", "redshift", "scene.ma"])
    with pytest.raises(RenderLaunchError, match="executable not found") as info:
        rp.start()
    assert exe in str(info.value)
    assert info.value.executable == exe
    log = info.value.log_path.read_text()
    assert f"{LOG_TAG} command: " in log and f"{LOG_TAG} launch failed: " in log and exe in log
    assert rp.pid is None and not rp.is_running and rp.poll() is None
    assert rp.terminate() == []
    with pytest.raises(RuntimeError, match="already started"):
        rp.start()


@slow
@POSIX_ONLY
def test_not_executable_raises_launch_error(tmp_path: Path) -> None:
    script = tmp_path / "Render"
    script.write_text("#!/bin/sh\necho hi\n")
    script.chmod(0o644)
    with pytest.raises(RenderLaunchError, match="permission denied"):
        make(tmp_path, [str(script)]).start()


@slow
def test_missing_cwd_raises_launch_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "no_such_dir")
    with pytest.raises(RenderLaunchError, match="working directory") as info:
        make(tmp_path, py("pass"), cwd=missing).start()
    assert missing in str(info.value)


@pytest.mark.parametrize(
    ("argv", "error", "match"),
    [
        ("Render -r sw scene.ma", TypeError, "sequence of str"),
        (b"Render", TypeError, "sequence of str"),
        ([], ValueError, "empty"),
        (["Render", 3], TypeError, r"argv\[1\] must be str"),
        (["Render", Path("scene.ma")], TypeError, r"argv\[1\] must be str"),
        (["Render", "a\0b"], ValueError, "NUL"),
        ([""], ValueError, "executable"),
    ],
)
def test_bad_argv_rejected(tmp_path: Path, argv: object, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        make(tmp_path, argv)  # type: ignore[arg-type]


def test_bad_env_and_callback_rejected(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="str to str"):
        make(tmp_path, py("pass"), env={"A": 1})
    with pytest.raises(ValueError, match="invalid entry"):
        make(tmp_path, py("pass"), env={"A=B": "1"})
    with pytest.raises(TypeError, match="mapping"):
        make(tmp_path, py("pass"), env=["A=1"])
    with pytest.raises(TypeError, match="callable"):
        make(tmp_path, py("pass"), on_line="print")


@slow
def test_wait_timeout_and_wait_before_start(tmp_path: Path) -> None:
    rp = make(tmp_path, py("import time; time.sleep(120)"))
    with pytest.raises(RuntimeError, match="never started"):
        rp.wait()
    assert repr(rp).endswith("not started>")
    rp.start()
    try:
        assert rp.wait(timeout=0) is None
        assert rp.is_running and rp.returncode is None
        with pytest.raises(ValueError, match="timeout"):
            rp.wait(timeout=-1)
    finally:
        assert rp.kill() == []
    assert rp.wait(timeout=PATIENCE_S) is not None


# ------------------------------------------------------------------------------------------------
# Environment and priority reaching the child
# ------------------------------------------------------------------------------------------------
PRINT_ENV = "import json, os; print(json.dumps(dict(os.environ)))"


@slow
def test_env_passed_exactly(tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "LRC_SPACES": "a b = c",
        "LRC_UNICODE": "ünï ✓",
        "LRC_EMPTY": "",
        "PYTHONCOERCECLOCALE": "0",  # else Python may add LC_CTYPE to its own environment
    }
    if os.name == "nt":
        env["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    _, lines = run_to_end(tmp_path, PRINT_ENV, env=env)
    seen = json.loads(lines[0])
    if sys.platform.startswith("linux"):
        assert seen == env
    else:  # some OSes add their own entries
        assert {k: seen.get(k) for k in env} == env


@slow
def test_cuda_pin_reaches_child_and_launcher_vars_do_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A leaked PYTHONHOME pointing elsewhere makes a Python child die at start-up
    # ("init_fs_encoding"); the child starting at all proves it was dropped.
    monkeypatch.setenv("PYTHONHOME", str(tmp_path / "launcher_python"))
    monkeypatch.setenv("VIRTUAL_ENV", str(tmp_path / "venv"))
    monkeypatch.setenv("QT_PLUGIN_PATH", str(tmp_path / "qt_plugins"))
    monkeypatch.setenv("MAYA_LRC_STUDIO", "kept")
    env = build_child_environment(
        cuda_device="GPU-8932f937-d72c-4106-c12f-20bd9faed9f6",
        renderer_env={"REDSHIFT_FORCEQUITONINTERNALERROR": True},
    )
    rp, lines = run_to_end(tmp_path, PRINT_ENV, env=env)
    assert rp.returncode == 0
    seen = json.loads(lines[0])
    assert seen["CUDA_VISIBLE_DEVICES"] == "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6"
    assert seen["CUDA_DEVICE_ORDER"] == "PCI_BUS_ID"
    assert seen["REDSHIFT_FORCEQUITONINTERNALERROR"] == "1"
    assert seen["MAYA_LRC_STUDIO"] == "kept"
    for name in ("PYTHONHOME", "VIRTUAL_ENV", "QT_PLUGIN_PATH", "PYTEST_CURRENT_TEST"):
        assert name not in seen
    header = rp.log_path.read_text()
    assert f"{LOG_TAG}   -PYTHONHOME\n" in header
    assert f"{LOG_TAG}   +CUDA_VISIBLE_DEVICES=GPU-8932f937" in header


@slow
@POSIX_ONLY
def test_low_priority_raises_niceness(tmp_path: Path) -> None:
    if os.nice(0) >= LOW_PRIORITY_NICE:
        pytest.skip("this test runner already runs at low priority")
    rp = make(tmp_path, py("import time; time.sleep(120)"), low_priority=True).start()
    try:
        assert psutil.Process(rp.pid).nice() == LOW_PRIORITY_NICE
    finally:
        assert rp.kill() == []
    normal = make(tmp_path, py("import time; time.sleep(120)"), log_path=tmp_path / "n.log")
    with normal:
        assert psutil.Process(normal.pid).nice() == os.nice(0)


def test_platform_options() -> None:
    assert popen_platform_options(windows=False) == {"start_new_session": True}
    assert popen_platform_options(windows=False, low_priority=True) == {"start_new_session": True}
    flags = popen_platform_options(windows=True)["creationflags"]
    assert flags == 0x00000200 | 0x08000000  # CREATE_NEW_PROCESS_GROUP | CREATE_NO_WINDOW
    low = popen_platform_options(windows=True, low_priority=True)["creationflags"]
    assert low == flags | 0x00004000  # BELOW_NORMAL_PRIORITY_CLASS
    argv = [r"C:\Program Files\Autodesk\Maya2024\bin\Render.exe", "-r", "redshift", "a b.ma"]
    assert format_command_line(argv, windows=True) == subprocess.list2cmdline(argv)
    assert format_command_line(argv, windows=False) == shlex.join(argv)


# ------------------------------------------------------------------------------------------------
# Stopping (the tree itself: test_process_tree.py)
# ------------------------------------------------------------------------------------------------
@slow
def test_terminate_after_a_normal_exit_is_harmless(tmp_path: Path) -> None:
    rp, _ = run_to_end(tmp_path, "print('done')")
    assert rp.terminate() == [] and rp.kill() == []
    assert rp.returncode == 0


def test_terminate_rejects_bad_grace(tmp_path: Path) -> None:
    rp = make(tmp_path, py("pass"))
    for bad in (-1, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="grace_s"):
            rp.terminate(grace_s=bad)


@slow
def test_on_line_may_kill_its_own_process(tmp_path: Path) -> None:
    """A parser that sees a fatal line stops the render from the follower thread."""
    holder: list[RenderProcess] = []
    seen: list[str] = []

    def on_line(line: str) -> None:
        seen.append(line)
        if line.startswith("Error: Redshift cannot operate"):
            holder[0].kill()

    rp = make(
        tmp_path,
        py(
            "print('Error: Redshift cannot operate with less than 128MB'); "
            "import sys, time; sys.stdout.flush(); time.sleep(120)"
        ),
        on_line=on_line,
    )
    holder.append(rp)
    rp.start()
    code = rp.wait(timeout=PATIENCE_S)
    assert code is not None and code != 0
    assert rp.stop_requested
    assert seen == ["Error: Redshift cannot operate with less than 128MB"]


@slow
def test_context_manager_stops_a_running_process(tmp_path: Path) -> None:
    with make(tmp_path, py("import time; print('up', flush=True); time.sleep(120)")) as rp:
        assert rp.is_running
        pid = rp.pid
        wait_until(lambda: rp.lines_read == 1, "the first line")
    assert not rp.is_running and rp.returncode is not None
    assert rp.stop_requested and pid is not None and gone(pid)


@slow
def test_context_manager_after_normal_exit_only_waits(tmp_path: Path) -> None:
    lines: list[str] = []
    with make(tmp_path, py("print('a'); print('b')"), on_line=lines.append) as rp:
        wait_until(lambda: rp.poll() is not None, "the child to exit")
    assert rp.returncode == 0 and lines == ["a", "b"] and not rp.stop_requested


@slow
def test_reader_thread_runs_concurrently_with_wait(tmp_path: Path) -> None:
    """wait() from another thread returns once the follower has delivered every line."""
    lines: list[str] = []
    rp = make(tmp_path, py("for i in range(5000): print(i)"), on_line=lines.append).start()
    results: list[int | None] = []
    waiter = threading.Thread(target=lambda: results.append(rp.wait(timeout=PATIENCE_S)))
    waiter.start()
    waiter.join()
    assert results == [0] and len(lines) == 5000


# ------------------------------------------------------------------------------------------------
# Re-attaching to a render whose manager died
# ------------------------------------------------------------------------------------------------
def test_attach_refuses_a_render_that_is_not_running(tmp_path: Path) -> None:
    with pytest.raises(ProcessLookupError, match="is not running"):
        RenderProcess.attach(pid=unused_pid(), create_time=1.0, log_path=tmp_path / "x.log")


def test_attach_to_a_gone_render_replays_its_log(tmp_path: Path) -> None:
    """The render ended while no manager ran: its whole output is read, its code is unknown."""
    log = tmp_path / "t0001.log"
    log.write_text(f"{LOG_TAG} render log\n{OUTPUT_MARKER}\nframe 1\nSaving: a.0001.exr\npartial")
    pid = unused_pid()
    lines: list[str] = []
    rp = RenderProcess.attach(
        pid=pid,
        create_time=123.5,
        log_path=log,
        on_line=lines.append,
        name="t0001",
        allow_gone=True,
    )
    assert rp.pid == pid and rp.create_time == 123.5 and rp.name == "t0001"
    assert rp.argv == (f"(re-attached pid {pid})",) and rp.env == {}
    assert rp.wait(timeout=PATIENCE_S) == UNKNOWN_EXIT_CODE
    assert rp.poll() == UNKNOWN_EXIT_CODE and rp.returncode is None and not rp.is_running
    assert lines == ["frame 1", "Saving: a.0001.exr", "partial"]  # never the header
    assert rp.output_offset == len(f"{LOG_TAG} render log\n{OUTPUT_MARKER}\n".encode())
    assert rp.known_descendant_pids == [] and rp.follower_error is None
    last = log.read_text().splitlines()[-1]
    assert last.startswith(f"{LOG_TAG} pid {pid} exited with code unknown (re-attached after")
    with pytest.raises(RuntimeError, match="already started"):
        rp.start()


@slow
def test_attach_follows_and_stops_a_running_render(tmp_path: Path) -> None:
    first = make(
        tmp_path, py("import time\nfor i in range(3): print(i, flush=True)\ntime.sleep(120)")
    ).start()
    try:
        wait_until(lambda: first.lines_read == 3, "the first three lines")
        assert first.pid is not None and first.create_time is not None
        lines: list[str] = []
        again = RenderProcess.attach(
            pid=first.pid,
            create_time=first.create_time,
            log_path=first.log_path,
            on_line=lines.append,
            name="again",
        )
        wait_until(lambda: len(lines) == 3, "the replayed lines")
        assert lines == ["0", "1", "2"]
        assert again.pid == first.pid and again.create_time == first.create_time
        assert again.is_running and again.poll() is None and again.wait(timeout=0) is None
        assert again.terminate(grace_s=PATIENCE_S) == []
        assert again.wait(timeout=PATIENCE_S) == UNKNOWN_EXIT_CODE
        assert again.returncode is None and again.stop_requested
    finally:
        first.kill()
    assert first.wait(timeout=PATIENCE_S) not in (None, 0)  # its parent still learns the code
    text = first.log_path.read_text()
    assert "exited with code unknown (re-attached after a manager crash)" in text
    assert "(stop requested)" in text
