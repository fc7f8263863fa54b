"""scripts/bench_dialog.py keeps working: its stand-in controller implements the whole interface.

The benchmark broke once when the History tab added methods to the controller interface and its
stand-in did not follow (an abstract class cannot be instantiated). This test builds the stand-in
in-process (no Qt, no sleep); CI also runs ``bench_dialog.py --smoke`` (see ``.ci/run``).
"""

from __future__ import annotations

import importlib.util

import pytest
from fakes import ROOT

from lrc_toolbox.ui.controller import BatchRenderController, ControllerError

SCRIPT = ROOT / "scripts" / "bench_dialog.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_dialog", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_stand_in_controller_answers_the_whole_interface() -> None:
    bench = load_bench()
    controller = bench.make_flood_controller(renders=2, layers=3)
    assert isinstance(controller, BatchRenderController)
    assert not getattr(type(controller), "__abstractmethods__", None)
    assert [layer.name for layer in controller.describe_scene().layers] == [
        "LAYER_00",
        "LAYER_01",
        "LAYER_02",
    ]
    assert len(controller.system_resources().usable_gpus) == 2
    (row,) = controller.history()
    assert row.job_id == bench.JOB_ID and row.frames_total == 2000 and not row.finished
    assert controller.job_details(bench.JOB_ID).job == row
    assert controller.orphaned_jobs() == []
    for refused in (controller.resume_job, controller.retry_job, controller.cancel_job):
        with pytest.raises(ControllerError):
            refused(bench.JOB_ID)


def test_the_smoke_mode_is_small() -> None:
    bench = load_bench()
    assert bench.SMOKE["seconds"] <= 5 and bench.SMOKE["lines_per_s"] <= 1000
