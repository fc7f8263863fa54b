"""Output naming learned from a reported image, and predicted for other frames (Maya's padding)."""

from __future__ import annotations

import pytest

from lrc_toolbox.core.job_runner import expand_image_template, image_ok, infer_image_template


@pytest.mark.parametrize(
    ("path", "frame", "other", "expected"),
    [
        ("/o/BG/shot.0005.exr", 5, 123, "/o/BG/shot.0123.exr"),
        ("/o/shot_v002.0005.exr", 5, 7, "/o/shot_v002.0007.exr"),  # the version number stays
        ("/o/s.-005.exr", -5, 12, "/o/s.0012.exr"),  # %0*d: the width counts the sign
        ("/o/s.0005.exr", 5, -7, "/o/s.-007.exr"),
        ("/o/s.5.exr", 5, 123, "/o/s.123.exr"),
        ("/o/{x}/s_0012.exr", 12, 13, "/o/{x}/s_0013.exr"),  # braces in paths are literal
    ],
)
def test_template_round_trip(path: str, frame: int, other: int, expected: str) -> None:
    template = infer_image_template(path, frame)
    assert template is not None
    assert expand_image_template(template, frame) == path
    assert expand_image_template(template, other) == expected


def test_no_frame_number_no_template() -> None:
    assert infer_image_template("/o/beauty.exr", 3) is None
    assert infer_image_template("/o/s.0004.exr", 3) is None


def test_image_ok_reasons(tmp_path) -> None:
    empty = tmp_path / "e.exr"
    empty.write_bytes(b"")
    good = tmp_path / "g.exr"
    good.write_bytes(b"x")
    assert image_ok(str(good)) == (True, "")
    assert "empty" in image_ok(str(empty))[1]
    assert "does not exist" in image_ok(str(tmp_path / "missing.exr"))[1]
