"""The command-line app: the top-level options, the core commands (list, count, quote, show), and the entry point
that runs one command and ends with its exit code. No business rules here; what commands share is in cli_shared."""

from __future__ import annotations

import atexit
import contextlib
import importlib
import os
import sys
from collections.abc import Callable
from typing import Annotated, Any, NoReturn, Optional

import typer

from summits import __version__, completion
from summits.commands import COMMAND_MODULES, register_all
from summits.commands.options import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    CallsOption,
    CountryOption,
    Format,
    FormatOption,
    FromOption,
    KindOption,
    LeaderOption,
    State,
    ToOption,
    TopicOption,
    build_filters,
    note_hidden_calls,
    print_meetings,
    reports_errors,
    say,
    state_of,
    stdout_console,
)
from summits.output import meetings as render
from summits.query import filters as query

APP_SETTINGS: dict[str, Any] = {
    "name": "summits",
    "help": "Every meeting between American and Soviet or Russian leaders, 1943 to today, from a sourced dataset.",
    "no_args_is_help": True,
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},
    "pretty_exceptions_enable": False,
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summits {__version__}")
        raise typer.Exit()


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


def _new_app() -> typer.Typer:
    """An app with the top-level options and no commands yet."""
    app = typer.Typer(**APP_SETTINGS)
    app.callback()(main_options)
    return app


# The core commands register here as the module loads; the others join when the whole app is first asked for
# (whole_app(), or summits.cli.app), which a run of a single command never does.
_app = _new_app()
_others_registered = False


# ---------------------------------------------------------------- commands


@_app.command("list")
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


@_app.command("count")
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


@_app.command("quote")
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


@_app.command("show")
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
    (about 1.5 ms a command), so a run of one command gets an app holding that command alone, which answers exactly
    as the whole app would. Help, completion and unknown commands get the whole app."""
    name = _invoked_command(args)
    if "_SUMMITS_COMPLETE" in os.environ or name is None:
        return whole_app()
    single = _new_app()
    if name in CORE_COMMANDS:
        single.command(name)(CORE_COMMANDS[name])
    elif name in COMMAND_MODULES:
        importlib.import_module(f"summits.commands.{name}").register(single)
    else:
        return whole_app()  # whose "No such command" names the commands there are
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
    code: int | str | None = EXIT_OK
    try:
        main()
    except SystemExit as end:  # main() always ends this way
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


def whole_app() -> typer.Typer:
    """The app with every command: the core four, then those of summits.commands, in the order --help lists them."""
    global _others_registered
    if not _others_registered:
        register_all(_app)
        _others_registered = True
    return _app


def __getattr__(name: str) -> typer.Typer:
    """`summits.cli.app` is the whole app, built on first use."""
    if name == "app":
        return whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
