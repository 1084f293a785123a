"""The quotes view (`quote`), and the quotes table that `show` uses too."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.table import Table

from summits.model import Dataset, Meeting, Quote
from summits.output.fields import quote_data
from summits.output.formats import View
from summits.output.text import data_table, plain
from summits.query.names import speaker_label

QUOTE_CSV_HEADER = ("meeting", "speaker", "speaker_id", "speaker_role", "text", "context", "source")


def quotes_view(dataset: Dataset, meeting: Meeting, quotes: Sequence[Quote], speaker: str | None = None) -> View:
    who = f" from {speaker}" if speaker else ""
    return View(
        count=len(quotes),
        data=lambda: [quote_data(dataset, meeting, q) for q in quotes],
        header=QUOTE_CSV_HEADER,
        rows=lambda: (list(quote_data(dataset, meeting, q).values()) for q in quotes),
        render=lambda console: [quotes_layout(dataset, quotes, console.width)],
        empty=f"No quotes{who} are recorded for {meeting.id}.",
    )


def quotes_table(dataset: Dataset, quotes: Sequence[Quote]) -> Table:
    table = data_table()
    table.add_column("Speaker", overflow="fold", max_width=28)
    table.add_column("Quote", overflow="fold", ratio=3)
    table.add_column("Context", overflow="fold", ratio=2)
    table.add_column("Source", overflow="fold", style="dim", max_width=32)
    for q in quotes:
        table.add_row(plain(speaker_label(dataset, q), "bold"), plain(f"“{q.text}”"), plain(q.context), plain(q.source))
    return table


QUOTE_TABLE_MIN_WIDTH = 120  # below this the four-column quote table squeezes the words into a narrow strip


def quotes_narrow_table(dataset: Dataset, quotes: Sequence[Quote]) -> Table:
    """Two columns for narrow terminals: who, in what context and from which source; then the words."""
    table = data_table()
    table.add_column("Speaker, context, source", overflow="fold", ratio=2)
    table.add_column("Quote", overflow="fold", ratio=3)
    for q in quotes:
        who = plain(speaker_label(dataset, q), "bold")
        who.append_text(plain(f"\n{q.context}", keep_newlines=True))
        who.append_text(plain(f"\n[{q.source}]", "dim", keep_newlines=True))
        table.add_row(who, plain(f"“{q.text}”"), end_section=True)
    return table


def quotes_layout(dataset: Dataset, quotes: Sequence[Quote], width: int) -> Any:
    """Four columns on a wide terminal; two on a narrow one, so that the words keep a readable width."""
    if width >= QUOTE_TABLE_MIN_WIDTH:
        return quotes_table(dataset, quotes)
    return quotes_narrow_table(dataset, quotes)
