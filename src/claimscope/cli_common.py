"""What every ``claimscope`` command group shares: failures as one clear line, checked options.

Expected failures (bad input, unsafe URL, unreadable store...) and usage errors print
``error[CODE]: message`` and exit non-zero; an unexpected exception (a bug) prints one
line too, unless ``--debug`` asked for its traceback. Output paths are checked before
the work, and a write that fails (full disk, closed pipe) is an :class:`OutputError`.
"""

from __future__ import annotations

import errno
import importlib
import math
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from .errors import ClaimscopeError, OutputError, UsageError, internal_message

INTERNAL_ERROR_EXIT = 70
_HELP_ASKED = getattr(click.exceptions, "NoArgsIsHelpError", ())  # click 8.2+
MAX_TIMEOUT = 3600.0  # seconds: the largest --timeout accepted


class ErrorHandlingGroup(click.Group):
    """A click group that turns failures, usage errors included, into one line and a non-zero exit."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as err:
            _usage_failure(ctx, err)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ClaimscopeError as err:
            click.echo(f"error[{err.code}]: {err.message}", err=True)
            ctx.exit(err.exit_code)
        except click.UsageError as err:
            _usage_failure(ctx, err)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as err:  # a bug, not bad input: say so without a traceback
            if (ctx.find_root().obj or {}).get("debug"):
                raise
            click.echo(f"internal error: {internal_message(err)}", err=True)
            ctx.exit(INTERNAL_ERROR_EXIT)


class LazyGroup(ErrorHandlingGroup):
    """An :class:`ErrorHandlingGroup` whose ``lazy`` subcommands (name -> "module:attribute",
    the module relative to the package) are imported when they are run or listed, so a
    command does not pay for the imports of the others."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.lazy:
            return super().get_command(ctx, name)
        module, _, attribute = self.lazy[name].partition(":")
        return getattr(importlib.import_module(module, __package__), attribute)


def _usage_failure(ctx: click.Context, err: click.UsageError):
    if isinstance(err, _HELP_ASKED):
        raise err  # a group called without a command: click prints its help
    where = err.ctx.command_path if err.ctx is not None else ctx.command_path
    error = UsageError(f"{err.format_message()} (see {where} --help)")
    click.echo(f"error[{error.code}]: {error.message}", err=True)
    raise click.exceptions.Exit(error.exit_code)


class Seconds(click.ParamType):
    """A time limit in seconds: a finite number above 0, at most :data:`MAX_TIMEOUT`."""

    name = "seconds"

    def convert(self, value, param, ctx) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not (math.isfinite(seconds) and 0 < seconds <= MAX_TIMEOUT):
            self.fail(f"{value!r} is not between 0 and {MAX_TIMEOUT:g} seconds", param, ctx)
        return seconds


def check_output_path(path: Path) -> None:
    """Refuse, before any work, an output path that cannot be written."""
    if path.is_dir():
        raise OutputError(f"{path} is a directory: give a file name for the output")
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist (create it first)")
    target = path if path.exists() else folder
    if not os.access(target, os.W_OK):
        raise OutputError(f"cannot write {path}: permission denied (check the permissions of {target})")


@contextmanager
def output_errors(name: str):
    """Turn a failed write of ``name`` (full disk, closed pipe...) into one :class:`OutputError`."""
    try:
        yield
    except OSError as err:
        if name == "standard output":
            _silence_stdout()
        reason = err.strerror or type(err).__name__
        hint = "free some space, or write elsewhere" if err.errno == errno.ENOSPC else "check where the output goes"
        raise OutputError(f"cannot write {name}: {reason} ({hint})") from None


def _silence_stdout() -> None:
    """Point the broken standard output at the null device, so the exit does not fail again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)
