"""The frame field: the engine's parser, the exact bad part marked, a readable preview."""

from __future__ import annotations

import pytest
from fakes import require_qt

require_qt()

from lrc_toolbox.ui.view_state.formatting import (  # noqa: E402
    format_duration,
    format_gb,
    format_gb_in_use,
    frames_preview,
)
from lrc_toolbox.ui.view_state.frame_check import (  # noqa: E402
    BAD_PART_STYLE,
    check_frames,
    mark_bad_part,
)
from lrc_toolbox.ui.widgets.frame_range_field import FrameRangeField  # noqa: E402

MARK = f"<span style='{BAD_PART_STYLE}'>"


@pytest.mark.parametrize(
    ("text", "part", "marked"),
    [
        ("1,10-1,50", "10-1", f"1,{MARK}10-1</span>,50"),
        ("1, abc ,3", "abc", f"1, {MARK}abc</span> ,3"),
        ("1,,3", "", f"1,{MARK}␣</span>,3"),
        ("1-10x0", "1-10x0", f"{MARK}1-10x0</span>"),
        ("<b>", "<b>", f"{MARK}&lt;b&gt;</span>"),
    ],
)
def test_the_bad_part_is_marked_in_place(text, part, marked) -> None:
    result = check_frames(text)
    assert not result.ok and result.part == part
    assert mark_bad_part(text, result.part) == marked


def test_good_frames_and_the_step_field() -> None:
    assert check_frames("1,10-20,50").frames == (1, *range(10, 21), 50)
    assert check_frames("1-10", step=4).frames == (1, 5, 9, 10)
    assert check_frames("1-10x4", step=2).frames == (1, 5, 9, 10)  # an explicit x wins


def test_preview_and_durations() -> None:
    assert frames_preview(list(range(1, 101, 5)) + [100]) == (
        "1, 6, 11, 16, 21, 26, 31, 36, 41, …, 91, 96, 100"
    )
    assert frames_preview([3, 4]) == "3, 4"
    assert format_duration(75) == "1:15" and format_duration(3725) == "1:02:05"
    assert format_duration(None) == "--:--" and format_duration(float("nan")) == "--:--"
    assert format_gb(24 * 1024**3) == "24.0 GB" and format_gb(None) == "?"


def test_memory_in_use_is_short_enough_for_a_narrow_bar() -> None:
    gb = 1024**3
    assert format_gb_in_use(int(14.3 * gb), 24 * gb) == "14.3/24 GB"
    assert format_gb_in_use(0, int(10.7 * gb)) == "0/10.7 GB"
    assert format_gb_in_use(None, 48 * gb) == "?/48 GB"


def test_widget_reports_live(qtbot) -> None:
    field = FrameRangeField()
    qtbot.addWidget(field)
    changes = []
    field.changed.connect(lambda: changes.append(field.check.ok))
    qtbot.keyClicks(field.edit, "1-5x")
    assert not field.check.ok and "no step after 'x'" in field.message_label.text()
    qtbot.keyClicks(field.edit, "2")
    assert field.check.frames == (1, 3, 5)
    assert field.message_label.text() == "3 frames: 1, 3, 5"
    assert changes[-1] is True and False in changes
    field.edit.clear()
    field.set_scene_frames("1001-1010")
    assert field.check.ok and field.message_label.text().startswith("Scene range: 10 frames")
