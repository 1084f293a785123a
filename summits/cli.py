"""The entry point: the top-level options, the app holding the command invoked (from commands.REGISTRY), the one
boundary where errors a person can cause become a message and an exit code, and the end of the process.

Nothing here decides what a command shows: each command is a plain function in summits/commands/, adapted here
to Typer (see commands/__init__.py for what a command receives).
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import importlib
import inspect
import os
import re
import signal
import sys
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, NoReturn, Optional, Union, get_args, get_origin, get_type_hints

import typer
from typer import _click  # Typer's own Click, whose classes Typer's commands extend
from typer.core import TyperArgument, TyperCommand, TyperGroup

from summits import __version__
from summits.commands import REGISTRY
from summits.commands.options import FILTER_OPTIONS
from summits.dataset.files import DataFileError, InvalidDataset, load, no_cycle_collection, resolve_path
from summits.model import Dataset
from summits.output.formats import Format
from summits.output.terminal import as_prose, disable_pager, note_if_large, prepare_streams, sane_columns, say
from summits.query.filters import filters_from
from summits.query.names import BadValue, UnknownName, resolve_choice

# Exit codes (documented in the README).
EXIT_OK = 0
EXIT_USAGE = 2  # bad option value, unknown name or id, unreadable or invalid data file
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # the reader of our output went away (`| head`): 128 + SIGPIPE, like git

APP_SETTINGS: dict[str, Any] = {
    "name": "summits",
    "help": "Every meeting between American and Soviet or Russian leaders, 1943 to today, from a sourced dataset.",
    "invoke_without_command": True,  # a bare `summits` prints the help and ends with 0 (main_options)
    "add_completion": False,  # `summits completion SHELL` instead of --install-completion and --show-completion
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},
    "pretty_exceptions_enable": False,
}


def _remember_help(ctx: _click.Context, text: str) -> None:
    """Keep the help text for the next `summits [COMMAND] --help` (summits/help_cache.py)."""
    from summits.help_cache import remember

    remember(sys.argv[1:], "summits" if ctx.parent is None else ctx.command.name or "", text)


class _Group(TyperGroup):
    """The top-level command, whose help text is kept once made."""

    def get_help(self, ctx: _click.Context) -> str:
        text = super().get_help(ctx)
        _remember_help(ctx, text)
        return text


# ---------------------------------------------------------------- the top-level options and the run's dataset


class State:
    """Per-run settings from the top-level options; the dataset is loaded once, when first needed."""

    def __init__(self, data_path: str | None, output: Format | None = None) -> None:
        self.data_path = data_path
        self.output = output  # --format given before the command; one given after it wins
        self._dataset: Dataset | None = None

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            note_if_large(resolve_path(self.data_path))
            # The dataset has no reference cycles and lives until the command ends: once loaded, it is set aside
            # from the cyclic garbage collector, which would otherwise walk its millions of objects again.
            with no_cycle_collection():
                self._dataset = load(self.data_path)
                gc.freeze()
        return self._dataset


def _version(ctx: typer.Context, value: bool) -> None:
    """`summits 0.2.0, data as of 2026-11-30, 160 meetings`: the tool's version and the data's, to cite."""
    if not value:
        return

    try:
        dataset = load(ctx.params.get("data") or os.environ.get("SUMMITS_DATA") or None)
    except (DataFileError, InvalidDataset):
        typer.echo(f"summits {__version__} (the data file does not load: run summits validate)")
        raise typer.Exit() from None
    data_version = f", data version {dataset.version}" if dataset.version and dataset.version != __version__ else ""
    as_of = f", data as of {dataset.as_of}" if dataset.as_of else ""
    typer.echo(f"summits {__version__}{data_version}{as_of}, {len(dataset.meetings)} meetings")
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
            is_eager=True,  # read before --version, which names the data it would use
        ),
    ] = None,
    output: Annotated[
        Optional[str],
        typer.Option(
            "--format",
            "-f",
            metavar=f"[{'|'.join(f.value for f in Format)}]",
            help="Output format of the command (it can also follow the command's name).",
            autocompletion=lambda incomplete: [(f.value, "") for f in Format if f.value.startswith(incomplete)],
        ),
    ] = None,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Never page long output on a terminal.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Every meeting between American and Soviet or Russian leaders, 1943 to today, from a sourced dataset."""
    if no_pager:
        disable_pager()
    chosen = None
    if output is not None:
        try:
            chosen = Format(resolve_choice("value for --format", output, [f.value for f in Format]))
        except UnknownName as unknown:
            say(f"summits: error: {unknown_message(unknown)}", "red")
            raise typer.Exit(EXIT_USAGE) from None
    ctx.obj = State(data, chosen)
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        typer.echo(ctx.get_help())
        raise typer.Exit(EXIT_OK)


def _state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):  # a command invoked without the callback (only in unusual embedding)
        root.obj = State(None)
    return root.obj


