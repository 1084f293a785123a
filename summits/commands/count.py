"""`summits count`: meetings per president, counterpart, pair, year, decade, country or kind."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from summits import completion
from summits.commands.options import FormatOption
from summits.model import Dataset
from summits.output.counts import counts_view
from summits.output.formats import Format, emit
from summits.output.text import calls_note
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
    sort: Annotated[
        CountOrder,
        typer.Option("--sort", help="In the grouping's own order (key), or the largest count first (count)."),
    ] = CountOrder.by_key,
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
    grouping = resolve_grouping(by)
    selection = select(dataset, filters)
    rows = count(dataset, selection.meetings, grouping, filters)
    if sort is CountOrder.by_count:
        rows = sorted(rows, key=lambda row: -row.count)  # (a stable sort: ties keep the grouping's order)
    emit(counts_view(rows, grouping), output, calls_note(len(selection.left_out)))
