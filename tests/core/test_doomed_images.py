"""An image inside a temp folder the engine deletes is never verified (pure rules, no disk)."""

from __future__ import annotations

import os

from lrc_toolbox.core.verification import ImageFacts, doomed_folder, verify_frame

TEMP = os.path.join(os.sep, "tmp", "lrc_toolbox-ann", "job-1")
OUT = os.path.join(os.sep, "shows", "s1", "images")


def _probe(_path: str) -> ImageFacts:
    return ImageFacts(exists=True, size=100, mtime=1000.0)


def test_doomed_folder_matches_the_folder_and_below_only() -> None:
    assert doomed_folder(os.path.join(TEMP, "render_x", "images", "a.exr"), [TEMP]) == TEMP
    assert doomed_folder(TEMP, [TEMP]) == TEMP
    assert doomed_folder(TEMP + "-other/a.exr", [TEMP]) is None  # a sibling with a longer name
    assert doomed_folder(os.path.join(OUT, "a.exr"), [TEMP]) is None


def test_a_reported_image_in_the_temp_folder_is_not_verified_and_says_why() -> None:
    path = os.path.join(TEMP, "render_x", "images", "BG", "shot.0001.exr")
    verdict = verify_frame([path], [], launched_wall=0.0, skip_existing=False, probe=_probe)
    assert verdict.ok  # without the rule it would count: the file is there and non-empty
    verdict = verify_frame(
        [path], [], launched_wall=0.0, skip_existing=False, probe=_probe, doomed=[TEMP]
    )
    assert not verdict.ok and "deleted when the job ends" in verdict.why


def test_a_predicted_image_in_the_temp_folder_is_skipped_for_one_outside() -> None:
    doomed_path = os.path.join(TEMP, "shot.0001.exr")
    good = os.path.join(OUT, "shot.0001.exr")
    verdict = verify_frame(
        [], [doomed_path], launched_wall=0.0, skip_existing=True, probe=_probe, doomed=[TEMP]
    )
    assert not verdict.ok
    verdict = verify_frame(
        [], [doomed_path, good], launched_wall=0.0, skip_existing=True, probe=_probe, doomed=[TEMP]
    )
    assert verdict.ok and verdict.path == good
