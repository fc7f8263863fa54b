"""OpenCue export: built with pyoutline, serialized without a Cuebot, valid against OpenCue's DTD."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import farm_fixtures
import pytest
from farm_helpers import FRAME_CASES, ODD_LAYERS, cuebot_chunks

from lrc_toolbox.farm import (
    CUE_SPEC_VERSIONS,
    FarmError,
    FarmOptions,
    FarmUnavailableError,
    submit_job,
)
from lrc_toolbox.farm import opencue as cue
from lrc_toolbox.farm.job_description import describe_job
from lrc_toolbox.utils.frame_parser import FrameSet

# The shared fixtures (pytest finds them by their names: make_plan, standin...).
binary_scene_fixture = farm_fixtures.binary_scene_fixture
farm_isolation_fixture = farm_fixtures.farm_isolation_fixture
make_plan_fixture = farm_fixtures.make_plan_fixture
standin_fixture = farm_fixtures.standin_fixture

pytest.importorskip("outline", reason="opencue-pyoutline is not installed (extra opencue)")
etree = pytest.importorskip("lxml.etree", reason="lxml is not installed (dev extra)")

#: OpenCue's job-spec DTDs, copied into the repository (source and licence: their README.md).
DTD_DIR = farm_fixtures.ROOT / "tests" / "data" / "opencue"

#: Cuebot's rule for the job name suffix (JobSpec.java NAME_REGEX, research notes section 4).
CUEBOT_NAME_RE = re.compile(r"^[\w.-]{3,}$")


def _dtd(version: str = "1.15"):
    return etree.DTD(str(DTD_DIR / f"cjsl-{version}.dtd"))


def _spec(job, tmp_path: Path, options: FarmOptions | None = None) -> str:
    launcher = cue._launcher(job, cue.build_outline(job, options=options))
    version = options.cue_spec_version if options else None
    return cue.serialize_spec(launcher, tmp_path / "session", version)


def _valid_layers(spec: str, version: str = "1.15"):
    root = etree.fromstring(spec.encode("utf-8"))
    dtd = _dtd(version)
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    assert f"cjsl-{version}.dtd" in spec.split("<spec>")[0]
    return root


def _flag(argv: list[str], flag: str) -> str:
    return argv[argv.index(flag) + 1]


@pytest.mark.slow
@pytest.mark.parametrize("frames", FRAME_CASES)
@pytest.mark.parametrize("chunk", [1, 3])
def test_spec_is_valid_and_cuebots_chunks_render_exactly_the_frames(
    make_plan, tmp_path, frames, chunk
):
    job = describe_job(
        make_plan(frame_range=frames, chunk_size=chunk, layers=["MASTER_BG_A", "masterLayer"])
    )
    root = _valid_layers(_spec(job, tmp_path))
    expected = list(FrameSet.parse(frames))
    by_node: dict[str, list[int]] = {}
    for layer in root.iter("layer"):
        assert layer.get("type") == "Render"
        assert int(layer.findtext("chunk")) == chunk
        argv = layer.findtext("cmd").split("exec ", 1)[1]
        for start, end in cuebot_chunks(layer.findtext("range"), chunk):
            words = _shell_words(
                argv.replace(cue.FRAME_START_TOKEN, str(start)).replace(
                    cue.FRAME_END_TOKEN, str(end)
                )
            )
            s, e, b = (int(_flag(words, f)) for f in ("-s", "-e", "-b"))
            by_node.setdefault(_flag(words, "-rl"), []).extend(range(s, e + 1, b))
    assert set(by_node) == {"rs_MASTER_BG_A", "defaultRenderLayer"}
    for rendered in by_node.values():
        assert sorted(rendered) == expected and len(rendered) == len(set(rendered))


def _shell_words(line: str) -> list[str]:
    import shlex

    return shlex.split(line)


@pytest.mark.slow
def test_layers_carry_gpus_service_timeouts_env_and_retries(make_plan, tmp_path):
    job = describe_job(
        make_plan(
            retries=5, max_task_time_s=3601, hang_timeout_s=90, cpu_threads=4, frame_range="1-20"
        )
    )
    root = _valid_layers(_spec(job, tmp_path))
    assert root.findtext("job/maxretries") == "5"
    layer = root.find("job/layers/layer")
    assert layer.get("name") == "MASTER_BG_A"
    assert layer.findtext("range") == "1-20"
    assert layer.findtext("gpus") == "1" and layer.findtext("gpu_memory") == cue.DEFAULT_GPU_MEMORY
    assert layer.findtext("cores") == "4.0"
    assert layer.findtext("timeout") == "61"  # minutes, rounded up
    # No log line for the longer of the start (default 15 min) and hang (90 s) timeouts: one
    # Cuebot timer covers a render that never starts printing and one that stops.
    assert layer.findtext("timeout_llu") == "15"
    assert layer.findtext("services/service") == cue.DEFAULT_SERVICE
    env = {key.get("name"): key.text for key in layer.findall("env/key")}
    assert env["REDSHIFT_FORCEQUITONINTERNALERROR"] == "1"
    cmd = layer.findtext("cmd")
    assert cmd.startswith(cue.GPU_PIN_PREFIX)
    assert "-s '#FRAME_START#' -e '#FRAME_END#' -b 1" in cmd
    cpu_job = describe_job(make_plan(renderer="sw", gpus=None))
    cpu_layer = _valid_layers(_spec(cpu_job, tmp_path / "cpu")).find("job/layers/layer")
    assert cpu_layer.find("gpus") is None and not cpu_layer.findtext("cmd").startswith("if ")


@pytest.mark.slow
def test_x_step_becomes_runs_whose_opencue_meaning_is_the_specs(make_plan):
    job = describe_job(make_plan(frame_range="1-100x5", chunk_size=4))
    layers = cue.cue_layers(job)
    assert [(c.name, c.frame_range) for c in layers] == [
        ("MASTER_BG_A_part1", "1-96x5"),
        ("MASTER_BG_A_part2", "100"),
    ]
    assert "-b 5 " in layers[0].command and "-b 1 " in layers[1].command


@pytest.mark.slow
def test_odd_layer_names_become_valid_unique_layer_names(make_plan, binary_scene, tmp_path):
    job = describe_job(
        make_plan(scene_file=str(binary_scene), layers=ODD_LAYERS, frame_range="1-3")
    )
    root = _valid_layers(_spec(job, tmp_path))
    names = [layer.get("name") for layer in root.iter("layer")]
    assert len(set(names)) == len(ODD_LAYERS)
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name) for name in names)
    assert re.fullmatch(r"[A-Za-z0-9._-]+", root.find("job").get("name"))


@pytest.mark.slow
def test_commands_run_by_a_shell_render_exactly_and_pin_the_reserved_gpu(
    make_plan, binary_scene, tmp_path, monkeypatch
):
    """What RQD does: replace Cuebot's tokens, run the command with a POSIX shell."""
    record = tmp_path / "record.jsonl"
    monkeypatch.setenv("LRC_STANDIN_RECORD", str(record))
    out = tmp_path / "images"
    frames = "1-10x4,20"
    job = describe_job(
        make_plan(
            scene_file=str(binary_scene),
            layers=ODD_LAYERS,
            frame_range=frames,
            chunk_size=2,
            output_dir=str(out),
        )
    )
    for layer in cue.cue_layers(job):
        for start, end in cuebot_chunks(layer.frame_range, job.chunk_size):
            command = layer.command.replace(cue.FRAME_START_TOKEN, str(start)).replace(
                cue.FRAME_END_TOKEN, str(end)
            )
            proc = subprocess.run(
                ["/bin/sh", "-c", command],
                cwd=tmp_path,
                timeout=60,
                env={**os.environ, "CUE_GPU_CORES": "1"},
                capture_output=True,
                text=True,
                check=False,
            )
            assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    records = [json.loads(line) for line in record.read_text().splitlines()]
    starts = [r for r in records if r["event"] == "start"]
    ends = [r for r in records if r["event"] == "end"]
    assert starts and all(r["cuda_visible_devices"] == "1" for r in starts)
    assert all(r["cuda_device_order"] == "PCI_BUS_ID" for r in starts)
    for layer in job.layers:
        runs = [r for r in ends if r["layers"] == [layer.node]]
        assert runs and all(r["argv"][r["argv"].index("-rl") + 1] == layer.node for r in runs)
        images = [Path(p) for r in runs for p in r["images"]]
        assert sorted(int(p.name.split(".")[-2]) for p in images) == list(FrameSet.parse(frames))
        assert all(p.is_file() and p.stat().st_size > 0 for p in images)
    assert not list(tmp_path.rglob("PWNED*"))


