"""The hostile corpus module beside these tests is importable by name (importlib mode has no packages)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
