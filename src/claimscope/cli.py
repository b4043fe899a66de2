"""The ``claimscope`` command: a thin layer that parses arguments, calls the library, renders.

Expected failures (bad input, unsafe URL, unreadable store...) print one line,
``error[CODE]: message``, and exit non-zero; no traceback unless ``--debug``.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import click

from . import __version__
from .cli_common import LazyGroup, Seconds, check_output_path, output_errors
from .errors import InputError
from .render import FORMATS, render
from .settings import DB_VAR, RATINGS_VAR, Settings

COMMANDS = {  # imported when they run: `check` does not load the others' modules
    "batch": ".cli_batch:batch",
    "factchecks": ".cli_factchecks:factchecks",
    "outlets": ".cli_outlets:outlets",
    "serve": ".cli_web:serve",
    "keys": ".cli_web:keys",
}


@click.group(cls=LazyGroup, lazy=COMMANDS)
@click.version_option(__version__, prog_name="claimscope")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Read a news article and show a fact-checker what it claims and where it came from."""
    ctx.ensure_object(dict)["debug"] = debug


@main.command()
@click.argument("source", required=False)
@click.option(
    "--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
    help="Report format.",
)
@click.option(
    "--out", "-o", type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--batch", type=click.Path(dir_okay=False, path_type=Path),
    help="Analyse every record of a JSONL file; write one JSON report per line to --out (as `claimscope batch`).",
)
@click.option(
    "--allow-private-urls", is_flag=True,
    help="Allow fetching URLs on loopback/private addresses (for local testing only).",
)
@click.option(
    "--timeout", type=Seconds(), default=20.0, show_default=True,
    help="URL fetch time limit, seconds (above 0, at most 3600).",
)
@click.option(
    "--db", metavar="PATH", help=f"Fact-check database to match against (default: ${DB_VAR}, else the user data directory).",
)
@click.option(
    "--ratings-db", metavar="PATH",
    help=f"Outlet ratings database (default: ${RATINGS_VAR}, else the user data directory).",
)
@click.option("--no-matching", is_flag=True, help="Do not look for existing fact-checks (opens no store or index).")
@click.pass_context
def check(ctx, source, fmt, out, batch, allow_private_urls, timeout, db, ratings_db, no_matching) -> None:
    """Analyse one article: SOURCE is a file path, an http(s) URL, or - for standard input."""
    if batch is not None:
        if source is not None:
            raise InputError("give either SOURCE or --batch, not both")
        if out is None:
            raise InputError("--batch needs --out FILE for the JSONL reports")
        if out.resolve() == batch.resolve():
            raise InputError("--out is the batch file itself: write the reports to another file")
    elif source is None:
        raise InputError("nothing to check: give a file path, a URL, or - for standard input")
    if out is not None:
        check_output_path(out)
    settings = Settings.from_env(db=db, ratings_db=ratings_db, matching=not no_matching)
    if batch is not None:
        from .cli_batch import run_batch_command

        run_batch_command(ctx, [batch], out, settings)
        return
    process = (ctx.find_root().obj or {}).get("process", False)
    if process:  # one article, then the process ends: cyclic garbage can wait (the collector cost ~5%)
        gc.disable()
    if settings.embed_workers is None:  # the embedder the analyzer will take: loaded while the rest starts
        from .embed import default_embedder

        default_embedder().load_in_background()
    from . import ingest  # after the load started: it imports beside these
    from .analyzer import Analyzer

    article = ingest.load(
        source, allow_private=allow_private_urls, timeout=timeout, stdin=sys.stdin.buffer
    )
    with Analyzer(settings) as analyzer:
        view = analyzer.analyze(article).data
    _emit(view, fmt, out)
    if process:
        _end_process()


def _emit(view: dict, fmt: str, out: Path | None) -> None:
    if out is not None:
        with output_errors(str(out)):
            out.write_text(render(view, fmt), encoding="utf-8")
        return
    with output_errors("standard output"):
        if fmt == "text" and sys.stdout.isatty():
            from rich.console import Console

            from .render import terminal

            Console().print(terminal.renderable(view))
        else:
            click.echo(render(view, fmt), nl=False)
        sys.stdout.flush()


def run() -> None:
    """``claimscope`` as a process (the console script, ``python -m claimscope.cli``):
    :func:`main`, allowed to end the process as soon as ``check`` has written its report.
    Called in-process (tests, ``main([...])``), ``main`` never ends the process."""
    main(obj={"process": True})


def _end_process() -> None:
    """Exit now that the report is written and the analyzer closed, without the
    interpreter's teardown: freeing every object of the loaded model, tables and index
    one by one cost about 0.2 s of CPU at the end of each ``check``. Nothing is left to
    save (stores and indexes are closed, no thread is at work), and the outputs are
    flushed first."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":  # pragma: no cover
    run()