@pytest.mark.slow
def test_no_cuebot_configured_is_a_clear_error_and_contacts_nothing(
    make_plan, tmp_path, monkeypatch
):
    def no_network(*args, **kwargs):
        raise AssertionError("a Cuebot was contacted")

    import opencue

    monkeypatch.setattr(opencue.Cuebot, "init", staticmethod(no_network))
    plan = make_plan()
    with pytest.raises(FarmError, match="no OpenCue Cuebot is configured") as info:
        submit_job(plan, "opencue", out_dir=tmp_path / "x")
    spec = tmp_path / "x" / cue.SPEC_FILE
    assert str(spec) in str(info.value) and spec.is_file()
    assert "CUEBOT_HOSTS" in str(info.value)
    dry = submit_job(plan, "opencue", out_dir=tmp_path / "dry", dry_run=True)
    assert not dry.submitted and dry.files == [str(tmp_path / "dry" / cue.SPEC_FILE)]
    assert "none is configured" in dry.message
    # pyoutline's session went into the export folder, not the (fake) home folder.
    assert list((tmp_path / "dry" / cue.SESSION_FOLDER).iterdir())
    assert not (Path.home() / ".opencue").exists()


@pytest.mark.slow
def test_unreachable_cuebot_fails_with_a_farm_error(make_plan, tmp_path, monkeypatch):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("CUEBOT_HOSTS", f"127.0.0.1:{port}")
    with pytest.raises(FarmError, match=f"CUEBOT_HOSTS=127.0.0.1:{port}"):
        submit_job(make_plan(), "opencue", out_dir=tmp_path / "x")
    dry = submit_job(make_plan(), "opencue", out_dir=tmp_path / "dry", dry_run=True)
    assert f"127.0.0.1:{port}" in dry.message and not dry.submitted


