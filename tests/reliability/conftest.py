"""Fixtures of the reliability tests: small file systems that fill up or turn read-only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_support import is_root, tmpfs


@pytest.fixture()
def small_fs(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs (needs root to mount); skipped with the reason where it cannot be had."""
    if not is_root():
        pytest.skip("mounting a small tmpfs needs root")
    try:
        with tmpfs(tmp_path / "small_fs", size="64k") as path:
            yield path
    except OSError as exc:
        pytest.skip(f"cannot mount a tmpfs here: {exc}")


@pytest.fixture()
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder this process cannot write to: chmod for a normal user, a read-only tmpfs for root."""
    path = tmp_path / "read_only"
    if not is_root():
        path.mkdir()
        path.chmod(0o555)
        yield path
        path.chmod(0o755)
        return
    try:
        with tmpfs(path, size="64k", read_only=True) as mounted:
            yield mounted
    except OSError as exc:
        pytest.skip(f"root needs a read-only mount for an unwritable folder, which failed: {exc}")


@pytest.fixture()
def clean_sigterm() -> Iterator[None]:
    """Restore SIGTERM's handler: the CLI's ``main`` installs its own when run in-process."""
    import signal

    previous = signal.getsignal(signal.SIGTERM)
    yield
    signal.signal(signal.SIGTERM, previous)
