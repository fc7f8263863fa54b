"""The Render Configuration panel: scene, layers, frames, GPUs, mode, renderer, output, Advanced.

It turns what the artist set into a :class:`~lrc_toolbox.core.models.RenderConfig` (the same
dataclass the CLI builds), and into :class:`~lrc_toolbox.ui.settings.DialogValues` to remember.
It checks only what it can see (frames, at least one layer, the GPU list's shape); the engine's
planner checks the rest when the job starts and its one-line message is shown as is.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from Qt import QtCore, QtGui, QtWidgets

from lrc_toolbox.config import batch_render_defaults as defaults
from lrc_toolbox.core.models import RenderConfig, RenderMode
from lrc_toolbox.core.scene_source import LayerChoice
from lrc_toolbox.ui.control.abstract import SceneSummary
from lrc_toolbox.ui.settings import DialogValues
from lrc_toolbox.ui.view_state.dialog_words import in_dialog_words
from lrc_toolbox.ui.widgets.elided_label import ElidedLabel
from lrc_toolbox.ui.widgets.frame_range_field import FrameRangeField

#: Check boxes per row in the layer list, at most (fewer when the column is narrow).
LAYER_COLUMNS: int = 3
#: The layer list scrolls beyond this height (a 20-layer scene stays compact).
LAYER_LIST_MAX_HEIGHT_PX: int = 140

#: Display names of the renderer profiles.
RENDERER_LABELS: dict[str, str] = {
    "file": "Scene's renderer",
    "redshift": "Redshift",
    "arnold": "Arnold (GPU)",
    "vray": "V-Ray",
    "sw": "Maya Software",
    "hw2": "Maya Hardware 2.0",
}


class ConfigError(ValueError):
    """The panel's values cannot make a job; the message says what to change."""


def _spin(minimum: int, maximum: int, special: str = "", tooltip: str = "") -> QtWidgets.QSpinBox:
    spin = QtWidgets.QSpinBox()
    spin.setRange(minimum, maximum)
    if special:
        spin.setSpecialValueText(special)
    if tooltip:
        spin.setToolTip(tooltip)
    return spin


def _seconds(value: float, tooltip: str) -> QtWidgets.QDoubleSpinBox:
    spin = QtWidgets.QDoubleSpinBox()
    spin.setRange(1.0, 7 * 24 * 3600.0)
    spin.setDecimals(0)
    spin.setSuffix(" s")
    spin.setValue(value)
    spin.setToolTip(tooltip)
    return spin


def parse_gpu_list(text: str) -> list[str] | None:
    """``"0, 1"`` -> ``["0", "1"]``; ``""`` -> None (detection chooses).

    Raises:
        ConfigError: An empty item (``0,,1``).
    """
    if not text.strip():
        return None
    items = [item.strip() for item in text.split(",")]
    if any(not item for item in items):
        raise ConfigError(
            f"Only these GPUs (Advanced): '{text}' has an empty item: type numbers like 0,1"
        )
    return items


