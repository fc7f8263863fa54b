"""Temp clean-up never deletes an image: moved to the output folder, or kept where it is."""

from __future__ import annotations

from pathlib import Path

from lrc_toolbox.utils.temp_file_manager import TempFileManager
from lrc_toolbox.utils.temp_images import find_images, is_image, rescue_images


def test_image_names_are_recognised_with_the_frame_anywhere() -> None:
    for name in ("a.exr", "a.0001.exr", "a.exr.0001", "A.0001.PNG", "a_0001.tif"):
        assert is_image(name), name
    for name in ("shot.ma", ".owner.json", "log.txt", "exr"):
        assert not is_image(name), name


def _job_folder_with_images(temp: TempFileManager) -> list[Path]:
    out, scene = temp.open_new_file("render_shot_BG", "shot.ma")
    with out:
        out.write(b"//Maya ASCII 2024 scene\n")
    temp.track(scene)
    images = [
        temp.job_dir / "render_shot_BG" / "images" / "BG" / "shot.0001.exr",
        temp.job_dir / "render_shot_BG" / "images" / "BG" / "shot.0002.exr",
    ]
    for image in images:
        image.parent.mkdir(parents=True, exist_ok=True)
        image.write_bytes(b"pixels")
    return images


def test_cleanup_keeps_images_and_removes_everything_else(tmp_path) -> None:
    temp = TempFileManager(root=tmp_path / "tmp")
    images = _job_folder_with_images(temp)
    kept = temp.cleanup_all()
    assert sorted(kept) == sorted(p.absolute() for p in images)
    assert all(image.read_bytes() == b"pixels" for image in images)
    assert find_images(temp.job_dir) == sorted(p.absolute() for p in images)
    assert not (temp.job_dir / "render_shot_BG" / "shot.ma").exists()


def test_rescue_moves_images_below_the_output_folder_without_overwriting(tmp_path) -> None:
    temp = TempFileManager(root=tmp_path / "tmp")
    _job_folder_with_images(temp)
    out = tmp_path / "out"
    (out / "BG").mkdir(parents=True)
    (out / "BG" / "shot.0002.exr").write_bytes(b"older work")
    report = rescue_images(temp.job_dir, out, exclude=temp.tracked)
    assert [target for _, target in report.moved] == [out / "BG" / "shot.0001.exr"]
    assert (out / "BG" / "shot.0001.exr").read_bytes() == b"pixels"
    assert (out / "BG" / "shot.0002.exr").read_bytes() == b"older work"  # never overwritten
    assert [p.name for p in report.kept] == ["shot.0002.exr"]
    assert [p.name for p in temp.cleanup_all()] == ["shot.0002.exr"]  # kept, not deleted


def test_without_images_the_whole_folder_goes(tmp_path) -> None:
    temp = TempFileManager(root=tmp_path / "tmp")
    out, scene = temp.open_new_file("render_shot_BG", "shot.ma")
    out.close()
    temp.track(scene)
    assert rescue_images(temp.job_dir, tmp_path / "out").moved == []
    assert temp.cleanup_all() == ()
    assert not temp.job_dir.exists()
