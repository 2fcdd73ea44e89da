"""Where the tests find the repository, the shared reports and the bundled example.

A plain module (not conftest) so test files can import it: several conftest
modules exist under importlib import mode, and `from conftest import` would
pick whichever was loaded last.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
EXAMPLE = REPO / "examples" / "marvania"
