"""`summits sources`: every source, with its URL and how many records cite it."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from summits.commands.options import FormatOption, LimitOption, SourceIdArgument, first
from summits.model import Dataset, SourceKind
from summits.output.formats import Format, emit
from summits.output.sources import source_detail_view, sources_view
from summits.query.names import resolve_source
from summits.query.sources import KIND_ORDER, citations, cited_by


def command(
    dataset: Dataset,
    source_id: SourceIdArgument = None,
    kind: Annotated[Optional[SourceKind], typer.Option("--kind", help="Only sources of this kind.")] = None,
    uncited: Annotated[bool, typer.Option("--uncited", help="Only sources that no record cites.")] = False,
    limit: LimitOption = None,
    output: FormatOption = Format.table,
) -> None:
    """Every source: id, kind, title, publisher, date, URL, and how many meetings, quotes, dispute claims and
    reported tallies cite it, the records of what was said (kind primary) first; or, with an ID, one source in
    full with every record that cites it.

    Examples:

      summits sources

      summits sources seed-ap-2025

      summits sources --kind official --format csv

      summits sources --format json
    """
    if source_id is not None:
        source = resolve_source(dataset, source_id)
        emit(source_detail_view(cited_by(dataset, source), citations(dataset, [source])[0]), output)
        return
    chosen = [s for s in dataset.sources if kind is None or s.kind == kind.value]
    chosen.sort(key=lambda s: KIND_ORDER.get(s.kind, len(KIND_ORDER)))
    shown, more = first([c for c in citations(dataset, chosen) if not uncited or c.total == 0], limit)
    emit(sources_view(shown), output, more)
