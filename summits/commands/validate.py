"""`summits validate [PATH]`: check a dataset file and list every problem, so a user can extend or replace it."""

import sys
from typing import Annotated, Optional

import typer

from summits.commands.options import (
    EXIT_PROBLEMS,
    Format,
    FormatOption,
    problems_table,
    reports_errors,
    say,
    state_of,
    stdout_console,
)


def register(app: typer.Typer) -> None:
    @app.command("validate")
    @reports_errors
    def validate(
        ctx: typer.Context,
        path: Annotated[
            Optional[str],
            typer.Argument(
                metavar="PATH",
                help="Dataset file (.toml or .json) to check. Default: --data, $SUMMITS_DATA or the shipped dataset.",
                show_default=False,
            ),
        ] = None,
        output: FormatOption = Format.table,
    ) -> None:
        """Check a dataset file: every problem at once (record, field, problem), then a one-line summary.

        Exit status: 0 when the file is valid, 1 when it has problems, 2 when it cannot be read or parsed.

        Examples:

          summits validate

          summits validate my-meetings.toml

          summits validate my-meetings.toml --format csv > problems.csv
        """
        from summits.dataset.build import check, load
        from summits.output import meetings as render

        resolved, problems = check(path or state_of(ctx).data_path)
        if output is Format.json:
            rows = [{"record": p.record, "field": p.field, "problem": p.message} for p in problems]
            render.write_json(sys.stdout, rows)
        elif output is Format.csv:
            render.write_csv(
                sys.stdout, ("record", "field", "problem"), ((p.record, p.field, p.message) for p in problems)
            )
        elif problems:
            stdout_console().print(problems_table(problems))
        if problems:
            records = len({_top_record(p.record) for p in problems})
            say(f"{resolved}: {_plural(len(problems), 'problem')} in {_plural(records, 'record')}", "red")
            raise typer.Exit(EXIT_PROBLEMS)
        dataset = load(resolved)
        quotes = sum(len(m.quotes) for m in dataset.meetings)
        say(
            f"{resolved}: valid: {_plural(len(dataset.meetings), 'meeting')}, {_plural(len(dataset.leaders), 'leader')}, "
            f"{_plural(len(dataset.sources), 'source')}, {_plural(quotes, 'quote')}",
            "green",
        )


def _top_record(record: str) -> str:
    """The top-level record a problem is in: "meeting x" for "meeting x dispute #1 claim #2"."""
    import re

    return re.split(r" (?:office|quote|dispute|claim) #", record)[0]


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
