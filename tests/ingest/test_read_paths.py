"""read_paths(): files and folders in, Documents or one-line Skipped reasons out, never an exception."""

import json
import os
import sys

import pytest

from crisisdesk.ingest import read_paths
from crisisdesk.ingest.document import document_id
from crisisdesk.model import Document, Skipped, Unchanged

ARTICLE = "Riots in the capital\n\nProtesters stormed the city hall on Wednesday, police said.\n"


def _read(*paths, **options):
    items = list(read_paths(paths, **options))
    docs = {os.path.basename(d.source): d for d in items if isinstance(d, Document)}
    skipped = {os.path.basename(s.source): s.reason for s in items if isinstance(s, Skipped)}
    return docs, skipped



def test_folder_is_walked_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("# Second\n\nBody two.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.log").write_text("ignored silently", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored silently too", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert [os.path.relpath(d.source, tmp_path) for d in items] == ["a.txt", os.path.join("b", "z.md")]
    assert all(isinstance(d, Document) for d in items)
    assert items[0].title == "Riots in the capital" and items[1].title == "Second"


def test_document_fields(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = read_paths([path])
    assert doc.id == document_id(ARTICLE) and len(doc.id) == 16
    assert doc.text == ARTICLE and doc.source == str(path) and doc.language == "en"
    path.write_text(ARTICLE + "Update.\n", encoding="utf-8")
    (changed,) = read_paths([path])
    assert changed.id != doc.id


def test_crlf_file_keeps_offsets(tmp_path):
    text = "Jan 6, 2022\r\n\r\nHeadline\r\n\r\nBody text.\r\nLeave a Reply"
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    (doc,) = read_paths([tmp_path])
    assert doc.text == text
    assert [doc.text[s:e] for s, e in doc.boilerplate] == ["Jan 6, 2022", "Leave a Reply"]
    assert doc.published == "2022-01-06"


def test_legacy_and_utf16_files(tmp_path):
    russian = "Протестующие захватили здание администрации в центре города. Полиция применила газ.\n" * 3
    (tmp_path / "ru.txt").write_bytes(russian.encode("cp1251"))
    (tmp_path / "u16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "u16le.txt").write_bytes((ARTICLE + "More.").encode("utf-16-le"))
    docs, skipped = _read(tmp_path)
    assert skipped == {}
    assert docs["ru.txt"].text == russian and docs["ru.txt"].language == "ru"
    assert docs["u16.txt"].text == ARTICLE and docs["u16le.txt"].text == ARTICLE + "More."


def test_bad_files_are_skipped_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b" \r\n\t\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "big.txt").write_bytes(b"word " * 300)
    (tmp_path / "dup.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "dir.html").mkdir()
    docs, skipped = _read(tmp_path, max_bytes=1000)
    assert set(docs) == {"dup.txt"}  # sorted order: the first of two equal files is read
    assert skipped["empty.txt"] == "empty file"
    assert "whitespace" in skipped["blank.md"]
    assert "PNG" in skipped["image.txt"]
    assert "1,000-byte limit" in skipped["big.txt"]
    assert "folder named like a file" in skipped["dir.html"]
    assert skipped["good.txt"].startswith("same text as") and "dup.txt" in skipped["good.txt"]


def test_explicit_paths(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    docs, skipped = _read(tmp_path / "report.pdf", tmp_path / "missing.txt")
    assert "not a supported file type" in skipped["report.pdf"]
    assert skipped["missing.txt"] == "no such file or directory"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_symlink_loops_and_dangling_links(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    docs, skipped = _read(tmp_path)
    assert set(docs) == {"good.txt"}
    assert skipped["self.txt"] == "symbolic link loop"
    assert skipped["gone.txt"] == "broken symbolic link"
    assert "already read" in skipped["up"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        _docs, skipped = _read(tmp_path)
    finally:
        path.chmod(0o600)
    assert "cannot be read" in skipped["secret.txt"]


def test_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": ARTICLE, "url": "https://example.org/1", "outlet": "washington post"}),
        "{broken",
        "[1, 2]",
        json.dumps({"text": 5}),
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Second story.", "published": "2022-01-06T10:00:00Z", "title": 3}),
        json.dumps({"text": "Third story.", "published": "yesterday"}),
        json.dumps({"text": "Fourth story.", "published": "2022-01-07", "title": "Fourth"}),
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([path]))
    docs = [i for i in items if isinstance(i, Document)]
    skipped = {i.source: i.reason for i in items if isinstance(i, Skipped)}
    assert [d.source for d in docs] == ["https://example.org/1", f"{path}:9"]
    assert docs[0].outlet == "The Washington Post" and docs[0].title == "Riots in the capital"
    assert (docs[1].published, docs[1].title, docs[1].published_inferred) == ("2022-01-07", "Fourth", False)
    assert "not valid JSON" in skipped[f"{path}:2"]
    assert "expected an object" in skipped[f"{path}:3"]
    assert "`text` is a int" in skipped[f"{path}:4"]
    assert "`text` is missing" in skipped[f"{path}:5"]
    assert "`title` is a int" in skipped[f"{path}:7"]
    assert "not a YYYY-MM-DD date" in skipped[f"{path}:8"]


def test_jsonl_line_over_the_limit(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": "x " * 2000}) + "\n" + json.dumps({"text": "Short one."}) + "\n", encoding="utf-8")
    items = list(read_paths([path], max_bytes=500))
    assert isinstance(items[0], Skipped) and "500-byte limit" in items[0].reason
    assert isinstance(items[1], Document) and items[1].text == "Short one."


PAGE = """<html><head><title>Riots in the capital - Daily Planet</title>
<meta property="og:site_name" content="Daily Planet"><meta name="date" content="2022-01-06"></head>
<body><nav>Home | World | Sport</nav><script>var x = "<p>not text</p>";</script>
<article><h1>Riots in the capital</h1>
<p>Protesters stormed the city hall on Wednesday, police said. Dozens were hurt in the clashes.</p>
<p>The government declared a state of emergency late on Wednesday night.</p></article>
<footer>Leave a Reply</footer></body></html>"""


def test_html_page(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (doc,) = read_paths([tmp_path])
    assert "Protesters stormed the city hall" in doc.text
    assert "Home | World" not in doc.text and "not text" not in doc.text
    assert (doc.title, doc.outlet, doc.published) == ("Riots in the capital", "Daily Planet", "2022-01-06")
    assert doc.text[slice(*doc.title_span)] == doc.title


def test_hostile_html(tmp_path):
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 10_000 + "<p>deep</p>" + "</div>" * 10_000)
    (tmp_path / "scripts.htm").write_text(
        "<html><body>" + "<script>alert(1)</script>" * 500 + "<p>Protesters gathered in the main square today.</p>"
    )
    (tmp_path / "broken.html").write_text("<html><body><p>unclosed <b>bold <div><<<>>>")
    items = list(read_paths([tmp_path]))
    assert len(items) == 3
    by_name = {os.path.basename(i.source): i for i in items}
    assert isinstance(by_name["deep.html"], Skipped)
    assert by_name["scripts.htm"].text.strip() == "Protesters gathered in the main square today."
    assert "alert" not in by_name["scripts.htm"].text


def test_seeds_folder(seeds):
    items = list(read_paths([seeds[0][0].parent]))
    assert [type(i).__name__ for i in items] == ["Document"] * len(seeds)
    assert [d.published for d in items] == [g["published"] for _s, _t, g in seeds]
    assert all(d.language == "en" for d in items)
    assert [d.text for d in items] == [t for _s, t, _g in seeds]


def test_text_over_the_parser_limit_is_skipped(tmp_path):
    from crisisdesk import nlp
    from crisisdesk.ingest.document import MAX_TEXT_CHARS

    assert MAX_TEXT_CHARS == nlp.MAX_PARSE_CHARS
    (tmp_path / "one-line.txt").write_bytes(b"x" * (MAX_TEXT_CHARS + 1))
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    docs, skipped = _read(tmp_path)
    assert set(docs) == {"ok.txt"}
    assert "2,000,000-character limit" in skipped["one-line.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_named_pipe_is_not_opened(tmp_path):
    """Opening a FIFO would block the run forever."""
    os.mkfifo(tmp_path / "pipe.txt")
    docs, skipped = _read(tmp_path, tmp_path / "pipe.txt")
    assert docs == {} and skipped["pipe.txt"] == "not a regular file"


def test_stored_texts_come_back_unchanged_in_every_format(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": ARTICLE + "Second.\n"}) + "\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(ARTICLE + "New.\n", encoding="utf-8")
    known = {document_id(ARTICLE), document_id(ARTICLE + "Second.\n")}
    items = list(read_paths([tmp_path], known=known))
    assert [type(i) for i in items] == [Unchanged, Unchanged, Document]
    assert {i.id for i in items[:2]} == known
    assert items[0].source == str(tmp_path / "a.txt") and items[1].source == f"{tmp_path / 'b.jsonl'}:1"