# ---------------------------------------------------------------- the error boundary


def unknown_message(unknown: UnknownName) -> str:
    message = f"unknown {unknown.what} {unknown.given!r}"
    if unknown.suggestions:
        options = " or ".join(unknown.suggestions) if len(unknown.suggestions) <= 2 else ", ".join(unknown.suggestions)
        message += f". Did you mean {options}?"
    if unknown.choices:
        message += "\n" + as_prose(f"Valid choices: {', '.join(unknown.choices)}.")
    elif not unknown.suggestions:
        message += ". Nothing similar found."
    return message


def _reporting_errors(run: Callable[[], int | None]) -> None:
    """Run a command, turning the errors a person can cause into a one-line message and an exit code, never a
    traceback."""
    try:
        code = run()
    except UnknownName as unknown:
        say(f"summits: error: {unknown_message(unknown)}", "red")
        code = EXIT_USAGE
    except (BadValue, DataFileError) as error:
        say(f"summits: error: {error}", "red")
        code = EXIT_USAGE
    except InvalidDataset as invalid:
        from summits.output.problems import report_invalid

        report_invalid(invalid)
        code = EXIT_USAGE
    except BrokenPipeError:
        code = EXIT_BROKEN_PIPE  # the reader left; main() ends quietly
    if code:
        raise typer.Exit(code)


# ---------------------------------------------------------------- commands as Typer sees them


def typer_command(command: Callable[..., int | None]) -> Callable[..., None]:
    """The command as Typer calls it: the parameters the CLI supplies (dataset, data_path, filters) become the
    filter options or disappear, Enum options take text (so that a wrong value gets our error, not Click's), and
    errors go through the one boundary."""
    hints = get_type_hints(command, include_extras=True)
    parameters = [inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)]
    enums: dict[str, tuple[type[Enum], str]] = {}
    for parameter in inspect.signature(command).parameters.values():
        name = parameter.name
        if name in ("dataset", "data_path"):
            continue
        if name == "filters":
            parameters += FILTER_OPTIONS
            continue
        if name == "filters_all":
            parameters += [p for p in FILTER_OPTIONS if p.name not in ("calls", "everything")]
            continue
        annotation, default = hints[name], parameter.default
        enum = _enum_of(annotation)
        if enum is not None:
            info = get_args(annotation)[1]
            enums[name] = (enum, _long_name(info))
            values = [e.value for e in enum]
            info.metavar = info.metavar or f"[{'|'.join(values)}]"
            info.autocompletion = info.autocompletion or _completing(values)
            annotation = Annotated[Optional[str], info]
            default = None if enum is Format else default.value if isinstance(default, Enum) else default
        parameters.append(
            parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
        )
    wanted = inspect.signature(command).parameters
    if "dataset" in wanted or "data_path" in wanted:
        parameters.append(DATA_OPTION)
    if any(enum is Format for enum, _ in enums.values()):
        parameters.append(NO_PAGER_OPTION)

    @functools.wraps(command)
    def as_typed(ctx: typer.Context, **options: Any) -> None:
        def run() -> int | None:
            state = _state(ctx)
            data_file, no_pager = options.pop("data_file", None), options.pop("no_pager", False)
            if data_file is not None:
                state.data_path = data_file
            if no_pager:
                disable_pager()
            for name, (enum, option) in enums.items():
                if options[name] is not None:
                    choices = [e.value for e in enum]
                    options[name] = enum(resolve_choice(f"value for {option}", options[name], choices))
                elif enum is Format:  # no --format after the command: the one before it, else a table
                    options[name] = state.output or Format.table
            if "data_path" in wanted:
                options["data_path"] = state.data_path
            if "dataset" in wanted:
                options["dataset"] = state.dataset
            for name in ("filters", "filters_all"):
                if name in wanted:
                    values = {p.name: options.pop(p.name, p.default) for p in FILTER_OPTIONS}
                    values["everything"] = values["everything"] or name == "filters_all"
                    options[name] = filters_from(options["dataset"], **values)
            return command(**options)

        _reporting_errors(run)

    as_typed.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    as_typed.__annotations__ = {p.name: p.annotation for p in parameters}
    return as_typed


# Options a command takes after its name as well as before it (where main_options has them): --data for every
# command that reads a dataset, --no-pager for every command that prints a table.
DATA_OPTION = inspect.Parameter(
    "data_file",
    inspect.Parameter.KEYWORD_ONLY,
    default=None,
    annotation=Annotated[
        Optional[str],
        typer.Option("--data", metavar="PATH", help="Dataset file to use ('-' reads it from standard input)."),
    ],
)
NO_PAGER_OPTION = inspect.Parameter(
    "no_pager",
    inspect.Parameter.KEYWORD_ONLY,
    default=False,
    annotation=Annotated[bool, typer.Option("--no-pager", help="Never page long output on a terminal.")],
)


