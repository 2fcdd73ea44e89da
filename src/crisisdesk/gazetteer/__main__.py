"""`python -m crisisdesk.gazetteer [PATH]`: build the index (the set-up step calls this)."""

from __future__ import annotations

import sys
from pathlib import Path

from . import build, default_path


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else default_path()
    figures = build(path)
    print(f"gazetteer: {figures['places']} places, {figures['bytes'] / 1e6:.1f} MB, "
          f"built in {figures['seconds']:.1f} s -> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
