"""The offline HTML situation report: `render_html(export)` -> one self-contained page."""

from .html import render_html
from .vendor import AssetsError

__all__ = ["render_html", "AssetsError"]
