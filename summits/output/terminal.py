"""The terminal: one console for data (stdout) and one for messages (stderr), both ending quietly on a closed pipe."""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import Console

from summits.output.text import escape_controls


@functools.cache
def _data_console() -> type[Console]:
    """The Console class of summits' consoles; made on first use, as Rich is imported only to draw or to say."""
    from rich.console import Console

    class DataConsole(Console):
        def on_broken_pipe(self) -> None:
            # Rich's default ends the program with exit 1; let the closed pipe reach main(), which ends with 141.
            self.quiet = True
            raise BrokenPipeError

    return DataConsole


def stdout_console() -> Console:
    return _data_console()(highlight=False, soft_wrap=False)


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


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):  # closed or missing: not a terminal
        return False


def stderr_console() -> Console:
    # Messages can meet a closed pipe too (`summits list 2>&1 | head -1`): end the same quiet way.
    # On a terminal a long message is wrapped at spaces, never inside a word (or inside an option such as
    # --contact); into a file or a pipe it stays one line, for grep.
    return _data_console()(stderr=True, highlight=False, soft_wrap=not _isatty(sys.stderr))


def as_prose(text: str) -> str:
    """Text wrapped at spaces to the width of the terminal that shows messages (a long list of choices), so that
    the terminal never breaks a line inside a word."""
    import textwrap

    return textwrap.fill(text, width=max(40, stderr_console().width), break_long_words=False, break_on_hyphens=False)


def say(message: str, style: str = "", *, after_data: bool = True) -> None:
    """A message for the person at the terminal: always on stderr, never mixed with data. A stderr that cannot
    be written (full, gone) loses the message and nothing else: the exit code stays what it would have been.

    The data written so far goes out first (after_data), so that on a terminal a note follows the table it is
    about, and a stdout that cannot take it is found here, whatever the size of its buffer: a reader that has
    gone (`| head -1`) ends the run quietly with 141, a full disk with its error, not after a note about output
    nobody will read. Those errors are raised. The messages that report such an error pass after_data=False."""
    if after_data:
        with contextlib.suppress(ValueError, AttributeError):  # stdout closed or replaced: nothing to flush
            sys.stdout.flush()
    text = escape_controls(message, keep_newlines=True)
    try:
        if _messages_are_plain():
            # What Rich would write here (no colour, no wrapping), without importing Rich for one line.
            sys.stderr.write(f"{text}\n")
            sys.stderr.flush()
        else:
            from rich.text import Text

            stderr_console().print(Text(text, style=style))
    except BrokenPipeError:
        raise
    except OSError:
        pass


def _messages_are_plain() -> bool:
    """Whether Rich would write a message to stderr as plain text, neither coloured nor wrapped: stderr is not a
    TTY (on a TTY messages are wrapped, whatever Rich decides about colour), and Rich does not take it for a
    terminal (TTY_COMPATIBLE=1 or a non-empty FORCE_COLOR would make it one)."""
    if os.environ.get("TTY_COMPATIBLE", "") == "1" or os.environ.get("FORCE_COLOR"):
        return False
    return not _isatty(sys.stderr)


LARGE_FILE = 5_000_000  # bytes; the shipped dataset is well under 1 MB and loads in a blink


def note_if_large(path: Path) -> None:
    """Say so before reading a very large file, so that a long load never looks like a hang."""
    try:
        size = path.stat().st_size if path.is_file() else 0
    except OSError:
        return  # loading reports why the file cannot be read
    if size > LARGE_FILE:
        say(f"summits: reading {path} ({size / 1_000_000:.0f} MB); a file this large takes a while to check.", "dim")


# COLUMNS outside this range is not a terminal's width (0, negative, not a number, larger than any screen):
# Rich and Click would print nothing, or fail; summits uses the terminal's real width, or a clamp, instead.
MIN_COLUMNS = 20
MAX_COLUMNS = 1000


class ClosedOutput(io.TextIOBase):
    """Standard output that was closed (`summits list >&-`) or opened read-only: every write fails with a clear
    reason, so that the command reports the loss instead of succeeding silently. A command that writes nothing
    there (validate, export to a file) is unaffected."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, self.reason)

    def isatty(self) -> bool:
        return False


def _usable(fd: int) -> str | None:
    """Why fd cannot be written to (closed, read-only), or None when it can."""
    import fcntl

    try:
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    except OSError:
        return "it is closed"
    if flags & os.O_ACCMODE == os.O_RDONLY:
        return "it is open for reading only"
    return None


def _hold(fd: int) -> None:
    """Keep a closed standard descriptor taken (by /dev/null), so that no file summits opens becomes fd 1 or 2."""
    try:
        os.fstat(fd)
    except OSError:
        held = os.open(os.devnull, os.O_RDWR)
        if held != fd:
            os.dup2(held, fd)
            os.close(held)


def prepare_streams() -> None:
    """Make the standard streams safe to use whatever the process was given: a closed or read-only stdout fails
    every write with a clear reason; a closed or read-only stderr discards messages (there is nowhere to say
    them) without changing the exit code; an encoding other than UTF-8 writes what it cannot represent as
    backslash escapes instead of failing."""
    for fd in (0, 1, 2):
        _hold(fd)
    why = _usable(1)
    if why is not None or sys.stdout is None:
        sys.stdout = ClosedOutput(why or "it is closed")
    if _usable(2) is not None or sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def sane_columns() -> None:
    """COLUMNS as Rich and Click can use it: unset when it is not a positive number, clamped when it is one
    outside the widths a terminal has."""
    value = os.environ.get("COLUMNS")
    if value is None:
        return
    text = value.strip()
    if not text.isascii() or not text.isdigit() or int(text) <= 0:
        del os.environ["COLUMNS"]
        return
    os.environ["COLUMNS"] = str(min(max(int(text), MIN_COLUMNS), MAX_COLUMNS))


def utf8_output() -> bool:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("_", "-")
    return encoding in ("utf-8", "utf8")
