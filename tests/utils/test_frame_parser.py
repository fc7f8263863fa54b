"""Tests for lrc_toolbox.utils.frame_parser: the frame-string syntax, its errors, FrameRun, FrameSet."""

from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lrc_toolbox.config.batch_render_defaults import MAX_FRAMES
from lrc_toolbox.utils.frame_parser import (
    MAX_ABS_FRAME,
    MAX_STEP,
    FrameRangeError,
    FrameRun,
    FrameSet,
    parse_frame_range,
)

# Modest example counts and no per-example deadline: the file must run in seconds and must not
# flake on a loaded 2-core CI box.
PROPERTY_SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


# --------------------------------------------------------------------------------------------------
# Oracles (deliberately naive, independent of the implementation)
# --------------------------------------------------------------------------------------------------
def expected_part(start: int, end: int | None, step: int | None) -> set[int]:
    """Frames of one part by the spec: single frame, or start..end by step plus the last frame."""
    if end is None:
        return {start}
    return set(range(start, end + 1, step or 1)) | {end}


def fewest_runs(frames: list[int]) -> int:
    """Minimum number of constant-step runs covering sorted ``frames`` (brute-force DP)."""

    def is_arithmetic(chunk: list[int]) -> bool:
        return len({b - a for a, b in zip(chunk, chunk[1:], strict=False)}) <= 1

    best = [0] + [len(frames)] * len(frames)
    for end in range(1, len(frames) + 1):
        for start in range(end):
            if is_arithmetic(frames[start:end]):
                best[end] = min(best[end], best[start] + 1)
    return best[len(frames)]


def raises_part(text: str, **kwargs: int) -> FrameRangeError:
    """Parse ``text`` expecting a FrameRangeError and return it."""
    with pytest.raises(FrameRangeError) as info:
        parse_frame_range(text, **kwargs)
    return info.value


# --------------------------------------------------------------------------------------------------
# Accepted syntax
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,10-20,50", [1, *range(10, 21), 50]),
        ("5", [5]),
        ("1-10", list(range(1, 11))),
        ("1-10x4", [1, 5, 9, 10]),
        ("1-100x5", [*range(1, 97, 5), 100]),
        ("1-9x4", [1, 5, 9]),  # last frame already on the grid: nothing extra
        ("1-3x10", [1, 3]),  # step bigger than the range: both ends only
        ("7-7x3", [7]),
        ("1-10X3", [1, 4, 7, 10]),
        ("-5--1", [-5, -4, -3, -2, -1]),
        ("-10-10", list(range(-10, 11))),
        ("-3", [-3]),
        ("-3,-1", [-3, -1]),
        ("-6--1x2", [-6, -4, -2, -1]),
        ("0", [0]),
        ("007-010", [7, 8, 9, 10]),  # padded numbers, as copied from file names
        ("5,1,3-6,1", [1, 3, 4, 5, 6]),  # duplicates merged, sorted ascending
        ("1-10,5-15", list(range(1, 16))),
        (f"{MAX_ABS_FRAME}", [MAX_ABS_FRAME]),
        (f"-{MAX_ABS_FRAME}", [-MAX_ABS_FRAME]),
    ],
)
def test_accepted_syntax(text: str, expected: list[int]) -> None:
    assert parse_frame_range(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 - 10 x 2", [1, 3, 5, 7, 9, 10]),
        (" 1, 5 ", [1, 5]),
        ("\t-5 - -1 ", [-5, -4, -3, -2, -1]),
        ("1 -5", [1, 2, 3, 4, 5]),  # a dash with spaces is still a range
        ("1-10 X 4 , 20", [1, 5, 9, 10, 20]),
        ("1\u00a0-\u00a03", [1, 2, 3]),  # non-breaking spaces pasted from a document
    ],
)
def test_spaces_are_tolerated_anywhere(text: str, expected: list[int]) -> None:
    assert parse_frame_range(text) == expected


def test_step_argument_applies_to_plain_ranges_with_include_last() -> None:
    assert parse_frame_range("1-10", step=4) == [1, 5, 9, 10]
    assert parse_frame_range("1-9", step=4) == [1, 5, 9]


def test_explicit_x_wins_over_step_argument() -> None:
    assert parse_frame_range("1-10x3", step=4) == [1, 4, 7, 10]


def test_single_frames_ignore_step_argument() -> None:
    assert parse_frame_range("5,7", step=4) == [5, 7]


