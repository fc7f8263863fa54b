"""Tests for lrc_toolbox.scene.statements: the render-relevant statements and their context."""

from __future__ import annotations

import io
import tracemalloc

from lrc_toolbox.scene import iter_scene_statements


def test_skipped_statements_are_not_built() -> None:
    """A 16 MB mesh statement is scanned past without ever holding it in memory."""
    line = b" ".join(b"0.123456789" for _ in range(1000)) + b"\n\t\t "
    big = b'setAttr -s 999999 ".vt[0:999998]" ' + line * (16 * 1024 * 1024 // len(line)) + b";"
    data = b'//Maya ASCII 2024 scene\ncreateNode mesh -n "m";\n\t' + big + b'\nrequires "x" "1";'
    stream = io.BytesIO(data)
    tracemalloc.start()
    try:
        kept = list(iter_scene_statements(stream, block_size=256 * 1024))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [s.statement.head for s in kept] == ["requires"]
    assert peak < 4 * 1024 * 1024


def test_scene_statements_carry_selection_context() -> None:
    data = (
        b'createNode mesh -n "m";\n\tsetAttr ".vt[0]" 1 2 3;\n'
        b'createNode renderLayer -n "L";\n\tsetAttr ".do" 1;\n'
        b'select -ne :defaultRenderGlobals;\n\tsetAttr ".ren" -type "string" "x";\n'
        b'setAttr "L.rndr" no;\n'
    )
    got = [
        (s.statement.text.split()[0], s.node, s.node_type)
        for s in iter_scene_statements(io.BytesIO(data))
    ]
    assert got == [
        ("createNode", "L", "renderLayer"),
        ("setAttr", "L", "renderLayer"),
        ("select", "defaultRenderGlobals", None),
        ("setAttr", "defaultRenderGlobals", None),
        ("setAttr", "defaultRenderGlobals", None),  # absolute plug: kept whatever the context
    ]
