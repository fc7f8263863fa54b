"""RequestGate: at most one request in flight; the latest one asked for meanwhile runs once after.

Pure policy: no Qt, no threads, no sleeps. A "request" here records that it was sent; the test
says when it ends, as a worker's answer would.
"""

from __future__ import annotations

import pytest

from lrc_toolbox.ui.view_state.request_gate import RequestGate


class Reads:
    """Requests that only record being sent."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    def __call__(self, name: str):
        return lambda: self.sent.append(name)


def test_an_idle_gate_sends_at_once() -> None:
    gate, reads = RequestGate(), Reads()
    assert gate.request(reads("a")) is True
    assert reads.sent == ["a"] and gate.in_flight and not gate.waiting


def test_requests_meanwhile_are_remembered_and_only_the_latest_runs_once() -> None:
    gate, reads = RequestGate(), Reads()
    gate.request(reads("a"))
    assert gate.request(reads("b")) is False
    assert gate.request(reads("c")) is False
    assert reads.sent == ["a"] and gate.waiting
    gate.finished()  # "a" answered: "c" goes now, "b" never
    assert reads.sent == ["a", "c"] and gate.in_flight and not gate.waiting
    gate.finished()
    assert reads.sent == ["a", "c"] and not gate.in_flight


def test_without_waiting_requests_finishing_leaves_the_gate_idle() -> None:
    gate, reads = RequestGate(), Reads()
    gate.request(reads("a"))
    gate.finished()
    assert not gate.in_flight
    assert gate.request(reads("b")) is True
    assert reads.sent == ["a", "b"]


def test_a_dropped_waiting_request_is_not_sent() -> None:
    gate, reads = RequestGate(), Reads()
    gate.request(reads("job1"))
    gate.request(reads("job2"))
    gate.drop_waiting()  # the selection was cleared meanwhile
    gate.finished()
    assert reads.sent == ["job1"] and not gate.in_flight


def test_a_request_that_fails_to_send_leaves_nothing_in_flight() -> None:
    gate, reads = RequestGate(), Reads()

    def broken() -> None:
        raise RuntimeError("the worker pool is gone")

    with pytest.raises(RuntimeError):
        gate.request(broken)
    assert not gate.in_flight
    assert gate.request(reads("a")) is True


def test_a_request_made_while_sending_waits_for_the_first_to_end() -> None:
    # A worker may answer synchronously (a cached read): the answer's own follow-up request
    # arrives while the first is still being sent.
    gate, reads = RequestGate(), Reads()

    def send_and_ask_again() -> None:
        reads.sent.append("first")
        gate.request(reads("follow-up"))

    gate.request(send_and_ask_again)
    assert reads.sent == ["first"] and gate.waiting
    gate.finished()
    assert reads.sent == ["first", "follow-up"]
