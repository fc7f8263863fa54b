"""The read-only line under Output Folder says where a job's images go, before Start."""

from __future__ import annotations

import dataclasses
import os

from fakes import require_qt

require_qt()


def test_the_line_shows_the_default_folder_then_the_typed_one(qtbot, make_dialog, fake_controller):
    fake_controller.summary = dataclasses.replace(
        fake_controller.summary,
        output_folder="/proj/images (images rule of Maya project /proj)",
    )
    dialog = make_dialog(fake_controller)
    config = dialog.render_config_widget
    qtbot.waitUntil(lambda: "/proj/images" in config.output_target.text())
    assert config.output_target.text() == (
        "Images go to /proj/images (images rule of Maya project /proj)"
    )
    config.output_edit.setText("renders/out")
    assert config.output_target.text() == f"Images go to {os.path.abspath('renders/out')}"
    config.output_edit.setText("")
    assert "/proj/images" in config.output_target.text()
