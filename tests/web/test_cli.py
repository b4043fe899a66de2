"""``claimscope keys`` and ``claimscope serve`` on the command line."""

from __future__ import annotations

from click.testing import CliRunner

from claimscope import cli
from claimscope.web.desk import DeskStore


def run(*args: str):
    return CliRunner().invoke(cli.main, list(args))


def test_keys_are_created_shown_once_listed_and_revoked(tmp_path):
    desk = str(tmp_path / "desk.sqlite")
    created = run("keys", "create", "Ana", "--desk-db", desk)
    assert created.exit_code == 0, created.output
    key = created.stdout.strip().splitlines()[0]
    store = DeskStore(desk)
    key_id = store.key_id(key)
    assert key_id and key not in (tmp_path / "desk.sqlite").read_bytes().decode("latin-1")
    listed = run("keys", "list", "--desk-db", desk)
    assert f"{key_id}\tAna\t" in listed.stdout and "live" in listed.stdout
    assert run("keys", "revoke", key_id, "--desk-db", desk).exit_code == 0
    assert store.key_id(key) is None
    again = run("keys", "revoke", key_id, "--desk-db", desk)
    assert again.exit_code != 0 and "error[E100]" in again.output
    store.close()


def test_serve_documents_its_options():
    shown = run("serve", "--help").output
    for option in ("--host", "--port", "--db", "--desk-db", "--workers", "--private-reads", "--write-rate"):
        assert option in shown
