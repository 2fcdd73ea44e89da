"""Child-process side of the crash, concurrency and hostile-input tests.

Run as a script, it is `crisisdesk` with two additions that only a test
needs, set up before the CLI starts:
- `--kill-at POINT:N` arms a fault: the process SIGKILLs itself (no cleanup,
  no atexit, no rollback: what a power cut or the OOM killer does) at the
  N-th occurrence of POINT (see KILL_POINTS);
- `--rss-file FILE` writes the process's peak resident memory in bytes to
  FILE when it exits, so the parent can hold memory to a limit.

    python tests/crash_helpers.py [--kill-at insert:7] [--rss-file F] -- run PATH --db DB --out OUT

It is a plain module beside conftest.py (not a test module) because a child
process imports it by path, and test modules collected in importlib mode have
no importable name.  The corpus writer below is shared by parent and child.
"""

from __future__ import annotations

import argparse
import atexit
import os
import resource
import signal
import sys
from pathlib import Path

# Where a fault can be injected, and what counts as one occurrence.
KILL_POINTS = {
    "parse": "a document has come out of the parser (mid-run, before its facts are stored)",
    "insert": "an INSERT into a fact table, inside a document's open transaction",
    "commit": "a COMMIT is about to be sent (the transaction's rows are all written)",
    "resolve": "the resolve stage's transaction has deleted the old identities",
}
FACT_TABLE_NAMES = ("mentions", "place_mentions", "times", "events", "claims", "quotes", "framing")

# Short articles written for these tests (not from any real report), varied so
# that every one is a distinct document with facts of several kinds.
CITIES = ("Ostrel", "Teska", "Varno", "Kelm", "Dubrava", "Marvan")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ARTICLE = (
    "Protest in {city} enters day {day}\n\n"
    "{city}, Jan {date}, 2022\n\n"
    "Police detained {n} protesters in central {city} on {weekday}, the interior ministry said. "
    "At least {k} people were killed when security forces opened fire near the city hall. "
    "\"We will not leave the square,\" said Anna Petrova, a teacher. "
    "Demonstrators set fire to {m} police cars and blocked the road to the airport.\n"
)


def write_corpus(folder: Path, count: int, *, offset: int = 0) -> list[Path]:
    """`count` distinct short articles as .txt files in `folder`; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(offset, offset + count):
        text = ARTICLE.format(
            city=CITIES[i % len(CITIES)], day=i + 2, date=3 + i % 20, n=10 + 7 * i, weekday=WEEKDAYS[i % 7],
            k=2 + i, m=3 + i % 5,
        )
        path = folder / f"article_{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _die() -> None:
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def _countdown(n: int):
    left = [n]

    def tick() -> None:
        left[0] -= 1
        if left[0] == 0:
            _die()

    return tick


def arm(point: str, n: int) -> None:
    """Install the fault: SIGKILL at the n-th occurrence of `point`."""
    if point not in KILL_POINTS:
        raise SystemExit(f"unknown kill point {point!r}; known: {', '.join(KILL_POINTS)}")
    tick = _countdown(n)
    if point == "parse":
        from crisisdesk.engine import local

        parse = local.parse

        def killing_parse(*args, **kwargs):
            for parsed in parse(*args, **kwargs):
                tick()
                yield parsed

        local.parse = killing_parse
        return

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    if point == "commit":
        event.listen(Engine, "commit", lambda conn: tick())
        return

    def before_execute(conn, cursor, statement, parameters, context, executemany):
        head = statement.lstrip().upper()
        if point == "insert" and head.startswith("INSERT INTO") and any(
            head.startswith(f"INSERT INTO {t.upper()} ") for t in FACT_TABLE_NAMES
        ):
            tick()
        elif point == "resolve" and head.startswith("INSERT INTO ACTORS"):
            tick()

    event.listen(Engine, "before_cursor_execute", before_execute)


def _write_peak_rss(path: str) -> None:
    # ru_maxrss is in kilobytes on Linux.
    Path(path).write_text(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024), encoding="utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kill-at", help="POINT:N, e.g. insert:7")
    parser.add_argument("--rss-file")
    parser.add_argument("cli", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    cli_args = args.cli[1:] if args.cli[:1] == ["--"] else args.cli
    if args.rss_file:
        atexit.register(_write_peak_rss, args.rss_file)
    if args.kill_at:
        point, _, n = args.kill_at.partition(":")
        arm(point, int(n or 1))
    from crisisdesk.cli import app

    app(cli_args, prog_name="crisisdesk")


if __name__ == "__main__":
    main(sys.argv[1:])
