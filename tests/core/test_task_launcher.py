"""Scene copies made ahead of the launches that need them (no render is started)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from lrc_test_support import SAMPLE_SCENE
from lrc_toolbox.core.models import GPUInfo, RenderConfig
from lrc_toolbox.core.planner import JobPlan, plan_job
from lrc_toolbox.core.render_process_manager import RenderProcessManager
from lrc_toolbox.core.system_detector import SystemDetector
from lrc_toolbox.core.task_launcher import TaskLauncher
from lrc_toolbox.scene import SceneSnapshots
from lrc_toolbox.utils.temp_file_manager import TempFileError, TempFileManager

LAYERS = ["MASTER_BG_A", "MASTER_CHAR_A", "MASTER_ATMOS_A"]


def _plan(standin: str) -> JobPlan:
    gpus = [GPUInfo(0, "RTX 0", 24 << 30, 20 << 30, (8, 6), uuid="GPU-0")]
    detector = SystemDetector(nvml_query=lambda: (gpus, "550.54"), inside_maya=False)
    config = RenderConfig(
        scene_file=str(SAMPLE_SCENE), layers=LAYERS, frame_range="1-4", render_exe=standin
    )
    return plan_job(config, detector=detector)


def _launcher(plan: JobPlan, temp: TempFileManager, tmp_path: Path) -> TaskLauncher:
    return TaskLauncher(
        plan,
        temp=temp,
        log_dir=tmp_path / "logs",
        processes=RenderProcessManager(),
        low_priority=False,
    )


def test_copies_are_made_ahead_in_order_and_reused(
    standin_exe: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(standin_exe)
    made: list[tuple[str, ...]] = []
    threads: list[str] = []
    original = SceneSnapshots.snapshot_scene

    def spy(self, scene_path, scene, nodes, timestamp=None):  # noqa: ANN001, ANN202
        made.append(tuple(nodes))
        threads.append(threading.current_thread().name)
        return original(self, scene_path, scene, nodes, timestamp)

    monkeypatch.setattr(SceneSnapshots, "snapshot_scene", spy)
    with TempFileManager(root=tmp_path / "tmp") as temp:
        launcher = _launcher(plan, temp, tmp_path)
        groups = [[layer] for layer in reversed(plan.layers)]
        launcher.prepare(groups)
        paths = [launcher.snapshot_for(group) for group in groups]
        assert made == [("rs_MASTER_ATMOS_A",), ("rs_MASTER_CHAR_A",), ("rs_MASTER_BG_A",)]
        assert set(threads) == {"scene-snapshots"}  # off the launching thread
        assert all(path.is_file() for path in paths) and len(set(paths)) == 3
        # Asked again (a retry, a taker): the same copy, nothing made.
        assert launcher.snapshot_for([plan.layers[0]]) == paths[-1]
        launcher.prepare(groups)
        assert len(made) == 3


def test_a_copy_that_could_not_be_made_fails_the_launch_that_needs_it(
    standin_exe: str, tmp_path: Path
) -> None:
    plan = _plan(standin_exe)
    temp = TempFileManager(root=tmp_path / "tmp")
    temp.cleanup_all()  # every later copy fails: the job's temp folder is gone
    launcher = _launcher(plan, temp, tmp_path)
    launcher.prepare([[plan.layers[0]]])
    with pytest.raises(TempFileError):
        launcher.snapshot_for([plan.layers[0]])  # made ahead: its error comes with it
    with pytest.raises(TempFileError):
        launcher.snapshot_for([plan.layers[1]])  # made on demand: the same error