@pytest.mark.slow
def test_configured_cuebot_launch_returns_the_job_id(make_plan, tmp_path, monkeypatch):
    """The launch path with pycue's network boundary faked: the spec pyoutline sends is ours."""
    import opencue
    import outline.backend.cue as backend

    sent = []

    class FakeJob:
        def id(self):
            return "a1b2-job"

        def name(self):
            return "testing-default-user_shot001"

    def launch_spec_and_wait(spec):
        sent.append(spec)
        return [FakeJob()]

    monkeypatch.setenv("CUEBOT_HOSTS", "cuebot.example:8443")
    monkeypatch.setattr(opencue.Cuebot, "init", staticmethod(lambda config=None: None))
    monkeypatch.setattr(backend.opencue.api, "launchSpecAndWait", launch_spec_and_wait)
    result = submit_job(make_plan(), "opencue", out_dir=tmp_path / "x")
    assert result.submitted and result.job_id == "a1b2-job"
    assert sent and sent[0] == (tmp_path / "x" / cue.SPEC_FILE).read_text(encoding="utf-8")


@pytest.mark.slow
def test_missing_pyoutline_says_how_to_install(make_plan, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "outline", None)
    with pytest.raises(FarmUnavailableError) as info:
        submit_job(make_plan(), "opencue", out_dir=tmp_path / "never")
    assert 'pip install "lrc-toolbox[opencue]"' in str(info.value)
    assert not (tmp_path / "never").exists()


def test_two_submissions_of_one_scene_get_different_valid_names(make_plan, tmp_path):
    job = describe_job(make_plan(layers=["MASTER_BG_A", "MASTER_FX_A"]))
    first = _valid_layers(_spec(job, tmp_path / "a")).find("job").get("name")
    second = _valid_layers(_spec(job, tmp_path / "b")).find("job").get("name")
    assert first != second  # Cuebot refuses a name that is still pending
    for name in (first, second):
        assert name.startswith("shot001_MASTER_BG_A_MASTER_FX_A_")
        assert CUEBOT_NAME_RE.match(name.lower().replace("-", "_"))
    same_second = {cue.job_name(job, now=1_700_000_000.0) for _ in range(20)}
    assert len(same_second) == 20
    many = describe_job(
        make_plan(layers=["MASTER_BG_A", "MASTER_FX_A", "MASTER_CHAR_A", "masterLayer"])
    )
    assert "_and1_" in cue.job_name(many)
    named = _valid_layers(_spec(job, tmp_path / "c", FarmOptions(job_name="shot001 final v2")))
    assert named.find("job").get("name") == "shot001_final_v2"


