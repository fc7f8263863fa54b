"""The machine check of ``lrc_toolbox/maya``'s Maya API calls (``.ci/mypy_maya.ini``) passes on the
package and catches a command or a flag that Maya does not have."""

from __future__ import annotations

from pathlib import Path

from mypy import api

from lrc_test_support import ROOT

CONFIG = ROOT / ".ci" / "mypy_maya.ini"
BAD = '''"""A module that calls Maya wrongly."""
from lrc_toolbox.maya import host


def f() -> None:
    """Two mistakes the stubs know about."""
    cmds = host.maya_cmds
    cmds.ls(typo="renderLayer")
    host.maya_cmds.noSuchCommand()
'''


def test_maya_calls_are_checked_against_the_published_stubs(tmp_path: Path) -> None:
    bad = tmp_path / "bad_maya_calls.py"
    bad.write_text(BAD, encoding="utf-8")
    out, err, code = api.run(
        [
            "--config-file",
            str(CONFIG),
            "--cache-dir",
            str(tmp_path / "cache"),
            str(ROOT / "lrc_toolbox" / "maya"),
            str(bad),
        ]
    )
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert code == 1, err
    assert all(line.startswith(str(bad)) for line in errors), errors  # the package is clean
    assert any('Unexpected keyword argument "typo" for "ls"' in line for line in errors)
    assert any('has no attribute "noSuchCommand"' in line for line in errors)