class RenderConfigWidget(QtWidgets.QGroupBox):
    """The "Render Configuration" group.

    Args:
        parent: Owner.
    """

    #: Anything changed (the dialog re-checks whether Start is possible).
    changed = QtCore.Signal()
    #: GPU choice changed (System Resources shows what the job would get).
    gpu_choice_changed = QtCore.Signal()
    #: "Open…" was pressed (standalone: pick another scene).
    open_scene_requested = QtCore.Signal()
    #: "Reload" was pressed (re-read the scene's layers).
    reload_requested = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__("Render Configuration", parent)
        self._summary = SceneSummary(label="", path=None)
        self._layer_boxes: dict[str, QtWidgets.QCheckBox] = {}
        self._layer_choices: dict[str, LayerChoice] = {}
        self._remembered_layers: list[str] = []
        self._remembered_scene = ""
        self._typed_layers = False
        self._layer_columns = 0
        self._build()
        self._connect()
        self.set_values(DialogValues())

    # -- construction -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.scene_label = ElidedLabel(
            "Scene: (none)", min_chars=10, mode=QtCore.Qt.TextElideMode.ElideMiddle
        )
        self.scene_label.setObjectName("sceneLabel")
        self.open_button = QtWidgets.QPushButton("Open…")
        self.open_button.setToolTip("Render another scene file")
        self.open_button.setVisible(False)
        self.reload_button = QtWidgets.QPushButton("Reload")
        self.reload_button.setToolTip("Read the scene's render layers again")
        scene_row = QtWidgets.QHBoxLayout()
        scene_row.addWidget(self.scene_label, 1)
        scene_row.addWidget(self.open_button)
        scene_row.addWidget(self.reload_button)

        self.all_layers_check = QtWidgets.QCheckBox("All Active Layers")
        self.all_layers_check.setObjectName("allLayersCheck")
        self.all_layers_check.setToolTip("Render every layer that is renderable in the scene")
        self.layer_status = QtWidgets.QLabel("Reading layers…")
        self.layer_status.setWordWrap(True)
        self.layer_names_edit = QtWidgets.QLineEdit()
        self.layer_names_edit.setPlaceholderText("Layer names, comma-separated (MASTER_BG_A, …)")
        self.layer_names_edit.setVisible(False)
        self._layer_grid_host = QtWidgets.QWidget()
        self._layer_grid = QtWidgets.QGridLayout(self._layer_grid_host)
        self._layer_grid.setContentsMargins(2, 2, 2, 2)
        self.layer_scroll = QtWidgets.QScrollArea()
        self.layer_scroll.setWidgetResizable(True)
        self.layer_scroll.setWidget(self._layer_grid_host)
        self.layer_scroll.setMaximumHeight(LAYER_LIST_MAX_HEIGHT_PX)
        self.layer_scroll.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.layer_scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layers_box = QtWidgets.QGroupBox("Render Layers")
        layers_layout = QtWidgets.QVBoxLayout(layers_box)
        layers_layout.addWidget(self.all_layers_check)
        layers_layout.addWidget(self.layer_scroll)
        layers_layout.addWidget(self.layer_status)
        layers_layout.addWidget(self.layer_names_edit)

        self.frame_field = FrameRangeField()
        self.gpu_count_spin = _spin(0, 64, "All usable", "How many GPUs this job may use")
        self.cpu_threads_spin = _spin(0, 1024, "Renderer default", "Threads per render")
        self.renders_per_gpu_spin = _spin(1, 16, tooltip="Renders running at once on one GPU")
        self.separate_radio = QtWidgets.QRadioButton("Separate Layers")
        self.separate_radio.setToolTip("One render process per layer")
        self.combined_radio = QtWidgets.QRadioButton("Combined Rendering")
        self.combined_radio.setToolTip("One render process renders several layers in turn")
        self.renderer_combo = QtWidgets.QComboBox()
        self.renderer_combo.setObjectName("rendererCombo")
        # "Scene's renderer (redshift)" is set after the first show: size to it then too.
        self.renderer_combo.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents
        )
        self.output_edit = QtWidgets.QLineEdit()
        self.output_edit.setPlaceholderText("The Maya project's images folder (see below)")
        self.output_edit.setToolTip(
            "Image folder (Render -rd); empty: the images rule of the scene's Maya project "
            "(Maya's default project for a scene in no project)"
        )
        self.output_browse = QtWidgets.QPushButton("Browse…")
        # Read-only: where the images will go, before Start (every render gets it as -rd).
        self.output_target = QtWidgets.QLabel()
        self.output_target.setObjectName("outputTarget")
        self.output_target.setWordWrap(True)
        self.output_target.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
        )

        # One above the other: side by side they would hold the column (and the window) wide.
        mode_row = QtWidgets.QVBoxLayout()
        mode_row.setSpacing(2)
        mode_row.addWidget(self.separate_radio)
        mode_row.addWidget(self.combined_radio)
        output_row = QtWidgets.QHBoxLayout()
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(self.output_browse)
        gpu_row = QtWidgets.QHBoxLayout()
        gpu_row.addWidget(self.gpu_count_spin)
        gpu_row.addStretch(1)
        per_gpu_row = QtWidgets.QHBoxLayout()
        per_gpu_row.addWidget(self.renders_per_gpu_spin)
        per_gpu_row.addStretch(1)
        cpu_row = QtWidgets.QHBoxLayout()
        cpu_row.addWidget(self.cpu_threads_spin)
        cpu_row.addStretch(1)

        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # A narrow column puts a field under its label instead of widening the window.
        form.setRowWrapPolicy(QtWidgets.QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Frame Range:", self.frame_field)
        form.addRow("GPU Allocation:", gpu_row)
        form.addRow("Renders per GPU:", per_gpu_row)
        form.addRow("CPU Threads:", cpu_row)
        form.addRow("Mode:", mode_row)
        form.addRow("Renderer:", self.renderer_combo)
        form.addRow("Output Folder:", output_row)
        form.addRow("", self.output_target)

        self.advanced_toggle = QtWidgets.QToolButton()
        self.advanced_toggle.setText("Advanced")
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(QtCore.Qt.ArrowType.RightArrow)
        self.advanced_panel = QtWidgets.QWidget()
        self.advanced_panel.setVisible(False)
        self.retries_spin = _spin(0, 100, tooltip="Extra attempts for frames still missing")
        self.hang_timeout_spin = _seconds(
            defaults.HANG_TIMEOUT_S,
            "Kill a render that prints nothing and writes no image this long",
        )
        self.start_timeout_spin = _seconds(
            defaults.START_TIMEOUT_S,
            "Kill a render that shows no sign of life this long after launch",
        )
        self.chunk_spin = _spin(0, 100_000, "Automatic", "Frames per render process")
        self.keep_temp_check = QtWidgets.QCheckBox("Keep temp scenes (for debugging)")
        self.skip_existing_check = QtWidgets.QCheckBox("Skip frames whose images exist")
        self.gpus_edit = QtWidgets.QLineEdit()
        self.gpus_edit.setPlaceholderText("Automatic (detected minus reserved)")
        self.gpus_edit.setToolTip("Render only on these GPUs: indices (0,1) or UUIDs (GPU-8932…)")
        self.reserve_spin = _spin(-1, 64, "Default", "GPUs kept free for the interactive session")
        self.render_exe_edit = QtWidgets.QLineEdit()
        self.render_exe_edit.setPlaceholderText(
            "Found automatically (MAYA_LOCATION, install folders)"
        )
        self.render_exe_browse = QtWidgets.QPushButton("Browse…")
        exe_row = QtWidgets.QHBoxLayout()
        exe_row.addWidget(self.render_exe_edit, 1)
        exe_row.addWidget(self.render_exe_browse)
        advanced = QtWidgets.QFormLayout(self.advanced_panel)
        advanced.setContentsMargins(16, 0, 0, 0)
        advanced.addRow("Retries:", self.retries_spin)
        advanced.addRow("Hang timeout:", self.hang_timeout_spin)
        advanced.addRow("Start timeout:", self.start_timeout_spin)
        advanced.addRow("Chunk size:", self.chunk_spin)
        advanced.addRow("Only these GPUs:", self.gpus_edit)
        advanced.addRow("Keep GPUs free:", self.reserve_spin)
        advanced.addRow("Render executable:", exe_row)
        advanced.addRow("", self.keep_temp_check)
        advanced.addRow("", self.skip_existing_check)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(scene_row)
        layout.addWidget(layers_box)
        layout.addLayout(form)
        layout.addWidget(self.advanced_toggle)
        layout.addWidget(self.advanced_panel)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.all_layers_check.toggled.connect(self._on_all_layers_toggled)
        self.layer_names_edit.textChanged.connect(self._emit_changed)
        self.frame_field.changed.connect(self._emit_changed)
        for spin in (
            self.cpu_threads_spin,
            self.renders_per_gpu_spin,
            self.retries_spin,
            self.chunk_spin,
        ):
            spin.valueChanged.connect(self._emit_changed)
        for spin in (self.gpu_count_spin, self.reserve_spin):
            spin.valueChanged.connect(self._emit_gpu_choice)
        self.gpus_edit.editingFinished.connect(self._emit_gpu_choice)
        self.separate_radio.toggled.connect(self._emit_changed)
        self.renderer_combo.currentIndexChanged.connect(self._emit_changed)
        self.output_edit.textChanged.connect(self._emit_changed)
        self.output_edit.textChanged.connect(self._show_output_target)
        self.advanced_toggle.toggled.connect(self._on_advanced_toggled)
        self.output_browse.clicked.connect(self._browse_output)
        self.render_exe_browse.clicked.connect(self._browse_render_exe)
        self.open_button.clicked.connect(self.open_scene_requested.emit)
        self.reload_button.clicked.connect(self.reload_requested.emit)

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()

    def _emit_gpu_choice(self, *_args: object) -> None:
        self.gpu_choice_changed.emit()
        self.changed.emit()

    def _on_advanced_toggled(self, shown: bool) -> None:
        self.advanced_panel.setVisible(shown)
        self.advanced_toggle.setArrowType(
            QtCore.Qt.ArrowType.DownArrow if shown else QtCore.Qt.ArrowType.RightArrow
        )

    def _show_output_target(self, *_args: object) -> None:
        """The read-only line under Output Folder: where this job's images will go."""
        typed = self.output_edit.text().strip()
        if typed:
            text = f"Images go to {os.path.abspath(os.path.expanduser(typed))}"
        elif self._summary.output_folder:
            text = f"Images go to {self._summary.output_folder}"
        else:
            text = ""
        self.output_target.setText(text)
        self.output_target.setVisible(bool(text))

    def _browse_output(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(
            self, "Output folder", self.output_edit.text()
        )
        if folder:
            self.output_edit.setText(folder)

    def _browse_render_exe(self) -> None:
        path, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self, "Render executable", self.render_exe_edit.text()
        )
        if path:
            self.render_exe_edit.setText(path)

    # -- scene and layers -------------------------------------------------------------------------
    def set_loading(self, text: str = "Reading layers…") -> None:
        """Show that the scene is being read."""
        self.layer_status.setText(in_dialog_words(text))
        self.layer_status.setVisible(True)

    def set_renderers(self, names: Sequence[str]) -> None:
        """Fill the renderer choice (keeps the current one when still offered)."""
        current = self.renderer
        self.renderer_combo.blockSignals(True)
        self.renderer_combo.clear()
        for name in names:
            self.renderer_combo.addItem(RENDERER_LABELS.get(name, name), name)
        self.renderer_combo.blockSignals(False)
        self._select_renderer(current)

    def set_scene(self, summary: SceneSummary, can_open: bool = False) -> None:
        """Show a scene's layers; ticks follow the remembered choice for the same scene."""
        if self._layer_boxes and summary.path == self._summary.path:
            ticked = [name for name, box in self._layer_boxes.items() if box.isChecked()]
        elif summary.path and summary.path == self._remembered_scene:
            ticked = list(self._remembered_layers)
        else:
            # A scene this panel has not seen: start from every renderable layer.
            ticked = []
            self.all_layers_check.setChecked(True)
        self._summary = summary
        title = summary.label or "(untitled scene)"
        self.scene_label.setText(f"Scene: {title}")
        self.scene_label.set_tooltip_text(summary.path or "")
        self.open_button.setVisible(can_open)
        self._fill_layers(summary.layers, ticked)
        if summary.error:
            self.layer_status.setText(in_dialog_words(summary.error))
            self.layer_status.setVisible(True)
        elif not summary.layers:
            self.layer_status.setText("The scene has no render layer.")
            self.layer_status.setVisible(True)
        elif summary.notes:
            # The reader's notes (current frame, overrides left to Maya...), before any job.
            self.layer_status.setText("\n".join(f"Note: {note}" for note in summary.notes))
            self.layer_status.setVisible(True)
        else:
            self.layer_status.setVisible(False)
        self._typed_layers = bool(summary.error) and not summary.layers
        self.layer_names_edit.setVisible(self._typed_layers)
        self.layer_scroll.setVisible(not self._typed_layers)
        self.all_layers_check.setEnabled(not self._typed_layers)
        if self._typed_layers:
            # Layers cannot be listed (a .mb outside Maya): the artist names them.
            self.all_layers_check.setChecked(False)
            if not self.layer_names_edit.text() and ticked:
                self.layer_names_edit.setText(", ".join(ticked))
        self.frame_field.set_scene_frames(summary.default_frames)
        self._show_output_target()
        if summary.default_renderer:
            label = RENDERER_LABELS["file"] + f" ({summary.default_renderer})"
            index = self.renderer_combo.findData("file")
            if index >= 0:
                self.renderer_combo.setItemText(index, label)
        self.changed.emit()

    def _fill_layers(self, layers: Sequence[LayerChoice], ticked: Sequence[str]) -> None:
        for box in self._layer_boxes.values():
            self._layer_grid.removeWidget(box)
            box.deleteLater()
        self._layer_boxes = {}
        self._layer_choices = {layer.name: layer for layer in layers}
        wanted = set(ticked)
        for layer in layers:
            box = QtWidgets.QCheckBox(layer.name if layer.renderable else f"{layer.name} (off)")
            box.setObjectName(f"layer:{layer.name}")
            tip = f"render layer node {layer.node}"
            if layer.renderer or layer.frame_range:
                tip += f"; {layer.renderer or 'scene renderer'}, frames {layer.frame_range or '?'}"
            if not layer.renderable:
                tip += "; switched off in the scene (ticking it renders it anyway)"
            box.setToolTip(tip)
            box.setChecked(layer.name in wanted)
            box.toggled.connect(self._emit_changed)
            self._layer_boxes[layer.name] = box
        self._layer_columns = 0
        self._regrid_layers()
        self._on_all_layers_toggled(self.all_layers_check.isChecked())

    def _regrid_layers(self) -> None:
        """Lay the layer boxes out in as many columns as the list's width holds (1 to 3)."""
        boxes = list(self._layer_boxes.values())
        if not boxes:
            return
        widest = max(box.sizeHint().width() for box in boxes) + 12
        room = self.layer_scroll.viewport().width() or self.width()
        columns = max(1, min(LAYER_COLUMNS, room // max(1, widest)))
        if columns == self._layer_columns:
            return
        self._layer_columns = columns
        for box in boxes:
            self._layer_grid.removeWidget(box)
        for position, box in enumerate(boxes):
            self._layer_grid.addWidget(box, position // columns, position % columns)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """The layer boxes take as many columns as fit (no sideways scrolling)."""
        super().resizeEvent(event)
        self._regrid_layers()

    def _on_all_layers_toggled(self, all_layers: bool) -> None:
        for name, box in self._layer_boxes.items():
            box.setEnabled(not all_layers)
            if all_layers:
                box.blockSignals(True)
                box.setChecked(self._layer_choices[name].renderable)
                box.blockSignals(False)
        self.changed.emit()

    def layer_box(self, name: str) -> QtWidgets.QCheckBox | None:
        """The check box of a layer (tests, accessibility)."""
        return self._layer_boxes.get(name)

    def selected_layers(self) -> list[str]:
        """Layers that will render: [] means every renderable layer (All Active Layers)."""
        if self.all_layers_check.isChecked():
            return []
        if self._typed_layers:
            typed = self.layer_names_edit.text().split(",")
            return [name.strip() for name in typed if name.strip()]
        return [name for name, box in self._layer_boxes.items() if box.isChecked()]

    # -- values -----------------------------------------------------------------------------------
    @property
    def remembered_scene(self) -> str:
        """The scene the remembered layer and frame choices belong to."""
        return self._remembered_scene

    @property
    def renderer(self) -> str:
        """The chosen renderer profile name."""
        return str(self.renderer_combo.currentData() or defaults.RENDERER)

    def _select_renderer(self, name: str) -> None:
        index = self.renderer_combo.findData(name)
        if index < 0:
            index = self.renderer_combo.findData(defaults.RENDERER)
        self.renderer_combo.setCurrentIndex(max(0, index))

    def set_values(self, values: DialogValues) -> None:
        """Fill every field from remembered values."""
        self._remembered_layers = list(values.layers)
        self._remembered_scene = values.scene_path
        self.all_layers_check.setChecked(values.all_layers)
        if not values.all_layers:
            for name, box in self._layer_boxes.items():
                box.setChecked(name in values.layers)
        if values.frame_range or values.step != 1:
            self.frame_field.set_values(values.frame_range, values.step)
        self.gpu_count_spin.setValue(values.gpu_count)
        self.cpu_threads_spin.setValue(values.cpu_threads)
        self.renders_per_gpu_spin.setValue(values.renders_per_gpu)
        self.combined_radio.setChecked(values.mode == RenderMode.COMBINED.value)
        self.separate_radio.setChecked(values.mode != RenderMode.COMBINED.value)
        self._select_renderer(values.renderer)
        self.output_edit.setText(values.output_dir)
        self.retries_spin.setValue(values.retries)
        self.hang_timeout_spin.setValue(values.hang_timeout_s)
        self.start_timeout_spin.setValue(values.start_timeout_s)
        self.chunk_spin.setValue(values.chunk_size)
        self.keep_temp_check.setChecked(values.keep_temp)
        self.skip_existing_check.setChecked(values.skip_existing)
        self.gpus_edit.setText(values.gpus)
        self.reserve_spin.setValue(values.reserve_gpus)
        self.render_exe_edit.setText(values.render_exe)

    def values(self) -> DialogValues:
        """The fields as values to remember."""
        return DialogValues(
            scene_path=self._summary.path or "",
            all_layers=self.all_layers_check.isChecked(),
            layers=[name for name, box in self._layer_boxes.items() if box.isChecked()]
            or self.selected_layers(),
            frame_range=self.frame_field.text,
            step=self.frame_field.step,
            gpu_count=int(self.gpu_count_spin.value()),
            cpu_threads=int(self.cpu_threads_spin.value()),
            renders_per_gpu=int(self.renders_per_gpu_spin.value()),
            mode=RenderMode.COMBINED.value
            if self.combined_radio.isChecked()
            else RenderMode.SEPARATE.value,
            renderer=self.renderer,
            output_dir=self.output_edit.text().strip(),
            retries=int(self.retries_spin.value()),
            hang_timeout_s=float(self.hang_timeout_spin.value()),
            start_timeout_s=float(self.start_timeout_spin.value()),
            chunk_size=int(self.chunk_spin.value()),
            keep_temp=self.keep_temp_check.isChecked(),
            skip_existing=self.skip_existing_check.isChecked(),
            gpus=self.gpus_edit.text().strip(),
            reserve_gpus=int(self.reserve_spin.value()),
            render_exe=self.render_exe_edit.text().strip(),
        )

    def gpu_choice(self) -> tuple[list[str] | None, int | None, int | None]:
        """(GPU list, GPUs kept free, GPU count) as the engine takes them; bad list -> None."""
        try:
            gpus = parse_gpu_list(self.gpus_edit.text())
        except ConfigError:
            gpus = None
        reserve = int(self.reserve_spin.value())
        count = int(self.gpu_count_spin.value())
        return gpus, (None if reserve < 0 else reserve), (count or None)

    def problems(self) -> list[str]:
        """What stops a job from starting, as sentences (empty when Start may proceed)."""
        issues = []
        check = self.frame_field.check
        if not check.ok:
            issues.append(f"Frame Range: {in_dialog_words(check.message)}")
        if not self.all_layers_check.isChecked() and not self.selected_layers():
            issues.append("Tick at least one render layer (or All Active Layers).")
        try:
            parse_gpu_list(self.gpus_edit.text())
        except ConfigError as exc:
            issues.append(in_dialog_words(str(exc)))
        return issues

    def build_config(self, scene_file: str) -> RenderConfig:
        """The job the panel describes.

        Args:
            scene_file: The scene (the controller replaces it with the prepared file).

        Raises:
            ConfigError: A field is invalid (the first problem's message).
        """
        issues = self.problems()
        if issues:
            raise ConfigError(issues[0])
        values = self.values()
        return RenderConfig(
            scene_file=scene_file,
            layers=self.selected_layers(),
            frame_range=values.frame_range,
            step=values.step,
            renderer=values.renderer,
            render_mode=RenderMode(values.mode),
            gpus=parse_gpu_list(values.gpus),
            gpu_count=values.gpu_count or None,
            reserve_gpus=None if values.reserve_gpus < 0 else values.reserve_gpus,
            renders_per_gpu=values.renders_per_gpu,
            cpu_threads=values.cpu_threads or None,
            chunk_size=values.chunk_size or None,
            retries=values.retries,
            hang_timeout_s=values.hang_timeout_s,
            start_timeout_s=values.start_timeout_s,
            output_dir=values.output_dir or None,
            render_exe=values.render_exe or None,
            skip_existing=values.skip_existing,
            keep_temp=values.keep_temp,
        )
