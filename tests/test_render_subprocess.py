"""Tests for lrc_toolbox.utils.render_subprocess with real child processes.

Children are ``sys.executable`` running small scripts, standing in for ``Render``. Nothing here
asserts on durations: waits have generous upper bounds and only fail a test that is broken.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lrc_toolbox.utils.child_env import build_child_environment
from lrc_toolbox.utils.render_subprocess import (
    LOG_TAG,
    LOW_PRIORITY_NICE,
    MAX_LINE_BYTES,
    TRUNCATION_MARKER,
    LineSplitter,
    RenderLaunchError,
    RenderProcess,
    format_command_line,
    popen_platform_options,
)

POSIX_ONLY = pytest.mark.skipif(os.name == "nt", reason="POSIX signals and process groups")
#: Upper bound for things that normally take milliseconds; only a broken test reaches it.
PATIENCE_S = 60.0


def py(code: str) -> list[str]:
    """argv running ``code`` in a fresh Python (the stand-in for Render)."""
    return [sys.executable, "-c", textwrap.dedent(code)]


def make(tmp_path: Path, argv: list[str], **kwargs: object) -> RenderProcess:
    kwargs.setdefault("env", build_child_environment(cuda_device=None))
    kwargs.setdefault("log_path", tmp_path / "logs" / "task.log")
    return RenderProcess(argv=argv, **kwargs)  # type: ignore[arg-type]


def run_to_end(tmp_path: Path, code: str, **kwargs: object) -> tuple[RenderProcess, list[str]]:
    lines: list[str] = []
    kwargs.setdefault("on_line", lines.append)
    rp = make(tmp_path, py(code), **kwargs).start()
    assert rp.wait(timeout=PATIENCE_S) is not None
    return rp, lines


def wait_until(predicate: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE_S
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.02)


def gone(pid: int) -> bool:
    """True when ``pid`` no longer runs (a zombie nobody reaped counts as gone)."""
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


# ------------------------------------------------------------------------------------------------
# Log header, output, lines
# ------------------------------------------------------------------------------------------------
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


def test_stdout_and_stderr_land_in_order(tmp_path: Path) -> None:
    rp, lines = run_to_end(
        tmp_path,
        """
        import sys
        for i in range(3):
            print(f"out {i}", flush=True)
            print(f"err {i}", file=sys.stderr, flush=True)
        """,
    )
    expected = ["out 0", "err 0", "out 1", "err 1", "out 2", "err 2"]
    assert lines == expected
    assert rp.lines_read == 6
    assert "\n".join(expected) + "\n" in rp.log_path.read_text()


def test_carriage_return_progress_lines_split(tmp_path: Path) -> None:
    _, lines = run_to_end(
        tmp_path,
        r"""
        import sys
        out = sys.stdout.buffer
        out.write(b"Progress 10%\rProgress 20%\r")
        out.flush()
        out.write(b"Progress 30%\r\nwindows line\r\n\r\nafter blank\r\r\ndouble cr\n")
        """,
    )
    assert lines == [
        "Progress 10%",
        "Progress 20%",
        "Progress 30%",
        "windows line",
        "",
        "after blank",
        "double cr",
    ]


def test_partial_last_line_delivered_after_exit(tmp_path: Path) -> None:
    rp, lines = run_to_end(
        tmp_path, "import sys; sys.stdout.write('first\\nno newline at the end')"
    )
    assert lines == ["first", "no newline at the end"]
    # The footer still starts on its own line.
    assert f"no newline at the end\n{LOG_TAG} pid " in rp.log_path.read_text()


def test_two_hundred_thousand_lines_with_a_slow_reader_lose_nothing(tmp_path: Path) -> None:
    count = 200_000
    got: list[str] = []

    def slow(line: str) -> None:
        got.append(line)
        if len(got) % 20_000 == 0:
            time.sleep(0.05)  # the child keeps writing meanwhile: the file buffers it

    rp, _ = run_to_end(
        tmp_path,
        f"""
        import sys
        sys.stdout.writelines(f"line {{i}}\\n" for i in range({count}))
        """,
        on_line=slow,
    )
    assert rp.returncode == 0
    assert rp.lines_read == count
    assert got == [f"line {i}" for i in range(count)]
    assert rp.last_output_monotonic is not None


def test_raising_reader_is_recorded_and_following_continues(tmp_path: Path) -> None:
    got: list[str] = []

    def picky(line: str) -> None:
        if int(line) % 100 == 0:
            raise ValueError(f"cannot handle {line}")
        got.append(line)

    rp, _ = run_to_end(tmp_path, "for i in range(1000): print(i)", on_line=picky)
    assert rp.returncode == 0  # a broken consumer does not kill the render
    assert rp.lines_read == 1000
    assert got == [str(i) for i in range(1000) if i % 100]
    assert isinstance(rp.reader_error, ValueError)
    assert str(rp.reader_error) == "cannot handle 0"  # the first one is kept
    assert rp.reader_error_count == 10
    assert rp.follower_error is None


def test_unicode_and_invalid_utf8(tmp_path: Path) -> None:
    _, lines = run_to_end(
        tmp_path,
        r"""
        import sys
        sys.stdout.buffer.write("Rendering 'café' ✓ 日本語\n".encode("utf-8"))
        sys.stdout.buffer.write(b"bad bytes \xff\xfe here\n")
        sys.stdout.buffer.write("split é".encode("utf-8")[:-1] + b"\n")
        """,
    )
    assert lines == [
        "Rendering 'café' ✓ 日本語",
        "bad bytes \ufffd\ufffd here",
        "split \ufffd",
    ]


def test_overlong_line_is_truncated_and_following_continues(tmp_path: Path) -> None:
    rp, lines = run_to_end(
        tmp_path,
        f"""
        import sys
        sys.stdout.write("x" * {3 * MAX_LINE_BYTES + 17})
        sys.stdout.flush()
        sys.stdout.write("y" * 100 + "\\nafter\\n")
        """,
    )
    assert lines == ["x" * MAX_LINE_BYTES + TRUNCATION_MARKER, "after"]
    assert rp.lines_truncated == 1


def test_no_output_keeps_last_output_unset(tmp_path: Path) -> None:
    rp, lines = run_to_end(tmp_path, "pass")
    assert lines == [] and rp.lines_read == 0
    assert rp.last_output_monotonic is None
    assert rp.started_monotonic is not None


# ------------------------------------------------------------------------------------------------
# Exit codes, launch errors, validation
# ------------------------------------------------------------------------------------------------
def test_returncode_of_normal_exit(tmp_path: Path) -> None:
    rp, _ = run_to_end(tmp_path, "import sys; sys.exit(3)")
    assert rp.returncode == 3 and rp.poll() == 3 and not rp.is_running
    assert rp.stop_requested is False
    assert "exited 3" in repr(rp) and "task.log" not in repr(rp)


@POSIX_ONLY
def test_returncode_of_a_crash(tmp_path: Path) -> None:
    rp, _ = run_to_end(tmp_path, "import os; os.abort()")
    assert rp.returncode == -signal.SIGABRT


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


@POSIX_ONLY
def test_not_executable_raises_launch_error(tmp_path: Path) -> None:
    script = tmp_path / "Render"
    script.write_text("#!/bin/sh\necho hi\n")
    script.chmod(0o644)
    with pytest.raises(RenderLaunchError, match="permission denied"):
        make(tmp_path, [str(script)]).start()


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
# Environment reaching the child
# ------------------------------------------------------------------------------------------------
PRINT_ENV = "import json, os; print(json.dumps(dict(os.environ)))"


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
# Stopping process trees
# ------------------------------------------------------------------------------------------------
TREE_SCRIPT = """
import os, signal, subprocess, sys, time

