"""Every command and option of the CLI is documented in README.md or docs/."""

from __future__ import annotations

import click

from claimscope.cli import main
from tests.conftest import REPO


def _walk(command: click.Command, path: tuple[str, ...]):
    yield path, command
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):  # lazy subcommands included
            yield from _walk(command.get_command(ctx, name), path + (name,))


def _docs() -> str:
    files = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


def test_every_command_and_option_is_documented():
    docs = _docs()
    missing = []
    for path, command in _walk(main, ("claimscope",)):
        if " ".join(path) not in docs:
            missing.append(" ".join(path))
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt not in docs:
                    missing.append(f"{' '.join(path)} {opt}")
    assert not missing, f"undocumented: {missing}"