def test_step_argument_mixed_parts() -> None:
    assert parse_frame_range("1-10,20,30-40x5", step=3) == [1, 4, 7, 10, 20, 30, 35, 40]


def test_frameset_parse_matches_function() -> None:
    text = "1,10-20,50,60-100x7"
    assert FrameSet.parse(text, step=2).frames == tuple(parse_frame_range(text, step=2))


def test_error_is_a_value_error() -> None:
    assert issubclass(FrameRangeError, ValueError)


# --------------------------------------------------------------------------------------------------
# Refused input: one FrameRangeError naming the part and the fix
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "part", "fragments"),
    [
        ("1-100x0", "1-100x0", ["step must be >= 1", "'1-100x1'", "'1-100'"]),
        ("1-10x-2", "1-10x-2", ["negative step", "'1-10x2'"]),
        ("abc", "abc", ["'abc' is not a frame or a range", "'1-100x5'"]),
        ("5-", "5-", ["no end frame", "'5-<end>'"]),
        ("x5", "x5", ["no range before", "'<start>-<end>x5'"]),
        ("1-10x", "1-10x", ["no step after 'x'", "'1-10x2'"]),
        ("10-1", "10-1", ["reversed range '10-1': type '1-10'"]),
        ("10-1x3", "10-1x3", ["reversed range '10-1x3': type '1-10x3'"]),
        ("-1--5", "-1--5", ["reversed range '-1--5': type '-5--1'"]),
        ("5x2", "5x2", ["single frame", "'5'", "'5-<end>x2'"]),
        ("1.5", "1.5", ["only whole frames (and steps) are supported", "'1' or '2'"]),
        ("1.0-10.0", "1.0-10.0", ["only whole frames (and steps) are supported", "'1-10'"]),
        ("1-2.5", "1-2.5", ["only whole frames (and steps) are supported"]),
        ("1 5 9", "1 5 9", ["commas", "'1,5,9'"]),
        ("1-10x2x3", "1-10x2x3", ["not a frame or a range"]),
        ("--5", "--5", ["not a frame or a range"]),
        ("+5", "+5", ["not a frame or a range"]),
        ("\u0661\u0662", "\u0661\u0662", ["not a frame or a range"]),  # Arabic-Indic digits
        ("1;5", "1;5", ["not a frame or a range"]),
    ],
)
def test_refused_parts(text: str, part: str, fragments: list[str]) -> None:
    error = raises_part(text)
    assert error.part == part
    for fragment in fragments:
        assert fragment in str(error)


def test_bad_part_in_a_list_is_named_with_its_position() -> None:
    error = raises_part("1,10-1,50")
    assert error.part == "10-1"
    assert "reversed range '10-1': type '1-10'" in str(error)
    assert "part 2 of '1,10-1,50'" in str(error)


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("1,,3", ["part 2 of '1,,3' is empty", "remove the extra comma"]),
        ("1,", ["part 2 of '1,' is empty", "remove the trailing comma"]),
        ("1, ", ["part 2", "is empty", "trailing comma"]),
        (",1", ["part 1 of ',1' is empty", "remove the leading comma"]),
    ],
)
def test_empty_parts_are_refused(text: str, fragments: list[str]) -> None:
    error = raises_part(text)
    assert error.part == ""
    for fragment in fragments:
        assert fragment in str(error)


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_input_is_refused(text: str) -> None:
    error = raises_part(text)
    assert error.part is None
    assert "empty" in str(error)


@pytest.mark.parametrize("step", [0, -1, -100])
def test_step_argument_below_one_is_refused(step: int) -> None:
    error = raises_part("1-10", step=step)
    assert error.part is None
    assert "step must be >= 1" in str(error)
    assert str(step) in str(error)


@pytest.mark.parametrize("step", [True, 2.0, "2", None])
def test_step_argument_must_be_an_int(step: object) -> None:
    with pytest.raises(FrameRangeError, match="step must be a whole number"):
        parse_frame_range("1-10", step=step)  # type: ignore[arg-type]


@pytest.mark.parametrize("max_frames", [0, -5])
def test_max_frames_below_one_is_refused(max_frames: int) -> None:
    with pytest.raises(FrameRangeError, match="max_frames must be >= 1"):
        parse_frame_range("1", max_frames=max_frames)


