"""`summits count`: meetings per president, counterpart, pair, year, decade, country or kind."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from summits import completion
from summits.commands.options import FormatOption
from summits.model import Dataset
from summits.output.counts import counts_view, reported_note
from summits.output.formats import Format, emit
from summits.output.text import counted_note
from summits.query.counts import count
from summits.query.filters import Filters, select
from summits.query.names import GROUPINGS, resolve_grouping


class CountOrder(str, Enum):
    by_key = "key"
    by_count = "count"


def command(
    dataset: Dataset,
    *,
    by: Annotated[
        str,
        typer.Option(
            "--by",
            "-b",
            metavar="GROUPING",
            help=f"One of: {', '.join(GROUPINGS)}.",
            autocompletion=completion.complete_grouping,
        ),
    ] = "president",
    filters: Filters,
    explain: Annotated[
        bool, typer.Option("--explain", help="List under each row the ids of the meetings it counts.")
    ] = False,
    sort: Annotated[
        CountOrder,
        typer.Option("--sort", help="In the grouping's own order (key), or the largest count first (count)."),
    ] = CountOrder.by_key,
    output: FormatOption = Format.table,
) -> None:
    """Count meetings by president, counterpart, pair, year, decade, country, kind or contact level.

    By default a meeting is a record of talks or an encounter between leaders in office on that day (a U.S.
    president; a Soviet or Russian head of party, state or government); the line under the table says what was
    counted and what was left out. Where a source reports a total for a pair over the pair's whole time in
    office (for example "Bush and Putin met 28 times"), the pair row shows it beside the figure listed on that
    source's own definition: see `summits tallies` for every reported total.

    Examples:

      summits count --by president

      summits count --by pair --from 2001

      summits count --by decade --kind summit
    """
    grouping = resolve_grouping(by)
    selection = select(dataset, filters)
    rows = count(dataset, selection.meetings, grouping, filters, largest_first=sort is CountOrder.by_count)
    # What was counted, and where the reported totals come from, are said under the table, on stderr: a pipe
    # gets the rows alone.
    notes = (reported_note(rows), counted_note(filters, selection.left_out)) if rows else ()
    emit(counts_view(rows, grouping, explain), output, *notes)
