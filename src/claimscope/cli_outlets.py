"""``claimscope outlets``: the outlet registry and imported domain ratings (docs/sourcing.md).

Thin wrappers over :mod:`claimscope.outlets`; the main CLI mounts the group with
``main.add_command(outlets)``. Text read from a ratings file or given on the command
line reaches the terminal through :func:`~claimscope.render.safe.terminal_text` or the
JSON writer, never raw.
"""

from __future__ import annotations

from pathlib import Path

import click

from .cli_common import ErrorHandlingGroup, output_errors
from .errors import InputError
from .outlets import default_registry, find_mentions
from .outlets.ratings import FORMATS, RatingsDB
from .render.safe import terminal_text, to_json
from .settings import RATINGS_VAR

_DB = click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), envvar=RATINGS_VAR,
                   show_envvar=True, help="Ratings database (default: the user data directory).")


@click.group(cls=ErrorHandlingGroup)
def outlets() -> None:
    """The outlet registry and the domain ratings you imported."""


@outlets.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="File format (default: detected).")
@click.option("--source", help="Name to file these ratings under (default: from the file).")
@_DB
def import_ratings(file: Path, fmt: str | None, source: str | None, db_path: Path | None) -> None:
    """Import a domain-ratings FILE (Lin et al. CSV, MBFC-style JSON, or domain,score,label CSV)."""
    with RatingsDB(db_path) as db:
        summary = db.import_file(file, fmt, source)
    with output_errors("standard output"):
        click.echo(terminal_text(f"imported {summary.count} ratings from {file} as {summary.source!r} "
                                 f"({summary.format}) into {db.path}"))


@outlets.command("list")
@click.option("--type", "kind", help="Only outlets of this type (e.g. news_agency).")
@click.option("--ownership", help="Only outlets with this ownership (e.g. state_controlled).")
@click.option("--country", help="Only outlets of this country (ISO 3166 code).")
def list_outlets(kind: str | None, ownership: str | None, country: str | None) -> None:
    """List registry outlets: id, name, type, country, ownership."""
    with output_errors("standard output"):
        for o in default_registry().outlets:
            if (kind and o.type != kind) or (ownership and o.ownership != ownership) or (
                country and o.country != country.upper()
            ):
                continue
            click.echo(f"{o.id}\t{o.name}\t{o.type}\t{o.country}\t{o.ownership}")


@outlets.command("show")
@click.argument("key")
@_DB
def show(key: str, db_path: Path | None) -> None:
    """Show one outlet (by id or domain) as JSON, with the ratings of its domains."""
    registry = default_registry()
    outlet = registry.get(key) or registry.by_domain(key)
    domains = outlet.domains if outlet else (key,)
    db = RatingsDB.open_existing(db_path)
    ratings = [] if db is None else [r.__dict__ for d in domains for r in db.lookup(d)]
    if outlet is None and "." not in key:
        raise InputError(f"no outlet {key!r} in the registry: try `claimscope outlets list`")
    view = {"domain": key, "outlet": None} if outlet is None else {
        "id": outlet.id, "name": outlet.name, "type": outlet.type, "country": outlet.country,
        "ownership": outlet.ownership, "domains": list(outlet.domains),
        "aliases": {lang: list(names) for lang, names in outlet.aliases},
    }
    with output_errors("standard output"):
        click.echo(to_json({**view, "ratings": ratings}, indent=2))


@outlets.command("resolve")
@click.argument("text")
def resolve(text: str) -> None:
    """Show the outlets named in TEXT (names, aliases, domains); unknown domains say so."""
    with output_errors("standard output"):
        for m in find_mentions(text):
            who = m.outlet.id if m.outlet else "unknown"
            click.echo(terminal_text(f"{m.start}-{m.end}\t{text[m.start:m.end]}\t{who}"))


@outlets.command("ratings")
@_DB
def rating_sources(db_path: Path | None) -> None:
    """List the imported rating sources."""
    db = RatingsDB.open_existing(db_path)
    with output_errors("standard output"):
        for s in [] if db is None else db.sources():
            click.echo(terminal_text(f"{s['name']}\t{s['format']}\t{s['count']}\t{s['imported_at']}\t{s['file']}"))
