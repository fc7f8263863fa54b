"""A damaged, newer or locked job store is one line; two managers never both claim a job.

No process is started: the lock is held by a second SQLite connection of this process (SQLite
locks between connections exactly as between processes), and the claim race runs on threads
with separate connections, many times over.
"""

from __future__ import annotations

import io
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from lrc_toolbox.cli import batch_render_cli
from lrc_toolbox.core import job_store_connection
from lrc_toolbox.core.job_store import (
    DamagedStoreError,
    JobClaimedError,
    JobStore,
    JobStoreError,
    StoreBusyError,
)
from lrc_toolbox.core.models import JobState

CLAIM_ROUNDS = 200


def _store_with_a_job(path: Path) -> None:
    with JobStore(path) as store:
        store.create_job(job_id="j1", scene="/s.ma", config={}, frames={"A": list(range(50))})


def _damage(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        for page in range(1, max(2, size // 4096)):
            handle.seek(page * 4096)
            handle.write(os.urandom(4096))


def _cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = batch_render_cli.main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_a_damaged_store_is_one_line_naming_the_file_and_what_to_do(tmp_path) -> None:
    path = tmp_path / "jobs.sqlite3"
    _store_with_a_job(path)
    _damage(path)
    with pytest.raises(DamagedStoreError, match="move it aside"):
        with JobStore(path) as store:
            store.list_jobs()
    for argv in (["history"], ["status"], ["status", "j1", "--json"], ["cancel", "j1"]):
        code, out, err = _cli([*argv, "--store", str(path)])
        assert code == 2, (argv, err)
        assert err.count("\n") == 1 and str(path) in err and "move it aside" in err, err
        assert "Traceback" not in err + out


def test_a_file_that_is_no_database_at_all_is_one_line(tmp_path) -> None:
    path = tmp_path / "jobs.sqlite3"
    path.write_bytes(os.urandom(8192))
    code, _, err = _cli(["history", "--store", str(path)])
    assert code == 2 and "move it aside" in err and err.count("\n") == 1


def test_a_store_from_a_newer_version_is_one_line(tmp_path) -> None:
    path = tmp_path / "jobs.sqlite3"
    _store_with_a_job(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(JobStoreError, match="newer lrc_toolbox"):
        JobStore(path)
    code, _, err = _cli(["history", "--store", str(path)])
    assert code == 2 and "newer" in err and "move it aside" in err and err.count("\n") == 1


def test_a_locked_store_says_why_it_waits_then_gives_up_in_one_line(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(job_store_connection, "BUSY_TIMEOUT_S", 1.5)
    monkeypatch.setattr(job_store_connection, "BUSY_NOTICE_S", 0.3)
    path = tmp_path / "jobs.sqlite3"
    _store_with_a_job(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing, for longer than we wait
    told: list[str] = []
    try:
        with JobStore(path, on_busy=told.append) as store:
            assert store.get_job("j1") is not None  # WAL: readers are never blocked
            with pytest.raises(StoreBusyError, match="locked by another process"):
                store.set_job_state("j1", JobState.RUNNING)
        assert len(told) == 1 and "waiting up to" in told[0] and str(path) in told[0]
        code, _, err = _cli(["cancel", "j1", "--store", str(path)])
        lines = err.strip().splitlines()
        assert code == 2 and len(lines) == 2, err  # "waiting..." then the error
        assert "waiting up to" in lines[0] and "locked by another process" in lines[1]
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_of_two_claims_at_once_exactly_one_wins_every_time(tmp_path) -> None:
    path = tmp_path / "jobs.sqlite3"
    with JobStore(path) as store:
        for n in range(CLAIM_ROUNDS):
            store.create_job(job_id=f"j{n}", scene="/s.ma", config={}, frames={"A": [1]})
    alive = {1001, 1002}  # the two claimants; the job's first manager (None) is gone

    def holder_alive(pid: int | None, _create_time: float | None) -> bool:
        return pid in alive

    stores = [JobStore(path), JobStore(path)]

    def claim(index: int, job_id: str, barrier: threading.Barrier, results: dict) -> None:
        barrier.wait()
        try:
            stores[index].claim_manager(
                job_id, pid=1001 + index, create_time=1.0, holder_alive=holder_alive
            )
            results[index] = "won"
        except JobClaimedError as exc:
            results[index] = f"refused by {exc.holder_pid}"

    try:
        for n in range(CLAIM_ROUNDS):
            results: dict[int, str] = {}
            barrier = threading.Barrier(2)
            threads = [
                threading.Thread(target=claim, args=(i, f"j{n}", barrier, results)) for i in (0, 1)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert sorted(results.values())[1] == "won", results
            loser = next(i for i, r in results.items() if r != "won")
            assert results[loser] == f"refused by {1001 + (1 - loser)}"
            assert stores[0].get_job(f"j{n}").manager_pid == 1001 + (1 - loser)
    finally:
        for store in stores:
            store.close()


def test_an_ended_job_cannot_be_claimed(tmp_path) -> None:
    path = tmp_path / "jobs.sqlite3"
    _store_with_a_job(path)
    with JobStore(path) as store:
        store.set_job_state("j1", JobState.RUNNING)
        store.set_job_state("j1", JobState.SUCCEEDED)
        with pytest.raises(JobClaimedError, match="already ended") as caught:
            store.claim_manager("j1", pid=5, create_time=1.0, holder_alive=lambda *_: False)
        assert caught.value.holder_pid is None


def test_a_start_the_store_refuses_leaves_no_temp_folder(tmp_path, render_env, monkeypatch) -> None:
    from lrc_test_support import SAMPLE_SCENE, find_standin
    from lrc_toolbox.core.batch_render_api import BatchRenderAPI
    from lrc_toolbox.core.models import RenderConfig
    from lrc_toolbox.core.planner import PlanError
    from lrc_toolbox.core.system_detector import SystemDetector

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise JobStoreError("job store x: disk I/O error")

    monkeypatch.setattr(JobStore, "create_job", refuse)
    detector = SystemDetector(nvml_query=lambda: ([], ""), smi_query=lambda: [], inside_maya=False)
    api = BatchRenderAPI(detector=detector, store_path=tmp_path / "data" / "jobs.sqlite3")
    config = RenderConfig(
        scene_file=str(SAMPLE_SCENE),
        layers=["MASTER_BG_A"],
        frame_range="1",
        renderer="sw",
        render_exe=find_standin(),
        keep_temp=True,  # even then: a start that failed holds nothing worth keeping
    )
    with pytest.raises(PlanError, match="cannot start the job"):
        api.submit(config)
    assert list(Path(render_env["TMPDIR"]).rglob("job-*")) == []
