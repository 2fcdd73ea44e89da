"""Bytes to text, or a one-line reason why the bytes are not text.

Cascade (cheapest reliable signal first):
1. empty file;
2. magic numbers of common binary formats (PNG, PDF, gzip, zip, ...);
3. a byte-order mark (UTF-32 before UTF-16, whose BOM is its prefix; UTF-8);
4. UTF-16 without a BOM: NUL bytes that all sit on one parity;
5. any other NUL byte: binary;
6. strict UTF-8;
7. charset-normalizer's best guess (cp1251, latin-1, ...);
8. the decoded text: too many control characters means binary, only
   whitespace means empty.

Newlines are never translated: the text is exactly the decoded bytes (minus
a BOM), so offsets into it are offsets into the file's characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError

MAGIC_NUMBERS = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"%PDF-": "PDF document",
    b"\x1f\x8b": "gzip archive",
    b"PK\x03\x04": "zip archive",
    b"PK\x05\x06": "zip archive",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"\x7fELF": "executable",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "old Office document",
    b"\xfd7zXZ\x00": "xz archive",
    b"7z\xbc\xaf\x27\x1c": "7z archive",
    b"\x28\xb5\x2f\xfd": "zstd archive",
    b"SQLite format 3\x00": "SQLite database",
}
BOMS = (  # UTF-32 LE's BOM starts with UTF-16 LE's, so it is tried first
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
# How many leading bytes decide whether NULs point to BOM-less UTF-16.
UTF16_SAMPLE_BYTES = 65_536
# Share of NUL bytes that must sit on one parity: ASCII in UTF-16 has every
# second byte NUL, and Cyrillic in UTF-16 has NULs only beside ASCII spaces and
# punctuation, but always on the same side; random binary has them on both.
UTF16_NUL_PARITY = 0.98
# More than 1% control characters (other than tab, newlines, form feed) is not
# prose in any encoding; random bytes read as cp1252 give about 12%.
MAX_CONTROL_SHARE = 0.01
CONTROL_SAMPLE_CHARS = 200_000
# Prose in alphabetic scripts separates words: ASCII bytes misread as UTF-16
# become CJK-looking runs without a single space.  (Limit: BOM-less UTF-16
# Chinese or Japanese is refused; with a BOM it is read.)
MIN_SPACE_SHARE_UTF16 = 0.03
# Single-byte encodings are near-indistinguishable on short texts, and
# charset-normalizer then ranks e.g. mac_latin2 above cp1252 by a hair.  Among
# its candidates within CHAOS_TOLERANCE of the best, the one most used on the
# web wins (WHATWG treats latin-1 labels as windows-1252 for the same reason).
CHAOS_TOLERANCE = 0.02
WEB_LEGACY_ENCODINGS = (
    "cp1252", "cp1251", "cp1250", "koi8_r", "cp1256", "cp1253", "cp1254", "cp1255",
    "cp1257", "gb18030", "big5", "shift_jis", "euc_kr", "euc_jp",
)  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refused before reading when over `max_bytes` (memory stays bounded)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(str(path), f"{size:,} bytes is over the {max_bytes:,}-byte limit (raise --max-bytes to read it)")
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(str(path), f"over the {max_bytes:,}-byte limit (raise --max-bytes to read it)")
    return data


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL bytes of the sample all sit on one parity."""
    sample = data[:UTF16_SAMPLE_BYTES]
    if len(data) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if even + odd == 0:
        return None
    if odd / (even + odd) >= UTF16_NUL_PARITY:
        return "utf-16-le"
    if even / (even + odd) >= UTF16_NUL_PARITY:
        return "utf-16-be"
    return None


def control_share(text: str) -> float:
    sample = text[:CONTROL_SAMPLE_CHARS]
    return len(_CONTROL.findall(sample)) / max(len(sample), 1)


def _decode_bytes(data: bytes, source: str) -> Decoded:
    # 1. empty
    if not data:
        raise InputError(source, "empty file")
    # 2. magic numbers
    for magic, kind in MAGIC_NUMBERS.items():
        if data.startswith(magic):
            raise InputError(source, f"binary file ({kind}), not text")
    # 3. byte-order mark
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError as error:
                raise InputError(source, f"invalid {encoding} after its byte-order mark at byte {error.start}") from None
    if b"\x00" in data:
        # 4. UTF-16 without BOM
        encoding = _utf16_without_bom(data)
        if encoding is not None:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                text = ""
            sample = text[:UTF16_SAMPLE_BYTES]
            if sample and sum(c.isspace() for c in sample) / len(sample) >= MIN_SPACE_SHARE_UTF16:
                return Decoded(text, encoding)
        # 5. NUL bytes
        raise InputError(source, "binary file (NUL bytes), not text")
    # 6. UTF-8
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # 7. detected legacy encoding
    encoding = legacy_encoding(data)
    if encoding is None:
        raise InputError(source, "not text in UTF-8 or any encoding that could be detected")
    return Decoded(data.decode(encoding), encoding)


def legacy_encoding(data: bytes) -> str | None:
    """charset-normalizer's pick, or a common web encoding that decodes the bytes as well."""
    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    close = [m for m in results if m.chaos <= best.chaos + CHAOS_TOLERANCE]
    for encoding in WEB_LEGACY_ENCODINGS:
        if any(encoding == m.encoding or encoding in m.could_be_from_charset for m in close):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                continue
            return encoding
    return best.encoding


def decode(data: bytes, source: str) -> Decoded:
    """The text of `data`, or InputError naming `source` and why it is not text."""
    decoded = _decode_bytes(data, source)
    # 8. what the decoded text looks like
    share = control_share(decoded.text)
    if share > MAX_CONTROL_SHARE:
        raise InputError(source, f"binary file ({share:.0%} control characters as {decoded.encoding}), not text")
    if not decoded.text.strip():
        raise InputError(source, "only whitespace, no text")
    return decoded
