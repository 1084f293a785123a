"""`summits timeline`: meetings per decade or year as a bar chart in the terminal, by U.S. president or kind."""

from __future__ import annotations

from typing import Annotated

import typer

from summits.commands.options import FormatOption
from summits.model import Dataset
from summits.output.formats import Format, emit
from summits.output.text import calls_note
from summits.output.timeline import timeline_view
from summits.query.filters import Filters, select
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
    output: FormatOption = Format.table,
) -> None:
    """Meetings per decade or per year as a bar chart, each bar split by U.S. president (or by kind).

    Decades are the default: the whole record fits on one screen. Use --per year with --from/--to to zoom in.
    Without colour (NO_COLOR, or output to a file or pipe) each president or kind has its own fill character.

    Examples:

      summits timeline

      summits timeline --per year --from 1985 --to 1991 --colour-by kind

      summits timeline --leader Putin --calls --format csv
    """
    selection = select(dataset, filters)
    chart = bin_meetings(selection.meetings, per.value, colour_by.value)
    emit(timeline_view(chart), output, calls_note(len(selection.left_out)))
