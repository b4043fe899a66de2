"""``claimscope batch``: many articles into a JSONL of reports, resumable, locally or on Ray.

``claimscope check --batch FILE --out OUT`` is the same run on the local engine
(:func:`run_batch_command`). See docs/batch.md.
"""

from __future__ import annotations

from pathlib import Path

import click

from .cli_common import check_output_path, output_errors
from .settings import DB_VAR, RATINGS_VAR, Settings


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="JSONL file of reports, one line per article; a run again skips what it holds.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Analyse in this process, or on Ray (a local cluster, or --ray-address).")
@click.option("--ray-address", metavar="ADDR",
              help="An existing Ray cluster (ray://host:10001, host:6379 or auto); default: start one here.")
@click.option("--chunk-size", type=click.IntRange(1, 1000), default=16, show_default=True,
              help="Articles analysed together (their sentences embedded in shared batches).")
@click.option("--db", metavar="PATH",
              help=f"Fact-check database to match against (default: ${DB_VAR}, else the user data directory).")
@click.option("--ratings-db", metavar="PATH",
              help=f"Outlet ratings database (default: ${RATINGS_VAR}, else the user data directory).")
@click.option("--no-matching", is_flag=True, help="Do not look for existing fact-checks (opens no index).")
@click.option("--store", "to_store", is_flag=True,
              help="Also save every report into the --db store (table reports, one row per id and content hash).")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on standard error (default: when it is a terminal).")
@click.pass_context
def batch(ctx, inputs, out, engine, ray_address, chunk_size, db, ratings_db, no_matching, to_store, progress) -> None:
    """Analyse many articles: each INPUT is a JSONL file, a folder of text/HTML files, or a WARC file."""
    if ray_address is not None and engine != "ray":
        raise click.UsageError("--ray-address needs --engine ray")
    settings = Settings.from_env(db=db, ratings_db=ratings_db, matching=not no_matching)
    run_batch_command(ctx, list(inputs), out, settings, engine=engine, address=ray_address,
                      chunk_size=chunk_size, progress=progress, to_store=to_store)


def run_batch_command(ctx: click.Context, inputs: list[Path], out: Path, settings: Settings, *,
                      engine: str = "local", address: str | None = None, chunk_size: int = 16,
                      progress: bool | None = None, to_store: bool = False) -> None:
    """Check the paths, run the batch, print its summary line to standard error."""
    from .batch import check_inputs, open_engine, run_files
    from .store import open_store

    check_inputs(inputs, out)
    check_output_path(out)
    debug = bool((ctx.find_root().obj or {}).get("debug"))
    store = open_store(settings.db) if to_store else None
    try:
        runner = open_engine(engine, settings, address=address, debug=debug)
        try:
            with output_errors(str(out)):
                summary = run_files(inputs, out, runner, chunk_size=chunk_size, progress=progress, store=store)
        finally:
            runner.close()
    finally:
        if store is not None:
            store.close()
    click.echo(summary.line(out) + (f" and {store.location}" if store is not None else ""), err=True)
