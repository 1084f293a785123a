"""The disputes view (`disputes`): every recorded disagreement between sources, with the value used and why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import Console, Group, RenderableType

from summits.output.fields import dispute_data
from summits.output.formats import View, items_view
from summits.output.text import compact_dates, plain
from summits.query.sources import DisputeRow

DISPUTE_CSV_HEADER = ("meeting", "date", "field", "value", "reason", "claims", "claim_sources")


def disputes_view(rows: Sequence[DisputeRow]) -> View:
    def table(console: Console) -> list[RenderableType]:
        return [disputes_blocks(rows)]

    view = items_view(rows, dispute_row_data, DISPUTE_CSV_HEADER, dispute_csv_row, table, "No disagreements match.")
    return replace(view, pipe_rows=lambda: [DISPUTES_PIPE_HEADER, *(_pipe_row(row) for row in rows)])


# Through a pipe: what each block shows, one line a disagreement; the claims joined, each with its source.
DISPUTES_PIPE_HEADER = ("Meeting", "Date", "Place", "Field", "Claims", "Used", "Why")


def _pipe_row(row: DisputeRow) -> tuple[str, ...]:
    m, d = row.meeting, row.dispute
    claims = "; ".join(f"{c.claim} [{c.source}]" for c in d.claims)
    return (m.id, compact_dates(m), m.place, d.field, claims, d.value, d.reason)


def dispute_row_data(row: DisputeRow) -> dict[str, Any]:
    return {"meeting": row.meeting.id, "date": row.meeting.date.iso()} | dispute_data(row.dispute)


def dispute_csv_row(row: DisputeRow) -> list[object]:
    d = row.dispute
    claims = [c.claim for c in d.claims]
    return [row.meeting.id, row.meeting.date.iso(), d.field, d.value, d.reason, claims, [c.source for c in d.claims]]


def disputes_blocks(rows: Sequence[DisputeRow]) -> Group:
    """Each disagreement as a block: the meeting and field, what each source claims, the value used and why."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    parts: list[Any] = []
    for i, row in enumerate(rows):
        m, d = row.meeting, row.dispute
        heading = Text()
        heading.append_text(plain(m.id, "bold cyan"))
        heading.append_text(plain(f"  {compact_dates(m)}  {m.place}", "dim"))
        heading.append_text(Text("  field: ", style="dim"))
        heading.append_text(plain(d.field, "bold"))
        block = Table.grid(padding=(0, 2))
        block.add_column(style="bold", no_wrap=True)
        block.add_column(overflow="fold")
        for claim in d.claims:
            cell = plain(claim.claim)
            cell.append_text(plain(f"  [{claim.source}]", "dim"))
            block.add_row("Claim", cell)
        block.add_row("Used", plain(d.value))
        block.add_row("Why", plain(d.reason))
        if i:
            parts.append(Text(""))
        parts += [heading, Padding(block, (0, 0, 0, 2))]
    return Group(*parts)
