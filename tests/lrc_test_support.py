"""Shared test constants and helpers (imported by name: pytest's conftest is not importable)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SCENE = ROOT / "examples" / "shot001.ma"


def find_standin() -> str:
    """Path of the installed ``lrc-render-standin`` console script (next to this Python first)."""
    beside = Path(sys.executable).with_name("lrc-render-standin")
    if beside.exists():
        return str(beside)
    found = shutil.which("lrc-render-standin")
    if not found:
        pytest.skip("lrc-render-standin is not installed (pip install -e .)")
    return found
