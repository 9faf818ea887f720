"""Run every benchmark in this folder and print its figures (``make bench``).

Benchmarks measure; they never fail a build. Each runs in its own process so one
benchmark's memory or model cache does not colour the next one's figures.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    for script in sorted(HERE.glob("*.py")):
        if script.name in {"run_all.py", "__init__.py"} or script.name.startswith("_"):
            continue
        print(f"\n===== {script.name} =====", flush=True)
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent)
        if result.returncode:
            print(f"({script.name} exited with status {result.returncode})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
