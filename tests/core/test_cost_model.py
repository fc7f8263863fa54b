"""The cost model: this job's measurements first, earlier jobs' timings as a prior (pure)."""

from __future__ import annotations

import pytest

from lrc_toolbox.core.cost_model import (
    HISTORY_WEIGHT_SAMPLES,
    CostHistory,
    CostModel,
    history_notice,
)


def test_without_history_nothing_is_known_and_the_assumptions_answer() -> None:
    model = CostModel(startup_prior_s=7.0, frame_prior_s=3.0)
    assert not model.is_known("BG") and not model.is_startup_known()
    assert model.startup_s() == 7.0 and model.frame_s("BG") == 3.0
    assert not model.history


def test_history_makes_a_layer_known_but_not_measured() -> None:
    history = CostHistory(startup_s=4.0, frame_s={"BG": 2.0}, jobs=2)
    model = CostModel(startup_prior_s=7.0, frame_prior_s=3.0, history=history)
    assert model.is_known("BG") and not model.is_measured("BG")
    assert model.is_startup_known() and not model.is_startup_measured()
    assert model.startup_s() == 4.0 and model.frame_s("BG") == 2.0
    # A layer without history: the mean of the known layers, not the assumption.
    assert not model.is_known("FG") and model.frame_s("FG") == 2.0


def test_one_measured_sample_outweighs_history() -> None:
    model = CostModel(history=CostHistory(startup_s=4.0, frame_s={"BG": 2.0}, jobs=1))
    model.record_frame("BG", 5.0)
    expected = (HISTORY_WEIGHT_SAMPLES * 2.0 + 5.0) / (HISTORY_WEIGHT_SAMPLES + 1)
    assert model.frame_s("BG") == pytest.approx(expected)
    assert abs(model.frame_s("BG") - 5.0) < abs(model.frame_s("BG") - 2.0)
    # More samples push history further back.
    for _ in range(9):
        model.record_frame("BG", 5.0)
    assert model.frame_s("BG") == pytest.approx((HISTORY_WEIGHT_SAMPLES * 2.0 + 50.0) / 10.5)
    model.record_startup(1.0)
    assert model.startup_s() == pytest.approx((HISTORY_WEIGHT_SAMPLES * 4.0 + 1.0) / 1.5)


def test_estimates_follow_new_measurements() -> None:
    model = CostModel()
    model.record_frame("BG", 1.0)
    assert model.frame_s("BG") == 1.0
    model.record_frame("BG", 3.0)
    model.record_frame("BG", 3.0)
    assert model.frame_s("BG") == 3.0  # the median
    model.record_frame("FG", -1.0)  # a negative time is not a measurement
    assert not model.is_measured("FG")


def test_history_notice_names_the_figures_and_says_who_takes_over() -> None:
    assert history_notice(CostHistory()) is None
    told = history_notice(CostHistory(startup_s=3.25, frame_s={"BG": 0.5}, jobs=1))
    assert told is not None
    assert "1 earlier job of this scene" in told and "start-up 3.2 s" in told
    assert "BG 0.50 s/frame" in told and "own timings take over" in told
    plural = history_notice(CostHistory(frame_s={"BG": 0.5}, jobs=3))
    assert plural is not None and "3 earlier jobs" in plural and "start-up" not in plural
    many = history_notice(CostHistory(frame_s={f"L{i}": 1.0 for i in range(200)}, jobs=1))
    assert many is not None and "L3 1.00 s/frame, 196 more layers)" in many and "L4 " not in many
