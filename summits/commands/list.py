"""`summits list`: meetings in chronological order."""

from __future__ import annotations

from summits.commands.options import FormatOption, LimitOption, first
from summits.model import Dataset
from summits.output.formats import Format, emit
from summits.output.meetings import meetings_view
from summits.output.text import left_out_note
from summits.query.filters import Filters, select


def command(
    dataset: Dataset, *, filters: Filters, limit: LimitOption = None, output: FormatOption = Format.table
) -> None:
    """List meetings in chronological order.

    Examples:

      summits list --leader Bush

      summits list --leader Reagan --leader Gorbachev --format json

      summits list --from 1985 --to 1991 --kind summit
    """
    selection = select(dataset, filters)
    meetings, more = first(selection.meetings, limit)
    emit(meetings_view(meetings), output, more, left_out_note(selection.left_out))
