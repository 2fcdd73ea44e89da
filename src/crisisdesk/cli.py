"""The command line: a thin shell over the library.

Exit codes: 0 finished, 3 finished with skipped files, 1 failed (one line on
stderr naming what failed and what to do).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from sqlalchemy.exc import DBAPIError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .errors import CrisisdeskError
from .settings import SETTINGS, Settings

EXIT_SKIPPED = 3

app = typer.Typer(
    help="Turn news reports about a crisis into a sourced situation report.\n\n"
    "Example: crisisdesk run reports/ && crisisdesk export --format json -o report.json",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
console = Console(stderr=True)

DbOption = Annotated[Optional[str], typer.Option("--db", help=dict((s.name, s.help) for s in SETTINGS)["db"])]


def _fail(exc: Exception) -> None:
    console.print(f"[red]error:[/red] {exc}", highlight=False)
    raise typer.Exit(1)


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="files and folders of reports (.txt .md .html .jsonl)")],
    db: DbOption = None,
    out: Annotated[Optional[str], typer.Option(help="folder for report.json")] = None,
    processes: Annotated[Optional[int], typer.Option(help="worker processes (or Ray actors) for parsing")] = None,
    engine: Annotated[Optional[str], typer.Option(help="executor for parsing and extraction: local or ray")] = None,
    address: Annotated[Optional[str], typer.Option(
        help="Ray cluster to join with --engine ray, e.g. ray://head:10001 (default: start Ray here)")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline directory")] = None,
    max_bytes: Annotated[Optional[int], typer.Option(help="skip files larger than this")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar or summary")] = False,
) -> None:
    """Read reports, extract their facts, store them and write out/report.json.

    On a Ray cluster: crisisdesk run reports/ --engine ray --address ray://head:10001

    Example: crisisdesk run ../shared/seeds --db out/crisisdesk.db --out out
    """
    from .pipeline import run as run_pipeline
    from .summary import summary_tables

    settings = Settings.load(db=db, out=out, processes=processes, engine=engine, address=address, model=model,
                             max_bytes=max_bytes)
    try:
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=console, disable=quiet, transient=True,
        ) as progress:
            task = progress.add_task("reading and parsing", total=None)
            result = run_pipeline(
                paths, settings, on_document=lambda d: progress.update(task, advance=1, description=Path(d.source).name[:40])
            )
    except CrisisdeskError as exc:
        _fail(exc)
    except DBAPIError as exc:  # the database refused: one line, what it said
        _fail(CrisisdeskError(f"store {settings.db}: {exc.orig}"))
    for s in result.skipped:
        console.print(f"skipped {s.source}: {s.reason}", highlight=False, markup=False)
    if not quiet:
        out_console = Console()
        for table in summary_tables(result.export, result.skipped):
            out_console.print(table)
        out_console.print(
            f"stored {result.stored} new document(s), {result.unchanged} unchanged; "
            f"wrote {result.report_path} and {settings.db}",
            highlight=False,
        )
    if result.skipped:
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="json, geojson or acled-csv")] = "json",
    db: DbOption = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="file to write (default: stdout)")] = None,
) -> None:
    """Write everything in the store in one exchange format: json, geojson or acled-csv (one row per event cluster).

    Example: crisisdesk export --format json --db out/crisisdesk.db -o report.json
    """
    from .export import EXPORTERS

    if format not in EXPORTERS:
        _fail(CrisisdeskError(f"unknown format {format!r}; known: {', '.join(EXPORTERS.names())}"))
    try:
        text = EXPORTERS.get(format)(_load_export(db))
    except CrisisdeskError as exc:
        _fail(exc)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")


def _load_export(db: str | None) -> dict:
    """The crisisdesk.v1 export of an existing store."""
    from .export import json as export_json
    from .store import Store

    settings = Settings.load(db=db)
    if "://" not in settings.db and not Path(settings.db).exists():
        raise CrisisdeskError(f"{settings.db}: no such database; run `crisisdesk run PATH --db {settings.db}` first")
    store = Store(settings.db)
    try:
        return export_json.build(store)
    finally:
        store.close()


@app.command()
def report(
    db: DbOption = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="the HTML file to write")] = Path("out/report.html"),
) -> None:
    """Write the situation report: one self-contained HTML file that works offline.

    Example: crisisdesk report --db out/crisisdesk.db -o out/report.html
    """
    from .report import render_html

    try:
        html = render_html(_load_export(db))
    except CrisisdeskError as exc:
        _fail(exc)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    console.print(f"wrote {output}", highlight=False)


@app.command(name="eval")
def evaluate(
    export_file: Annotated[Path, typer.Argument(metavar="EXPORT", help="a crisisdesk.v1 JSON export")],
    gold: Annotated[Path, typer.Option(help="folder of gold annotation files")] = Path("../shared/gold"),
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="list misses and false hits")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
) -> None:
    """Score an export against hand annotations: precision, recall and F1 per section.

    Example: crisisdesk eval out/report.json --gold ../shared/gold
    """
    from .eval import render, score

    try:
        export_data = json.loads(export_file.read_text(encoding="utf-8"))
        scores = score(export_data, gold)
    except (OSError, ValueError, CrisisdeskError) as exc:
        _fail(CrisisdeskError(f"{export_file}: {exc}"))
    if as_json:
        sys.stdout.write(json.dumps(scores.to_dict(), indent=1) + "\n")
    else:
        sys.stdout.write(render(scores, verbose=verbose) + "\n")


@app.command()
def bench(
    docs: Annotated[int, typer.Option(help="documents in the 1x corpus")] = 50,
    corpus: Annotated[Optional[list[Path]], typer.Option(help="folder(s) of .txt/.md reports to repeat")] = None,
    quick: Annotated[bool, typer.Option(help="skip the 10x, 2-process and re-run measurements")] = False,
    repeat: Annotated[int, typer.Option(help="rounds of the 1x measurements, each kind once per round; a ratio is the median")] = 7,
    markdown: Annotated[Optional[Path], typer.Option(help="also write the tables as Markdown here")] = None,
) -> None:
    """Measure throughput and peak memory of a full run against the bare spaCy parse.

    Example: crisisdesk bench --docs 50 --repeat 7 --markdown out/bench.md
    """
    from .bench import render
    from .bench.suite import run_suite

    root = Path(__file__).resolve().parents[2]
    sources = corpus or [root.parent / "shared" / "seeds", root / "examples" / "marvania"]
    try:
        result = run_suite(sources, docs, scale=not quick, processes=not quick, rerun=not quick, repeat=max(1, repeat))
    except (ValueError, RuntimeError) as exc:
        _fail(CrisisdeskError(str(exc)))
    out = Console()
    for table in render.tables(result):
        out.print(table)
    if markdown:
        markdown.parent.mkdir(parents=True, exist_ok=True)
        markdown.write_text(render.markdown(result) + "\n", encoding="utf-8")


@app.command()
def benchmark(
    name: Annotated[str, typer.Argument(help="a registered benchmark: case2021, trnews, india_police_events")],
    shared: Annotated[Optional[Path], typer.Option(help="the folder holding benchmarks/ (default: ../shared)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the measures as JSON")] = False,
) -> None:
    """Run crisisdesk on an external benchmark and print its measures next to the published anchor.

    Example: crisisdesk benchmark case2021 --shared ../shared
    """
    from .eval.benchmarks import BENCHMARKS
    from .eval.benchmarks.runner import run_texts

    if name not in BENCHMARKS:
        _fail(CrisisdeskError(f"unknown benchmark {name!r}; known: {', '.join(BENCHMARKS.names())}"))
    folder = shared or Path(__file__).resolve().parents[2].parent / "shared"
    try:
        result = BENCHMARKS.get(name)(folder, run_texts)
    except (OSError, CrisisdeskError) as exc:
        _fail(CrisisdeskError(str(exc)))
    sys.stdout.write((json.dumps(result.to_dict(), indent=1) if as_json else result.render()) + "\n")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to listen on; anything but loopback needs --token")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    token: Annotated[Optional[str], typer.Option(envvar="CRISISDESK_TOKEN",
                                                 help="require `Authorization: Bearer TOKEN` to add documents")] = None,
) -> None:
    """Serve the web app over the store: pages, search, filters, downloads, uploads and a JSON API.

    Example: crisisdesk serve --db out/crisisdesk.db  (then open http://127.0.0.1:8000)
    """
    import uvicorn

    from .web.app import create_app
    from .web.security import allowed_hosts, check_bind

    settings = Settings.load(db=db)
    try:
        check_bind(host, token)
        web_app = create_app(settings.db, token=token, allowed_hosts=allowed_hosts(host))
    except CrisisdeskError as exc:
        _fail(exc)
    console.print(f"serving {settings.db} on http://{host}:{port} (API docs at /api/docs)", highlight=False)
    uvicorn.run(web_app, host=host, port=port, server_header=False, proxy_headers=False, log_level="warning")


def main() -> None:  # pragma: no cover - console entry point
    app()
