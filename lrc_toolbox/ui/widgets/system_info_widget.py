"""The System Resources panel: GPUs, GPU memory and CPU threads (total / available / reserved),
and each GPU's live utilization and VRAM.

It only displays a :class:`~lrc_toolbox.core.models.ResourceInfo`; the dialog's
:class:`~lrc_toolbox.ui.workers.ResourcePoller` fetches one every couple of seconds off the GUI
thread. With no NVIDIA GPU the panel says why (no driver, NVML missing...), from
``SystemInfo.gpu_error``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from Qt import QtCore, QtWidgets

from lrc_toolbox.core.models import GPUInfo, ResourceInfo
from lrc_toolbox.ui.view_state.dialog_words import in_dialog_words
from lrc_toolbox.ui.view_state.formatting import format_gb, format_gb_in_use
from lrc_toolbox.ui.view_state.gpu_names import GpuNames

#: Height of a GPU row (room for a small progress bar).
GPU_ROW_HEIGHT_PX: int = 22

#: Room around the text of a bar in the GPU table (the style's frame and a little air).
BAR_TEXT_PADDING_PX: int = 18

#: Colour of the "no GPU" / problem line (readable on dark and light palettes).
WARNING_STYLE: str = "color:#f0a050"


class _Cell(QtWidgets.QLabel):
    def __init__(self, name: str) -> None:
        super().__init__("–")
        self.setObjectName(name)
        self.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWordWrap(True)  # a narrow column wraps "GPU Memory: 48.0 GB", never cuts it
        self.setMinimumWidth(1)


def _bar(maximum: int, fmt: str) -> QtWidgets.QProgressBar:
    bar = QtWidgets.QProgressBar()
    bar.setRange(0, maximum)
    bar.setFormat(fmt)
    bar.setTextVisible(True)
    bar.setMaximumHeight(18)
    return bar


class SystemInfoWidget(QtWidgets.QGroupBox):
    """The "System Resources" group.

    Args:
        parent: Owner.
        gpu_names: The dialog's GPU names, learned here from each detection.
    """

    GPU_COLUMNS = ("GPU", "Use", "Load", "VRAM")

    #: The machine's GPUs changed (their names): views that name GPUs repaint.
    gpu_names_changed = QtCore.Signal()

    def __init__(
        self, parent: QtWidgets.QWidget | None = None, gpu_names: GpuNames | None = None
    ) -> None:
        super().__init__("System Resources", parent)
        self.gpu_names = gpu_names or GpuNames()
        self._info: ResourceInfo | None = None
        self._busy: dict[str, str] = {}
        self.gpus_total = _Cell("gpusTotal")
        self.gpus_available = _Cell("gpusAvailable")
        self.gpus_reserved = _Cell("gpusReserved")
        self.memory_total = _Cell("gpuMemoryTotal")
        self.memory_free = _Cell("gpuMemoryFree")
        self.memory_used = _Cell("gpuMemoryUsed")
        self.cpu_total = _Cell("cpuTotal")
        self.cpu_available = _Cell("cpuAvailable")
        self.cpu_reserved = _Cell("cpuReserved")
        grid = QtWidgets.QGridLayout()
        cells = (
            (self.gpus_total, self.gpus_available, self.gpus_reserved),
            (self.memory_total, self.memory_free, self.memory_used),
            (self.cpu_total, self.cpu_available, self.cpu_reserved),
        )
        for row, triple in enumerate(cells):
            for column, cell in enumerate(triple):
                grid.addWidget(cell, row, column)
        for column, stretch in enumerate((3, 2, 2)):  # the first column says the most
            grid.setColumnStretch(column, stretch)

        self.status_label = QtWidgets.QLabel("Reading this machine's GPUs and CPUs…")
        self.status_label.setObjectName("systemStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setMinimumWidth(1)  # wraps: never widens the column
        self.status_label.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
        )

        self.gpu_table = QtWidgets.QTableWidget(0, len(self.GPU_COLUMNS))
        self.gpu_table.setObjectName("gpuTable")
        self.gpu_table.setHorizontalHeaderLabels(list(self.GPU_COLUMNS))
        self.gpu_table.verticalHeader().setVisible(False)
        self.gpu_table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gpu_table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self.gpu_table.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.gpu_table.setWordWrap(False)
        self.gpu_table.setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)
        self.gpu_table.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.gpu_table.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = self.gpu_table.verticalHeader()
        rows.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(GPU_ROW_HEIGHT_PX)
        header = self.gpu_table.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QtWidgets.QHeaderView.ResizeMode.Fixed)
        header.resizeSection(2, 56)
        header.resizeSection(3, 80)  # fitted to its text once GPUs are known
        self.gpu_table.setVisible(False)

        self.footer_label = QtWidgets.QLabel("")
        self.footer_label.setWordWrap(True)
        self.footer_label.setMinimumWidth(1)
        self.footer_label.setObjectName("systemFooter")
        self.footer_label.setEnabled(False)  # greyed: secondary information

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.status_label)
        layout.addWidget(self.gpu_table)
        layout.addWidget(self.footer_label)

    @property
    def resources(self) -> ResourceInfo | None:
        """The last resources shown."""
        return self._info

    def set_busy_slots(self, busy: Mapping[str, str]) -> None:
        """Which GPU slots our renders use (``{"GPU 1": "t0003 MASTER_BG_A"}``)."""
        busy = dict(busy)
        if busy != self._busy:
            self._busy = busy
            if self._info is not None:
                self._fill_gpu_table(self._info)

    def set_error(self, message: str) -> None:
        """Show that the last query failed (the previous values stay)."""
        self.status_label.setText(
            f"<span style='{WARNING_STYLE}'>Could not read the system: "
            f"{_escape(in_dialog_words(message))}</span>"
        )

    def set_resources(self, info: ResourceInfo) -> None:
        """Show fresh resources."""
        self._info = info
        system = info.system
        gpus = system.gpus
        if self.gpu_names.update(gpus):
            self.gpu_names_changed.emit()
        reserved_label = "Reserved for Maya" if system.inside_maya else "Reserved"
        self.gpus_total.setText(f"CUDA GPUs: {system.gpu_count}")
        self.gpus_available.setText(f"Available: {len(info.usable_gpus)}")
        self.gpus_reserved.setText(f"{reserved_label}: {len(info.reserved_gpus)}")
        known = [gpu for gpu in gpus if gpu.memory_total > 0]
        total = sum(gpu.memory_total for gpu in known)
        free = sum(gpu.memory_free for gpu in known)
        self.memory_total.setText(f"GPU Memory: {format_gb(total) if known else '–'}")
        self.memory_free.setText(f"Available: {format_gb(free) if known else '–'}")
        self.memory_used.setText(f"In Use: {format_gb(total - free) if known else '–'}")
        cpu = system.cpu
        self.cpu_total.setText(
            f"CPU Threads: {info.cpu_threads_total} ({cpu.physical_cores} cores)"
        )
        self.cpu_available.setText(f"Available: {info.cpu_threads_available}")
        self.cpu_reserved.setText(f"{reserved_label}: {info.cpu_threads_reserved}")

        lines = []
        if not gpus:
            reason = system.gpu_error or "the driver lists no GPU"
            lines.append(f"<b>No NVIDIA GPU found</b>: {_escape(in_dialog_words(reason))}")
        # The detector repeats the "no GPU" reason as a note: show it once.
        lines.extend(
            _escape(in_dialog_words(note))
            for note in info.notes
            if not (system.gpu_error and system.gpu_error in note)
        )
        if lines:
            self.status_label.setText(
                f"<span style='{WARNING_STYLE}'>" + "<br>".join(lines) + "</span>"
            )
        self.status_label.setVisible(bool(lines))
        self._fill_gpu_table(info)
        source = {"nvml": "NVML", "nvidia-smi": "nvidia-smi", "none": "no GPU query"}.get(
            system.gpu_source, system.gpu_source
        )
        driver = f" · driver {system.driver_version}" if system.driver_version else ""
        ram = f"RAM {format_gb(cpu.ram_available)} free of {format_gb(cpu.ram_total)}"
        stamp = time.strftime("%H:%M:%S")
        self.footer_label.setText(f"{source}{driver} · {ram} · updated {stamp}")

    def _fill_gpu_table(self, info: ResourceInfo) -> None:
        gpus = info.system.gpus
        table = self.gpu_table
        table.setVisible(bool(gpus))
        if table.rowCount() != len(gpus):
            table.setRowCount(len(gpus))
            for row in range(len(gpus)):
                table.setCellWidget(row, 2, _bar(100, "%p%"))
                table.setCellWidget(row, 3, _bar(1000, ""))
        reserved = {gpu.device_id for gpu in info.reserved_gpus}
        usable = {gpu.device_id for gpu in info.usable_gpus}
        for row, gpu in enumerate(gpus):
            use = self._use_text(gpu, reserved, usable, info.system.inside_maya)
            label = self.gpu_names.label(str(gpu.device_id))
            tooltip = self.gpu_names.tooltip(str(gpu.device_id))
            for column, text in ((0, label), (1, use)):
                item = table.item(row, column)
                if item is None:
                    item = QtWidgets.QTableWidgetItem()
                    table.setItem(row, column, item)
                item.setText(text)
                item.setToolTip(f"{use}\n{tooltip}" if column == 1 else tooltip)
            util = table.cellWidget(row, 2)
            if isinstance(util, QtWidgets.QProgressBar):
                known = gpu.utilization_percent is not None
                util.setValue(int(gpu.utilization_percent or 0))
                util.setFormat("%p%" if known else "n/a")
            vram = table.cellWidget(row, 3)
            if isinstance(vram, QtWidgets.QProgressBar):
                fraction = gpu.memory_used / gpu.memory_total if gpu.memory_total else 0.0
                vram.setValue(int(fraction * 1000))
                vram.setFormat(format_gb_in_use(gpu.memory_used, gpu.memory_total))
                vram.setToolTip(
                    f"VRAM in use: {format_gb(gpu.memory_used)} of "
                    f"{format_gb(gpu.memory_total)} ({fraction:.0%})"
                )
        self._fit_vram_column()
        height = (
            table.horizontalHeader().sizeHint().height()
            + 2 * table.frameWidth()
            + GPU_ROW_HEIGHT_PX * table.rowCount()
        )
        table.setFixedHeight(height)

    def _fit_vram_column(self) -> None:
        """Size the VRAM column to its widest text: a fixed width cut "14.3 GB / 24.0 GB"."""
        table = self.gpu_table
        header = table.horizontalHeader()
        texts = [
            (bar.fontMetrics(), bar.text())
            for row in range(table.rowCount())
            if isinstance(bar := table.cellWidget(row, 3), QtWidgets.QProgressBar)
        ]
        texts.append((header.fontMetrics(), self.GPU_COLUMNS[3]))
        width = max(metrics.horizontalAdvance(text) for metrics, text in texts)
        width += BAR_TEXT_PADDING_PX
        if header.sectionSize(3) != width:
            header.resizeSection(3, width)

    def _use_text(
        self, gpu: GPUInfo, reserved: set[int], usable: set[int], inside_maya: bool
    ) -> str:
        if not gpu.is_available:
            return f"unavailable: {gpu.unavailable_reason}"
        slot = f"GPU {gpu.device_id}"
        busy = [
            task
            for label, task in self._busy.items()
            if label == slot or label.startswith(slot + " #")
        ]
        if busy:
            return "rendering " + ", ".join(busy)
        if gpu.device_id in reserved:
            return "kept for Maya" if inside_maya else "kept free"
        if gpu.device_id in usable:
            return "free for renders"
        return "not used by this job"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
