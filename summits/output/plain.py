"""Tables for a program reading a pipe: one line per row, the columns the terminal shows, tab-separated, nothing
wrapped, padded or coloured (as gh does). What is not a table (a chart, a meeting's details) is written as the
terminal would show it on a screen wide enough, without colour and without trailing spaces."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import Console, Group, RenderableType
    from rich.table import Table

WIDE = 1000  # columns: a console this wide makes every view pick its widest layout, with every column


def plain_console(width: int | None = WIDE) -> Console:
    """A console that lays views out for a pipe: wide (or $COLUMNS, or 80, for width None), no colour."""
    from rich.console import Console

    return Console(
        file=io.StringIO(), width=width, color_system=None, force_terminal=False, highlight=False, soft_wrap=True
    )


def cell_text(cell: object) -> str:
    """A cell on one line: its lines joined with "; ", tabs made spaces."""
    from rich.text import Text

    text = cell.plain if isinstance(cell, Text) else cell if isinstance(cell, str) else ""
    return "; ".join(part.strip() for part in text.replace("\t", " ").split("\n") if part.strip())


def table_lines(table: Table) -> Iterator[str]:
    columns = table.columns
    if table.show_header:
        yield "\t".join(cell_text(column.header) for column in columns)
    for cells in zip(*(column.cells for column in columns), strict=True):
        yield "\t".join(cell_text(cell) for cell in cells)


def plain_lines(parts: Iterable[RenderableType], console: Console) -> Iterator[str]:
    from rich.console import Group
    from rich.table import Table

    # What is not a table is printed a run at a time, as one Group: the same lines as printing each part, without
    # the cost of one console.print per line (a run of `sources` is thousands of lines).
    run: list[RenderableType] = []
    for part in _flat(parts):
        if isinstance(part, Table):
            yield from _printed(run, console, Group)
            run = []
            yield from table_lines(part)
        else:
            run.append(part)
    yield from _printed(run, console, Group)


def _flat(parts: Iterable[RenderableType]) -> Iterator[RenderableType]:
    """The parts with every Group opened and every Padding (an indented table) replaced by what it holds."""
    from rich.console import Group
    from rich.padding import Padding

    for part in parts:
        if isinstance(part, Group):
            yield from _flat(part.renderables)
        elif isinstance(part, Padding):
            yield from _flat([part.renderable])
        else:
            yield part


def _printed(run: list[RenderableType], console: Console, group: type[Group]) -> Iterator[str]:
    if not run:
        return
    with console.capture() as capture:
        console.print(group(*run))
    yield from (line.rstrip() for line in capture.get().splitlines())
