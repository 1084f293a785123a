"""The terminal: one console for data (stdout) and one for messages (stderr), both ending quietly on a closed pipe."""

from __future__ import annotations

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


def stderr_console() -> Console:
    # Messages can meet a closed pipe too (`summits list 2>&1 | head -1`): end the same quiet way.
    return _DataConsole(stderr=True, highlight=False, soft_wrap=True)


def say(message: str, style: str = "") -> None:
    """A message for the person at the terminal: always on stderr, never mixed with data."""
    stderr_console().print(Text(escape_controls(message, keep_newlines=True), style=style))
