"""Install LRC Toolbox into Maya (one command), or remove it again.

    mayapy scripts/install_maya_module.py            # module file + dependencies into Maya's Python
    python scripts/install_maya_module.py --mayapy "C:/Program Files/Autodesk/Maya2024/bin/mayapy"
    python scripts/install_maya_module.py --no-deps  # only the module file
    python scripts/install_maya_module.py --uninstall

Writes ``lrc_toolbox.mod`` (pointing at this checkout) into the user's Maya ``modules`` folder
(``--modules-dir`` to choose another) and runs ``mayapy -m pip install --user nvidia-ml-py psutil
Qt.py``. The logic lives in :mod:`lrc_toolbox.maya.module_install`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # runs from a checkout, with any Python
    sys.path.insert(0, str(ROOT))

from lrc_toolbox.maya import module_install as mi  # noqa: E402 - needs the path above


def main(argv: Sequence[str] | None = None, runner: mi.Runner = mi.run_command) -> int:
    """Run the installer; return the exit code (0 done, 1 failed, 2 bad usage)."""
    parser = argparse.ArgumentParser(description="Install LRC Toolbox into Maya (or --uninstall).")
    parser.add_argument(
        "--modules-dir",
        type=Path,
        default=None,
        help="Maya modules folder (default: the user's, e.g. ~/maya/modules)",
    )
    parser.add_argument("--mayapy", default=None, help="Maya's Python, for the dependencies")
    parser.add_argument("--no-deps", action="store_true", help="do not install the dependencies")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace a lrc_toolbox.mod this installer did not write",
    )
    parser.add_argument("--uninstall", action="store_true", help="remove what the install wrote")
    args = parser.parse_args(argv)
    modules_dir = args.modules_dir or mi.default_modules_dir()
    try:
        if args.uninstall:
            messages = mi.uninstall(modules_dir)
        else:
            mayapy = None
            if not args.no_deps:
                mayapy, _looked = mi.find_mayapy(args.mayapy)
                if args.mayapy and mayapy is None:
                    raise mi.InstallError(f"--mayapy {args.mayapy} is not an executable file")
            result = mi.install(
                ROOT,
                modules_dir,
                mayapy=mayapy,
                deps=not args.no_deps,
                force=args.force,
                runner=runner,
            )
            messages = list(result.messages)
    except mi.InstallError as exc:
        print(f"install_maya_module: {exc}", file=sys.stderr)
        return 1
    for line in messages:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
