"""Tests for lrc_toolbox.utils.child_env: the environment a Render child gets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lrc_toolbox.utils import child_env
from lrc_toolbox.utils.child_env import (
    CUDA_DEVICE_ORDER_VALUE,
    LAUNCHER_ONLY_VARS,
    build_child_environment,
    describe_env_changes,
    format_env_changes,
)

GPU_UUID = "GPU-8932f937-d72c-4106-c12f-20bd9faed9f6"

STUDIO_BASE = {
    "PATH": "/usr/autodesk/maya2024/bin:/usr/bin",
    "PYTHONPATH": "/studio/maya/scripts",
    "MAYA_MODULE_PATH": "/studio/maya/modules",
    "REDSHIFT_COREDATAPATH": "/opt/redshift",
    "ADSKFLEX_LICENSE_FILE": "@licserver",
    "redshift_LICENSE": "5054@rlm",
    "LD_LIBRARY_PATH": "/studio/lib",
    "QT_PREFERRED_BINDING": "PySide2",
}


def launcher_polluted() -> dict[str, str]:
    env = dict(STUDIO_BASE)
    env.update({name: f"/launcher/{name.lower()}" for name in LAUNCHER_ONLY_VARS})
    return env


def test_launcher_only_vars_dropped_and_studio_vars_kept() -> None:
    base = launcher_polluted()
    env = build_child_environment(base, cuda_device=None)
    assert env == STUDIO_BASE


def test_launcher_only_vars_cover_the_documented_names() -> None:
    expected = {
        "PYTHONHOME",
        "VIRTUAL_ENV",
        "PYTHONEXECUTABLE",
        "__PYVENV_LAUNCHER__",
        "QT_PLUGIN_PATH",
        "QT_QPA_PLATFORM_PLUGIN_PATH",
        "PYTEST_CURRENT_TEST",
        "CONDA_PREFIX",
    }
    assert set(LAUNCHER_ONLY_VARS) == expected
    assert "PYTHONPATH" not in LAUNCHER_ONLY_VARS  # studios put Maya tools on it


def test_base_is_not_modified() -> None:
    base = launcher_polluted()
    before = dict(base)
    build_child_environment(base, cuda_device="1", extra={"PATH": None, "NEW": "x"})
    assert base == before


def test_default_base_is_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LRC_TEST_STUDIO_VAR", "kept")
    monkeypatch.setenv("VIRTUAL_ENV", "/some/venv")
    env = build_child_environment(cuda_device=None)
    assert env["LRC_TEST_STUDIO_VAR"] == "kept"
    assert "VIRTUAL_ENV" not in env
    assert "PYTEST_CURRENT_TEST" in os.environ  # pytest sets it for this very test...
    assert "PYTEST_CURRENT_TEST" not in env  # ...and it must not reach the child


@pytest.mark.parametrize("device", [GPU_UUID, "0", "3", "0,1", "MIG-GPU-8932f937-d72c/1/0"])
def test_cuda_pin_sets_device_and_pci_order(device: str) -> None:
    env = build_child_environment(STUDIO_BASE, cuda_device=device)
    assert env["CUDA_VISIBLE_DEVICES"] == device
    assert env["CUDA_DEVICE_ORDER"] == CUDA_DEVICE_ORDER_VALUE == "PCI_BUS_ID"


def test_cuda_pin_overrides_inherited_values() -> None:
    base = dict(STUDIO_BASE, CUDA_VISIBLE_DEVICES="0,1,2,3", CUDA_DEVICE_ORDER="FASTEST_FIRST")
    env = build_child_environment(base, cuda_device=GPU_UUID)
    assert env["CUDA_VISIBLE_DEVICES"] == GPU_UUID
    assert env["CUDA_DEVICE_ORDER"] == "PCI_BUS_ID"


def test_int_index_accepted() -> None:
    env = build_child_environment(STUDIO_BASE, cuda_device=2)  # type: ignore[arg-type]
    assert env["CUDA_VISIBLE_DEVICES"] == "2"


def test_no_pin_leaves_inherited_cuda_vars_alone() -> None:
    base = dict(STUDIO_BASE, CUDA_VISIBLE_DEVICES="1", CUDA_DEVICE_ORDER="FASTEST_FIRST")
    env = build_child_environment(base, cuda_device=None)
    assert env["CUDA_VISIBLE_DEVICES"] == "1"
    assert env["CUDA_DEVICE_ORDER"] == "FASTEST_FIRST"
    assert "CUDA_VISIBLE_DEVICES" not in build_child_environment(STUDIO_BASE, cuda_device=None)


@pytest.mark.parametrize("bad", ["", " 0", "0 ", "0,,1", "0,", "GPU 1", "0=1", "a\0b", ","])
def test_malformed_cuda_device_rejected(bad: str) -> None:
    with pytest.raises(ValueError, match="cuda_device"):
        build_child_environment(STUDIO_BASE, cuda_device=bad)


@pytest.mark.parametrize("bad", [1.5, True, ["0"], b"0"])
def test_cuda_device_of_wrong_type_rejected(bad: object) -> None:
    with pytest.raises(TypeError, match="cuda_device"):
        build_child_environment(STUDIO_BASE, cuda_device=bad)  # type: ignore[arg-type]


def test_renderer_env_then_extra_and_stringification() -> None:
    renderer_env = {"REDSHIFT_FORCEQUITONINTERNALERROR": "1", "SHARED": "renderer", "GONE": "x"}
    extra = {
        "SHARED": "extra",
        "FLAG_ON": True,
        "FLAG_OFF": False,
        "THREADS": 8,
        "RATIO": 0.5,
        "OUT_DIR": Path("/renders/shot01"),
        "PYTHONPATH": None,
        "GONE": None,
        "NOT_THERE": None,
    }
    env = build_child_environment(
        STUDIO_BASE, cuda_device=None, renderer_env=renderer_env, extra=extra
    )
    assert env["REDSHIFT_FORCEQUITONINTERNALERROR"] == "1"
    assert env["SHARED"] == "extra"  # extra is applied last
    assert env["FLAG_ON"] == "1" and env["FLAG_OFF"] == "0"
    assert env["THREADS"] == "8" and env["RATIO"] == "0.5"
    assert env["OUT_DIR"] == os.fspath(Path("/renders/shot01"))
    assert "PYTHONPATH" not in env and "GONE" not in env and "NOT_THERE" not in env
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in env.items())


@pytest.mark.parametrize("bad_key", ["A=B", "=C:", "A\0B", ""])
def test_bad_names_rejected(bad_key: str) -> None:
    with pytest.raises(ValueError, match="extra"):
        build_child_environment(STUDIO_BASE, cuda_device=None, extra={bad_key: "1"})
    with pytest.raises(ValueError, match="renderer_env"):
        build_child_environment(STUDIO_BASE, cuda_device=None, renderer_env={bad_key: "1"})


def test_non_str_name_and_bad_values_rejected() -> None:
    with pytest.raises(TypeError, match="names must be str"):
        build_child_environment(STUDIO_BASE, cuda_device=None, extra={1: "x"})  # type: ignore
    for value in (["a", "b"], b"bytes", {"a": 1}, object()):
        with pytest.raises(TypeError, match="value of SOME_VAR"):
            build_child_environment(STUDIO_BASE, cuda_device=None, extra={"SOME_VAR": value})
    with pytest.raises(ValueError, match="NUL"):
        build_child_environment(STUDIO_BASE, cuda_device=None, extra={"SOME_VAR": "a\0b"})
    with pytest.raises(TypeError, match="mapping"):
        build_child_environment(STUDIO_BASE, cuda_device=None, extra=["A=1"])  # type: ignore


def test_overrides_contradicting_the_pin_rejected() -> None:
    for source in ("renderer_env", "extra"):
        for key, value in (
            ("CUDA_VISIBLE_DEVICES", "1"),
            ("CUDA_VISIBLE_DEVICES", None),
            ("CUDA_DEVICE_ORDER", "FASTEST_FIRST"),
        ):
            with pytest.raises(ValueError, match="GPU pin"):
                build_child_environment(STUDIO_BASE, cuda_device="0", **{source: {key: value}})
    # Agreeing with the pin is fine, and without a pin a TD may pin by hand.
    env = build_child_environment(
        STUDIO_BASE, cuda_device="0", extra={"CUDA_DEVICE_ORDER": "PCI_BUS_ID"}
    )
    assert env["CUDA_DEVICE_ORDER"] == "PCI_BUS_ID"
    env = build_child_environment(STUDIO_BASE, cuda_device=None, extra={"CUDA_VISIBLE_DEVICES": 1})
    assert env["CUDA_VISIBLE_DEVICES"] == "1"


def test_windows_names_are_case_blind(monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulates Windows, where "Path" and "PATH" are one variable and "=C:" entries exist.
    monkeypatch.setattr(child_env, "_CASE_INSENSITIVE_KEYS", True)
    base = {
        "Path": r"C:\Windows",
        "=C:": r"C:\work",
        "Virtual_Env": r"C:\venv",
        "cuda_visible_devices": "3",
    }
    env = build_child_environment(base, cuda_device="1", extra={"PATH": r"C:\Maya\bin"})
    assert env == {
        "=C:": r"C:\work",
        "PATH": r"C:\Maya\bin",
        "CUDA_VISIBLE_DEVICES": "1",
        "CUDA_DEVICE_ORDER": "PCI_BUS_ID",
    }
    with pytest.raises(ValueError, match="GPU pin"):
        build_child_environment(base, cuda_device="1", extra={"cuda_visible_devices": "2"})
    changes = describe_env_changes({"Path": "a"}, {"PATH": "a"})
    assert changes == {"added": {}, "changed": {}, "removed": []}


def test_describe_and_format_env_changes() -> None:
    base = launcher_polluted()
    child = build_child_environment(
        base, cuda_device=GPU_UUID, extra={"PATH": "/new/bin", "MULTI": "a\nb"}
    )
    changes = describe_env_changes(base, child)
    assert changes["added"] == {
        "CUDA_DEVICE_ORDER": "PCI_BUS_ID",
        "CUDA_VISIBLE_DEVICES": GPU_UUID,
        "MULTI": "a\nb",
    }
    assert changes["changed"] == {"PATH": (STUDIO_BASE["PATH"], "/new/bin")}
    assert changes["removed"] == sorted(LAUNCHER_ONLY_VARS)
    lines = format_env_changes(changes)
    assert f"+CUDA_VISIBLE_DEVICES={GPU_UUID}" in lines
    assert "+MULTI='a\\nb'" in lines  # line breaks escaped: one variable, one line
    assert f"~PATH=/new/bin (was {STUDIO_BASE['PATH']})" in lines
    assert "-VIRTUAL_ENV" in lines
    assert all("\n" not in line for line in lines)
    assert format_env_changes(describe_env_changes(base, base)) == ["(no changes)"]
