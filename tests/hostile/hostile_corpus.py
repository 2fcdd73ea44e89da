"""A corpus of hostile inputs, written by the tests themselves, with what each must give.

`write_hostile(folder)` lays out every kind of bad file a scrape produces,
next to good ones, and returns the expectations: for a file that must be
skipped, a fragment of its one-line reason; for one that must be read, the
exact text it decodes to (offsets of facts point into that text).  Every
sentence here was written for these tests.
"""

from __future__ import annotations

import gzip
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

# The sparse "huge" files: far over the default --max-bytes, free to create.
HUGE_BYTES = 200_000_000
# One line without a single space: over the parser's 2,000,000-character limit.
LONG_LINE_CHARS = 10_000_000
# A whitespace-free run under that limit but over the tokenizer's (ingest's
# MAX_RUN_WITHOUT_SPACE); before that limit existed it took minutes to tokenize.
BLOB_CHARS = 300_000
DEEP_HTML_LEVELS = 10_000

EN = (
    "Clashes in Ostrel\n\n"
    "Police detained 40 protesters in central Ostrel on Monday, the interior ministry said. "
    "At least 3 people were killed when security forces opened fire near the city hall.\n"
)
EN_2 = (
    "Strike spreads to Teska\n\n"
    "Workers at the Teska oil field walked out on Tuesday. About 2,000 people joined the strike, "
    "union leaders said, and riot police blocked the road to the plant.\n"
)
RU = (
    "Протесты в Остреле\n\n"
    "Полиция задержала 40 протестующих в центре города в понедельник, сообщило министерство.\n"
)
RU_2 = "Забастовка в Теске\n\nРабочие нефтяного месторождения прекратили работу во вторник.\n"
LATIN1_EN = "Café owners in Ostrel said the protest cost them £2,000. The façade of the naïve mayor's office burned.\n"
LATIN1_DE = "Die Polizei in Zürich nahm am Montag 12 Demonstranten fest, teilte das Ministerium mit. Größere Proteste folgten.\n"
ZH = "奥斯特雷尔发生抗议活动。警方星期一在市中心拘留了四十名抗议者，内政部表示。\n"
AR = "اعتقلت الشرطة أربعين متظاهرا في وسط المدينة يوم الاثنين، حسبما ذكرت وزارة الداخلية.\n"
ES = "# Protestas en Ostrel\n\nLa policía detuvo a 40 manifestantes en el centro de Ostrel el lunes, dijo el ministerio.\n"
# Combining accents, emoji and astral-plane characters before facts: each is one
# or two code points but more UTF-16 units or bytes, the classic offset breaker.
ASTRAL = (
    "Cafe\u0301 owners 🔥 say: 𝐏𝐨𝐥𝐢𝐜𝐞 detained 🧑🏽‍🚒 12 protesters in Ostrel on Monday 😢, officials said. "
    "At least 2 people were killed near the city hall 🏛️.\n"
)
HTML_ARTICLE = (
    "<p>Police detained 40 protesters in central Ostrel on Monday, the interior ministry said. "
    "Demonstrators set fire to several police cars and blocked the road to the airport for hours.</p>"
    "<p>At least 3 people were killed when security forces opened fire near the city hall, witnesses said.</p>"
)


@dataclass(frozen=True)
class Expect:
    """What one input must give: `read` text (exact, or None when any decoding is fine) or a skip reason fragment."""

    source: str
    read: bool
    text: str | None = None
    reason: str = ""
    language: str | None = None


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_bytes(data.encode("utf-8"))
    else:
        path.write_bytes(data)
    return path


def _sparse(path: Path, size: int, head: bytes = b"") -> None:
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)


