"""The terminal: one console for data (stdout) and one for messages (stderr), both ending quietly on a closed pipe."""

from __future__ import annotations

import os
import sys

from rich.console import Console
from rich.text import Text

from summits.output.text import escape_controls


class _DataConsole(Console):
    def on_broken_pipe(self) -> None:
        # Rich's default ends the program with exit 1; let the closed pipe reach main(), which ends with 141.
        self.quiet = True
        raise BrokenPipeError


def stdout_console() -> Console:
    return _DataConsole(highlight=False, soft_wrap=False)


def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal, where tables are laid out for people; $SUMMITS_FORCE_TTY set to
    anything but an empty string says it is one (as GH_FORCE_TTY does for gh), for tests and for `script`."""
    if os.environ.get("SUMMITS_FORCE_TTY"):
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


_pager_allowed = True


def disable_pager() -> None:
    """--no-pager: long output on a terminal is written straight to it."""
    global _pager_allowed
    _pager_allowed = False


def pager_allowed() -> bool:
    return _pager_allowed


def stderr_console() -> Console:
    # Messages can meet a closed pipe too (`summits list 2>&1 | head -1`): end the same quiet way.
    return _DataConsole(stderr=True, highlight=False, soft_wrap=True)


def as_prose(text: str) -> str:
    """Text wrapped at spaces to the width of the terminal that shows messages (a long list of choices), so that
    the terminal never breaks a line inside a word."""
    import textwrap

    return textwrap.fill(text, width=max(40, stderr_console().width), break_long_words=False, break_on_hyphens=False)


def say(message: str, style: str = "") -> None:
    """A message for the person at the terminal: always on stderr, never mixed with data."""
    stderr_console().print(Text(escape_controls(message, keep_newlines=True), style=style))