role, ready_file, mode = sys.argv[1], sys.argv[2], sys.argv[3]
if role == "launcher" and mode == "launcher-ignores-term":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
if role == "grandchild" and mode == "grandchild-setsid":
    os.setsid()  # leaves the process group: only the collected tree can find it
if role == "child" and mode == "child-setsid-launcher-exits-on-go":
    os.setsid()  # leaves the group, and is orphaned below: only a remembered snapshot finds it
following = {"launcher": "child", "child": "grandchild"}.get(role)
if following:
    subprocess.Popen([sys.executable, __file__, following, ready_file, mode])
with open(ready_file, "a") as f:
    f.write(f"{role} {os.getpid()}\\n")
print(f"{role} ready", flush=True)
if role == "launcher" and mode == "launcher-exits":
    sys.exit(0)  # like a launcher that hands over and leaves its worker running
if role == "launcher" and mode == "child-setsid-launcher-exits-on-go":
    while not os.path.exists(ready_file + ".go"):
        time.sleep(0.02)
    sys.exit(0)
while True:
    time.sleep(1)
"""


@pytest.fixture
def tree(tmp_path: Path) -> Iterator[Callable[[str], tuple[RenderProcess, dict[str, int]]]]:
    """Start launcher -> child -> grandchild; yield a starter; kill leftovers if a test failed."""
    script = tmp_path / "tree.py"
    script.write_text(TREE_SCRIPT)
    ready_file = tmp_path / "ready.txt"

    def read_ready() -> dict[str, int]:
        if not ready_file.exists():
            return {}
        pairs = (line.split() for line in ready_file.read_text().splitlines() if line.strip())
        return {role: int(pid) for role, pid in pairs}

    def start(mode: str) -> tuple[RenderProcess, dict[str, int]]:
        argv = [sys.executable, str(script), "launcher", str(ready_file), mode]
        rp = make(tmp_path, argv).start()
        wait_until(lambda: len(read_ready()) == 3, "launcher, child and grandchild to start")
        return rp, read_ready()

    yield start

    for pid in read_ready().values():  # safety net only: a passing test leaves nothing
        try:
            proc = psutil.Process(pid)
            if str(script) in proc.cmdline():
                proc.kill()
        except psutil.Error:
            pass


@POSIX_ONLY
def test_terminate_stops_the_whole_tree(tree: Callable) -> None:
    rp, pids = tree("plain")
    assert all(not gone(pid) for pid in pids.values())
    assert rp.pid == pids["launcher"] and rp.create_time is not None
    assert rp.terminate(grace_s=PATIENCE_S) == []
    assert all(gone(pid) for pid in pids.values())
    assert rp.wait(timeout=PATIENCE_S) == -signal.SIGTERM  # it went on SIGTERM, no kill needed
    assert rp.stop_requested and not rp.is_running
    assert "(stop requested)" in rp.log_path.read_text()


@POSIX_ONLY
def test_terminate_escalates_when_the_launcher_ignores_sigterm(tree: Callable) -> None:
    rp, pids = tree("launcher-ignores-term")
    assert rp.terminate(grace_s=0.5) == []
    assert all(gone(pid) for pid in pids.values())
    assert rp.wait(timeout=PATIENCE_S) == -signal.SIGKILL


@POSIX_ONLY
def test_terminate_finds_a_grandchild_that_left_the_group(tree: Callable) -> None:
    rp, pids = tree("grandchild-setsid")
    grandchild = psutil.Process(pids["grandchild"])
    wait_until(lambda: os.getsid(grandchild.pid) == grandchild.pid, "the grandchild's setsid")
    assert rp.terminate(grace_s=PATIENCE_S) == []
    assert all(gone(pid) for pid in pids.values())


@POSIX_ONLY
def test_terminate_after_launcher_exit_kills_its_leftovers(tree: Callable) -> None:
    rp, pids = tree("launcher-exits")
    assert rp.wait(timeout=PATIENCE_S) == 0  # the launcher is gone and reaped...
    assert not gone(pids["child"]) and not gone(pids["grandchild"])  # ...its workers are not
    assert rp.terminate(grace_s=PATIENCE_S) == []
    assert all(gone(pid) for pid in pids.values())


@POSIX_ONLY
def test_terminate_finds_an_orphan_outside_the_group_from_a_snapshot(
    tree: Callable, tmp_path: Path
) -> None:
    """Like mayabatch.exe after Render.exe died on Windows: no parent, no group to find it by."""
    rp, pids = tree("child-setsid-launcher-exits-on-go")
    wait_until(lambda: pids["child"] in rp.known_descendant_pids, "a snapshot with the child")
    (tmp_path / "ready.txt.go").touch()
    assert rp.wait(timeout=PATIENCE_S) == 0
    child = psutil.Process(pids["child"])
    assert not gone(child.pid) and os.getpgid(child.pid) != rp.pid
    assert rp.terminate(grace_s=PATIENCE_S) == []
    assert all(gone(pid) for pid in pids.values())


@POSIX_ONLY
def test_terminate_and_kill_are_idempotent(tree: Callable) -> None:
    rp, pids = tree("plain")
    assert rp.kill() == []
    assert rp.terminate() == [] and rp.kill() == []
    assert all(gone(pid) for pid in pids.values())
    assert rp.wait(timeout=PATIENCE_S) == -signal.SIGKILL


def test_terminate_after_a_normal_exit_is_harmless(tmp_path: Path) -> None:
    rp, _ = run_to_end(tmp_path, "print('done')")
    assert rp.terminate() == [] and rp.kill() == []
    assert rp.returncode == 0


def test_terminate_rejects_bad_grace(tmp_path: Path) -> None:
    rp = make(tmp_path, py("pass"))
    for bad in (-1, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="grace_s"):
            rp.terminate(grace_s=bad)


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


def test_context_manager_stops_a_running_process(tmp_path: Path) -> None:
    with make(tmp_path, py("import time; print('up', flush=True); time.sleep(120)")) as rp:
        assert rp.is_running
        pid = rp.pid
        wait_until(lambda: rp.lines_read == 1, "the first line")
    assert not rp.is_running and rp.returncode is not None
    assert rp.stop_requested and pid is not None and gone(pid)


def test_context_manager_after_normal_exit_only_waits(tmp_path: Path) -> None:
    lines: list[str] = []
    with make(tmp_path, py("print('a'); print('b')"), on_line=lines.append) as rp:
        wait_until(lambda: rp.poll() is not None, "the child to exit")
    assert rp.returncode == 0 and lines == ["a", "b"] and not rp.stop_requested


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
# LineSplitter
# ------------------------------------------------------------------------------------------------
def reference_lines(data: bytes, max_line: int) -> list[str]:
    """What splitting the whole stream at once must give (the model the splitter follows)."""
    parts = re.split(rb"\r*\n|\r+", data)
    if parts and parts[-1] == b"":
        parts.pop()
    out = []
    for part in parts:
        if len(part) > max_line:
            cut = max_line
            while cut > 0 and (part[cut] & 0xC0) == 0x80:
                cut -= 1
            out.append(part[: cut or max_line].decode("utf-8", "replace") + TRUNCATION_MARKER)
        else:
            out.append(part.decode("utf-8", "replace"))
    return out


@settings(max_examples=300, deadline=None)
@given(
    data=st.lists(
        st.sampled_from([b"a", b"bc", b"\r", b"\n", b"\r\n", "é".encode(), b"\xff", b"xyz"]),
        max_size=60,
    ).map(b"".join),
    cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=10),
    max_line=st.integers(min_value=1, max_value=12),
)
def test_splitter_does_not_depend_on_how_the_stream_is_cut(
    data: bytes, cuts: list[int], max_line: int
) -> None:
    splitter = LineSplitter(max_line_bytes=max_line)
    got: list[str] = []
    previous = 0
    for cut in sorted(c for c in cuts if c <= len(data)) + [len(data)]:
        got += splitter.feed(data[previous:cut])
        previous = cut
    got += splitter.finish()
    assert got == reference_lines(data, max_line)
    assert splitter.pending_bytes == 0


def test_splitter_holds_a_trailing_cr_and_bounds_memory() -> None:
    splitter = LineSplitter(max_line_bytes=8)
    assert splitter.feed(b"abc\r") == []  # CRLF or CR? not known yet
    assert splitter.feed(b"\ndef") == ["abc"]
    assert splitter.feed(b"g" * 100) == ["def" + "g" * 5 + TRUNCATION_MARKER]
    assert splitter.pending_bytes == 0  # the rest of the long line is dropped, not kept
    assert splitter.feed(b"g" * 100 + b"\nok\n") == ["ok"]
    assert splitter.finish() == [] and splitter.lines_truncated == 1
    with pytest.raises(ValueError, match="max_line_bytes"):
        LineSplitter(max_line_bytes=0)