def _enum_of(annotation: Any) -> type[Enum] | None:
    """The Enum an option's annotation holds (Annotated[E, ...] or Annotated[Optional[E], ...]), if any."""
    if get_origin(annotation) is not Annotated:
        return None
    inner = get_args(annotation)[0]
    if get_origin(inner) is Union:
        inner = next(a for a in get_args(inner) if a is not type(None))
    return inner if isinstance(inner, type) and issubclass(inner, Enum) else None


def _long_name(info: Any) -> str:
    declared = [info.default, *(info.param_decls or ())]
    return next((d for d in declared if isinstance(d, str) and d.startswith("--")), info.metavar or "the argument")


def _completing(values: list[str]) -> Callable[[str], list[tuple[str, str]]]:
    def complete(incomplete: str) -> list[tuple[str, str]]:
        return [(v, "") for v in values if v.startswith(incomplete or "")]

    return complete


# ---------------------------------------------------------------- the app


def _new_app() -> typer.Typer:
    """An app with the top-level options and no commands yet."""
    app = typer.Typer(cls=_Group, **APP_SETTINGS)
    app.callback()(main_options)
    return app


_SENTENCE_END = re.compile(r"(?<=[a-z]{2}\.)\s+(?=[A-Z])")


class _Command(TyperCommand):
    """A command whose usage line shows each argument as people write it (`ID`, `[NAME]`, `WORDS...`), not as
    Typer does (`{ID}`, `{WORDS}`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                shown = (param.metavar or (param.name or "").upper()) + ("..." if param.nargs != 1 else "")
                shown = shown if param.required else f"[{shown}]"
                setattr(param, "get_usage_pieces", lambda ctx, shown=shown: [shown])  # noqa: B010

    def get_help(self, ctx: _click.Context) -> str:
        text = super().get_help(ctx)
        _remember_help(ctx, text)
        return text


def _add(app: typer.Typer, name: str) -> None:
    module = importlib.import_module(f"summits.commands.{name}")
    # The summary in `summits --help` is the docstring's first paragraph, whole: Click would cut it to fit.
    summary = " ".join(inspect.cleandoc(module.command.__doc__ or "").split("\n\n")[0].split())
    summary = _SENTENCE_END.split(summary)[0]  # its first sentence (not cut at "U.S.")
    app.command(name, short_help=summary, cls=_Command)(typer_command(module.command))


_whole_app: typer.Typer | None = None


def whole_app() -> typer.Typer:
    """The app with every command, in the order of commands.REGISTRY (which --help follows)."""
    global _whole_app
    if _whole_app is None:
        from typer._completion_classes import completion_init

        completion_init()  # the shells whose scripts `summits completion` prints, for completion to answer them
        _whole_app = _new_app()
        for name in REGISTRY:
            _add(_whole_app, name)
    return _whole_app


def __getattr__(name: str) -> typer.Typer:
    """`summits.cli.app` is the whole app, built on first use."""
    if name == "app":
        return whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _invoked_command(args: list[str]) -> str | None:
    """The command named on the command line, skipping the top-level options (and the values of --data and
    --format)."""
    expects_value = False
    for arg in args:
        if expects_value:
            expects_value = False
        elif arg in ("--data", "--format", "-f"):
            expects_value = True
        elif not arg.startswith("-"):
            return arg
    return None


def app_for(args: list[str]) -> typer.Typer:
    """The app to run for these arguments. Typer turns every registered command into a Click command on each run
    (about 1.5 ms a command), so a run of one command gets an app holding that command alone, which answers exactly
    as the whole app would, and imports that command's module alone. Help, completion and unknown commands get the
    whole app."""
    name = _invoked_command(args)
    if "_SUMMITS_COMPLETE" in os.environ or name not in REGISTRY:
        return whole_app()  # whose "No such command" names the commands there are
    single = _new_app()
    _add(single, name)
    return single


# ---------------------------------------------------------------- the end of the process


def _end_on_broken_pipe() -> None:
    # The reader left (`summits list | head -1`). Point stdout at /dev/null so that the interpreter's final flush
    # of whatever is still buffered cannot fail again and print "Exception ignored".
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, stream.fileno())
    os.close(devnull)


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM (and SIGHUP) end the run as SIGINT does: by an exception, so that every temporary file an export
    or the cache is writing is removed on the way out."""
    raise SystemExit(128 + signum)


def main() -> None:
    """Console-script entry point: runs the app, then ends with the documented exit code, quietly on a closed pipe;
    a failed write to standard output (a full disk, a closed or read-only stdout) ends with a message."""
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
        say("summits: interrupted", after_data=False)
        code = EXIT_INTERRUPTED
    except OSError as error:  # writing the output failed: nothing else in a run lets an OSError through
        say(f"summits: error: cannot write to standard output: {error.strerror or error}", "red", after_data=False)
        code = EXIT_USAGE
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
    sane_columns()
    prepare_streams()
    for number in (signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(ValueError, OSError):
            signal.signal(number, _terminated)
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
