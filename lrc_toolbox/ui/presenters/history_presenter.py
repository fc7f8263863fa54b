"""The History tab's presenter: feeds the panel from the controller, off the GUI thread.

It reads the recent jobs while the tab is shown (every :data:`HISTORY_REFRESH_MS`, on Refresh,
and when a job starts or ends), the selected job's details after each list read and on each
click, and asks the controller to cancel a job. Every read runs on the dialog's
:class:`~lrc_toolbox.ui.workers.BackgroundRunner`, one at a time per kind
(:class:`~lrc_toolbox.ui.view_state.request_gate.RequestGate`): a read asked for meanwhile runs
once, when the one in flight ends.

It also looks for orphaned jobs (renders that outlived a crash of Maya or a CLI) and offers them
in the message bar: Resume (:attr:`HistoryPresenter.resume_requested`, the dialog starts it like
any job), Cancel, and Show History when there are several.

A frame clicked in the selected job's frame map has its log lines read from its renders' log
files (on the worker: they may be large) and handed to the Logs panel
(:attr:`HistoryPresenter.frame_log_ready`).

Re-running failed frames and resuming start jobs: the dialog does that (one job at a time, the
same way Start does); this presenter only reads and cancels.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from Qt import QtCore

from lrc_toolbox.ui.control.abstract import BatchRenderController, ControllerError
from lrc_toolbox.ui.view_state.frame_logs import frame_log_records
from lrc_toolbox.ui.view_state.job_history import JobDetails, JobRow
from lrc_toolbox.ui.view_state.log_buffer import LogRecord
from lrc_toolbox.ui.view_state.messages import orphan_offer_text
from lrc_toolbox.ui.view_state.request_gate import RequestGate
from lrc_toolbox.ui.widgets.history_panel import HistoryPanel
from lrc_toolbox.ui.widgets.message_bar import MessageBar
from lrc_toolbox.ui.workers import BackgroundRunner

__all__ = ["HISTORY_LIMIT", "HISTORY_REFRESH_MS", "HistoryPresenter"]

_LOG = logging.getLogger(__name__)

#: The History tab re-reads the job store this often while it is shown.
HISTORY_REFRESH_MS: int = 5000
#: Jobs the History tab lists (newest first; retention forgets old ones anyway).
HISTORY_LIMIT: int = 100

ConfirmFn = Callable[[str, str], bool]


class HistoryPresenter(QtCore.QObject):
    """Drives the History panel and the orphaned-job offer.

    Args:
        controller: Where jobs are read and cancelled.
        panel: The History panel it feeds.
        runner: Runs the controller's calls off the GUI thread.
        message_bar: Where the orphan offer and the outcome of a cancel are said.
        confirm: Asks a yes/no question (called at the time, so a replaced one is used).
        is_shown: True while the History tab is on screen.
        is_busy: True while the dialog prepares, starts or submits a job (no offer then).
        parent: Owner (the dialog).
    """

    #: Resume this orphaned job (the offer's Resume button).
    resume_requested = QtCore.Signal(str)
    #: Show the History tab (the offer's Show History button).
    show_requested = QtCore.Signal()
    #: A job was cancelled: what runs here may have changed.
    jobs_changed = QtCore.Signal()
    #: A clicked frame's log lines: (records, what they are).
    frame_log_ready = QtCore.Signal(list, str)

    def __init__(
        self,
        controller: BatchRenderController,
        panel: HistoryPanel,
        runner: BackgroundRunner,
        message_bar: MessageBar,
        *,
        confirm: ConfirmFn,
        is_shown: Callable[[], bool],
        is_busy: Callable[[], bool],
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._panel = panel
        self._runner = runner
        self._bar = message_bar
        self._confirm = confirm
        self._is_shown = is_shown
        self._is_busy = is_busy
        self._list_reads = RequestGate()
        self._detail_reads = RequestGate()
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(HISTORY_REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        panel.refresh_requested.connect(self.refresh)
        panel.job_selected.connect(self.request_details)
        panel.cancel_requested.connect(self.cancel_job)
        panel.frame_log_requested.connect(self.read_frame_log)

    # -- on screen or not -------------------------------------------------------------------------
    def update_shown(self) -> None:
        """Read now and keep reading while the tab is shown; stop reading when it is not."""
        if self._is_shown():
            self.refresh()
            self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        """Stop the periodic reads (the window is hidden or going away)."""
        self.timer.stop()

    def refresh_if_shown(self) -> None:
        """Read the recent jobs again if the tab is on screen (a job started or ended)."""
        if self._is_shown():
            self.refresh()

    # -- reading ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the recent jobs again, off the GUI thread (one read at a time)."""
        self._list_reads.request(self._read_history)

    def _read_history(self) -> None:
        controller = self._controller
        self._runner.run(
            lambda: controller.history(HISTORY_LIMIT), self._on_history, self._on_history_error
        )

    def _on_history(self, rows: list[JobRow]) -> None:
        try:
            self._panel.set_jobs(rows)
            selected = self._panel.selected_job_id()
            if selected:
                self.request_details(selected)  # a running job's renders change between reads
        finally:
            self._list_reads.finished()

    def _on_history_error(self, error: BaseException) -> None:
        try:
            if not isinstance(error, ControllerError):
                _LOG.error("reading the job history failed: %r", error)
            self._panel.set_error(str(error))
        finally:
            self._list_reads.finished()

    def request_details(self, job_id: str) -> None:
        """Read a job's details (the latest job asked for wins; ``""`` asks for none)."""
        if not job_id:
            self._detail_reads.drop_waiting()
            return
        self._detail_reads.request(lambda: self._read_details(job_id))

    def _read_details(self, job_id: str) -> None:
        controller = self._controller
        self._runner.run(
            lambda: controller.job_details(job_id),
            self._on_details,
            lambda error: self._on_details_error(job_id, error),
        )

    def _on_details(self, details: JobDetails) -> None:
        try:
            self._panel.set_details(details)
        finally:
            self._detail_reads.finished()

    def _on_details_error(self, job_id: str, error: BaseException) -> None:
        try:
            if not isinstance(error, ControllerError):
                _LOG.error("reading job %s failed: %r", job_id, error)
            self._panel.set_details_error(job_id, str(error))
        finally:
            self._detail_reads.finished()

    # -- a frame's log lines ----------------------------------------------------------------------
    def read_frame_log(self, layer: str, frame: int) -> None:
        """Read the log lines of one frame of the selected job (its renders' log files)."""
        details = self._panel.details
        state = self._panel.frame_map.state
        info = state.info(layer, frame)
        if details is None or info is None:
            return
        paths = {task.task_id: task.log_path for task in details.tasks if task.log_path}
        tasks = list(info.tasks)
        job_id, renderer = details.job.job_id, details.renderer or state.renderer
        controller = self._controller
        label = f"{layer} frame {frame} (job {job_id})"

        def read() -> list[LogRecord]:
            logs = {
                task_id: [
                    (job_id, task_id, line, "info") for line in controller.task_log_lines(path)
                ]
                for task_id, path in paths.items()
                if task_id in tasks
            }
            return frame_log_records(
                job_id=job_id,
                layer=layer,
                frame=frame,
                tasks=tasks,
                lines_of=lambda task_id: logs.get(task_id, []),
                renderer=renderer,
            )

        self._runner.run(
            read,
            lambda records: self.frame_log_ready.emit(records, label),
            lambda error: self._bar.show_message(f"Could not read the logs: {error}", "warning"),
        )

    # -- cancelling -------------------------------------------------------------------------------
    def cancel_job(self, job_id: str) -> None:
        """Cancel a job after confirmation, wherever its renders were started."""
        if not self._confirm(
            "Cancel job",
            f"Cancel job {job_id}?\nIts running renders are stopped, even if the "
            "process that started them is gone. Frames already verified are "
            "kept.",
        ):
            return
        self._bar.show_message(f"Cancelling job {job_id}…", "info")
        controller = self._controller
        self._runner.run(
            lambda: controller.cancel_job(job_id),
            self._on_cancelled,
            lambda error: self._on_cancel_failed(job_id, error),
        )

    def _on_cancelled(self, message: str) -> None:
        self._bar.show_message(message[:1].upper() + message[1:] + ".", "warning")
        self.refresh_if_shown()
        self.jobs_changed.emit()

    def _on_cancel_failed(self, job_id: str, error: BaseException) -> None:
        if not isinstance(error, ControllerError):
            _LOG.error("cancelling job %s failed: %r", job_id, error)
        self._bar.show_message(f"Could not cancel job {job_id}: {error}", "error")
        self.refresh_if_shown()

    # -- orphaned jobs ----------------------------------------------------------------------------
    def check_orphaned_jobs(self) -> None:
        """Look for jobs whose manager died while they rendered; offer Resume / Cancel."""
        self._runner.run(
            self._controller.orphaned_jobs, self._on_orphaned_jobs, self._on_orphan_check_failed
        )

    def _on_orphaned_jobs(self, rows: list[JobRow]) -> None:
        if not rows or self._is_busy():
            return
        job_id = rows[0].job_id
        actions = []
        if not self._controller.is_running():
            actions.append(("Resume", lambda: self.resume_requested.emit(job_id)))
        actions.append(("Cancel", lambda: self.cancel_job(job_id)))
        if len(rows) > 1:
            actions.append(("Show History", self.show_requested.emit))
        self._bar.show_message(orphan_offer_text(rows), "warning", actions)

    def _on_orphan_check_failed(self, error: BaseException) -> None:
        # The dialog still works without the store (nothing to resume); say so once.
        _LOG.warning("looking for orphaned jobs failed: %r", error)
        if not self._is_busy():
            self._bar.show_message(f"Could not look for interrupted jobs: {error}", "warning")
