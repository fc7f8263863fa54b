"""Benchmark :func:`lrc_toolbox.scene.read_scene` on a large generated ``.ma`` scene.

Generates a realistic Maya ASCII file (many ``createNode mesh`` blocks with wrapped
``setAttr ".vt[...]"`` / ``".ed[...]"`` / ``".fc[...]"`` data, one huge single-line vertex
statement, a UI script string full of escapes, four Render Setup layers and the render
globals) into a temp folder, then runs ``read_scene`` in a fresh Python process several times.
Reports the median wall time (and CPU time: the process's own, which shows the speed on an
idle core when the machine is shared), throughput and the child's peak RSS (``ru_maxrss``) next
to the peak RSS of a child that only imports the module, as a markdown table.

``--kind dense`` writes only short statements instead (rig / reference-heavy scenes), which
measures the per-statement cost rather than raw scanning speed.

Usage::

    python scripts/bench_ma_reader.py                   # 200 MB of mesh data, 3 runs
    python scripts/bench_ma_reader.py --kind dense      # 200 MB of short statements
    python scripts/bench_ma_reader.py --size-mb 50 --runs 5 --markdown out.md
    python scripts/bench_ma_reader.py --smoke           # CI: a 1 MB scene, one run

POSIX only (``resource``); on Windows it exits with a message.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: Vertices per ordinary mesh (the brief's ``setAttr -s 1000 ".vt[0:999]"``).
VERTS_PER_MESH: int = 1000
#: Share of the file taken by one giant single-line vertex statement (capped, see below).
HUGE_STATEMENT_SHARE: float = 0.25
HUGE_STATEMENT_MAX_BYTES: int = 50 * 1024 * 1024
#: Distinct random data blocks reused across meshes (keeps generation fast).
DATA_VARIANTS: int = 8
#: ``--smoke``: scene size and runs. CI runs the benchmark this way so it cannot rot; the figures
#: mean nothing at this size.
SMOKE_SIZE_MB: float = 1.0
SMOKE_RUNS: int = 1
LAYERS: tuple[tuple[str, bool], ...] = (
    ("MASTER_BG_A", True),
    ("MASTER_CHAR_A", True),
    ("MASTER_FX_A", False),
    ("MASTER_ATMOS_A", True),
)

_CHILD_READ = """
import json, resource, sys, time
from lrc_toolbox.scene import read_scene
t0, c0 = time.perf_counter(), time.process_time()
info = read_scene(sys.argv[1])
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"wall_s": wall, "cpu_s": cpu,
                  "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "layers": [[l.name, l.node, l.renderable] for l in info.layers],
                  "renderer": info.renderer, "end_frame": info.end_frame}))
