import gzip
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisdesk.errors import InputError
from crisisdesk.ingest.decode import decode, read_limited

RUSSIAN = "Протестующие захватили здание администрации в центре города. Полиция применила слезоточивый газ.\r\n"


def test_utf8_newlines_kept_exactly():
    assert decode(b"one\r\ntwo\rthree\n", "f").text == "one\r\ntwo\rthree\n"


def test_cp1251_russian_is_read():
    decoded = decode((RUSSIAN * 3).encode("cp1251"), "f")
    assert decoded.text == RUSSIAN * 3 and decoded.encoding == "cp1251"


def test_latin1_is_read():
    text = "Le café était fermé à Zürich; the façade was damaged.\n"
    assert decode(text.encode("latin-1"), "f").text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_byte_order_marks(encoding):
    text = "Hello from a BOM file.\r\nПротест."
    assert decode(text.encode(encoding), "f").text == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding):
    for text in ("Protesters gathered in the square.\r\n", RUSSIAN):
        assert decode(text.encode(encoding), "f").text == text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"  \n\t \r\n", "whitespace"),
        (b"\x89PNG\r\n\x1a\n" + bytes(50), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (gzip.compress(b"hello"), "gzip"),
        (b"PK\x03\x04" + bytes(30), "zip"),
        (b"hello\x00world this is text", "NUL"),
        (random.Random(7).randbytes(4000), "binary"),
        (bytes(range(1, 32)) * 20, "control"),
    ],
)
def test_refused(data, reason):
    with pytest.raises(InputError, match=reason) as error:
        decode(data, "name.txt")
    assert str(error.value).startswith("name.txt: ")


def test_size_limit_named_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200_000_000)  # sparse: costs no disk and must cost no memory
    with pytest.raises(InputError, match="20,000,000-byte limit"):
        read_limited(path, 20_000_000)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused(data):
    try:
        decoded = decode(data, "f")
    except InputError as error:
        assert error.source == "f" and "\n" not in error.reason
    else:
        assert decoded.text.strip()
