"""The front-end libraries the report inlines, read from `node_modules` at render time.

They are npm packages pinned in the repository's package.json / package-lock.json
and installed by the set-up with `npm ci`; nothing is fetched when a report is
rendered or opened.  Only the packages' built files are read (UMD bundles that
set globals `d3` and `topojson`, and Natural Earth country boundaries as TopoJSON).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import CrisisdeskError

# The repository root, where package.json and node_modules live in a checkout
# (src/crisisdesk/report/vendor.py -> three levels up).
REPO_ROOT = Path(__file__).resolve().parents[3]
# A different node_modules (an installed package has no checkout around it).
ENV_NODE_MODULES = "CRISISDESK_NODE_MODULES"

# Inlined in this order: d3-geo's bundle needs d3-array's `d3` global first.
SCRIPTS = (
    "d3-array/dist/d3-array.min.js",
    "d3-geo/dist/d3-geo.min.js",
    "topojson-client/dist/topojson-client.min.js",
)
# 1:50m boundaries: the map zooms to one crisis region, where 1:110m turns small
# countries into triangles; 1:10m would add megabytes for no visible gain.
COUNTRIES = "world-atlas/countries-50m.json"

# What would end an inline <script> or <style> early, or open an HTML comment in it.
_BREAKOUT = re.compile(r"</(script|style)|<!--", re.IGNORECASE)


class AssetsError(CrisisdeskError):
    """The npm packages the report inlines are missing, or not safe to inline."""


@dataclass(frozen=True)
class Vendor:
    scripts: tuple[str, ...]  # JavaScript sources, in load order
    countries: dict  # TopoJSON topology with a `countries` object


def node_modules() -> Path:
    """Where the packages are: $CRISISDESK_NODE_MODULES, else the checkout's node_modules."""
    configured = os.environ.get(ENV_NODE_MODULES)
    return Path(configured) if configured else REPO_ROOT / "node_modules"


def _read(root: Path, relative: str) -> str:
    path = root / relative
    if not path.is_file():
        raise AssetsError(
            f"{path} is missing: run `npm ci` in {REPO_ROOT} (or set {ENV_NODE_MODULES} "
            "to a node_modules folder holding the packages of package.json)"
        )
    return path.read_text(encoding="utf-8")


def inline_safe(source: str, name: str) -> str:
    """The source unchanged, after checking it cannot end its inline element early."""
    match = _BREAKOUT.search(source)
    if match:
        raise AssetsError(f"{name} contains {match.group(0)!r} and cannot be inlined into the report as is")
    return source


@lru_cache(maxsize=4)
def _load(root: Path) -> Vendor:
    scripts = tuple(inline_safe(_read(root, s), s) for s in SCRIPTS)
    return Vendor(scripts=scripts, countries=json.loads(_read(root, COUNTRIES)))


def load() -> Vendor:
    """The libraries and boundaries, read once per process."""
    return _load(node_modules())