"""
_CHILD_IMPORT = """
import json, resource
import lrc_toolbox.scene  # noqa: F401
print(json.dumps({"maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _uid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032X}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _wrapped(values: list[str], per_line: int) -> str:
    """Join values the way Maya wraps long setAttr data: continuation lines start with tabs."""
    lines = [" ".join(values[i : i + per_line]) for i in range(0, len(values), per_line)]
    return "\n\t\t ".join(lines)


def _mesh_data_variants(rng: random.Random) -> list[str]:
    """Pre-rendered mesh bodies (everything after ``rename -uid``), reused across meshes."""
    variants = []
    n = VERTS_PER_MESH
    for _ in range(DATA_VARIANTS):
        uvs = [repr(round(rng.random(), 8)) for _ in range(2 * n)]
        verts = [repr(round(rng.uniform(-50, 50), 12)) for _ in range(3 * n)]
        edges = [str(v) for i in range(2 * n - 20) for v in (i % n, (i + 1) % n, 0)]
        faces = "".join(
            f"\n\t\tf 4 {i} {i + 1} {-(i + 3)} {-(i + 2)}\n\t\tmu 0 4 {i} {i + 1} {i + 3} {i + 2}"
            for i in range(n - 20)
        )
        variants.append(
            '\tsetAttr -k off ".v";\n\tsetAttr ".vir" yes;\n\tsetAttr ".vif" yes;\n'
            '\tsetAttr ".uvst[0].uvsn" -type "string" "map1";\n'
            f'\tsetAttr -s {n} ".uvst[0].uvsp[0:{n - 1}]" -type "float2" {_wrapped(uvs, 12)};\n'
            '\tsetAttr ".cuvs" -type "string" "map1";\n'
            '\tsetAttr ".dcc" -type "string" "Ambient+Diffuse";\n'
            '\tsetAttr ".covm[0]"  0 1 1;\n\tsetAttr ".cdvm[0]"  0 1 1;\n'
            f'\tsetAttr -s {n} ".vt[0:{n - 1}]"  {_wrapped(verts, 6)};\n'
            f'\tsetAttr -s {2 * n - 20} ".ed[0:{2 * n - 21}]"  {_wrapped(edges, 21)};\n'
            f'\tsetAttr -s {n - 20} -ch {4 * (n - 20)} ".fc[0:{n - 21}]" -type "polyFaces" {faces};\n'
            '\tsetAttr ".cd" -type "dataPolyComponent" Index_Data Edge 0 ;\n'
            '\tsetAttr ".cvd" -type "dataPolyComponent" Index_Data Vertex 0 ;\n'
            '\tsetAttr ".hfd" -type "dataPolyComponent" Index_Data Face 0 ;\n'
        )
    return variants


def _dense_block(rng: random.Random, i: int) -> str:
    """Short statements, as in rig and reference-heavy scenes (the per-statement worst case)."""
    return (
        f'createNode transform -n "ctrl_{i:07d}" -p "rig_GRP";\n\trename -uid "{_uid(rng)}";\n'
        f'\tsetAttr ".t" -type "double3" {i % 97} 0 {i % 13} ;\n\tsetAttr -k on ".rx";\n'
        f'\tsetAttr ".ed" -type "dataReferenceEdits" "ctrl_{i:07d}RN";\n'
        f'connectAttr "ctrl_{i:07d}.wm" "skin_{i % 500}.ma[{i}]";\n'
        f'connectAttr "anim_{i:07d}.o" "ctrl_{i:07d}.tx";\n'
    )


def generate_scene(path: Path, size_bytes: int, seed: int = 7, kind: str = "mesh") -> int:
    """Write a realistic Maya ASCII scene of about ``size_bytes`` bytes; return its real size.

    Args:
        path: Output file.
        size_bytes: Target size.
        seed: Random seed (the file is reproducible).
        kind: ``mesh`` (mesh data, few large statements, one huge line) or ``dense`` (only
            short statements: about 7 per 500 bytes).

    Returns:
        The file's size in bytes.
    """
    rng = random.Random(seed)
    variants = _mesh_data_variants(rng) if kind == "mesh" else []
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(
            "//Maya ASCII 2024 scene\n//Name: bench.ma\n//Codeset: UTF-8\n"
            'requires maya "2024";\n'
            'requires -nodeType "RedshiftOptions" -nodeType "RedshiftPostEffects" "redshift4maya" '
            '"3.5.19";\n'
            'requires -nodeType "simpleSelector" -nodeType "renderSetupLayer" -nodeType "renderSetup"'
            '\n\t\t -nodeType "collection" "renderSetup.py" "1.0";\n'
            "currentUnit -l centimeter -a degree -t film;\n"
            'fileInfo "application" "maya";\nfileInfo "product" "Maya 2024";\n'
        )
        huge_target = min(int(size_bytes * HUGE_STATEMENT_SHARE), HUGE_STATEMENT_MAX_BYTES)
        if kind == "dense":
            huge_target = 0
        body_target = size_bytes - huge_target - 64 * 1024
        i = 0
        while kind == "dense" and fh.tell() < body_target:
            fh.write("".join(_dense_block(rng, i + k) for k in range(1000)))
            i += 1000
        while kind == "mesh" and fh.tell() < body_target:
            fh.write(
                f'createNode transform -n "geo_{i:06d}";\n\trename -uid "{_uid(rng)}";\n'
                f'\tsetAttr ".t" -type "double3" {rng.uniform(-99, 99)!r} 0 '
                f"{rng.uniform(-99, 99)!r} ;\n"
                f'createNode mesh -n "geo_{i:06d}Shape" -p "geo_{i:06d}";\n'
                f'\trename -uid "{_uid(rng)}";\n'
            )
            fh.write(variants[i % len(variants)])
            i += 1
        if huge_target:
            # One giant statement on a single line (a dense scan or a sculpt), to stress memory.
            fh.write('createNode mesh -n "hugeShape" -p "geo_000000";\n')
            line = " ".join(repr(round(rng.uniform(-9, 9), 9)) for _ in range(3000))
            count = max(1, huge_target // (len(line) + 1))
            fh.write(f'\tsetAttr -s {count * 1000} ".vt[0:{count * 1000 - 1}]" ')
            for _ in range(count):
                fh.write(line + " ")
            fh.write(";\n")
        fh.write(
            'createNode script -n "uiConfigurationScriptNode";\n\tsetAttr ".b" -type "string" (\n'
            + '\t\t"// Maya Mel UI Configuration File.\\n//\\n'
            + "\\tmodelPanel -edit -l "
            '(localizedPanelLabel(\\"Persp View\\")) -mbv $menusOkayInPanels $panelName;\\n'
            * 200
            + '");\n\tsetAttr ".st" 3;\n'
        )
        fh.write(
            'createNode renderLayerManager -n "renderLayerManager";\n'
            f'\tsetAttr -s {len(LAYERS) + 1} ".rlmi[1:{len(LAYERS)}]"  '
            + " ".join(str(k) for k in range(1, len(LAYERS) + 1))
            + ";\n"
            'createNode renderLayer -n "defaultRenderLayer";\n\tsetAttr ".g" yes;\n'
            '\tsetAttr ".rndr" no;\ncreateNode renderSetup -n "renderSetup";\n'
        )
        for k, (name, renderable) in enumerate(LAYERS, start=1):
            fh.write(
                f'createNode renderSetupLayer -n "{name}";\n\trename -uid "{_uid(rng)}";\n'
                f'createNode renderLayer -n "rs_{name}";\n\trename -uid "{_uid(rng)}";\n'
                + ("" if renderable else '\tsetAttr ".rndr" no;\n')
                + f'\tsetAttr ".do" {k};\n'
            )
        fh.write(
            'select -ne :defaultRenderGlobals;\n\tsetAttr ".ren" -type "string" "redshift";\n'
            '\tsetAttr ".outf" 51;\n\tsetAttr ".imfkey" -type "string" "exr";\n'
            '\tsetAttr ".an" yes;\n\tsetAttr ".ef" 240;\n'
            '\tsetAttr ".ifp" -type "string" "<RenderLayer>/<Scene>";\n'
            'connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";\n'
        )
        for k, (name, _) in enumerate(LAYERS, start=1):
            fh.write(
                f'connectAttr "rs_{name}.msg" "{name}.lrl";\n'
                f'connectAttr "renderLayerManager.rlmi[{k}]" "rs_{name}.rlid";\n'
            )
        fh.write("// End of bench.ma\n")
    return path.stat().st_size


def _run_child(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh interpreter and return the JSON it prints."""
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed ({proc.returncode}):\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _rss_mib(maxrss: int) -> float:
    """``ru_maxrss`` is KiB on Linux and bytes on macOS."""
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    """Generate the scene, time ``read_scene`` in fresh processes, print a markdown table.

    Args:
        argv: Command-line arguments (default: ``sys.argv[1:]``).

    Returns:
        Process exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=200.0, help="scene size (default 200)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs (default 3)")
    parser.add_argument(
        "--kind",
        choices=("mesh", "dense"),
        default="mesh",
        help="mesh data (default) or only short statements",
    )
    parser.add_argument("--dir", type=Path, default=None, help="where to generate (temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the generated scene")
    parser.add_argument("--markdown", type=Path, default=None, help="also write the table here")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a few seconds: a 1 MB scene, one run (CI checks the benchmark still runs; no goal)",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.size_mb, args.runs = SMOKE_SIZE_MB, SMOKE_RUNS
    if os.name == "nt":
        print("this benchmark needs the POSIX 'resource' module (Linux/macOS)", file=sys.stderr)
        return 2
    if args.size_mb <= 0 or args.runs < 1:
        parser.error("--size-mb must be > 0 and --runs >= 1")
    workdir = Path(tempfile.mkdtemp(prefix="bench_ma_", dir=args.dir))
    scene = workdir / "bench.ma"
    try:
        t0 = time.perf_counter()
        size = generate_scene(scene, int(args.size_mb * 1024 * 1024), kind=args.kind)
        gen_s = time.perf_counter() - t0
        print(f"generated {scene} ({size / 1e6:.1f} MB) in {gen_s:.1f} s", file=sys.stderr)
        baseline = _rss_mib(_run_child(_CHILD_IMPORT)["maxrss"])
        runs = [_run_child(_CHILD_READ, str(scene)) for _ in range(args.runs)]
        expected = [["masterLayer", "defaultRenderLayer", False]] + [
            [name, f"rs_{name}", ok] for name, ok in LAYERS
        ]
        if runs[0]["layers"] != expected or runs[0]["renderer"] != "redshift":
            raise SystemExit(f"read_scene returned unexpected layers: {runs[0]['layers']}")
        walls = [r["wall_s"] for r in runs]
        peak = max(_rss_mib(r["maxrss"]) for r in runs)
        median = statistics.median(walls)
        cpu = statistics.median(r["cpu_s"] for r in runs)
        table = "\n".join(
            [
                "| scene | file size | runs | median wall | MB/s (wall) | median CPU | MB/s (CPU) "
                "| peak RSS (read) | RSS (import only) | read cost |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
                f"| {args.kind} | {size / 1e6:.1f} MB | {len(runs)} | {median:.2f} s "
                f"(min {min(walls):.2f}, max {max(walls):.2f}) | {size / 1e6 / median:.0f} "
                f"| {cpu:.2f} s | {size / 1e6 / cpu:.0f} "
                f"| {peak:.1f} MiB | {baseline:.1f} MiB | +{peak - baseline:.1f} MiB |",
            ]
        )
        machine = (
            f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}"
        )
        print(table)
        print(f"\n{machine}")
        if args.smoke:
            print("smoke run: the scene is too small for these figures to mean anything")
        if args.markdown:
            args.markdown.write_text(table + "\n\n" + machine + "\n", encoding="utf-8")
    finally:
        if args.keep:
            print(f"kept {scene}", file=sys.stderr)
        else:
            scene.unlink(missing_ok=True)
            workdir.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
