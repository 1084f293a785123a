"""`summits disputes`: every recorded disagreement between sources, with the value used and why."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from summits import completion
from summits.commands.options import FormatOption, LimitOption, first
from summits.model import Dataset
from summits.output.disputes import disputes_view
from summits.output.formats import Format, emit
from summits.query.filters import Filters, select
from summits.query.sources import disputes


def command(
    dataset: Dataset,
    *,
    field: Annotated[
        Optional[str],
        typer.Option(
            "--field",
            metavar="FIELD",
            help="Only disagreements about this field (date, city, ...).",
            autocompletion=completion.complete_field,
        ),
    ] = None,
    filters_all: Filters,
    limit: LimitOption = None,
    output: FormatOption = Format.table,
) -> None:
    """Every recorded disagreement between sources: the meeting, the field, what each source claims, the value
    this dataset uses and why. Takes the same filters as `list`; calls are included, since a disagreement
    about a call is as much a part of the record as one about a meeting.

    Examples:

      summits disputes

      summits disputes --field date --format csv

      summits disputes --leader Putin
    """
    shown, more = first(disputes(select(dataset, filters_all).meetings, field), limit)
    emit(disputes_view(shown), output, more)