@pytest.mark.parametrize("text", [None, 5, b"1-10", ["1-10"]])
def test_non_string_input_is_a_type_error(text: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        parse_frame_range(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (f"{MAX_ABS_FRAME + 1}", f"{MAX_ABS_FRAME + 1}"),
        (f"-{MAX_ABS_FRAME + 1}", f"-{MAX_ABS_FRAME + 1}"),
        (f"1-{MAX_ABS_FRAME + 1}", f"1-{MAX_ABS_FRAME + 1}"),
        ("99999999999999999999999", "99999999999999999999999"),
    ],
)
def test_absurd_magnitudes_are_refused(text: str, part: str) -> None:
    error = raises_part(text)
    assert error.part == part
    assert "out of range" in str(error)
    assert f"{MAX_ABS_FRAME:,}" in str(error)


def test_step_bound_is_the_widest_range() -> None:
    assert parse_frame_range(f"-{MAX_ABS_FRAME}-{MAX_ABS_FRAME}x{MAX_STEP}") == [
        -MAX_ABS_FRAME,
        MAX_ABS_FRAME,
    ]
    error = raises_part(f"1-10x{MAX_STEP + 1}")
    assert error.part == f"1-10x{MAX_STEP + 1}"
    assert f"step {MAX_STEP + 1} in" in str(error)
    assert f"at most {MAX_STEP:,}" in str(error)


def test_thousand_digit_number_is_refused_cleanly() -> None:
    # int() itself raises a plain ValueError past ~4300 digits; we must answer first, briefly.
    error = raises_part("1-" + "9" * 10_000)
    assert "out of range" in str(error)
    assert len(str(error)) < 400


def test_garbage_message_is_kept_short() -> None:
    error = raises_part("a" * 100_000)
    assert len(str(error)) < 400
    assert error.part == "a" * 100_000


# --------------------------------------------------------------------------------------------------
# Size limit
# --------------------------------------------------------------------------------------------------
def test_default_limit_comes_from_config() -> None:
    assert MAX_FRAMES == 100_000
    assert len(parse_frame_range(f"1-{MAX_FRAMES}")) == MAX_FRAMES
    raises_part(f"1-{MAX_FRAMES + 1}")


def test_huge_range_is_refused_before_allocating() -> None:
    tracemalloc.start()
    try:
        with pytest.raises(FrameRangeError) as info:
            parse_frame_range("1-999999999")
        _current, peak_bytes = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = str(info.value)
    assert info.value.part == "1-999999999"
    assert "999,999,999" in message
    assert "100,000" in message
    assert "configurable" in message
    # A billion-frame set would be tens of GB; even 100k frames would be several MB.
    assert peak_bytes < 1_000_000


def test_stepped_part_count_is_checked_arithmetically() -> None:
    # 1-1000000000x2 is 500,000,001 frames (include-last adds one): refused with that count.
    error = raises_part(f"1-{MAX_ABS_FRAME}x2")
    assert "500,000,001" in str(error)


def test_union_of_parts_under_the_limit_is_bounded() -> None:
    error = raises_part("1-60,101-160", max_frames=100)
    assert error.part is None
    assert "at least 120" in str(error)
    assert "limit of 100" in str(error)
    assert "configurable" in str(error)


def test_union_counts_distinct_frames() -> None:
    assert parse_frame_range("1-60,1-60,30-100", max_frames=100) == list(range(1, 101))
    raises_part("1-60,1-60,30-101", max_frames=100)


def test_custom_limit_is_honoured() -> None:
    assert len(parse_frame_range("1-200000", max_frames=200_000)) == 200_000
    error = raises_part("1-11", max_frames=10)
    assert "11 frames" in str(error) and "limit of 10" in str(error)


# --------------------------------------------------------------------------------------------------
# FrameRun
# --------------------------------------------------------------------------------------------------
def test_framerun_basics() -> None:
    run = FrameRun(1, 9, 4)
    assert len(run) == 3
    assert run.frames() == [1, 5, 9]
    assert run.to_string() == "1-9x4"
    assert FrameRun(1, 10).to_string() == "1-10"
    assert FrameRun(5, 5).to_string() == "5"
    assert FrameRun(-5, -1).to_string() == "-5--1"
    assert len(FrameRun(5, 5)) == 1


