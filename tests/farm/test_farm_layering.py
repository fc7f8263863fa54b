"""``lrc_toolbox.farm`` imports without Maya, Qt or any farm library, and says what is missing."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from farm_fixtures import ROOT, SAMPLE_SCENE

_SCRIPT = textwrap.dedent(
    """
    import importlib, importlib.abc, pkgutil, sys
    BLOCKED = ("maya", "Qt", "PySide2", "PySide6", "openjd", "outline", "opencue",
               "FileSequence", "grpc", "lxml")
    class Blocker(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is blocked in this test", name=name)
            return None
    sys.meta_path.insert(0, Blocker())
    import lrc_toolbox.farm as farm
    names = [info.name for info in pkgutil.walk_packages(farm.__path__, "lrc_toolbox.farm.")]
    for name in names:
        importlib.import_module(name)
    importlib.import_module("lrc_toolbox.cli.farm_submit")
    leaked = [m for m in sys.modules if m.split(".")[0] in BLOCKED]
    assert not leaked, leaked
    from lrc_toolbox.api import BatchRenderAPI, RenderConfig
    plan = BatchRenderAPI().plan(RenderConfig(
        scene_file=sys.argv[1], layers=["MASTER_BG_A"], frame_range="1-3", renderer="sw",
        render_exe=sys.executable))
    for engine in ("openjd", "opencue"):
        try:
            farm.submit_job(plan, engine, dry_run=True)
        except farm.FarmUnavailableError as exc:
            print(exc)
    print(farm.submit_job(plan, "deadline", dry_run=True).submitted, len(names))
    """
)


@pytest.mark.slow
def test_farm_imports_without_its_libraries_and_names_the_extra_to_install(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(SAMPLE_SCENE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "", "HOME": str(tmp_path), "TMPDIR": str(tmp_path), "SYSTEMROOT": ""},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert 'pip install "lrc-toolbox[openjd]"' in lines[0]
    assert 'pip install "lrc-toolbox[opencue]"' in lines[1]
    submitted, count = lines[2].split()
    assert submitted == "False" and int(count) >= 5
