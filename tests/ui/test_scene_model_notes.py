"""The dialog's scene model reads a file's notes and per-layer frames (Qt-free)."""

from __future__ import annotations

from pathlib import Path

from lrc_test_support import ROOT
from lrc_toolbox.core.scene_source import FileSceneSource
from lrc_toolbox.ui.control.models.scene_model import SceneModel

CUBE = ROOT / "tests" / "data" / "real_scenes" / "scenes" / "dlm_cube.ma"


def test_a_still_scene_defaults_to_its_current_frame_and_says_why() -> None:
    # deadline-cloud-for-maya cube.ma: real Maya rendered frame 537 with Maya Software.
    summary = SceneModel(FileSceneSource(CUBE)).describe()
    assert summary.default_frames == "537"
    assert summary.default_renderer == "mayaSoftware"
    (layer,) = summary.layers
    assert (layer.renderer, layer.frame_range) == ("mayaSoftware", "537")
    assert any("current frame 537" in note for note in summary.notes)
    # The dialog shows this note: an empty Frames field renders a still, named without a number.
    assert any("as a still (no frame number in the image name)" in n for n in summary.notes)


def test_a_missing_file_has_no_notes(tmp_path: Path) -> None:
    summary = SceneModel(FileSceneSource(tmp_path / "gone.ma")).describe()
    assert summary.error and summary.notes == ()