def write_hostile(folder: Path) -> tuple[list[str], list[Expect]]:
    """Write the corpus under `folder`; the paths to name on the command line and the expectations."""
    f = folder
    f.mkdir(parents=True, exist_ok=True)
    expect: list[Expect] = []

    def read(name, text, *, language=None, source=None):
        expect.append(Expect(source or str(f / name), True, text, language=language))

    def skip(name, reason, *, source=None):
        expect.append(Expect(source or str(f / name), False, reason=reason))

    # -- good files, plain
    _write(f / "good_en.txt", EN)
    read("good_en.txt", EN, language="en")
    _write(f / "good_es.md", ES)
    read("good_es.md", ES, language="es")

    # -- empty, blank, binary
    _write(f / "empty.txt", b"")
    skip("empty.txt", "empty file")
    _write(f / "blank.txt", " \r\n\t \n\n  ")
    skip("blank.txt", "only whitespace")
    _write(f / "picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    skip("picture.txt", "PNG image")
    _write(f / "paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    skip("paper.txt", "PDF document")
    _write(f / "archive.txt", gzip.compress(EN.encode("utf-8")))
    skip("archive.txt", "gzip archive")
    _write(f / "noise.txt", random.Random(20220105).randbytes(50_000))
    skip("noise.txt", "binary file")
    _write(f / "nul.txt", EN.encode() + b"\x00\x00" + EN_2.encode())
    skip("nul.txt", "NUL bytes")

    # -- huge: sparse files over --max-bytes, a 10 MB line, a long blob
    _sparse(f / "huge.txt", HUGE_BYTES, EN.encode())
    skip("huge.txt", "20,000,000-byte limit")
    _sparse(f / "huge.jsonl", HUGE_BYTES, json.dumps({"text": EN.replace("Monday", "Sunday")}).encode() + b"\n")
    read("huge.jsonl", None, source=str(f / "huge.jsonl") + ":1")  # the good first line
    skip("huge.jsonl", "line over the 20,000,000-byte limit", source=str(f / "huge.jsonl") + ":2")
    _write(f / "one_line.txt", "x" * LONG_LINE_CHARS)
    skip("one_line.txt", "2,000,000-character limit")
    blob = ("http://x.y/" * (BLOB_CHARS // 11))
    _write(f / "blob.txt", EN + blob + "\n")
    skip("blob.txt", "without a space")

    # -- encodings: every decodable one is read to the exact text
    _write(f / "utf8_bom.txt", b"\xef\xbb\xbf" + EN_2.encode("utf-8"))
    read("utf8_bom.txt", EN_2)
    _write(f / "utf16_bom.txt", ("UTF-16 " + EN).encode("utf-16"))
    read("utf16_bom.txt", "UTF-16 " + EN, language="en")
    _write(f / "utf16le.txt", ("No BOM " + EN).encode("utf-16-le"))
    read("utf16le.txt", "No BOM " + EN, language="en")
    _write(f / "utf16be_ru.txt", RU_2.encode("utf-16-be"))
    read("utf16be_ru.txt", RU_2, language="ru")
    _write(f / "cp1251_ru.txt", RU.encode("cp1251"))
    read("cp1251_ru.txt", RU, language="ru")
    _write(f / "cp1251_en.txt", EN_2.replace("Tuesday", "Wednesday").encode("cp1251"))
    read("cp1251_en.txt", EN_2.replace("Tuesday", "Wednesday"), language="en")
    _write(f / "latin1_en.txt", LATIN1_EN.encode("latin-1"))
    read("latin1_en.txt", LATIN1_EN, language="en")
    _write(f / "latin1_de.txt", LATIN1_DE.encode("latin-1"))
    read("latin1_de.txt", LATIN1_DE, language="de")
    # Mostly UTF-8 with a few broken bytes: read in the best single-byte guess.
    _write(f / "bad_utf8.txt", EN.encode() + b"Broken bytes \xff\xfe\xc3\x28 here.\n")
    read("bad_utf8.txt", None)

    # -- newlines, combining characters, emoji, astral plane, other scripts
    _write(f / "crlf.txt", EN.replace("\n", "\r\n"))
    read("crlf.txt", EN.replace("\n", "\r\n"))
    _write(f / "cr.txt", EN.replace("\n", "\r"))  # not a duplicate of good_en.txt: other characters
    read("cr.txt", EN.replace("\n", "\r"))
    mixed = "Mixed endings\r\n\rPolice said on Friday\nthat 7 people were detained.\r\nNo one was hurt.\r"
    _write(f / "mixed.txt", mixed)
    read("mixed.txt", mixed)
    _write(f / "astral.txt", ASTRAL)
    read("astral.txt", ASTRAL)
    _write(f / "zh.txt", ZH)
    read("zh.txt", ZH, language="zh")
    zh_line = ZH.strip().replace("奥斯特雷尔", "瓦尔诺") * 600  # 20,000 characters, not one space: prose all the same
    _write(f / "zh_one_line.txt", zh_line)
    read("zh_one_line.txt", zh_line, language="zh")
    _write(f / "ar.txt", AR)
    read("ar.txt", AR, language="ar")

    # -- HTML: broken, 10,000 levels deep, script-laden, only scripts
    _write(f / "broken.html", "<html><head><title>Clashes</title><body><article>" + HTML_ARTICLE + "<div><p>unclosed <b>bold <i>")
    read("broken.html", None)
    deep = "<html><body>" + "<div>" * DEEP_HTML_LEVELS + HTML_ARTICLE + "</div>" * DEEP_HTML_LEVELS + "</body></html>"
    _write(f / "deep.html", deep)
    skip("deep.html", "HTML")
    scripted = (
        "<html><head><title>Clashes <script>alert(1)</script></title><script>var x='</script><p>evil</p>';</script>"
        "<style>p{}</style></head><body onload=\"alert('x')\"><article>" + HTML_ARTICLE
        + "<img src=x onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">link</a>"
        "<script>document.write('<p>injected text</p>')</script><iframe src=\"http://evil.example\"></iframe>"
        "</article></body></html>"
    )
    _write(f / "scripted.html", scripted)
    read("scripted.html", None)
    _write(f / "only_script.html", "<html><body><script>" + "var a=1;" * 1000 + "</script></body></html>")
    skip("only_script.html", "no article text")

    # -- JSONL: good lines among broken ones, wrong types, missing text
    lines = [
        json.dumps({"text": EN_2.replace("Teska", "Varno"), "url": "https://example.org/varno", "published": "2022-01-05"}),
        '{"text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"text": 42}),
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "Police detained 4 people.", "published": 20220105}),
        json.dumps({"text": "   "}),
        "",
        json.dumps({"text": RU_2.replace("Теске", "Варно")}),
    ]
    _write(f / "feed.jsonl", "\n".join(lines) + "\n")
    where = str(f / "feed.jsonl")
    read("feed.jsonl", EN_2.replace("Teska", "Varno"), source="https://example.org/varno")
    skip("feed.jsonl", "not valid JSON", source=f"{where}:2")
    skip("feed.jsonl", "expected an object", source=f"{where}:3")
    skip("feed.jsonl", "`text` is a int", source=f"{where}:4")
    skip("feed.jsonl", "`text` is missing", source=f"{where}:5")
    skip("feed.jsonl", "`published` is a int", source=f"{where}:6")
    skip("feed.jsonl", "`text` is empty", source=f"{where}:7")
    read("feed.jsonl", RU_2.replace("Теске", "Варно"), source=f"{where}:9")

    # -- the file system: loops, dangling links, folders named like files, FIFOs, unreadable files
    os.symlink("loop_b.txt", f / "loop_a.txt")
    os.symlink("loop_a.txt", f / "loop_b.txt")
    skip("loop_a.txt", "symbolic link loop")
    skip("loop_b.txt", "symbolic link loop")
    (f / "sub").mkdir()
    _write(f / "sub" / "inner.txt", EN_2.replace("Teska", "Kelm"))
    read("sub/inner.txt", EN_2.replace("Teska", "Kelm"))
    os.symlink("..", f / "sub" / "up")
    skip("sub/up", "folder already read")
    os.symlink("missing.txt", f / "dangling.txt")
    skip("dangling.txt", "broken symbolic link")
    (f / "notes.txt").mkdir()
    _write(f / "notes.txt" / "inside.md", "# Inside\n\nNot read: its folder is refused as a whole.\n")
    skip("notes.txt", "a folder named like a file")
    os.mkfifo(f / "pipe.txt")
    skip("pipe.txt", "not a regular file")
    if os.path.exists("/proc/self/mem"):
        # Reading /proc/self/mem at offset 0 fails with EIO, even as root.
        os.symlink("/proc/self/mem", f / "unreadable.txt")
        skip("unreadable.txt", "cannot be read")
    if os.geteuid() != 0:  # root reads through any mode bits
        _write(f / "private.txt", EN)
        os.chmod(f / "private.txt", 0)
        skip("private.txt", "cannot be read")

    # -- the same text under another name
    _write(f / "zz_copy_of_good.txt", EN)
    skip("zz_copy_of_good.txt", f"same text as {f / 'good_en.txt'}")

    # -- named explicitly on the command line: a missing path, an unsupported type
    _write(folder.parent / "photo.png", b"\x89PNG\r\n\x1a\n")
    skip("", "no such file or directory", source=str(folder.parent / "missing.txt"))
    skip("", "not a supported file type", source=str(folder.parent / "photo.png"))
    return [str(folder), str(folder.parent / "missing.txt"), str(folder.parent / "photo.png")], expect
