"""Which files a list of paths names, in a deterministic order.

Folders are walked recursively in sorted order; inside them, files with a
suffix no reader handles are ignored silently (a scrape folder holds images
and logs), as are hidden entries ("." names).  Whatever cannot be read as a
file becomes a Skipped with a one-line reason, never an exception:
- a path that does not exist, or a dangling symbolic link;
- a symbolic link loop, and a folder reached a second time through links;
- a folder named like a file ("notes.txt/") inside a walked folder;
- a file named explicitly whose suffix no reader handles;
- a file that is not a regular file (a FIFO or device would block the run).
Files that cannot be opened (permissions) are reported when read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Skipped


def _stat(path: Path) -> os.stat_result | Skipped:
    try:
        return path.stat()
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file or directory"
        return Skipped(str(path), reason)
    except RuntimeError:
        return Skipped(str(path), "symbolic link loop")
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Skipped(str(path), "symbolic link loop")
        return Skipped(str(path), f"cannot be read: {error.strerror or error}")


def _walk(folder: Path, suffixes: tuple[str, ...], seen: set[tuple[int, int]]) -> Iterator[Path | Skipped]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        yield Skipped(str(folder), f"folder cannot be read: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        wanted = path.suffix.lower() in suffixes
        info = _stat(path)
        if isinstance(info, Skipped):
            if wanted or path.is_symlink():
                yield info
            continue
        if stat.S_ISDIR(info.st_mode):
            if wanted:
                yield Skipped(str(path), "a folder named like a file; not read")
            else:
                yield from _folder(path, info, suffixes, seen)
        elif wanted:
            yield path if stat.S_ISREG(info.st_mode) else Skipped(str(path), "not a regular file")


def _folder(path: Path, info: os.stat_result, suffixes: tuple[str, ...], seen: set[tuple[int, int]]):
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield Skipped(str(path), "folder already read (symbolic link loop or repeated path)")
        return
    seen.add(key)
    yield from _walk(path, suffixes, seen)


def discover(paths: Iterable[str | Path], suffixes: tuple[str, ...]) -> Iterator[Path | Skipped]:
    """Files to read (Paths) and what was refused (Skipped), in the order given, folders sorted."""
    seen: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        info = _stat(path)
        if isinstance(info, Skipped):
            yield info
        elif stat.S_ISDIR(info.st_mode):
            yield from _folder(path, info, suffixes, seen)
        elif path.suffix.lower() not in suffixes:
            yield Skipped(str(path), f"not a supported file type; expected one of {' '.join(suffixes)}")
        elif not stat.S_ISREG(info.st_mode):
            yield Skipped(str(path), "not a regular file")
        else:
            yield path