def test_framerun_single_frame_has_step_one() -> None:
    assert FrameRun(5, 5, 3) == FrameRun(5, 5, 1)
    assert FrameRun(5, 5, 3).step == 1


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((1, 10, 0), ValueError),
        ((1, 10, -1), ValueError),
        ((10, 1, 1), ValueError),
        ((1, 10, 4), ValueError),  # 10 is off the grid 1, 5, 9
        ((1.0, 10, 1), TypeError),
        ((1, 10, True), TypeError),
    ],
)
def test_framerun_rejects_invalid(args: tuple[object, object, object], error: type) -> None:
    with pytest.raises(error):
        FrameRun(*args)  # type: ignore[arg-type]


def test_framerun_split() -> None:
    assert FrameRun(1, 10).split(4) == [FrameRun(1, 4), FrameRun(5, 8), FrameRun(9, 10)]
    assert FrameRun(1, 19, 2).split(5) == [FrameRun(1, 9, 2), FrameRun(11, 19, 2)]
    assert FrameRun(1, 13, 3).split(2) == [FrameRun(1, 4, 3), FrameRun(7, 10, 3), FrameRun(13, 13)]
    assert FrameRun(1, 10).split(100) == [FrameRun(1, 10)]


def test_framerun_cut_takes_the_head_in_one_step() -> None:
    assert FrameRun(1, 10).cut(4) == (FrameRun(1, 4), FrameRun(5, 10))
    assert FrameRun(1, 19, 2).cut(9) == (FrameRun(1, 17, 2), FrameRun(19, 19))
    assert FrameRun(1, 10).cut(10) == (FrameRun(1, 10), None)
    assert FrameRun(1, 10).cut(50) == (FrameRun(1, 10), None)
    # A run of a million frames is cut without building a million of anything.
    assert FrameRun(1, 1_000_000).cut(3) == (FrameRun(1, 3), FrameRun(4, 1_000_000))
    with pytest.raises(ValueError, match="count"):
        FrameRun(1, 10).cut(0)


def test_framerun_positions() -> None:
    run = FrameRun(3, 15, 4)  # 3, 7, 11, 15
    assert [run.frame_at(i) for i in range(4)] == [3, 7, 11, 15]
    assert [run.index_of(f) for f in (3, 7, 15)] == [0, 1, 3]
    assert run.index_of(5) is None and run.index_of(19) is None and run.index_of(-1) is None
    with pytest.raises(IndexError):
        run.frame_at(4)


@pytest.mark.parametrize("max_len", [0, -1, True, 2.5])
def test_framerun_split_rejects_bad_length(max_len: object) -> None:
    with pytest.raises(ValueError, match="max_len"):
        FrameRun(1, 10).split(max_len)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------------
# FrameSet
# --------------------------------------------------------------------------------------------------
def test_frameset_container_behaviour() -> None:
    frames = FrameSet([5, 1, 3, 3])
    assert frames.frames == (1, 3, 5)
    assert len(frames) == 3
    assert list(frames) == [1, 3, 5]
    assert 3 in frames and 4 not in frames and "3" not in frames and 0 not in frames
    assert frames.first == 1 and frames.last == 5
    assert frames == FrameSet((1, 3, 5)) and frames != FrameSet((1, 3))
    assert frames != [1, 3, 5]
    assert hash(frames) == hash(FrameSet([3, 5, 1]))
    assert bool(frames) and not FrameSet([])
    assert FrameSet(frames) == frames


def test_frameset_empty() -> None:
    empty = FrameSet()
    assert len(empty) == 0 and empty.runs() == [] and empty.to_string() == ""
    with pytest.raises(ValueError, match="no first frame"):
        _ = empty.first
    with pytest.raises(ValueError, match="no last frame"):
        _ = empty.last


@pytest.mark.parametrize("bad", [[1.0], [True], ["1"], [None]])
def test_frameset_rejects_non_int(bad: list[object]) -> None:
    with pytest.raises(TypeError, match="must be ints"):
        FrameSet(bad)  # type: ignore[arg-type]


def test_frameset_rejects_absurd_frame() -> None:
    with pytest.raises(FrameRangeError, match="out of range"):
        FrameSet([MAX_ABS_FRAME + 1])


