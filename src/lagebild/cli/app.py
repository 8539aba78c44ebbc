"""The root ``lagebild`` command group and the shared error handling of all commands."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..errors import LagebildError

F = TypeVar("F", bound=Callable[..., Any])


def fail(error: LagebildError) -> None:
    """Print the error as one line on stderr and exit with its code."""
    click.echo(f"lagebild: error {error.one_line()}", err=True)
    sys.exit(error.exit_code)


def reports_errors(func: F) -> F:
    """Turn a :class:`LagebildError` raised by a command into one stderr line and its exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except LagebildError as error:
            fail(error)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lagebild")
def main() -> None:
    """lagebild: German news to a situation picture (events, actors, dates, places)."""
