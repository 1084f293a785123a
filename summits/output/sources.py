"""The sources view (`sources`): every source with what cites it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from summits.output.fields import source_data
from summits.output.formats import View, items_view
from summits.output.text import data_table, fit, plain, plural
from summits.query.sources import Citations

CITATIONS_CSV_HEADER = ("id", "kind", "title", "publisher", "date", "url", "meetings", "quotes", "claims", "tallies")


def sources_view(rows: Sequence[Citations]) -> View:
    def table(console: Console) -> list[RenderableType]:
        return [sources_table(rows, console.width)]

    return items_view(rows, citations_data, CITATIONS_CSV_HEADER, citations_csv_row, table, "No sources match.")


def citations_data(c: Citations) -> dict[str, Any]:
    cited_by = {"meetings": c.meetings, "quotes": c.quotes, "claims": c.claims, "tallies": c.tallies}
    return source_data(c.source) | {"cited_by": cited_by}


def citations_csv_row(c: Citations) -> list[object]:
    s = c.source
    date = s.date.iso() if s.date else None
    return [s.id, s.kind, s.title, s.publisher, date, s.url, c.meetings, c.quotes, c.claims, c.tallies]


def _source_cell(c: Citations) -> Text:
    s = c.source
    text = plain(s.title)
    details = ", ".join(x for x in (s.publisher, s.date.iso() if s.date else None) if x)
    if details:
        text.append_text(plain(f"\n{details}", keep_newlines=True))
    if s.url:
        text.append_text(plain(f"\n{s.url}", "dim", keep_newlines=True))
    return text


def _cited_by(c: Citations) -> str:
    counts = (("meeting", c.meetings), ("quote", c.quotes), ("claim", c.claims), ("tally", c.tallies))
    lines = [plural(n, word, "tallies" if word == "tally" else None) for word, n in counts if n]
    return "\n".join(lines) or "not cited"


def sources_table(rows: Sequence[Citations], width: int = 200) -> Table:
    """Each source with what cites it. When the longest id leaves room, the id, the kind and each kind of record
    have a column of their own; otherwise the id heads the source's cell and one column says what cites it.
    Ids never wrap (people copy them)."""
    id_width = max(2, fit([c.source.id for c in rows], 80))
    table = data_table()
    table.show_lines = True  # blank lines between sources, each several lines long
    if width - id_width >= 100:
        table.add_column("ID", style="cyan", no_wrap=True, min_width=id_width)
        table.add_column("Kind", no_wrap=True)
        table.add_column("Source", overflow="fold", ratio=1)
        for header in ("Meetings", "Quotes", "Claims", "Tallies"):
            table.add_column(header, justify="right", no_wrap=True)
        for c in rows:
            table.add_row(
                plain(c.source.id),
                plain(c.source.kind),
                _source_cell(c),
                *(Text(str(n)) for n in (c.meetings, c.quotes, c.claims, c.tallies)),
            )
        return table
    table.add_column("Source", overflow="fold", ratio=1)
    table.add_column("Cited by", no_wrap=True)
    for c in rows:
        cell = Text()
        cell.append_text(plain(c.source.id, "cyan"))
        cell.append_text(plain(f"  {c.source.kind}\n", "dim", keep_newlines=True))
        cell.append_text(_source_cell(c))
        table.add_row(cell, plain(_cited_by(c), keep_newlines=True))
    return table
