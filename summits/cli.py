"""The command-line interface: options in, calls to dataset/query/render, exit codes out. No business rules here."""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import os
import sys
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, NoReturn, Optional, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from summits import __version__, completion, query, render
from summits.dataset import DataFileError, InvalidDataset, Problem, load, resolve_path
from summits.model import Dataset, Meeting

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


APP_SETTINGS: dict[str, Any] = {
    "name": "summits",
    "help": "Every meeting between American and Soviet or Russian leaders, 1943 to today, from a sourced dataset.",
    "no_args_is_help": True,
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},
    "pretty_exceptions_enable": False,
}
app = typer.Typer(**APP_SETTINGS)


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

    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summits {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        Optional[str],
        typer.Option(
            "--data",
            metavar="PATH",
            envvar="SUMMITS_DATA",
            help="Dataset file to use instead of the one shipped with summits.",
            show_envvar=True,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Every meeting between American and Soviet or Russian leaders, 1943 to today, from a sourced dataset."""
    ctx.obj = State(data)


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


# ---------------------------------------------------------------- commands


@app.command("list")
@reports_errors
def list_meetings(
    ctx: typer.Context,
    leader: LeaderOption = None,
    start: FromOption = None,
    end: ToOption = None,
    country: CountryOption = None,
    kind: KindOption = None,
    topic: TopicOption = None,
    calls: CallsOption = False,
    output: FormatOption = Format.table,
) -> None:
    """List meetings in chronological order.

    Examples:

      summits list --leader Bush

      summits list --leader Reagan --leader Gorbachev --format json

      summits list --from 1985 --to 1991 --kind summit
    """
    dataset = state_of(ctx).dataset
    filters = build_filters(dataset, leader, start, end, country, kind, topic, calls)
    print_meetings(query.select(dataset, filters), output)
    note_hidden_calls(dataset, filters)


@app.command("count")
@reports_errors
def count_meetings(
    ctx: typer.Context,
    by: Annotated[
        str,
        typer.Option(
            "--by",
            "-b",
            metavar="GROUPING",
            help=f"One of: {', '.join(query.GROUPINGS)}.",
            autocompletion=completion.complete_grouping,
        ),
    ] = "president",
    leader: LeaderOption = None,
    start: FromOption = None,
    end: ToOption = None,
    country: CountryOption = None,
    kind: KindOption = None,
    topic: TopicOption = None,
    calls: CallsOption = False,
    output: FormatOption = Format.table,
) -> None:
    """Count meetings by president, counterpart, pair, year, decade, country or kind.

    Where a source reports a total (for example "Bush and Putin met 28 times"), the pair row shows it beside the
    number of meetings listed here.

    Examples:

      summits count --by president

      summits count --by pair --from 2001

      summits count --by decade --kind summit
    """
    dataset = state_of(ctx).dataset
    grouping = query.resolve_grouping(by)
    filters = build_filters(dataset, leader, start, end, country, kind, topic, calls)
    rows = query.count(dataset, query.select(dataset, filters), grouping, filters)
    if output is Format.json:
        render.write_json(sys.stdout, [render.count_data(r) for r in rows])
    elif output is Format.csv:
        render.write_csv(sys.stdout, ("key", "count", "reported"), ((r.key, r.count, r.reported) for r in rows))
    elif rows:
        stdout_console().print(render.count_table(rows, grouping))
    if not rows:
        say("No meetings match.")
    note_hidden_calls(dataset, filters)


@app.command("quote")
@reports_errors
def quote(
    ctx: typer.Context,
    meeting_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="Meeting id, e.g. helsinki-2018.", autocompletion=completion.complete_meeting_id
        ),
    ],
    speaker: Annotated[
        Optional[str],
        typer.Option(
            "--speaker",
            "-s",
            metavar="NAME",
            help="Only this speaker's words.",
            autocompletion=completion.complete_speaker,
        ),
    ] = None,
    output: FormatOption = Format.table,
) -> None:
    """Quotes from one meeting, each with speaker, context and source.

    Examples:

      summits quote helsinki-2018

      summits quote helsinki-2018 --speaker Putin

      summits quote vienna-1961 --format json
    """
    dataset = state_of(ctx).dataset
    meeting = query.resolve_meeting(dataset, meeting_id)
    quotes = query.quotes_of(dataset, meeting, speaker)
    if output is Format.json:
        render.write_json(sys.stdout, [render.quote_data(dataset, meeting, q) for q in quotes])
    elif output is Format.csv:
        header = ("meeting", "speaker", "speaker_id", "speaker_role", "text", "context", "source")
        rows = (list(render.quote_data(dataset, meeting, q).values()) for q in quotes)
        render.write_csv(sys.stdout, header, rows)
    elif quotes:
        console = stdout_console()
        console.print(render.quotes_view(dataset, meeting, quotes, console.width))
    if not quotes:
        who = f" from {speaker}" if speaker else ""
        say(f"No quotes{who} are recorded for {meeting.id}.")


@app.command("show")
@reports_errors
def show(
    ctx: typer.Context,
    meeting_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="Meeting id, e.g. helsinki-2018.", autocompletion=completion.complete_meeting_id
        ),
    ],
    output: FormatOption = Format.table,
) -> None:
    """Everything about one meeting: participants and roles, place, summary, quotes, sources, disagreements.

    Examples:

      summits show helsinki-2018

      summits show reykjavik-1986 --format json
    """
    dataset = state_of(ctx).dataset
    meeting = query.resolve_meeting(dataset, meeting_id)
    if output is Format.json:
        render.write_json(sys.stdout, render.meeting_detail_data(dataset, meeting))
    elif output is Format.csv:
        render.write_csv(sys.stdout, render.MEETING_CSV_HEADER, [render.meeting_csv_row(meeting)])
    else:
        console = stdout_console()
        console.print(render.meeting_panel(dataset, meeting, console.width))


# ---------------------------------------------------------------- entry point


def _end_on_broken_pipe() -> None:
    # The reader left (`summits list | head -1`). Point stdout at /dev/null so that the interpreter's final flush
    # of whatever is still buffered cannot fail again and print "Exception ignored".
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, stream.fileno())
    os.close(devnull)


CORE_COMMANDS: dict[str, Callable[..., Any]] = {
    "list": list_meetings,
    "count": count_meetings,
    "quote": quote,
    "show": show,
}


def _invoked_command(args: list[str]) -> str | None:
    """The command named on the command line, skipping the top-level options (and --data's value)."""
    expects_value = False
    for arg in args:
        if expects_value:
            expects_value = False
        elif arg == "--data":
            expects_value = True
        elif not arg.startswith("-"):
            return arg
    return None


def app_for(args: list[str]) -> typer.Typer:
    """The app to run for these arguments. Typer turns every registered command into a Click command on each run
    (about 1.5 ms a command), so a run of one of the core commands gets an app holding that command alone, which
    answers exactly as the whole app would. Help, completion and every other command get the whole app."""
    name = _invoked_command(args)
    if name not in CORE_COMMANDS or "_SUMMITS_COMPLETE" in os.environ:
        return app
    single = typer.Typer(**APP_SETTINGS)
    single.callback()(main_options)
    single.command(name)(CORE_COMMANDS[name])
    return single


def main() -> None:
    """Console-script entry point: runs the app, then ends with the documented exit code, quietly on a closed pipe."""
    code: int | str | None = EXIT_OK
    try:
        try:
            app_for(sys.argv[1:])()
        except SystemExit as end:  # Click ends every run with SystemExit, even a successful one
            code = end.code
        # Flush here, where a closed pipe can still be handled, rather than at interpreter exit.
        sys.stdout.flush()
    except BrokenPipeError:
        code = EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        say("summits: interrupted")
        code = EXIT_INTERRUPTED
    if code == 1 and _click_saw_broken_pipe():
        code = EXIT_BROKEN_PIPE
    if code == EXIT_BROKEN_PIPE:
        _end_on_broken_pipe()
    sys.exit(code)


def run() -> NoReturn:
    """The console script and `python -m summits`: main(), then end the process without the interpreter's teardown.

    Once a command has written its output, all the interpreter has left to do is free, one at a time, every
    object of every module it imported (Typer brings in pydantic) and of the dataset: about 25 ms on the shipped
    dataset, a tenth of the run, and seconds with a large file. The operating system reclaims the process at once
    anyway. So, with the output flushed and any exit handlers run, the process ends with os._exit. Code that
    imports summits calls main(), which ends with SystemExit as usual."""
    try:
        main()
        code: int | str | None = EXIT_OK
    except SystemExit as end:
        code = end.code
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = EXIT_BROKEN_PIPE
        _end_on_broken_pipe()
    except (OSError, ValueError):  # a stream closed or gone: nothing more can be written
        pass
    if isinstance(code, str):  # sys.exit("message") prints the message and ends with 1
        with contextlib.suppress(OSError, ValueError):
            print(code, file=sys.stderr, flush=True)
        code = 1
    atexit._run_exitfuncs()
    os._exit(code or EXIT_OK)


def _click_saw_broken_pipe() -> bool:
    """Click reports a closed pipe during output it writes itself (help, --version) as exit 1, after wrapping
    stdout so that later flushes are silent; that wrapper is the only sign that the pipe was the cause. (Matched
    by name: Typer ships its own copy of Click in some versions and uses Click itself in others.)"""
    return type(sys.stdout).__name__ == "PacifyFlushWrapper"


def _register_more_commands() -> None:
    from summits.commands import register_all

    register_all(app)


_register_more_commands()
