"""``claimscope factchecks``: import, index, list, show, search, count and export fact-checks.

A click group that works mounted in the main CLI (``main.add_command(factchecks)``)
and standalone (``python -m claimscope.cli_factchecks``). Each command opens the
store, calls one library function and renders its result; docs/factchecks.md
documents every command and option. Stored text is never parsed as rich markup and
passes through :func:`~claimscope.render.safe.terminal_text` (or the JSON writer)
before it reaches the terminal: an imported record cannot style, link or move it.
"""

from __future__ import annotations

import functools
import json
import sys
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .cli_common import ErrorHandlingGroup, check_output_path, output_errors
from .errors import InputError
from .factchecks import EXPORT_FORMATS, FORMATS, ImportOptions, Mapping, export, import_sources
from .factchecks.record import INPUT_FIELDS, to_dict
from .model import VERDICTS
from .render.safe import terminal_text, to_json
from .settings import DB_VAR
from .store import open_store

_CLAIM_WIDTH = 90
_MAX_ROWS = 10**9  # bound of --limit/--offset/--top (SQLite integers overflow at 2**63)


db_option = click.option(
    "--db", metavar="PATH", envvar=DB_VAR, show_envvar=True,
    help="Fact-check database file (default: the user data directory).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def _filters(func):
    for name, kind, help_text in (
        ("--publisher", str, "Only this publisher (exact name)."),
        ("--verdict", click.Choice(VERDICTS), "Only this verdict."),
        ("--language", str, "Only this language (ISO 639-1 code)."),
    ):
        func = click.option(name, type=kind, default=None, help=help_text)(func)
    return func


def _pairs(values: tuple[str, ...], option: str) -> dict[str, str]:
    out = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or key not in INPUT_FIELDS:
            raise InputError(f"{option} {value!r}: write FIELD=VALUE with FIELD one of {', '.join(INPUT_FIELDS)}")
        out[key] = rest
    return out


def _out() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _short(text: str | None, width: int = _CLAIM_WIDTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _printing(func):
    """``func``, which prints to standard output, with a failed write (full disk, closed pipe) as one OutputError."""
    @functools.wraps(func)
    def run(*args, **kwargs):
        with output_errors("standard output"):
            return func(*args, **kwargs)

    return run


def _line(console: Console, *parts: str | None) -> None:
    """One line of stored text, parts joined by two spaces: no markup, no control characters."""
    console.print(Text(terminal_text("  ".join(p or "-" for p in parts))))


@_printing
def _print_records(rows) -> None:
    """Two lines per record: id, date, publisher, verdict, language; then the claim."""
    console = _out()
    for record in rows:
        _line(console, record.id, record.review_date, _short(record.publisher), record.verdict, record.language)
        _line(console, f"    {_short(record.claim)}")
    if not rows:
        console.print("no fact-checks found")


@_printing
def _echo_json(data) -> None:
    click.echo(to_json(data, indent=2))


@click.group(cls=ErrorHandlingGroup)
def factchecks() -> None:
    """Import, search and export fact-checks (schema.org ClaimReview)."""


@factchecks.command("import")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="Input format; auto detects it from the name and content.")
@click.option("--map", "maps", multiple=True, metavar="FIELD=COLUMN",
              help="CSV/JSONL: read FIELD from COLUMN (repeatable).")
@click.option("--set", "sets", multiple=True, metavar="FIELD=VALUE",
              help="CSV/JSONL: use VALUE when a record has no FIELD (repeatable).")
@click.option("--list-sep", default="|", show_default=True, help="CSV: separator inside list cells (not empty).")
@click.option("--strict", is_flag=True, help="Fail (importing nothing from the file) on any malformed record.")
@click.option("--chunk-size", type=click.IntRange(1), default=1000, show_default=True,
              help="Records per transaction.")
@click.option("--allow-private-urls", is_flag=True, help="Allow URLs on loopback/private addresses (testing).")
@click.option("--no-index", is_flag=True, help="Do not update the search index afterwards (run `reindex` later).")
@json_option
def import_cmd(sources, db, fmt, maps, sets, list_sep, strict, chunk_size, allow_private_urls, no_index, as_json):
    """Import fact-checks from FILEs, folders (recursively) or URLs, then index them for search."""
    if not list_sep:
        raise InputError("--list-sep is empty: give the character that separates list entries in a cell")
    mapping = Mapping(_pairs(maps, "--map"), _pairs(sets, "--set"), list_sep)
    options = ImportOptions(fmt, mapping, strict, chunk_size, allow_private_urls)
    with open_store(db) as store:
        progress = _progress_line()
        summary = import_sources(store, list(sources), options, progress=progress)
        total = store.count()
        if progress:
            click.echo("\r\033[K", err=True, nl=False)
        indexed = None if no_index else _sync_index(store)
    if as_json:
        _echo_json({**summary.as_dict(), "stored": total, "indexed": indexed})
    else:
        _print_summary(summary, total)
        if indexed is not None:
            _say(f"indexed {indexed:,} new or changed fact-checks for search")
    if summary.failed:
        sys.exit(1)


def _sync_index(store, rebuild: bool = False) -> int:
    """Bring the search index beside ``store`` up to date, with a progress bar on stderr."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .search.sync import drop_index, open_index, sync

    if rebuild:
        drop_index(store)
    index = open_index(store)
    todo = max(store.count() - len(index), 0)
    columns = (TextColumn("indexing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("index", total=todo or None)
        return sync(store, index, progress=lambda n: bar.advance(task, n))


def _progress_line():
    """A callback rewriting one status line on a terminal's stderr (None elsewhere)."""
    if not sys.stderr.isatty():
        return None

    def show(source: str, records: int) -> None:
        click.echo(f"\r\033[K{terminal_text(_short(source, 60))}: {records:,} records read", err=True, nl=False)

    return show


@_printing
def _say(text: str) -> None:
    _out().print(text)


@_printing
def _print_summary(summary, total: int) -> None:
    console = _out()
    console.print(
        f"added {summary.added:,}, updated {summary.updated:,}, unchanged {summary.unchanged:,}, "
        f"skipped {summary.skipped:,} ({total:,} fact-checks stored)"
    )
    for reason, count in summary.skip_reasons.most_common():
        console.print(f"  skipped {count:,}: {reason}")
    for reason, count in summary.warnings.most_common():
        console.print(f"  kept with a warning {count:,}: {reason}")
    for example in summary.examples:
        _line(console, f"  e.g. {example}")
    for failure in summary.failed:
        _line(console, f"  not imported: {failure}")


@factchecks.command("reindex")
@db_option
@click.option("--rebuild", is_flag=True, help="Delete the search index and build it again from scratch.")
def reindex_cmd(db, rebuild):
    """Index new or changed fact-checks for `search` and `check` (embeds each one: the slow part)."""
    with open_store(db, create=False) as store:
        indexed = _sync_index(store, rebuild)
        total = store.count()
    _say(f"indexed {indexed:,} new or changed fact-checks ({total:,} stored)")


@factchecks.command("list")
@db_option
@_filters
@click.option("--limit", type=click.IntRange(1, _MAX_ROWS), default=20, show_default=True, help="How many to show.")
@click.option("--offset", type=click.IntRange(0, _MAX_ROWS), default=0, help="Skip this many first.")
@json_option
def list_cmd(db, publisher, verdict, language, limit, offset, as_json):
    """List stored fact-checks, newest review first."""
    with open_store(db, create=False) as store:
        rows = store.list(limit, offset, publisher=publisher, verdict=verdict, language=language)
    if as_json:
        _echo_json([to_dict(r) for r in rows])
    else:
        _print_records(rows)


@factchecks.command("show")
@click.argument("record_id", metavar="ID")
@db_option
@click.option("--raw", is_flag=True, help="Also print the source record as imported.")
@json_option
def show_cmd(record_id, db, raw, as_json):
    """Show every field of one fact-check."""
    with open_store(db, create=False) as store:
        record = store.get(record_id)
    if record is None:
        raise InputError(f"no fact-check with id {record_id!r}: find ids with `factchecks list` or `search`")
    data = {**to_dict(record), "import_id": record.import_id}
    if raw:
        data["raw"] = json.loads(record.raw) if record.raw else None
    if as_json:
        _echo_json(data)
    else:
        _print_fields(data)


@_printing
def _print_fields(data: dict) -> None:
    table = Table(show_header=False)
    for key, value in data.items():
        shown = to_json(value) if isinstance(value, (list, tuple, dict)) else terminal_text(str(value))
        table.add_row(key, Text(shown if value not in (None, [], ()) else ""))
    _out().print(table)


@factchecks.command("search")
@click.argument("text")
@db_option
@click.option("--lang", default="", help="Only fact-checks in this language (ISO 639-1 code).")
@click.option("--since", default="", metavar="DATE", help="Only fact-checks dated on or after DATE (YYYY-MM-DD).")
@click.option("--verdict", type=click.Choice(VERDICTS), default=None, help="Only this verdict.")
@click.option("--publisher", default=None, help="Only this publisher (exact name).")
@click.option("--date", "published", default="", metavar="DATE",
              help="When TEXT was published (YYYY-MM-DD); without it, the dates TEXT names are used.")
@click.option("-n", "--limit", type=click.IntRange(1, 10_000), default=10, show_default=True,
              help="How many results.")
@json_option
def search_cmd(text, db, lang, since, verdict, publisher, published, limit, as_json):
    """Find fact-checks covering TEXT, in any language (hybrid search with a confidence)."""
    from .search.sync import index_exists

    since, published = _iso_date(since), _iso_date(published, "--date")
    with open_store(db, create=False) as store:
        if index_exists(store):
            hits = _indexed_search(store, text, lang, since, verdict, publisher, limit, published)
            key = "confidence"
        else:
            click.echo("note: no search index yet, lexical search only; run `claimscope factchecks reindex`", err=True)
            hits = [(r, s) for r, s in store.search(text, 3 * limit)
                    if _keep(r, lang, since, verdict, publisher)][:limit]
            key = "score"
    if as_json:
        _echo_json([{**to_dict(r), key: round(s, 4)} for r, s in hits])
    else:
        _print_hits(hits, key)


def _iso_date(value: str, option: str = "--since") -> str:
    """A date option as YYYY-MM-DD ("" when not given); InputError for anything else."""
    if not value:
        return ""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date: write YYYY-MM-DD, e.g. 2024-01-31") from None


def _keep(record, lang, since, verdict, publisher) -> bool:
    return ((not lang or record.language == lang) and (not since or (record.review_date or "") >= since)
            and (not verdict or record.verdict == verdict) and (not publisher or record.publisher == publisher))


def _indexed_search(store, text, lang, since, verdict, publisher, limit, published=""):
    """(record, confidence) pairs from the hybrid index, filtered, at most ``limit``;
    ``published``: when ``text`` was published (ISO), if known."""
    from .search.sync import open_index

    hits = open_index(store).search(text, k=3 * limit, lang=lang, since=since, date=published)
    records = {r.id: r for r in store.get_many([h.id for h in hits])}
    kept = [(records[h.id], h.confidence) for h in hits
            if h.id in records and _keep(records[h.id], "", "", verdict, publisher)]
    return kept[:limit]


@_printing
def _print_hits(hits, key: str) -> None:
    """Per hit: verdict, publisher, date, link, confidence (or lexical score); then the claim."""
    console = _out()
    for record, value in hits:
        _line(console, record.verdict, _short(record.publisher), record.review_date, record.review_url,
              f"{key} {value:.2f}")
        _line(console, f"    {_short(record.claim)}  [{record.id}]")
    if not hits:
        console.print("no fact-checks found")


@factchecks.command("stats")
@db_option
@click.option("--top", type=click.IntRange(1, _MAX_ROWS), default=15, show_default=True, help="Rows per table.")
@json_option
def stats_cmd(db, top, as_json):
    """Count fact-checks by language, publisher and verdict."""
    with open_store(db, create=False) as store:
        stats = store.stats()
    if as_json:
        _echo_json(stats)
    else:
        _print_stats(stats, top)


@_printing
def _print_stats(stats: dict, top: int) -> None:
    console = _out()
    console.print(f"{stats['total']:,} fact-checks from {stats['imports']:,} imports")
    for key in ("by_language", "by_publisher", "by_verdict"):
        table = Table(title=key.replace("_", " "))
        table.add_column(key.removeprefix("by_"))
        table.add_column("count", justify="right")
        items = list(stats[key].items())
        for name, count in items[:top]:
            table.add_row(Text(terminal_text(str(name))), f"{count:,}")
        if len(items) > top:
            table.add_row(f"({len(items) - top} more)", f"{sum(c for _, c in items[top:]):,}")
        console.print(table)


@factchecks.command("export")
@db_option
@_filters
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="claimreview", show_default=True,
              help="claimreview: one JSON-LD array; jsonl: one ClaimReview per line.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Write to this file instead of standard output.")
def export_cmd(db, publisher, verdict, language, fmt, output):
    """Export fact-checks as schema.org ClaimReview JSON-LD."""
    if output != "-":
        check_output_path(Path(output))  # before any work: a missing folder fails first
    with open_store(db, create=False) as store, output_errors("standard output" if output == "-" else output):
        with click.open_file(output, "w", encoding="utf-8") as out:
            count = export(store, out, fmt, publisher=publisher, verdict=verdict, language=language)
            out.flush()
    if output != "-":
        click.echo(f"wrote {count:,} ClaimReview records to {terminal_text(output)}", err=True)


if __name__ == "__main__":
    factchecks(prog_name="claimscope factchecks")
