"""What every command shares: exit codes, output streams and messages, errors turned into exit codes, the
per-run state that loads the dataset once, and the options several commands take.

The commands themselves live in summits.cli (the core four) and summits.commands (one module each); all of them
import from here, and nothing here imports them.
"""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, Optional, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from summits import completion
from summits.dataset.build import DataFileError, InvalidDataset, Problem, load, resolve_path
from summits.model import Dataset, Meeting
from summits.output import meetings as render
from summits.query import filters as query

# Exit codes (documented in the README).
EXIT_OK = 0
EXIT_PROBLEMS = 1  # `validate` found problems in a dataset
EXIT_USAGE = 2  # bad option, unknown name or id, unreadable or invalid data file
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # the reader of our output went away (`| head`): 128 + SIGPIPE, like git

F = TypeVar("F", bound=Callable[..., Any])


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class UserError(Exception):
    """A problem to report in one line, with the exit code to end on."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


# ---------------------------------------------------------------- output helpers


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
    stderr_console().print(Text(render.escape_controls(message, keep_newlines=True), style=style))


def problems_table(problems: list[Problem]) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_edge=False)
    table.add_column("Record", overflow="fold")
    table.add_column("Field", overflow="fold")
    table.add_column("Problem", overflow="fold", ratio=1)
    for p in problems:
        table.add_row(render.plain(p.record), render.plain(p.field), render.plain(p.message))
    return table


def unknown_message(unknown: query.UnknownName) -> str:
    message = f"unknown {unknown.what} {unknown.given!r}"
    if unknown.suggestions:
        options = " or ".join(unknown.suggestions) if len(unknown.suggestions) <= 2 else ", ".join(unknown.suggestions)
        message += f". Did you mean {options}?"
    if unknown.choices:
        message += f"\nValid choices: {', '.join(unknown.choices)}."
    elif not unknown.suggestions:
        message += ". Nothing similar found."
    return message


# A hand-edited file has a handful of problems; a generated one can have thousands, and a table of them all
# would take minutes to lay out before anything appeared.
PROBLEMS_SHOWN = 200


def reports_errors(command: F) -> F:
    """Turn the errors a user can cause into a one-line message and an exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except UserError as error:
            say(f"summits: error: {error}", "red")
            raise typer.Exit(error.code) from None
        except query.UnknownName as unknown:
            say(f"summits: error: {unknown_message(unknown)}", "red")
            raise typer.Exit(EXIT_USAGE) from None
        except DataFileError as error:
            say(f"summits: error: {error}", "red")
            raise typer.Exit(EXIT_USAGE) from None
        except BrokenPipeError:
            raise typer.Exit(EXIT_BROKEN_PIPE) from None  # the reader left; main() ends quietly
        except InvalidDataset as invalid:
            say(f"summits: error: {invalid.path} is not a valid dataset ({len(invalid.problems)} problem(s)):", "red")
            stderr_console().print(problems_table(invalid.problems[:PROBLEMS_SHOWN]))
            if len(invalid.problems) > PROBLEMS_SHOWN:
                say(f"... and {len(invalid.problems) - PROBLEMS_SHOWN} more, not shown here.")
            say("Fix these in the file (see the README's 'The data file'), or check it with: summits validate PATH")
            raise typer.Exit(EXIT_USAGE) from None

    return wrapper  # type: ignore[return-value]


# ---------------------------------------------------------------- shared state and options


class State:
    """Per-invocation settings from the top-level options; the dataset is loaded once, when first needed."""

    def __init__(self, data_path: str | None) -> None:
        self.data_path = data_path
        self._dataset: Dataset | None = None

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            _note_if_large(self.data_path)
            self._dataset = _load_for_the_run(self.data_path)
        return self._dataset


