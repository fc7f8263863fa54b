"""Compact OpenJD task ranges: every expression means exactly its values, read by openjd-model."""

from __future__ import annotations

import farm_fixtures
import pytest
from farm_helpers import FRAME_CASES
from hypothesis import given, settings
from hypothesis import strategies as st

from lrc_toolbox.farm.job_description import describe_job
from lrc_toolbox.farm.openjd_ranges import chunk_groups, range_expression

make_plan_fixture = farm_fixtures.make_plan_fixture
standin_fixture = farm_fixtures.standin_fixture
farm_isolation_fixture = farm_fixtures.farm_isolation_fixture

model = pytest.importorskip("openjd.model", reason="openjd-model is not installed (extra openjd)")


def _openjd_values(expression: str) -> list[int]:
    return list(model.IntRangeExpr.from_str(expression))


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([7], "7"),
        ([1, 2], "1-2"),
        ([1, 3], "1,3"),
        (list(range(1, 6001)), "1-6000"),
        (list(range(1, 97, 5)) + [100], "1-96:5,100"),
        ([1, 2, 3, 10, 20, 30, 31], "1-3,10-30:10,31"),
        ([-5, -4, -3, 3], "-5--3,3"),
    ],
)
def test_known_expressions(values, expected):
    assert range_expression(values) == expected
    assert _openjd_values(expected) == values


@settings(max_examples=300, deadline=None)
@given(st.sets(st.integers(min_value=-200, max_value=5000), min_size=1, max_size=60))
def test_openjd_reads_back_exactly_the_values(values):
    ordered = sorted(values)
    expression = range_expression(ordered)
    assert _openjd_values(expression) == ordered  # also: no overlapping elements (OpenJD rule)
    assert len(expression.split(",")) <= len(ordered)


@pytest.mark.parametrize("bad", [[], [3, 2], [1, 1]])
def test_values_must_be_distinct_and_increasing(bad):
    with pytest.raises(ValueError):
        range_expression(bad)


@pytest.mark.parametrize("frames", FRAME_CASES)
@pytest.mark.parametrize("chunk", [1, 2, 5])
def test_groups_zip_starts_and_ends_of_the_same_chunks(make_plan, frames, chunk):
    layer = describe_job(make_plan(frame_range=frames, chunk_size=chunk)).layers[0]
    seen = []
    for group in chunk_groups(layer):
        pairs = list(zip(_openjd_values(group.starts), _openjd_values(group.ends), strict=True))
        assert pairs == [(c.run.start, c.run.end) for c in group.chunks]
        for chunk_ in group.chunks:
            assert len(chunk_.run) == 1 or chunk_.run.step == group.step
            seen.append(chunk_)
    assert sorted(seen, key=lambda c: c.run.start) == list(layer.chunks)


def test_a_stepped_layer_with_a_last_frame_is_one_group(make_plan):
    layer = describe_job(make_plan(frame_range="1-100x5", chunk_size=5)).layers[0]
    (group,) = chunk_groups(layer)
    assert (group.step, group.starts, group.ends) == (5, "1-76:25,100", "21-96:25,100")