def test_show_and_shot_come_from_options_then_the_environment(make_plan, tmp_path, monkeypatch):
    job = describe_job(make_plan())
    monkeypatch.delenv("SHOW", raising=False)
    monkeypatch.delenv("SHOT", raising=False)
    root = _valid_layers(_spec(job, tmp_path / "a", FarmOptions(show="nemo", shot="sh010")))
    assert (root.findtext("show"), root.findtext("shot")) == ("nemo", "sh010")
    monkeypatch.setenv("SHOW", "envshow")
    monkeypatch.setenv("SHOT", "envshot")
    root = _valid_layers(_spec(job, tmp_path / "b"))
    assert (root.findtext("show"), root.findtext("shot")) == ("envshow", "envshot")
    monkeypatch.delenv("SHOW")
    dry = submit_job(make_plan(), "opencue", out_dir=tmp_path / "dry", dry_run=True)
    assert any("pyoutline's default" in note and "--show" in note for note in dry.notes)
    shown = submit_job(
        make_plan(),
        "opencue",
        out_dir=tmp_path / "dry2",
        dry_run=True,
        options=FarmOptions(show="nemo"),
    )
    assert not any("pyoutline's default" in note for note in shown.notes)
    assert "show nemo" in shown.message
    with pytest.raises(FarmError, match="show"):
        submit_job(make_plan(), "opencue", dry_run=True, options=FarmOptions(show="a b"))


@pytest.mark.parametrize("version", CUE_SPEC_VERSIONS)
def test_every_offered_spec_version_is_valid_against_its_own_dtd(make_plan, tmp_path, version):
    job = describe_job(make_plan(max_task_time_s=600, frame_range="1-20x5"))
    options = FarmOptions(cue_spec_version=version)
    result = submit_job(
        make_plan(max_task_time_s=600, frame_range="1-20x5"),
        "opencue",
        out_dir=tmp_path / "x",
        dry_run=True,
        options=options,
    )
    spec = Path(result.files[0]).read_text(encoding="utf-8")
    root = _valid_layers(spec, version)
    layer = root.find("job/layers/layer")
    assert layer.findtext("gpus") == "1" and layer.findtext("timeout") == "10"
    assert _spec(job, tmp_path / "y", options).split("<spec>")[0] == spec.split("<spec>")[0]
    # pyoutline's global config is left as it was.
    from outline.config import config

    assert config.get("outline", "spec_version") == "1.15"


def test_an_older_spec_is_invalid_against_a_dtd_it_does_not_name(make_plan, tmp_path):
    """Control: the DTDs really differ (a 1.15 spec fails 1.12, which lacks its elements)."""
    job = describe_job(make_plan())
    root = etree.fromstring(_spec(job, tmp_path).encode("utf-8"))
    assert not _dtd("1.12").validate(root)


def test_the_workers_render_replaces_this_machines(make_plan):
    job = describe_job(make_plan())
    layers = cue.cue_layers(job, FarmOptions(worker_render="/opt/autodesk/maya2024/bin/Render"))
    assert "exec /opt/autodesk/maya2024/bin/Render -r redshift" in layers[0].command


@pytest.mark.slow
def test_cuebots_validating_parser_accepts_every_offered_version(make_plan, tmp_path):
    """Java's validating SAX parse with Cuebot's DTD redirect (tests/farm/java/CuebotSpecCheck)."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("no Java runtime: Cuebot's parser path is Java")
    checker = Path(__file__).parent / "java" / "CuebotSpecCheck.java"
    specs = []
    for version in CUE_SPEC_VERSIONS:
        result = submit_job(
            make_plan(frame_range="1-20x5"),
            "opencue",
            out_dir=tmp_path / version,
            dry_run=True,
            options=FarmOptions(cue_spec_version=version, show="nemo"),
        )
        specs.append(result.files[0])
    # Control: a 1.15 spec relabelled 1.12 uses elements 1.12 does not declare.
    spec = Path(specs[-1]).read_text(encoding="utf-8")
    relabelled = tmp_path / "relabelled.xml"
    relabelled.write_text(spec.replace("cjsl-1.15.dtd", "cjsl-1.12.dtd"), encoding="utf-8")
    proc = subprocess.run(
        [java, str(checker), str(DTD_DIR), *specs, str(relabelled)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = proc.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["VALID"] * len(specs) + ["INVALID"], (
        proc.stdout + proc.stderr
    )
    assert proc.returncode == 1
