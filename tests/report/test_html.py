"""The page as text: one document, strict CSP, nothing external, data that cannot break out."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report.fake_crisis import empty_export, fake_export

from crisisdesk.report import AssetsError, render_html
from crisisdesk.report.html import CSP, script_json
from crisisdesk.report.vendor import ENV_NODE_MODULES, inline_safe, node_modules
from crisisdesk.report.view import build_view


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of each <script> by id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._open = dict(attrs)
            self.scripts.append((self._open, ""))

    def handle_data(self, data):
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(fake_export())


@pytest.fixture(scope="module")
def parsed(page) -> Elements:
    parser = Elements()
    parser.feed(page)
    return parser


def test_one_document_with_a_strict_csp(page, parsed):
    assert page.startswith("<!doctype html>") and page.count("<html") == 1
    metas = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert [m["content"] for m in metas] == [CSP]
    assert "default-src 'none'" in CSP


def test_nothing_is_loaded_from_anywhere(parsed):
    for tag, attrs in parsed.tags:
        for name in ("src", "href", "action", "srcset", "data"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith(("#", "data:")), (tag, name, value)
    assert not [a for t, a in parsed.tags if t == "link" and a.get("rel") == "stylesheet"]


def test_the_only_scripts_are_the_four_inline_ones(parsed):
    kinds = [(a.get("type"), a.get("id")) for a, _ in parsed.scripts]
    assert kinds == [("application/json", "report-data"), ("application/json", "countries-data"),
                     (None, None), (None, None)]
    assert not [t for t, _ in parsed.tags if t in ("img", "iframe", "object", "embed")]


def test_hostile_strings_never_appear_as_markup(page):
    assert "<script>alert" not in page
    assert "<img" not in page
    assert page.count("</script>") == 4  # only the four script elements' own end tags


def test_embedded_data_round_trips(parsed):
    data = {a.get("id"): text for a, text in parsed.scripts if a.get("id")}
    assert json.loads(data["report-data"]) == build_view(fake_export())
    assert json.loads(data["countries-data"])["type"] == "Topology"


@given(st.text())
def test_script_json_cannot_end_its_element(text):
    out = script_json({"t": text, "s": "</script><!--" + text})
    assert not re.search(r"[<>&\u2028\u2029]", out)
    assert json.loads(out) == {"t": text, "s": "</script><!--" + text}


def test_empty_export_still_renders():
    assert "report-data" in render_html(empty_export())


def test_missing_packages_name_npm_ci(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_NODE_MODULES, str(tmp_path))
    assert node_modules() == tmp_path
    with pytest.raises(AssetsError, match="npm ci"):
        render_html(fake_export())


@pytest.mark.parametrize("source", ["x = '</script>'", "/* <!-- */", "a{b:c}</STYLE>"])
def test_inline_safe_refuses_what_would_end_the_element(source):
    with pytest.raises(AssetsError, match="cannot be inlined"):
        inline_safe(source, "lib.js")
