"""``python -m benchmarks [normalize|sentences|boilerplate|dedup|pipeline|all] [--quick]``."""

from __future__ import annotations

import argparse
import importlib

SUITES = ("normalize", "sentences", "boilerplate", "dedup", "pipeline")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("suite", nargs="?", default="all", choices=(*SUITES, "all"))
    parser.add_argument("--quick", action="store_true", help="smaller inputs and fewer repeats")
    args = parser.parse_args()
    for name in SUITES if args.suite == "all" else (args.suite,):
        module = importlib.import_module(f"benchmarks.bench_{name}")
        module.run(quick=args.quick)


if __name__ == "__main__":
    main()
