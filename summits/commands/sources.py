"""`summits sources`: every source, with its URL and how many records cite it."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from summits.commands.options import FormatOption, LimitOption, first
from summits.model import Dataset, SourceKind
from summits.output.formats import Format, emit
from summits.output.sources import sources_view
from summits.query.sources import citations


def command(
    dataset: Dataset,
    kind: Annotated[Optional[SourceKind], typer.Option("--kind", help="Only sources of this kind.")] = None,
    uncited: Annotated[bool, typer.Option("--uncited", help="Only sources that no record cites.")] = False,
    limit: LimitOption = None,
    output: FormatOption = Format.table,
) -> None:
    """Every source: id, kind, title, publisher, date, URL, and how many meetings, quotes, dispute claims and
    reported tallies cite it. Sources come in the order of the data file.

    Examples:

      summits sources

      summits sources --kind official --format csv

      summits sources --format json
    """
    chosen = [s for s in dataset.sources if kind is None or s.kind == kind.value]
    shown, more = first([c for c in citations(dataset, chosen) if not uncited or c.total == 0], limit)
    emit(sources_view(shown), output, more)
