"""Unit tests of the pieces the fault matrix fixes rest on: output activity and lost GPUs."""

from __future__ import annotations

import os
import time
from pathlib import Path

from lrc_toolbox.core.gpu_availability import GIB, GPUAvailability
from lrc_toolbox.core.models import GPUInfo
from lrc_toolbox.core.output_activity import has_new_files
from lrc_toolbox.core.render_process_manager import RenderProcessManager
from lrc_toolbox.utils.gpu_utils import GPUQueryError

UUID_A = "GPU-aaaaaaaa-1111-2222-3333-444444444444"
UUID_B = "GPU-bbbbbbbb-1111-2222-3333-444444444444"


def _write(path: Path, data: bytes = b"image", age_s: float = 0.0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if age_s:
        stamp = time.time() - age_s
        os.utime(path, (stamp, stamp))
    return path


# --------------------------------------------------------------------------------------------------
# output_activity.has_new_files
# --------------------------------------------------------------------------------------------------
def test_missing_output_folder_shows_no_activity(tmp_path: Path) -> None:
    assert has_new_files(tmp_path / "nope", time.time() - 60) is False


def test_only_new_non_empty_files_count(tmp_path: Path) -> None:
    since = time.time() - 30
    _write(tmp_path / "BG" / "old.0001.exr", age_s=120)
    _write(tmp_path / "BG" / "empty.0002.exr", b"")
    assert has_new_files(tmp_path, since) is False
    _write(tmp_path / "BG" / "shot.0003.exr")
    assert has_new_files(tmp_path, since) is True


def test_names_keep_one_layers_files_from_counting_for_another(tmp_path: Path) -> None:
    since = time.time() - 30
    _write(tmp_path / "MASTER_CHAR_A" / "shot001.0001.exr")
    _write(tmp_path / "MASTER_BG_A_v2" / "shot001.0001.exr")  # a longer name is another layer
    assert has_new_files(tmp_path, since, {"MASTER_BG_A", "rs_MASTER_BG_A"}) is False
    assert has_new_files(tmp_path, since, {"MASTER_CHAR_A"}) is True
    _write(tmp_path / "flat" / "shot001_MASTER_BG_A.0001.exr")  # the name inside a file name
    assert has_new_files(tmp_path, since, {"MASTER_BG_A"}) is True


def test_the_search_is_bounded_in_depth_and_entries(tmp_path: Path) -> None:
    since = time.time() - 30
    deep = tmp_path.joinpath(*[f"d{i}" for i in range(8)])
    _write(deep / "shot.0001.exr")
    assert has_new_files(tmp_path, since, max_depth=3) is False
    assert has_new_files(tmp_path, since, max_depth=10) is True
    for index in range(30):
        _write(tmp_path / "many" / f"old.{index:04d}.exr", age_s=300)
    assert has_new_files(tmp_path / "many", since, max_entries=10) is False


def test_a_linked_folder_is_not_followed(tmp_path: Path) -> None:
    since = time.time() - 30
    _write(tmp_path / "elsewhere" / "shot.0001.exr")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert has_new_files(tmp_path / "out", since) is False


# --------------------------------------------------------------------------------------------------
# GPUAvailability.lost_reason
# --------------------------------------------------------------------------------------------------
def _gpu(uuid: str, index: int = 0, available: bool = True, why: str = "") -> GPUInfo:
    return GPUInfo(
        index,
        "Fake",
        24 * GIB,
        20 * GIB,
        (8, 9),
        uuid=uuid,
        is_available=available,
        unavailable_reason=why,
    )


def test_a_listed_gpu_is_not_lost_and_a_missing_one_is() -> None:
    avail = GPUAvailability(lambda: ([_gpu(UUID_A)], "550"))
    assert avail.lost_reason(_gpu(UUID_A)) is None
    assert avail.lost_reason(_gpu(UUID_A[:12])) is None  # a UUID prefix, as CUDA accepts
    reason = avail.lost_reason(_gpu(UUID_B, 1))
    assert reason is not None and UUID_B in reason and "no longer reported" in reason


def test_the_driver_error_of_a_broken_gpu_is_part_of_the_reason() -> None:
    broken = GPUInfo(
        1,
        "",
        0,
        0,
        None,
        is_available=False,
        unavailable_reason="NVML cannot open GPU 1: GPU is lost",
    )
    avail = GPUAvailability(lambda: ([_gpu(UUID_A), broken], "550"))
    reason = avail.lost_reason(_gpu(UUID_B, 1))
    assert reason is not None and "GPU is lost" in reason


def test_no_opinion_without_nvml_an_index_or_a_mig_instance() -> None:
    def no_nvml() -> tuple[list[GPUInfo], str]:
        raise GPUQueryError("no driver")

    assert GPUAvailability(no_nvml).lost_reason(_gpu(UUID_A)) is None
    listed = GPUAvailability(lambda: ([_gpu(UUID_A)], "550"))
    assert listed.lost_reason(_gpu("", 3)) is None  # pinned by index: indices shift, no opinion
    assert listed.lost_reason(_gpu("MIG-11111111-2222-3333-4444-555555555555")) is None
    assert listed.lost_reason(None) is None


def test_an_empty_list_from_a_working_nvml_means_every_gpu_is_lost() -> None:
    assert GPUAvailability(lambda: ([], "550")).lost_reason(_gpu(UUID_A)) is not None


def test_is_stopping_is_false_for_unknown_processes() -> None:
    assert RenderProcessManager().is_stopping("t0001") is False
