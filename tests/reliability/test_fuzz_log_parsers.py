"""Fuzzing every renderer profile's line rules: any line gives at most one sane event, quickly.

Lines come from three places: random unicode, each rule's needle with random text around it (so
the regexes are really tried), and adversarial shapes (a needle repeated to the follower's 64 KiB
line limit, absurdly long numbers). Properties: :meth:`LogParser.feed` never raises, returns at
most one event whose fields are in range (percent 0-100, frames within a billion, paths stripped),
and the task monitor built on it never raises either. Time per line is bounded through
hypothesis's per-example deadline, set generously (catastrophic regex backtracking takes minutes,
a normal line microseconds), so a slow machine does not make it flaky.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reliability_support import fuzz_derandomize, fuzz_examples

from lrc_toolbox.core.task_monitor import TaskMonitor
from lrc_toolbox.renderers import get_profile, profile_names
from lrc_toolbox.renderers.base import EventKind, LogEvent
from lrc_toolbox.utils.render_subprocess import MAX_LINE_BYTES

PROFILES = [get_profile(name) for name in profile_names()]
NEEDLES = sorted({rule.needle for profile in PROFILES for rule in profile.rules if rule.needle})
#: Per-example time bound (a safety net against pathological backtracking, see the docstring).
DEADLINE_MS = 2000

SETTINGS = settings(
    max_examples=fuzz_examples(300),
    deadline=DEADLINE_MS,
    database=None,
    derandomize=fuzz_derandomize(),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

noise = st.text(max_size=80)
numbers = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.just("9" * 5000),
    st.just("1e999"),
    st.just("-0"),
    st.just("0.5"),
    st.just("nan"),
)
needle_lines = st.builds(
    lambda before, needle, middle, number, after: f"{before}{needle}{middle}{number}{after}",
    noise,
    st.sampled_from(NEEDLES),
    st.sampled_from(["", " ", ": ", " frame ", "/", " (", "%"]),
    numbers,
    noise,
)
lines = st.one_of(noise, needle_lines, st.text(st.characters(), max_size=300))


def _check(events: list[LogEvent]) -> None:
    assert isinstance(events, list) and len(events) <= 1
    for event in events:
        assert isinstance(event.kind, EventKind)
        if event.percent is not None:
            assert 0.0 <= event.percent <= 100.0
        if event.frame is not None:
            assert isinstance(event.frame, int) and abs(event.frame) < 10**13
        if event.path is not None:
            assert event.path == event.path.strip() and event.path


@SETTINGS
@given(batch=st.lists(lines, min_size=1, max_size=20))
@example(batch=["[Redshift] Rendering frame " + "9" * 5000])  # found: OverflowError
@example(batch=["V-Ray: Updating frame at time " + "9" * 400 + ".5"])  # found: OverflowError
@example(batch=["Saving: /out/shot." + "9" * 5000 + ".exr"])  # found: ValueError (4300 digits)
@example(batch=["[Redshift] Block " + "9" * 5000 + "/20 rendered by GPU 0"])
def test_every_profile_parses_any_line_without_raising(batch: list[str]) -> None:
    for profile in PROFILES:
        parser = profile.new_parser()
        for line in batch:
            _check(parser.feed(line))


@settings(
    max_examples=len(NEEDLES) * 2,
    deadline=DEADLINE_MS * 5,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(needle=st.sampled_from(NEEDLES), filler=st.sampled_from([" ", "a", "0", "(", "/"]))
def test_lines_at_the_follower_limit_stay_cheap(needle: str, filler: str) -> None:
    # The follower cuts lines at MAX_LINE_BYTES; a needle repeated to that size tries every
    # rule that has it against the longest line the engine ever hands on.
    unit = needle + filler * 3
    line = (unit * (MAX_LINE_BYTES // len(unit) + 1))[:MAX_LINE_BYTES]
    for profile in PROFILES:
        _check(profile.new_parser().feed(line))


@SETTINGS
@given(batch=st.lists(lines, min_size=1, max_size=30), layers=st.integers(1, 3))
def test_the_task_monitor_never_raises_on_any_log(batch: list[str], layers: int) -> None:
    for profile in PROFILES:
        notes: list[object] = []
        logged: list[tuple[str, str]] = []
        monitor = TaskMonitor(
            task_id="t0001",
            layers=[(f"L{index}", f"rs_L{index}") for index in range(layers)],
            parser=profile.new_parser(),
            emit=notes.append,
            on_log=lambda line, level, seen=logged: seen.append((line, level)),
        )
        for line in batch:
            monitor.feed(line)
        assert len(logged) == len(batch)
        assert {level for _line, level in logged} <= {"info", "warning", "error", "fatal"}
