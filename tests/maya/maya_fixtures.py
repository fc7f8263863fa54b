"""Fixtures of the Maya-tier tests: the fake ``maya`` (default) or the real one.

Test modules import them (``from maya_fixtures import maya_env``): a ``conftest.py`` here would
shadow ``tests/conftest.py`` for the ``from lrc_test_support import ROOT`` imports of the other tests.

``maya_env`` installs the fake package from ``fake_maya/`` into ``sys.modules`` for one test (never
globally) and returns its state object, which the tests use to build scenes. Under
``scripts/run_maya_tests.py`` (``LRC_TEST_REAL_MAYA=1`` inside mayapy) it returns a builder over the
real Maya instead; tests that need the fake's fault injection or its recorded UI use
``fake_maya_env`` and skip there.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REAL_MAYA = os.environ.get("LRC_TEST_REAL_MAYA") == "1"


@pytest.fixture()
def maya_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A fresh untitled scene in Render Setup mode (fake), or in the real Maya."""
    if REAL_MAYA:
        from real_maya import RealMaya

        yield RealMaya(tmp_path)
        return
    import fake_maya

    fake = fake_maya.FakeMaya(tmp_path / "project")
    (tmp_path / "project" / "images").mkdir(parents=True)
    for name, module in fake_maya.MODULE_NAMES.items():
        monkeypatch.setitem(sys.modules, name, fake_maya if module is None else module)
    fake_maya.activate(fake)
    try:
        yield fake
    finally:
        fake_maya.activate(None)


@pytest.fixture()
def fake_maya_env(maya_env: Any) -> Any:
    """The fake only (fault injection, recorded UI, the deferred queue)."""
    if REAL_MAYA:
        pytest.skip("needs the fake maya's fault injection or recorded state")
    return maya_env
