"""Fuzzing the ``.ma`` reader through real files: random MEL, strings, binary garbage, huge lines.

Properties: :func:`read_scene` returns a :class:`SceneInfo` or raises one :class:`SceneReadError`
(a ``ValueError``) with a one-line message, never anything else; every layer it reports has a node
name; :func:`plan_renderable_patch` on a reported layer never fails, and its edits are sorted,
non-overlapping and inside the file. Memory stays bounded because the reader streams (a 4 MB line
is read with a fixed block size; the test bounds it by running in the time budget, not by a clock).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reliability_support import fuzz_derandomize, fuzz_examples

from lrc_toolbox.scene import (
    SceneInfo,
    SceneReadError,
    plan_renderable_patch,
    read_scene,
)

SETTINGS = settings(
    max_examples=fuzz_examples(150),
    deadline=None,
    database=None,
    derandomize=fuzz_derandomize(),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HEADER = "//Maya ASCII 2024 scene\n"

names = st.text(
    st.sampled_from(list("abcXYZ_019:|") + ['"', "\\", ";", " ", "\n", "é", "/"]),
    min_size=0,
    max_size=12,
)
quoted = names.map(lambda n: '"' + n + '"')
words = st.one_of(
    quoted,
    names,
    st.sampled_from(
        ["-n", "-p", "-type", "-ne", "yes", "no", "1", "0", "-1e308", "nan", "string", "//", "/*"]
    ),
)
statements = st.one_of(
    st.builds(lambda n: f"createNode renderLayer -n {n};", quoted),
    st.builds(lambda n: f"createNode renderSetupLayer -n {n};", quoted),
    st.builds(lambda v: f'\tsetAttr ".rndr" {v};', st.sampled_from(["yes", "no", "1", "0", "x"])),
    st.builds(lambda a, b: f"connectAttr {a} {b};", quoted, quoted),
    st.just("select -ne :defaultRenderGlobals;"),
    st.builds(lambda v: f'\tsetAttr ".ren" -type "string" {v};', quoted),
    st.builds(
        lambda a, v: f'\tsetAttr ".{a}" {v};',
        st.sampled_from(["fs", "ef", "bf", "ifp", "imfkey", "rndr", "do"]),
        words,
    ),
    st.builds(lambda ws: " ".join(ws) + ";", st.lists(words, max_size=6)),
    st.builds(lambda n: f'requires {n} "1.0";', quoted),
    names,  # a statement with no end
)
ma_text = st.lists(statements, max_size=40).map(lambda lines: HEADER + "\n".join(lines) + "\n")
garbage = st.binary(max_size=2000)


def _read(data: bytes, suffix: str = ".ma") -> SceneInfo | None:
    """Write ``data`` to a temp file and read it; None when refused with a SceneReadError."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            info = read_scene(path)
        except SceneReadError as exc:
            message = str(exc)
            assert message and "\n" not in message, message
            assert isinstance(exc, ValueError)
            return None
        for layer in info.layers:
            assert layer.node, layer
            patch = plan_renderable_patch(path, [layer.node])
            size = path.stat().st_size
            previous_end = 0
            for edit in patch.edits:
                assert previous_end <= edit.start <= edit.end <= size, patch.edits
                previous_end = edit.end
        return info


@SETTINGS
@given(text=ma_text)
@example(text=HEADER + 'createNode renderLayer -n "rs_A";\n\tsetAttr ".rndr" no;\n')
@example(text=HEADER + 'createNode renderLayer -n "unterminated;\n')
@example(text=HEADER + 'createNode renderSetupLayer -n "0";\n')  # found: reader/patch disagreed
@example(text=HEADER + 'setAttr ".ren" -type "string" "' + "\\\\" * 3000 + '";\n')
def test_random_mel_statements_never_break_the_reader(text: str) -> None:
    info = _read(text.encode("utf-8", "surrogatepass"))
    assert info is not None  # a file with the header is Maya ASCII: read, never refused


@SETTINGS
@given(data=garbage, header=st.booleans(), suffix=st.sampled_from([".ma", ".mb", ""]))
@example(data=b"FOR8" + b"\0" * 100, header=False, suffix=".mb")
@example(data=b"\xff\xfe\x00\x00", header=True, suffix=".ma")
@example(data=b"\xef\xbb\xbf//Maya ASCII 2024 scene\n\xc3\x28;", header=False, suffix=".ma")
def test_binary_garbage_is_read_or_refused_with_one_line(
    data: bytes, header: bool, suffix: str
) -> None:
    _read((HEADER.encode() if header else b"") + data, suffix)


@settings(max_examples=3, deadline=None, database=None, derandomize=True)
@given(size_mb=st.integers(min_value=1, max_value=4), filler=st.sampled_from(["a", '"', ";"]))
def test_huge_lines_are_streamed(size_mb: int, filler: str) -> None:
    # A multi-megabyte string, then a 64 KiB run of one character (a run of empty statements or
    # strings is the reader's slowest input per byte: linear, about a microsecond each).
    line = 'setAttr ".pt" -type "string" "' + "x" * (size_mb << 20) + '";\n'
    body = (
        HEADER
        + 'createNode renderLayer -n "rs_BIG";\n'
        + line
        + filler * (1 << 16)
        + "\n"
        + 'createNode renderLayer -n "rs_AFTER";\n'
        # Render layers are the ones on the scene's renderLayerManager.
        + 'connectAttr "renderLayerManager.rlmi[1]" "rs_BIG.rlid";\n'
        + 'connectAttr "renderLayerManager.rlmi[2]" "rs_AFTER.rlid";\n'
    )
    info = _read(body.encode())
    assert info is not None
    assert {"rs_BIG", "rs_AFTER"} <= {layer.node for layer in info.layers}


def test_a_render_setup_layer_without_its_render_layer_node_can_be_snapshotted(tmp_path: Path):
    """Regression (found by this fuzzer): read_scene assumes ``rs_X`` for such a layer, with a
    warning; the snapshot patch refused the same node ("was the scene changed since it was
    read?"), so planning accepted a layer that could never launch."""
    from lrc_toolbox.scene import SceneSnapshots
    from lrc_toolbox.utils.temp_file_manager import TempFileManager

    scene = tmp_path / "partial.ma"
    scene.write_text(
        HEADER + 'createNode renderSetupLayer -n "FX";\ncreateNode renderLayer -n "rs_BG";\n'
    )
    info = read_scene(scene)
    fx = info.layer("FX")
    assert fx.node == "rs_FX" and any("rs_FX" in warning for warning in info.warnings)
    with TempFileManager(root=tmp_path / "temp") as temp:
        copy = SceneSnapshots(temp).snapshot_scene(scene, info, [fx.node])
        text = copy.read_text()
    assert text.endswith('setAttr "rs_FX.rndr" yes;\n')
    assert 'setAttr ".rndr" no;' in text  # rs_BG switched off
