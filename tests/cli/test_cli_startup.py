"""The CLI's own start-up: a render imports only what it needs before its first launch.

Every millisecond between ``lrc-batch-render`` starting and its first ``Render`` launch is on the
job's critical path (see ``scripts/bench_scheduling.py``, "CLI start to 1st launch"): the dry-run
preview, the job sub-commands and desktop notifications are imported only when they are used.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from lrc_test_support import ROOT

#: Modules a render does not need; importing the CLI must not import them.
NOT_FOR_A_RENDER = (
    "lrc_toolbox.cli.dry_run",
    "lrc_toolbox.cli.job_commands",
    "lrc_toolbox.core.notifications",
    "lrc_toolbox.core.schedule_sim",
)


@pytest.mark.slow
def test_importing_the_cli_leaves_out_what_a_render_does_not_use() -> None:
    code = (
        "import sys, lrc_toolbox.cli.batch_render_cli\n"
        f"print([m for m in {NOT_FOR_A_RENDER!r} if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
