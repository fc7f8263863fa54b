"""The bridge: engine callbacks from many threads become few, ordered batches on the GUI thread."""

from __future__ import annotations

import threading

from fakes import require_qt

require_qt()

from lrc_toolbox.core import events as ev  # noqa: E402
from lrc_toolbox.ui.bridge import EventBridge  # noqa: E402
from lrc_toolbox.ui.view_state.event_coalescer import (  # noqa: E402
    EventCoalescer,
    coalesce_progress,
)
from lrc_toolbox.ui.view_state.log_buffer import TASK, TEXT  # noqa: E402

THREADS = 4
PER_THREAD = 2_000


def progress(task: str, percent: float, job: str = "j1") -> ev.Progress:
    return ev.Progress(job_id=job, task_id=task, layer="L", frame=1, percent=percent)


def test_only_the_latest_progress_per_task_is_kept_and_order_is_preserved() -> None:
    events = [
        progress("t1", 10),
        progress("t2", 5),
        ev.FrameDone(job_id="j1", layer="L", frame=1),
        progress("t1", 20),
        ev.TaskFinished(job_id="j1", task_id="t2", status="succeeded"),
        progress("t1", 30),
        progress("t1", 10, job="j2"),
    ]
    kept, superseded = coalesce_progress(events)
    assert superseded == 2
    assert kept == [events[1], events[2], events[4], events[5], events[6]]


def test_pending_log_lines_are_bounded_and_the_newest_kept() -> None:
    queue = EventCoalescer(max_pending_log_lines=100)
    for number in range(250):
        queue.post(ev.LogLine(job_id="j", task_id="t", line=f"line {number}"))
    queue.post(ev.FrameDone(job_id="j", layer="L", frame=7))
    batch = queue.take()
    assert [record[TEXT] for record in batch.logs] == [f"line {n}" for n in range(150, 250)]
    assert batch.dropped_log_lines == 150
    assert [type(event) for event in batch.events] == [ev.FrameDone]  # state is never dropped
    assert not queue.take()


def _flood(bridge: EventBridge, worker: int, barrier: threading.Barrier) -> None:
    barrier.wait()
    task = f"t{worker}"
    for number in range(PER_THREAD):
        bridge.post(ev.LogLine(job_id="j", task_id=task, line=f"{worker}:{number}"))
        bridge.post(ev.Progress(job_id="j", task_id=task, frame=number, percent=number % 100))
        if number % 100 == 99:
            bridge.post(ev.FrameDone(job_id="j", layer=task, frame=number, task_id=task))


def _run_flood(bridge: EventBridge) -> None:
    barrier = threading.Barrier(THREADS)
    threads = [
        threading.Thread(target=_flood, args=(bridge, worker, barrier)) for worker in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_a_flood_from_worker_threads_arrives_as_one_coalesced_batch(qtbot) -> None:
    bridge = EventBridge()
    batches = []
    bridge.batch_ready.connect(batches.append)
    _run_flood(bridge)  # the timer is not running: nothing is delivered until the flush
    assert batches == []
    bridge.flush()
    assert len(batches) == 1
    batch = batches[0]
    assert len(batch.logs) == THREADS * PER_THREAD
    assert batch.superseded_progress == THREADS * (PER_THREAD - 1)
    latest = {
        event.task_id: event.frame for event in batch.events if isinstance(event, ev.Progress)
    }
    assert latest == {f"t{worker}": PER_THREAD - 1 for worker in range(THREADS)}
    for worker in range(THREADS):
        lines = [record[TEXT] for record in batch.logs if record[TASK] == f"t{worker}"]
        assert lines == [f"{worker}:{n}" for n in range(PER_THREAD)]
        done = [
            e.frame
            for e in batch.events
            if isinstance(e, ev.FrameDone) and e.task_id == f"t{worker}"
        ]
        assert done == list(range(99, PER_THREAD, 100))


def test_live_delivery_is_in_order_and_batched(qtbot) -> None:
    bridge = EventBridge(interval_ms=20)
    logs: list[tuple[str, str, str, str]] = []
    done: list[ev.FrameDone] = []
    calls = []

    def receive(batch) -> None:
        calls.append(threading.current_thread())
        logs.extend(batch.logs)
        done.extend(e for e in batch.events if isinstance(e, ev.FrameDone))

    bridge.batch_ready.connect(receive)
    bridge.start()
    _run_flood(bridge)
    qtbot.waitUntil(lambda: len(logs) == THREADS * PER_THREAD, timeout=10_000)
    bridge.detach()
    posted = THREADS * PER_THREAD * 2 + THREADS * (PER_THREAD // 100)
    # Many thousands of events, delivered in far fewer GUI updates, all on the GUI thread.
    assert bridge.batches_delivered == len(calls) < posted // 10
    assert all(thread is threading.main_thread() for thread in calls)
    for worker in range(THREADS):
        mine = [record[TEXT] for record in logs if record[TASK] == f"t{worker}"]
        assert mine == [f"{worker}:{n}" for n in range(PER_THREAD)]
    assert len(done) == THREADS * (PER_THREAD // 100)


def test_attach_subscribes_with_logs_and_detach_unsubscribes(qtbot) -> None:
    bus = ev.EventBus()
    bridge = EventBridge()
    received = []
    bridge.batch_ready.connect(received.append)
    bridge.attach(bus.subscribe)
    assert bus.wants_logs()
    bus.publish(ev.LogLine(job_id="j", task_id="t", line="hello"))
    bridge.flush()
    assert [record[TEXT] for record in received[0].logs] == ["hello"]
    bridge.detach()
    assert not bus.wants_logs()
    bus.publish(ev.LogLine(job_id="j", task_id="t", line="after"))
    bridge.flush()
    assert len(received) == 1
