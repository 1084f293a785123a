"""`summits validate [PATH]`: check a dataset file and list every problem, so a user can extend or replace it."""

from __future__ import annotations

import re
from typing import Annotated, Optional

import typer

from summits.commands.options import FormatOption
from summits.dataset.files import examine, resolve_path
from summits.output.formats import Format, emit
from summits.output.problems import problems_view
from summits.output.terminal import note_if_large, say
from summits.output.text import plural

EXIT_PROBLEMS = 1  # the file has problems (the README's exit codes)


def command(
    data_path: Optional[str],
    path: Annotated[
        Optional[str],
        typer.Argument(
            metavar="PATH",
            help="Dataset file (.toml or .json) to check. Default: --data, $SUMMITS_DATA or the shipped dataset.",
            show_default=False,
        ),
    ] = None,
    output: FormatOption = Format.table,
) -> int | None:
    """Check a dataset file: every problem at once (record, field, problem), then a one-line summary.

    Exit status: 0 when the file is valid, 1 when it has problems, 2 when it cannot be read or parsed.

    Examples:

      summits validate

      summits validate my-meetings.toml

      summits validate my-meetings.toml --format csv > problems.csv
    """
    note_if_large(resolve_path(path or data_path))
    resolved, dataset, problems = examine(path or data_path)
    emit(problems_view(problems), output)
    if problems:
        records = len({_top_record(p.record) for p in problems})
        say(f"{resolved}: {plural(len(problems), 'problem')} in {plural(records, 'record')}", "red")
        return EXIT_PROBLEMS
    assert dataset is not None  # a file without problems always builds
    quotes = sum(len(m.quotes) for m in dataset.meetings)
    counts = [(len(dataset.meetings), "meeting"), (len(dataset.leaders), "leader"), (len(dataset.sources), "source")]
    say(f"{resolved}: valid: {', '.join(plural(n, noun) for n, noun in [*counts, (quotes, 'quote')])}", "green")
    return None


def _top_record(record: str) -> str:
    """The top-level record a problem is in: "meeting x" for "meeting x dispute #1 claim #2"."""
    return re.split(r" (?:office|quote|dispute|claim) #", record)[0]
