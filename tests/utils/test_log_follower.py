"""Tests for lrc_toolbox.utils.log_follower: line splitting, the follower thread, line delivery.

The splitter tests are pure. The follower tests read files written beforehand (no process). The
tests marked slow follow the log of a real child (``sys.executable`` standing in for Render).
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from render_process_support import PATIENCE_S, run_to_end

from lrc_toolbox.utils.log_follower import FOLLOW_POLL_INTERVAL_S, LineSplitter, LogFollower
from lrc_toolbox.utils.render_subprocess import LOG_TAG, MAX_LINE_BYTES, TRUNCATION_MARKER


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


# ------------------------------------------------------------------------------------------------
# LogFollower over a finished file (no process)
# ------------------------------------------------------------------------------------------------
def test_follower_reads_from_the_offset_to_the_end_then_finishes(tmp_path: Path) -> None:
    log = tmp_path / "task.log"
    log.write_bytes(b"HEADER\nfirst\r\nsecond\rthird")
    lines: list[str] = []
    finished: list[int] = []
    follower = LogFollower(
        log,
        writer_exited=lambda: True,
        on_line=lines.append,
        on_finish=lambda: finished.append(len(lines)),
    )
    assert not follower.started and follower.join(0) and not follower.is_alive()
    follower.start(offset=len(b"HEADER\n"), name="follower-under-test")
    assert follower.join(PATIENCE_S)
    assert lines == ["first", "second", "third"]  # the partial last line too, once it is over
    assert finished == [3]  # on_finish runs last, after every line
    assert follower.lines_read == 3 and follower.last_output_monotonic is not None
    assert follower.error is None and follower.reader_error is None
    with pytest.raises(RuntimeError, match="already started"):
        follower.start()


def test_follower_waits_with_the_owners_wait_and_says_when_it_is_done(tmp_path: Path) -> None:
    # The owner's idle wait returns the moment the writer exits (an Event.wait), so the end is
    # seen at once; on_done runs last, when join() already says the following is over.
    log = tmp_path / "task.log"
    log.write_bytes(b"one\n")
    exited = threading.Event()
    waits: list[float] = []
    seen_done: list[bool] = []

    def idle_wait(timeout: float) -> bool:
        waits.append(timeout)
        exited.set()  # the writer "exits" during the first idle wait
        return True

    follower = LogFollower(
        log,
        writer_exited=exited.is_set,
        idle_wait=idle_wait,
        on_done=lambda: seen_done.append(follower.join(0)),
    )
    follower.start()
    deadline = time.monotonic() + PATIENCE_S
    while not seen_done and time.monotonic() < deadline:
        time.sleep(0.01)
    assert seen_done == [True]
    assert waits == [FOLLOW_POLL_INTERVAL_S]  # waited once, through the owner, never slept
    assert follower.lines_read == 1


def test_follower_of_an_empty_output_reads_nothing(tmp_path: Path) -> None:
    log = tmp_path / "task.log"
    log.write_bytes(b"")
    follower = LogFollower(log, writer_exited=lambda: True).start()
    assert follower.join(PATIENCE_S)
    assert follower.lines_read == 0 and follower.last_output_monotonic is None


def test_follower_records_a_raising_consumer_and_goes_on(tmp_path: Path) -> None:
    log = tmp_path / "task.log"
    log.write_text("".join(f"{i}\n" for i in range(50)))
    got: list[str] = []

    def picky(line: str) -> None:
        if int(line) % 10 == 0:
            raise ValueError(f"cannot handle {line}")
        got.append(line)

    follower = LogFollower(log, writer_exited=lambda: True, on_line=picky).start()
    assert follower.join(PATIENCE_S)
    assert got == [str(i) for i in range(50) if i % 10]
    assert follower.lines_read == 50
    assert isinstance(follower.reader_error, ValueError)
    assert str(follower.reader_error) == "cannot handle 0"  # the first one is kept
    assert follower.reader_error_count == 5
    assert follower.error is None


def test_follower_error_is_data_and_the_finish_still_runs(tmp_path: Path) -> None:
    finished: list[BaseException | None] = []
    follower: LogFollower | None = None

    def on_finish() -> None:
        assert follower is not None
        finished.append(follower.error)

    # Built before it starts: on_finish may run before start() returns.
    follower = LogFollower(
        tmp_path / "missing.log", writer_exited=lambda: True, on_finish=on_finish
    )
    follower.start()
    assert follower.join(PATIENCE_S)
    assert isinstance(follower.error, FileNotFoundError)
    assert finished == [follower.error]  # the owner sees the error when it writes its footer


def test_a_raising_tick_stops_the_follower_as_recorded_data(tmp_path: Path) -> None:
    log = tmp_path / "task.log"
    log.write_text("a\n")

    def tick() -> None:
        raise OSError("process table unreadable")

    follower = LogFollower(log, writer_exited=lambda: True, on_tick=tick).start()
    assert follower.join(PATIENCE_S)
    assert isinstance(follower.error, OSError) and follower.lines_read == 0


def test_a_raising_finish_is_recorded_not_raised(tmp_path: Path) -> None:
    log = tmp_path / "task.log"
    log.write_text("a\n")

    def on_finish() -> None:
        raise RuntimeError("footer failed")

    follower = LogFollower(log, writer_exited=lambda: True, on_finish=on_finish).start()
    assert follower.join(PATIENCE_S)
    assert follower.lines_read == 1 and isinstance(follower.error, RuntimeError)


def test_on_line_runs_on_the_follower_thread(tmp_path: Path) -> None:
    log = tmp_path / "task.log"
    log.write_text("a\nb\n")
    seen: list[bool] = []
    holder: list[LogFollower] = []
    follower = LogFollower(
        log,
        writer_exited=lambda: True,
        on_line=lambda _: seen.append(holder[0].is_current_thread()),
    )
    holder.append(follower)
    follower.start()
    assert follower.join(PATIENCE_S)
    assert seen == [True, True] and not follower.is_current_thread()


def test_follower_keeps_reading_while_the_writer_runs(tmp_path: Path) -> None:
    """Lines written after the start arrive; the end comes only once the writer has exited."""
    log = tmp_path / "task.log"
    log.write_bytes(b"")
    exited = threading.Event()
    first = threading.Event()
    lines: list[str] = []

    def on_line(line: str) -> None:
        lines.append(line)
        first.set()

    follower = LogFollower(log, writer_exited=exited.is_set, on_line=on_line).start()
    with open(log, "ab") as out:
        out.write(b"one\n")
    assert first.wait(PATIENCE_S)
    assert follower.is_alive()  # nothing more yet, but the writer has not exited
    with open(log, "ab") as out:
        out.write(b"two\nlast without newline")
    exited.set()
    assert follower.join(PATIENCE_S)
    assert lines == ["one", "two", "last without newline"]


def test_ticks_run_on_the_follower_thread_while_following(tmp_path: Path) -> None:
    log = tmp_path / "task.log"
    log.write_bytes(b"")
    exited = threading.Event()
    ticks: list[float] = []

    def tick() -> None:
        ticks.append(time.monotonic())
        if len(ticks) >= 3:
            exited.set()

    follower = LogFollower(
        log, writer_exited=exited.is_set, on_tick=tick, first_tick_s=0.0, tick_interval_s=0.01
    ).start()
    assert follower.join(PATIENCE_S)
    assert len(ticks) >= 3 and follower.error is None


# ------------------------------------------------------------------------------------------------
# Lines of a real render (through RenderProcess)
# ------------------------------------------------------------------------------------------------
@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.slow
def test_partial_last_line_delivered_after_exit(tmp_path: Path) -> None:
    rp, lines = run_to_end(
        tmp_path, "import sys; sys.stdout.write('first\\nno newline at the end')"
    )
    assert lines == ["first", "no newline at the end"]
    # The footer still starts on its own line.
    assert f"no newline at the end\n{LOG_TAG} pid " in rp.log_path.read_text()


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.slow
def test_no_output_keeps_last_output_unset(tmp_path: Path) -> None:
    rp, lines = run_to_end(tmp_path, "pass")
    assert lines == [] and rp.lines_read == 0
    assert rp.last_output_monotonic is None
    assert rp.started_monotonic is not None
