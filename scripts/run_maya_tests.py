"""Run the Maya-tier tests (tests/maya) inside a real Maya, when one is installed.

    python scripts/run_maya_tests.py [--mayapy PATH] [pytest args...]

Like mottosso/cmdx's ``run_tests.py``: it starts ``mayapy`` on this script, which calls
``maya.standalone.initialize()`` and then runs pytest on ``tests/maya`` with
``LRC_TEST_REAL_MAYA=1``, so the tests' fixture uses the real ``maya`` instead of the fake (tests
that need an injected fault skip there). mayapy needs pytest: ``mayapy -m pip install --user
pytest``. With no mayapy on this machine it says so and exits 0 (``python -m pytest tests/maya``
runs the same tests against the fake).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSIDE_FLAG = "--inside-mayapy"
REAL_MAYA_ENV = "LRC_TEST_REAL_MAYA"


def _split(argv: list[str]) -> tuple[str | None, list[str]]:
    if argv[:1] == ["--mayapy"] and len(argv) > 1:
        return argv[1], argv[2:]
    return None, argv


def outside(argv: Sequence[str]) -> int:
    """Find mayapy and re-run this script in it; 0 with a note when there is none."""
    sys.path.insert(0, str(ROOT))
    from lrc_toolbox.maya.module_install import find_mayapy

    explicit, pytest_args = _split(list(argv))
    mayapy, looked = find_mayapy(explicit)
    if mayapy is None:
        print(
            "run_maya_tests: no mayapy found (looked in: " + ", ".join(looked) + "). The "
            "Maya-tier tests run against the fake maya only: python -m pytest tests/maya"
        )
        return 0
    env = dict(os.environ)
    env[REAL_MAYA_ENV] = "1"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    print(f"run_maya_tests: running tests/maya inside {mayapy}")
    return subprocess.run(
        [str(mayapy), str(Path(__file__).resolve()), INSIDE_FLAG, *pytest_args],
        cwd=ROOT,
        env=env,
        check=False,
    ).returncode


def inside(pytest_args: Sequence[str]) -> int:
    """In mayapy: start Maya, run pytest on tests/maya, leave without Maya's shutdown crashes."""
    try:
        import pytest
    except ImportError:
        print(
            "run_maya_tests: pytest is not installed in mayapy: "
            f"{sys.executable} -m pip install --user pytest",
            file=sys.stderr,
        )
        return 1
    import maya.standalone

    maya.standalone.initialize(name="python")
    code = int(pytest.main(["tests/maya", "-p", "no:cacheprovider", *pytest_args]))
    try:
        maya.standalone.uninitialize()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # Maya may crash while tearing down after a normal exit; keep pytest's code


if __name__ == "__main__":
    if sys.argv[1:2] == [INSIDE_FLAG]:
        sys.exit(inside(sys.argv[2:]))
    sys.exit(outside(sys.argv[1:]))
