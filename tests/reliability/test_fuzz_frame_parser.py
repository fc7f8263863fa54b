"""Fuzzing the frame parser: any text gives frames or one clear FrameRangeError, never more.

Properties: no exception but :class:`FrameRangeError` (and ``TypeError`` for a non-string); the
message is one line that quotes the input where it helps; the result is sorted, unique, within
``max_frames`` and within ``±MAX_ABS_FRAME``; a result written back with ``to_string`` parses to the
same frames; a well-formed ``a-b`` or ``a-bxN`` part keeps its first and last frame (the spec's
"an x step always includes the last frame").
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reliability_support import fuzz_derandomize, fuzz_examples

from lrc_toolbox.utils.frame_parser import (
    MAX_ABS_FRAME,
    FrameRangeError,
    FrameSet,
    parse_frame_range,
)

SETTINGS = settings(
    max_examples=fuzz_examples(400),
    deadline=None,
    database=None,
    derandomize=fuzz_derandomize(),
    suppress_health_check=[HealthCheck.too_slow],
)

#: Characters that make up frame strings, plus the ones people paste by mistake.
FRAME_ALPHABET = st.sampled_from(list("0123456789-xX,. ;:\t\u00a0") + ["\u0661", "ｘ", "\n"])
frame_text = st.text(FRAME_ALPHABET, max_size=40) | st.text(max_size=40)
small = st.integers(min_value=-3000, max_value=3000)


def _check_result(frames: list[int], max_frames: int) -> None:
    assert frames == sorted(set(frames))
    assert len(frames) <= max_frames
    assert all(isinstance(f, int) and abs(f) <= MAX_ABS_FRAME for f in frames)


@SETTINGS
@given(
    text=frame_text,
    step=st.integers(min_value=-2, max_value=50),
    max_frames=st.integers(min_value=-1, max_value=5000),
)
@example(text="1-999999999", step=1, max_frames=100_000)
@example(text="9" * 5000, step=1, max_frames=10)
@example(text="1-10x0", step=1, max_frames=100)
@example(text="-5--1", step=1, max_frames=100)
@example(text=",".join(["1-1000000000x7"] * 50), step=1, max_frames=100_000)
def test_any_text_parses_or_fails_with_one_clear_error(
    text: str, step: int, max_frames: int
) -> None:
    try:
        frames = parse_frame_range(text, step=step, max_frames=max_frames)
    except FrameRangeError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        assert isinstance(exc, ValueError)  # the CLI and dialog catch ValueError as bad input
        return
    _check_result(frames, max_frames)
    assert frames, "an accepted string gives at least one frame"


@SETTINGS
@given(
    parts=st.lists(
        st.tuples(small, small, st.integers(min_value=1, max_value=400)), min_size=1, max_size=6
    )
)
def test_well_formed_ranges_keep_their_ends_and_round_trip(parts) -> None:  # noqa: ANN001
    text = ",".join(f"{min(a, b)}-{max(a, b)}x{n}" for a, b, n in parts)
    frames = FrameSet.parse(text, max_frames=1_000_000)
    _check_result(list(frames), 1_000_000)
    for a, b, _n in parts:
        assert min(a, b) in frames and max(a, b) in frames  # x steps always include the last
    assert FrameSet.parse(frames.to_string(), max_frames=1_000_000) == frames


@SETTINGS
@given(
    frames=st.lists(
        st.integers(min_value=-MAX_ABS_FRAME, max_value=MAX_ABS_FRAME), min_size=1, max_size=60
    )
)
def test_any_frame_set_writes_back_to_a_string_that_parses_to_it(frames: list[int]) -> None:
    frame_set = FrameSet(frames)
    assert FrameSet.parse(frame_set.to_string(), max_frames=100_000) == frame_set
    runs = frame_set.runs()
    assert [f for run in runs for f in run.frames()] == list(frame_set)


@pytest.mark.parametrize("value", [None, 5, b"1-5", ["1-5"]])
def test_non_text_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        parse_frame_range(value)  # type: ignore[arg-type]
