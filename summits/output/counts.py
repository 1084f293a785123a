"""The counts view (`count`): meetings per group, with the totals sources report beside the number listed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

from summits.output.fields import tally_data
from summits.output.formats import View, items_view
from summits.output.text import data_table, plain, tally_verdict
from summits.query.counts import CountRow


def counts_view(rows: Sequence[CountRow], by: str, explain: bool = False) -> View:
    """Counts per group; `explain` lists under each row the ids it counted."""

    def table(console: Console) -> list[RenderableType]:
        return [count_table(rows, by, explain)]

    return items_view(
        rows,
        count_data,
        ("key", "count", "reported", "meetings"),
        lambda r: (r.key, r.count, r.reported, list(r.meetings)),
        table,
        "No meetings match.",
    )


def count_data(row: CountRow) -> dict[str, Any]:
    return {
        "key": row.key,
        "count": row.count,
        "meetings": list(row.meetings),
        "reported": row.reported,
        "tallies": [tally_data(c) for c in row.checks],
    }


def count_table(rows: Sequence[CountRow], by: str, explain: bool = False) -> Table:
    from rich.text import Text

    table = data_table()
    table.add_column(by.capitalize(), overflow="fold")
    table.add_column("Listed", justify="right")
    with_reports = any(r.checks for r in rows)
    if with_reports:
        table.add_column("Reported", justify="right")
        table.add_column("On its definition", justify="right")
        table.add_column("Verdict", overflow="fold")
    for row in rows:
        key = plain(row.key)
        if explain:
            key.append_text(plain("\n" + ", ".join(row.meetings), "dim", keep_newlines=True))
        cells: list[Text] = [key, Text(str(row.count))]
        if with_reports:
            cells.append(Text("\n".join(str(c.tally.number) for c in row.checks)))
            cells.append(Text("\n".join(str(c.listed) for c in row.checks)))
            cells.append(plain("\n".join(tally_verdict(c) for c in row.checks), keep_newlines=True))
        table.add_row(*cells)
    total = sum(r.count for r in rows)
    if by not in ("president", "counterpart", "pair"):
        table.add_section()
        table.add_row(
            Text("Total", style="bold"), Text(str(total), style="bold"), *([Text("")] * (2 if with_reports else 0))
        )
    return table


def reported_note(rows: Sequence[CountRow]) -> str | None:
    """Where to read the reported totals shown beside rows, or None when no row shows one."""
    ids = ", ".join(c.tally.id for r in rows for c in r.checks)
    return f"Reported totals, with their definitions and sources: summits tallies ({ids})." if ids else None
