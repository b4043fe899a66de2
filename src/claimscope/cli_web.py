"""``claimscope serve`` (the web desk and JSON API) and ``claimscope keys`` (its API keys).

docs/web.md describes both; the server is uvicorn running ``web.create_app``.
"""

from __future__ import annotations

import click

from .cli_common import Seconds
from .settings import DB_VAR, Settings


def _desk(db: str | None, desk_db: str | None):
    from .web.config import WebConfig
    from .web.desk import DeskStore

    settings = Settings.from_env(db=db)
    return DeskStore(WebConfig(db=settings.db, desk_db=desk_db).desk_location)


db_option = click.option("--db", metavar="PATH|URL",
                         help=f"Fact-check database (default: ${DB_VAR}, else the user data directory).")
desk_option = click.option("--desk-db", metavar="PATH|URL",
                           help="Where analyses, desk decisions and API keys live (default: the --db store).")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@db_option
@desk_option
@click.option("--ratings-db", metavar="PATH", help="Outlet ratings database (default: $CLAIMSCOPE_RATINGS_DB, else the user data directory).")
@click.option("--workers", type=click.IntRange(1, 64),
              help="Analysis worker processes, i.e. analyses run at once (default: one per two CPUs, at least one).")
@click.option("--searchers", type=click.IntRange(1, 64),
              help="Fact-check search worker processes (default: one per CPU).")
@click.option("--private-reads", is_flag=True, help="Reads need an API key too (default: reads are open).")
@click.option("--write-rate", type=click.IntRange(0, 1_000_000), default=120, show_default=True,
              help="Writes per minute per API key (0: no limit).")
@click.option("--read-rate", type=click.IntRange(0, 1_000_000), default=600, show_default=True,
              help="Reads per minute per key or address (0: no limit).")
@click.option("--sync-timeout", type=Seconds(), default=30.0, show_default=True,
              help="Seconds an API analysis is waited for before the answer is its job.")
@click.option("--allow-private-urls", is_flag=True, help="Allow fetching URLs on loopback/private addresses (testing only).")
@click.option("--no-matching", is_flag=True, help="Do not match claims against fact-checks.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info",
              show_default=True, help="Server log level.")
def serve(host, port, db, desk_db, ratings_db, workers, searchers, private_reads, write_rate, read_rate, sync_timeout,
          allow_private_urls, no_matching, log_level) -> None:
    """Serve the web desk and the JSON API (/api/v1); analyses run in worker processes."""
    import uvicorn

    from .web import WebConfig, create_app

    settings = Settings.from_env(db=db, ratings_db=ratings_db)
    chosen = {name: n for name, n in (("workers", workers), ("searchers", searchers)) if n}  # else the defaults
    config = WebConfig(db=settings.db, ratings_db=settings.ratings_db, desk_db=desk_db, **chosen,
                       private_reads=private_reads, write_rate=write_rate, read_rate=read_rate,
                       sync_timeout=sync_timeout, allow_private_urls=allow_private_urls, matching=not no_matching)
    app = create_app(config)
    app.state.services.start()  # the workers open their analyzers and indexes while the server starts
    click.echo(f"claimscope desk on http://{host}:{port}/ (API: /api/v1, fact-checks: {config.store_location}, "
               f"desk: {config.desk_location}, analysis workers: {config.workers}, search workers: {config.searchers})", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, timeout_keep_alive=5, server_header=False)


@click.group()
def keys() -> None:
    """Create, list and revoke the API keys that the web server's writes need."""


@keys.command("create")
@click.argument("name")
@db_option
@desk_option
def keys_create(name, db, desk_db) -> None:
    """Create a key for NAME (a person or a tool); the key is printed once, only its digest is kept."""
    desk = _desk(db, desk_db)
    try:
        key_id, key = desk.create_key(name)
    finally:
        desk.close()
    click.echo(key)
    click.echo(f"key {key_id} created for {name}: store it now, it is not shown again", err=True)


@keys.command("list")
@db_option
@desk_option
def keys_list(db, desk_db) -> None:
    """List the keys: id, name, created, revoked."""
    desk = _desk(db, desk_db)
    try:
        for key in desk.keys():
            click.echo(f"{key.id}\t{key.name}\t{key.created_at}\t{'revoked ' + key.revoked_at if key.revoked_at else 'live'}")
    finally:
        desk.close()


@keys.command("revoke")
@click.argument("key_id", metavar="ID")
@db_option
@desk_option
def keys_revoke(key_id, db, desk_db) -> None:
    """Revoke the key with this ID (see `keys list`): it stops working at once."""
    from .errors import InputError

    desk = _desk(db, desk_db)
    try:
        if not desk.revoke_key(key_id):
            raise InputError(f"no live key {key_id!r}: see `claimscope keys list`")
    finally:
        desk.close()
    click.echo(f"key {key_id} revoked", err=True)