@pytest.mark.parametrize(
    ("frames", "runs", "text"),
    [
        ([1, 5, 9, 10], [FrameRun(1, 9, 4), FrameRun(10, 10)], "1-9x4,10"),
        ([1, 2, 3, 10, 20, 30], [FrameRun(1, 3), FrameRun(10, 30, 10)], "1-3,10-30x10"),
        ([7], [FrameRun(7, 7)], "7"),
        ([1, 10, 11, 12], [FrameRun(1, 1), FrameRun(10, 12)], "1,10-12"),
        ([1, 10], [FrameRun(1, 10, 9)], "1,10"),
        ([3, 4], [FrameRun(3, 4)], "3-4"),
        ([-5, -4, -3, 10], [FrameRun(-5, -3), FrameRun(10, 10)], "-5--3,10"),
    ],
)
def test_frameset_runs_and_string(frames: list[int], runs: list[FrameRun], text: str) -> None:
    frame_set = FrameSet(frames)
    assert frame_set.runs() == runs
    assert frame_set.to_string() == text
    assert FrameSet.parse(text) == frame_set


def test_frameset_set_operations() -> None:
    a = FrameSet.parse("1-10")
    b = FrameSet.parse("5-15")
    assert a.union(b) == FrameSet(range(1, 16)) == a | b
    assert a.intersection(b) == FrameSet(range(5, 11)) == a & b
    assert a.difference(b) == FrameSet(range(1, 5)) == a - b
    assert a.difference([1, 2, 99]) == FrameSet(range(3, 11))
    assert a.union([20]).last == 20


def test_frameset_repr_is_short() -> None:
    assert repr(FrameSet.parse("1-10x2")) == "FrameSet.parse('1-9x2,10')"
    big = FrameSet(range(0, 40_000, 3)).union(range(1, 4000, 7))
    assert len(repr(big)) < 100


# --------------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------------
SMALL_FRAME = st.integers(-200, 200)


@st.composite
def frame_string(draw: st.DrawFn) -> tuple[str, set[int], int]:
    """A valid frame string with random spacing/case, its expected frames, and a step argument."""
    default_step = draw(st.integers(1, 7))
    spaces = st.sampled_from(["", " ", "  ", "\t"])
    pieces: list[str] = []
    expected: set[int] = set()
    for _ in range(draw(st.integers(1, 6))):
        start = draw(SMALL_FRAME)
        kind = draw(st.sampled_from(["single", "range", "stepped"]))
        if kind == "single":
            pieces.append(f"{draw(spaces)}{start}{draw(spaces)}")
            expected |= expected_part(start, None, None)
            continue
        end = start + draw(st.integers(0, 150))
        text = f"{draw(spaces)}{start}{draw(spaces)}-{draw(spaces)}{end}"
        if kind == "stepped":
            step = draw(st.integers(1, 40))
            text += f"{draw(spaces)}{draw(st.sampled_from('xX'))}{draw(spaces)}{step}"
            expected |= expected_part(start, end, step)
        else:
            expected |= expected_part(start, end, default_step)
        pieces.append(text + draw(spaces))
    return ",".join(pieces), expected, default_step


@PROPERTY_SETTINGS
@given(frame_string())
def test_property_output_is_sorted_unique_and_matches_spec(
    case: tuple[str, set[int], int],
) -> None:
    text, expected, default_step = case
    frames = parse_frame_range(text, step=default_step)
    assert all(a < b for a, b in zip(frames, frames[1:], strict=False))
    assert frames == sorted(expected)


FRAME_SETS = st.one_of(
    st.sets(st.integers(-MAX_ABS_FRAME, MAX_ABS_FRAME), min_size=1, max_size=30),
    st.sets(st.integers(-40, 40), min_size=1, max_size=60),  # dense: produces long runs
    st.builds(
        lambda start, step, count, extra: set(range(start, start + step * count, step)) | extra,
        st.integers(-1000, 1000),
        st.integers(1, 50),
        st.integers(1, 30),
        st.sets(st.integers(-1000, 3000), max_size=5),
    ),
)


@PROPERTY_SETTINGS
@given(FRAME_SETS)
def test_property_to_string_round_trips(frames: set[int]) -> None:
    frame_set = FrameSet(frames)
    assert FrameSet.parse(frame_set.to_string()) == frame_set
    assert frame_set.frames == tuple(sorted(frames))


