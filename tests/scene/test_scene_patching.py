"""Tests for lrc_toolbox.scene.patching: the renderable-flag edits and the streaming copy."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from scene_fixtures import IMPLICIT_LAYERS

from lrc_toolbox.scene import (
    BinarySceneError,
    ByteEdit,
    LayerNotFoundError,
    copy_with_edits,
    plan_renderable_patch,
)


def test_patch_plan_lists_layer_nodes_and_rejects_unknown(tmp_path: Path) -> None:
    src = tmp_path / "implicit.ma"
    src.write_text(IMPLICIT_LAYERS, encoding="utf-8")
    plan = plan_renderable_patch(src, "fg")
    assert plan.layer_nodes == ("defaultRenderLayer", "fg", "bg", "env:trees")
    assert [e.start for e in plan.edits] == sorted(e.start for e in plan.edits)
    with pytest.raises(LayerNotFoundError, match="was the scene changed"):
        plan_renderable_patch(src, "rs_missing")


def test_patch_plan_refuses_no_node_and_binary_scenes(tmp_path: Path) -> None:
    src = tmp_path / "implicit.ma"
    src.write_text(IMPLICIT_LAYERS, encoding="utf-8")
    with pytest.raises(LayerNotFoundError, match="no render layer node given"):
        plan_renderable_patch(src, [])
    mb = tmp_path / "shot.mb"
    mb.write_bytes(b"FOR4\x00\x00\x00\x10Maya" + b"\x00" * 16)
    with pytest.raises(BinarySceneError):
        plan_renderable_patch(mb, "defaultRenderLayer")


@pytest.mark.parametrize(
    ("source", "tail", "expected"),
    [
        # The source ends in a comment without a newline: the tail starts on its own line.
        (b"0123456789// end", b"t;\n", b"01AB3456789// end\nt;\n"),
        (b"0123456789// end", b"t;\r\n", b"01AB3456789// end\r\nt;\r\n"),
        (b"0123456789\n", b"t;\n", b"01AB3456789\nt;\n"),
        (b"0123456789\n", b"", b"01AB3456789\n"),
    ],
)
def test_copy_with_edits_replaces_inserts_and_appends(
    source: bytes, tail: bytes, expected: bytes
) -> None:
    edits = [ByteEdit(2, 3, b"AB"), ByteEdit(3, 3, b"")]  # replace "2"; an empty insert
    out = io.BytesIO()
    copy_with_edits(io.BytesIO(source), out, edits, tail)
    assert out.getvalue() == expected


def test_copy_with_edits_streams_large_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    import lrc_toolbox.scene.patching as patching

    monkeypatch.setattr(patching, "COPY_CHUNK_BYTES", 7)  # many chunks per span
    source = bytes(range(256)) * 4
    edits = [ByteEdit(100, 110, b"<gone>"), ByteEdit(500, 500, b"<new>"), ByteEdit(1023, 1024, b"")]
    out = io.BytesIO()
    copy_with_edits(io.BytesIO(source), out, edits, b"")
    assert (
        out.getvalue() == source[:100] + b"<gone>" + source[110:500] + b"<new>" + source[500:1023]
    )
