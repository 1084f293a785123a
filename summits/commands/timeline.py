"""`summits timeline`: meetings per decade or year as a bar chart in the terminal, by U.S. president or kind."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from summits.commands.options import FormatOption
from summits.model import Dataset
from summits.output.formats import Format, emit
from summits.output.terminal import say, stdout_console
from summits.output.text import left_out_note
from summits.output.timeline import timeline_view
from summits.query.filters import Filters, select
from summits.query.names import BadValue
from summits.query.timeline import ColourBy, Per, bin_meetings


def command(
    dataset: Dataset,
    *,
    per: Annotated[Per, typer.Option("--per", "-p", help="One row per decade, or per year.")] = Per.decade,
    colour_by: Annotated[
        ColourBy,
        typer.Option("--colour-by", "--color-by", "-c", help="Split each bar by U.S. president or by kind."),
    ] = ColourBy.president,
    filters: Filters,
    save_to: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Save the chart as the terminal shows it, in colour: FILE.svg (a picture), .html or .txt.",
        ),
    ] = None,
    output: FormatOption = Format.table,
) -> None:
    """Meetings per decade or per year as a bar chart, each bar split by U.S. president (or by kind).

    Decades are the default: the whole record fits on one screen. Use --per year with --from/--to to zoom in.
    Without colour (NO_COLOR, or output to a file or pipe) each president or kind has its own fill character.

    Examples:

      summits timeline

      summits timeline --per year --from 1985 --to 1991 --colour-by kind

      summits timeline --leader Putin --calls --format csv

      summits timeline --output timeline.svg
    """
    selection = select(dataset, filters)
    chart = bin_meetings(selection.meetings, per.value, colour_by.value)
    view = timeline_view(chart)
    note = left_out_note(selection.left_out)
    if save_to is None:
        emit(view, output, note)
        return
    if output is not Format.table:
        raise BadValue("--output saves the chart as the terminal shows it; leave out --format, or write to stdout.")
    from summits.output.pictures import save

    save(view, save_to, stdout_console().width, title="summits timeline")
    say(f"Wrote the timeline to {save_to}.")
    if note:
        say(note, "dim")
