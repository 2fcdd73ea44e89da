"""The report in a real Chromium, opened from file:// with every network request blocked.

Debian's chromium (scripts/browser-deps.sh) is driven by Playwright; `playwright
install` is never run.  The screenshot of the report is saved as docs/report.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import CHROMIUM, MISSING, chromium
from report.fake_crisis import HOSTILE, empty_export, fake_export

from crisisdesk.report import render_html

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "report.png"
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=MISSING)


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


class Opened:
    """A page on a report file, with every request it made, console errors and dialogs."""

    def __init__(self, browser, path: Path, viewport: dict):
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport=viewport)
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def _route(self, route):
        self.requests.append(route.request.url)
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def left_the_page(self) -> list[str]:
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]


def _open(browser, tmp_path, export, viewport=LAPTOP, name="report.html") -> Opened:
    path = tmp_path / name
    path.write_text(render_html(export), encoding="utf-8")
    return Opened(browser, path, viewport)


@pytest.fixture(scope="module")
def report(browser, tmp_path_factory):
    opened = _open(browser, tmp_path_factory.mktemp("report"), fake_export())
    yield opened
    opened.page.close()


def test_no_request_leaves_the_page_and_no_error(report):
    assert report.left_the_page() == []
    assert report.errors == []


def test_map_draws_countries_and_markers(report):
    page = report.page
    countries = page.locator("#map-svg path.country")
    assert countries.count() > 100
    drawn = page.evaluate("[...document.querySelectorAll('#map-svg path.country')].filter(p => p.getAttribute('d')).length")
    assert drawn > 20
    assert page.locator("#map-svg .marker").count() == 3  # Teska, Ostrel, Marvania; Harbour Square has no coordinates
    box = page.locator("#map-svg .marker[data-place='p-teska'] .dot").bounding_box()
    frame = page.locator("#map-svg").bounding_box()
    assert frame["x"] < box["x"] < frame["x"] + frame["width"]  # fitted: the busiest place is in view
    assert frame["y"] < box["y"] < frame["y"] + frame["height"]


def test_timeline_has_one_item_per_cluster(report):
    assert report.page.locator("#timeline-body button.event").count() == len(
        {e["cluster"] or e["id"] for e in fake_export()["events"]})


def test_clicking_an_event_shows_its_highlighted_evidence(report):
    page = report.page
    export = fake_export()
    text = {d["id"]: d["text"] for d in export["documents"]}
    expected = [text[e["doc"]][e["start"]:e["end"]] for e in export["events"] if e["cluster"] == "c-teska"]
    page.locator("#timeline-body button.event[data-cluster='c-teska']").click()
    assert page.locator("dialog#evidence").evaluate("d => d.open")
    marks = page.locator("#evidence-body mark")
    assert marks.all_text_contents() == expected
    page.locator("#evidence-body a.source-link").first.click()
    assert not page.locator("dialog#evidence").evaluate("d => d.open")
    highlighted = page.locator("#sources .doc-text mark.focus-mark")
    assert highlighted.count() == 1 and highlighted.text_content() == expected[0]
    assert highlighted.evaluate("m => document.activeElement === m")


def test_enter_on_an_event_opens_it(report):
    page = report.page
    button = page.locator("#timeline-body button.event[data-cluster='c-fire']")
    button.focus()
    page.keyboard.press("Enter")
    assert page.locator("#evidence-body mark").text_content().startswith(HOSTILE[1])
    page.keyboard.press("Escape")
    assert not page.locator("dialog#evidence").evaluate("d => d.open")


def test_hostile_strings_render_as_text(report):
    page = report.page
    assert report.dialogs == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 4
    sources = page.locator("#sources-body").text_content()
    assert "Police clash with marchers in Teska <script>alert(1)</script>" in sources
    assert "</script><script>alert(2)</script> Unrest spreads" in sources
    assert "<img src=x onerror=alert(1)> Daily" in sources
    assert "We will not stop </script> until prices fall," in page.locator("#quotes-body").text_content()
    page.locator("#sources details").first.evaluate("d => d.open = true")
    assert HOSTILE[1] in page.locator("#sources .doc-text").first.text_content()
    assert page.locator("img").count() == 0 and report.dialogs == []


def test_map_marker_opens_its_events_from_the_keyboard(report):
    page = report.page
    page.locator("#map-svg .marker[data-place='p-teska']").focus()
    page.keyboard.press("Enter")
    assert page.locator("#place-detail button.event").count() == 2


def test_map_view_buttons_redraw_without_errors(report):
    page = report.page
    teska = page.locator("#map-svg .marker[data-place='p-teska']")
    before = teska.get_attribute("transform")
    for label in ("Whole world", "Zoom in", "Zoom out", "Fit to the places"):
        page.get_by_role("button", name=label).click()
    page.get_by_role("button", name="Zoom in").click()
    assert teska.get_attribute("transform") != before
    page.get_by_role("button", name="Fit to the places").click()
    assert teska.get_attribute("transform") == before
    assert report.errors == []


def test_figures_flag_disagreement(report):
    groups = report.page.locator("#claims-body .claim-group")
    assert groups.count() == 2
    assert "sources disagree" in groups.nth(0).text_content()
    assert "sources disagree" not in groups.nth(1).text_content()


def test_phone_width_has_no_sideways_scroll(browser, tmp_path):
    opened = _open(browser, tmp_path, fake_export(), viewport=PHONE)
    width = opened.page.evaluate("document.documentElement.scrollWidth")
    opened.page.close()
    assert width <= PHONE["width"]


def test_print_hides_the_controls(browser, tmp_path):
    opened = _open(browser, tmp_path, fake_export())
    opened.page.emulate_media(media="print")
    assert not opened.page.locator(".map-tools").is_visible()
    assert not opened.page.locator("nav").is_visible()
    assert opened.page.locator("#timeline-body").is_visible()
    assert opened.page.pdf()[:4] == b"%PDF"
    opened.page.close()


def test_nothing_extracted_says_so(browser, tmp_path):
    opened = _open(browser, tmp_path, empty_export())
    page = opened.page
    assert opened.errors == [] and opened.left_the_page() == []
    for section in ("#timeline-body", "#map-body", "#claims-body", "#quotes-body", "#framing-body"):
        assert "extracted yet" in page.locator(section).text_content(), section
    assert page.locator("#sources-body li.doc").count() == 4
    opened.page.close()


def test_screenshot(browser, tmp_path):
    """docs/report.png for the README: the invented crisis without its hostile strings."""
    opened = _open(browser, tmp_path, fake_export(hostile=False), viewport={"width": 1280, "height": 1700})
    assert opened.errors == []
    SCREENSHOT.parent.mkdir(exist_ok=True)
    opened.page.screenshot(path=str(SCREENSHOT))
    opened.page.close()
    assert SCREENSHOT.stat().st_size > 10_000