def _load_for_the_run(data_path: str | None) -> Dataset:
    """Load the dataset, then set it aside from the cyclic garbage collector: it has no reference cycles and lives
    until the command ends, and with a large file the collector would otherwise walk its millions of objects once
    after loading and again at exit, for longer than the command itself takes."""
    enabled = gc.isenabled()
    gc.disable()  # (load() turns it off too; off here as well, so that nothing runs between loading and freezing)
    try:
        dataset = load(data_path)
        gc.freeze()
    finally:
        if enabled:
            gc.enable()
    return dataset


LARGE_FILE = 5_000_000  # bytes; the shipped dataset is well under 1 MB and loads in a blink


def _note_if_large(data_path: str | None) -> None:
    """Say so before reading a very large file, so that a long load never looks like a hang."""
    path = resolve_path(data_path)
    try:
        size = path.stat().st_size if path.is_file() else 0
    except OSError:
        return  # load() reports why the file cannot be read
    if size > LARGE_FILE:
        say(f"summits: reading {path} ({size / 1_000_000:.0f} MB); a file this large takes a while to check.", "dim")


def state_of(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    if not isinstance(obj, State):  # commands invoked without the callback (only in unusual embedding)
        obj = State(None)
        ctx.find_root().obj = obj
    return obj


LeaderOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--leader",
        "-l",
        metavar="NAME",
        help="Leader by name, surname, alias or id (repeat for meetings with both).",
        autocompletion=completion.complete_leader,
    ),
]
FromOption = Annotated[
    Optional[str], typer.Option("--from", metavar="YEAR", help="From this year or date (inclusive).")
]
ToOption = Annotated[Optional[str], typer.Option("--to", metavar="YEAR", help="Up to this year or date (inclusive).")]
CountryOption = Annotated[Optional[str], typer.Option("--country", metavar="NAME", help="Where it was held.")]
KindOption = Annotated[
    Optional[str],
    typer.Option(
        "--kind",
        metavar="KIND",
        help="summit, visit, conference, sidelines, informal, phone, video, ministerial.",
        autocompletion=completion.complete_kind,
    ),
]
TopicOption = Annotated[
    Optional[str], typer.Option("--topic", metavar="TEXT", help="Topic (part of a word is enough).")
]
CallsOption = Annotated[bool, typer.Option("--calls", help="Include phone and video calls (left out by default).")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]


def build_filters(
    dataset: Dataset,
    leaders: list[str] | None,
    start: str | None,
    end: str | None,
    country: str | None,
    kind: str | None,
    topic: str | None,
    calls: bool,
) -> query.Filters:
    first = _bound(start, "--from", upper=False)
    last = _bound(end, "--to", upper=True)
    if first and last and first > last:
        raise typer.BadParameter(f"--from {start} is after --to {end}; swap them or widen the range.")
    return query.Filters(
        leaders=tuple(query.resolve_leader(dataset, name) for name in leaders or ()),
        start=first,
        end=last,
        country=query.resolve_country(dataset, country) if country else None,
        kind=query.resolve_kind(kind) if kind else None,
        topic=topic,
        include_calls=calls,
    )


def _bound(text: str | None, option: str, *, upper: bool) -> Any:
    if text is None:
        return None
    try:
        return query.parse_bound(text, upper=upper)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint=f"'{option}'") from None


def note_hidden_calls(dataset: Dataset, filters: query.Filters) -> None:
    hidden = query.hidden_calls(dataset, filters)
    if hidden:
        plural = "call matches" if hidden == 1 else "calls match"
        say(f"note: {hidden} phone/video {plural} too; add --calls to include them.", "dim")


def print_meetings(meetings: list[Meeting], output: Format) -> None:
    if output is Format.json:
        render.write_json(sys.stdout, [render.meeting_data(m) for m in meetings])
    elif output is Format.csv:
        render.write_csv(sys.stdout, render.MEETING_CSV_HEADER, (render.meeting_csv_row(m) for m in meetings))
    elif meetings:
        console = stdout_console()
        console.print(render.meetings_table(meetings, console.width))
    if not meetings:
        say("No meetings match.")
