"""Fixtures for the farm exporter tests: plans against the Render stand-in, an isolated farm setup.

They live here, not in a ``conftest.py``, because test modules of this project import the top
``tests/conftest.py`` by name: a second module named ``conftest`` would shadow it. Each test module
imports the ``*_fixture`` functions it uses; pytest knows them by their ``name`` (``make_plan``...),
and ``farm_isolation`` is autouse in every module that imports it.

No test may reach a real farm: ``farm_isolation`` removes every variable that names one
(``CUEBOT_HOSTS``, OpenCue config files, ``DEADLINE_PATH``), points ``HOME`` (where OpenCue looks
for its user config) and the data folder at the test's temp folder, and drops any real
``deadline``/``deadlinecommand`` from ``PATH``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from lrc_test_support import ROOT, SAMPLE_SCENE  # noqa: F401  (re-exported to the farm tests)
from lrc_test_support import find_standin as _standin
from lrc_toolbox.api import BatchRenderAPI, JobPlan, RenderConfig
from lrc_toolbox.core.planner import PlannedLayer


@pytest.fixture(name="farm_isolation", autouse=True)
def farm_isolation_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from real farms, user configs and the user's data folder."""
    for var in (
        "CUEBOT_HOSTS",
        "CUEBOT_FACILITY",
        "OPENCUE_CONFIG_FILE",
        "OPENCUE_CONF",
        "DEADLINE_PATH",
        "LRC_STANDIN_FAULTS",
        "LRC_STANDIN_LAYER_FRAME_S",
    ):
        monkeypatch.delenv(var, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("LRC_TOOLBOX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LRC_STANDIN_FRAME_S", "0.01")
    monkeypatch.setenv("LRC_STANDIN_STARTUP_S", "0.01")
    keep = []
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if any(Path(folder, name).exists() for name in ("deadline", "deadlinecommand")):
            continue
        keep.append(folder)
    monkeypatch.setenv("PATH", os.pathsep.join(keep))


@pytest.fixture(name="standin")
def standin_fixture() -> str:
    """The Render stand-in executable."""
    return _standin()


@pytest.fixture(name="binary_scene")
def binary_scene_fixture(tmp_path: Path) -> Path:
    """A Maya Binary scene (IFF header): its layers are named freely with ``--layer``."""
    path = tmp_path / "scenes" / "odd shot.mb"
    path.parent.mkdir()
    path.write_bytes(b"FOR4\x00\x00\x00\x20Maya" + b"\x00" * 24)
    return path


_NODE_NAME = re.compile(r"^:?[A-Za-z_][A-Za-z0-9_]*(?::[A-Za-z_][A-Za-z0-9_]*)*$")


@pytest.fixture(name="make_plan")
def make_plan_fixture(standin: str) -> Callable[..., JobPlan]:
    """Plan a job against the stand-in: ``make_plan(frame_range="1-10", layers=[...], ...)``.

    Defaults: the sample scene, Redshift; planned for a farm, as ``--submit`` plans (no GPU of
    this machine is probed or needed).
    """

    def make(**overrides: object) -> JobPlan:
        values: dict[str, object] = {
            "scene_file": str(SAMPLE_SCENE),
            "layers": ["MASTER_BG_A"],
            "frame_range": "1-10",
            "renderer": "redshift",
            "gpus": ["0"],
            "render_exe": standin,
        }
        values.update(overrides)
        layers = list(values["layers"])  # type: ignore[arg-type]
        odd = [name for name in layers if not _NODE_NAME.match(f"rs_{name}")]
        if not odd:
            return BatchRenderAPI().plan(RenderConfig(**values), for_farm=True)  # type: ignore[arg-type]
        # The planner refuses names that are not Maya node names (no real scene holds them, and
        # Render writes -rl into a MEL script). The exporters must still quote whatever reaches
        # them (defence in depth), so plan with stand-in names and put the odd ones back.
        stand_ins = [f"ODD_LAYER_{i}" for i in range(len(layers))]
        values["layers"] = stand_ins
        plan = BatchRenderAPI().plan(RenderConfig(**values), for_farm=True)  # type: ignore[arg-type]
        plan.layers = [
            PlannedLayer(name, name if name.startswith("rs_") else f"rs_{name}", planned.frames)
            for name, planned in zip(layers, plan.layers, strict=True)
        ]
        plan.config.layers = layers
        return plan

    return make
