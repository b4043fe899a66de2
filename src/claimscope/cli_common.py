"""What every ``claimscope`` command group shares: expected failures as one clear line.

Expected failures (bad input, unsafe URL, unreadable store...) print
``error[CODE]: message`` and exit non-zero; an unexpected exception (a bug) prints one
line too, unless ``--debug`` asked for its traceback.
"""

from __future__ import annotations

import click

from .errors import ClaimscopeError

INTERNAL_ERROR_EXIT = 70


class ErrorHandlingGroup(click.Group):
    """A click group that turns failures into one line and a non-zero exit."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ClaimscopeError as err:
            click.echo(f"error[{err.code}]: {err.message}", err=True)
            ctx.exit(err.exit_code)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as err:  # a bug, not bad input: say so without a traceback
            if (ctx.find_root().obj or {}).get("debug"):
                raise
            click.echo(
                f"internal error: {type(err).__name__}: {err} (rerun with --debug for the "
                "traceback, and please report it)",
                err=True,
            )
            ctx.exit(INTERNAL_ERROR_EXIT)