@PROPERTY_SETTINGS
@given(FRAME_SETS)
def test_property_runs_cover_frames_with_constant_step_and_are_fewest(frames: set[int]) -> None:
    frame_set = FrameSet(frames)
    runs = frame_set.runs()
    concatenated = [frame for run in runs for frame in run.frames()]
    assert concatenated == list(frame_set.frames)
    for run in runs:
        assert run.step >= 1
        assert (run.end - run.start) % run.step == 0
        assert len(run) == len(run.frames())
        assert FrameSet.parse(run.to_string()).frames == tuple(run.frames())
    assert len(runs) == fewest_runs(list(frame_set.frames))


@PROPERTY_SETTINGS
@given(SMALL_FRAME, st.integers(0, 500), st.integers(1, 600))
def test_property_stepped_range_keeps_both_ends(start: int, span: int, step: int) -> None:
    end = start + span
    frames = parse_frame_range(f"{start}-{end}x{step}")
    assert frames[0] == start and frames[-1] == end
    assert set(frames) <= set(range(start, end + 1))
    assert all(0 < b - a <= step for a, b in zip(frames, frames[1:], strict=False))


@PROPERTY_SETTINGS
@given(st.integers(MAX_FRAMES + 1, MAX_ABS_FRAME), st.integers(-MAX_ABS_FRAME, 0))
def test_property_limit_is_enforced(count: int, start: int) -> None:
    end = start + count - 1
    if end > MAX_ABS_FRAME:
        end = MAX_ABS_FRAME
        count = end - start + 1
    error = raises_part(f"{start}-{end}")
    assert f"{count:,}" in str(error)
    assert f"{MAX_FRAMES:,}" in str(error)


@PROPERTY_SETTINGS
@given(st.lists(st.integers(0, 5000), min_size=1, max_size=8), st.integers(1, 50))
def test_property_union_never_exceeds_limit(starts: list[int], limit: int) -> None:
    # Every part is exactly at the limit, so only the union can overflow it.
    text = ",".join(f"{start}-{start + limit - 1}" for start in starts)
    expected = set().union(*(range(start, start + limit) for start in starts))
    if len(expected) <= limit:
        assert parse_frame_range(text, max_frames=limit) == sorted(expected)
    else:
        with pytest.raises(FrameRangeError, match=f"limit of {limit:,}"):
            parse_frame_range(text, max_frames=limit)


GARBAGE = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=" 0123456789-xX,.+\t", max_size=30),
    st.text(alphabet="0123456789-x,", max_size=30),
)


@PROPERTY_SETTINGS
@given(GARBAGE, st.integers(1, 5))
def test_property_garbage_parses_or_raises_frame_range_error(text: str, step: int) -> None:
    try:
        frames = parse_frame_range(text, step=step, max_frames=10_000)
    except FrameRangeError as error:
        assert str(error)
        assert error.part is None or error.part in text
    else:
        assert frames and all(a < b for a, b in zip(frames, frames[1:], strict=False))
        assert all(isinstance(frame, int) for frame in frames)


@PROPERTY_SETTINGS
@given(SMALL_FRAME, st.integers(0, 60), st.integers(1, 9), st.integers(1, 20))
def test_property_split_keeps_frames_in_pieces(
    start: int, count: int, step: int, max_len: int
) -> None:
    run = FrameRun(start, start + count * step, step)
    pieces = run.split(max_len)
    assert [frame for piece in pieces for frame in piece.frames()] == run.frames()
    assert all(len(piece) == max_len for piece in pieces[:-1])
    assert 1 <= len(pieces[-1]) <= max_len


@PROPERTY_SETTINGS
@given(st.sets(SMALL_FRAME, max_size=40), st.sets(SMALL_FRAME, max_size=40))
def test_property_set_operations_match_python_sets(a: set[int], b: set[int]) -> None:
    left, right = FrameSet(a), FrameSet(b)
    assert left.union(right).frames == tuple(sorted(a | b))
    assert left.intersection(right).frames == tuple(sorted(a & b))
    assert left.difference(right).frames == tuple(sorted(a - b))


@PROPERTY_SETTINGS
@given(SMALL_FRAME, st.integers(0, 60), st.integers(1, 9), st.integers(1, 70))
def test_property_cut_is_the_first_piece_of_split(
    start: int, count: int, step: int, head: int
) -> None:
    run = FrameRun(start, start + count * step, step)
    first, rest = run.cut(head)
    assert first.frames() == run.frames()[:head]
    assert (rest.frames() if rest else []) == run.frames()[head:]
    assert first == run.split(head)[0]
