"""The output formats, and the one place that chooses between them: emit(view, format).

Every command hands emit() a View: what it shows, in each form a format can take. A format is a member of
Format and one writer registered for it with @writer; nothing else in summits knows which formats there are.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import IO, TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import Console, RenderableType

from summits.output.terminal import say, stdout_console, stdout_is_terminal, utf8_output
from summits.output.text import escape_controls, spreadsheet_safe

T = TypeVar("T")


class Format(str, Enum):
    """How a command writes what it shows (--format)."""

    table = "table"  # for people: Rich tables laid out for the terminal; through a pipe, one line a row
    json = "json"  # for programs: the documented JSON contract
    jsonl = "jsonl"  # for programs reading a line at a time: the same objects, one a line
    csv = "csv"  # for spreadsheets: a header, then one row per item
    tsv = "tsv"  # for cut, awk and sort: the CSV fields, tab-separated, one line a row
    markdown = "markdown"  # for a document: the CSV fields as a Markdown table


@dataclass(frozen=True)
class View:
    """What a command shows, in every form a format can take; each form is made only when asked for."""

    count: int  # how many items: with none, there is no table and `empty` is said
    data: Callable[[], Any]  # plain data for JSON
    header: Sequence[str]  # CSV
    rows: Callable[[], Iterable[Sequence[object]]]  # CSV
    render: Callable[[Console], Iterable[RenderableType]]  # for people, laid out for the console's width
    empty: str | None = None  # said on stderr when there is nothing to show
    wrap: bool = True  # False: lines to paste (citations), printed whole, never wrapped to the width
    chart: bool = False  # a chart scales to the width: through a pipe it gets $COLUMNS (or 80), not every column
    # Through a pipe, for a view whose terminal layout is blocks of lines rather than a table (sources, disputes):
    # a header, then one row per item, the blocks' fields in the blocks' order, written tab-separated.
    pipe_rows: Callable[[], Iterable[Sequence[str]]] | None = None


def items_view(
    items: Sequence[T],
    data: Callable[[T], Any],
    header: Sequence[str],
    row: Callable[[T], Sequence[object]],
    render: Callable[[Console], Iterable[RenderableType]],
    empty: str | None = None,
) -> View:
    """The view of a list of items: a JSON array of data(item), a CSV row(item) each, and the rendering."""
    return View(len(items), lambda: [data(i) for i in items], header, lambda: (row(i) for i in items), render, empty)


Writer = Callable[[View], None]
WRITERS: dict[Format, Writer] = {}


def writer(output: Format) -> Callable[[Writer], Writer]:
    """Register the function that writes a view in this format."""

    def register(write: Writer) -> Writer:
        WRITERS[output] = write
        return write

    return register


def emit(view: View, output: Format, *notes: str | None) -> None:
    """Write the view to standard output in the format asked for; then, on stderr, say that there was nothing to
    show (if so) and any notes (such as calls left out)."""
    WRITERS[output](view)
    if not view.count and view.empty:
        say(view.empty)
    for note in notes:
        if note:
            say(note, "dim")


@writer(Format.table)
def write_table(view: View) -> None:
    """On a terminal, the tables laid out for its width, through the pager when taller than the screen. Through a
    pipe, the same columns on one line a row, tab-separated (see output/plain.py)."""
    if not view.count:
        return
    if not stdout_is_terminal():
        if view.pipe_rows is not None:
            # Empty last fields leave no trailing tabs: a line ends where its text does, as every plain line does.
            rows = ("\t".join(_one_line(escape_controls(cell)) for cell in row).rstrip() for row in view.pipe_rows())
            sys.stdout.writelines(f"{line}\n" for line in rows)
            return
        from summits.output.plain import WIDE, plain_console, plain_lines

        console = plain_console(None if view.chart else WIDE)
        sys.stdout.writelines(f"{line}\n" for line in plain_lines(view.render(console), console))
        return
    from summits.output.pager import page, pager_for

    console = stdout_console()
    with console.capture() as capture:
        for part in view.render(console):
            console.print(part, crop=False, soft_wrap=not view.wrap)  # a URL runs past the edge whole rather than cut
    text = capture.get()
    pager = pager_for(text.count("\n"), console.height)
    if pager is None or not page(text, pager):
        sys.stdout.write(text)


# Characters that a terminal acts on (C0 and C1 controls, DEL) or that reorder the text shown (bidi controls).
_TERMINAL_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe_json(text: str) -> str:
    """JSON text with every character a terminal would act on written as a \\u escape: the same JSON value, safe
    to show. (json.dumps already escapes C0 controls inside strings; the newlines left are its layout.)"""
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _to_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError, OSError):
        return False


@writer(Format.json)
def write_json(view: View) -> None:
    """The documented JSON, exact: into a file or pipe as it is; to a terminal with every control and bidi
    character escaped (the same JSON value); to a stream that is not UTF-8 with every non-ASCII character
    escaped (the same JSON value again)."""
    import json

    text = json.dumps(view.data(), ensure_ascii=not utf8_output(), indent=2)
    sys.stdout.write(terminal_safe_json(text) if _to_terminal() else text)
    sys.stdout.write("\n")


@writer(Format.jsonl)
def write_jsonl(view: View) -> None:
    """The JSON objects one a line, exact or escaped as write_json writes them."""
    import json

    data = view.data()
    ascii_only, to_terminal = not utf8_output(), _to_terminal()
    for item in data if isinstance(data, list) else [data]:
        line = json.dumps(item, ensure_ascii=ascii_only)
        sys.stdout.write(terminal_safe_json(line) if to_terminal else line)
        sys.stdout.write("\n")


def _shown(cell: object) -> object:
    if isinstance(cell, str):
        return escape_controls(cell)
    if isinstance(cell, (list, tuple)):
        return [_shown(item) for item in cell]
    return cell


@writer(Format.csv)
def write_csv(view: View) -> None:
    """CSV with the exact text into a file or pipe; to a terminal, control and bidi characters shown escaped."""
    rows = view.rows()
    if _to_terminal():
        rows = ([_shown(cell) for cell in row] for row in rows)
    write_rows(sys.stdout, view.header, rows)


def write_rows(stream: IO[str], header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """CSV with a header; a cell that a spreadsheet would run as a formula gets a leading quote."""
    import csv

    out = csv.writer(stream, lineterminator="\n")
    out.writerow(header)
    for row in rows:
        out.writerow([spreadsheet_safe(cell) for cell in row])


@writer(Format.tsv)
def write_tsv(view: View) -> None:
    """The CSV fields, tab-separated; to a terminal, control and bidi characters shown escaped (as for CSV)."""
    rows: Iterable[Sequence[object]] = view.rows()
    if _to_terminal():
        rows = [[_shown(cell) for cell in row] for row in rows]
    for row in (view.header, *rows):
        sys.stdout.write("\t".join(_one_line(spreadsheet_safe(cell)) for cell in row))
        sys.stdout.write("\n")


@writer(Format.markdown)
def write_markdown(view: View) -> None:
    """The CSV fields as a Markdown table; to a terminal, control and bidi characters shown escaped."""
    rows: Iterable[Sequence[object]] = view.rows()
    if _to_terminal():
        rows = [[_shown(cell) for cell in row] for row in rows]
    sys.stdout.write(f"| {' | '.join(_markdown_cell(name) for name in view.header)} |\n")
    sys.stdout.write(f"|{' --- |' * len(view.header)}\n")
    for row in rows:
        sys.stdout.write(f"| {' | '.join(_markdown_cell(cell) for cell in row)} |\n")


def _one_line(text: str) -> str:
    """A value on one line with no tab in it: line breaks and tabs become spaces."""
    return " ".join(text.replace("\t", " ").splitlines())


def _markdown_cell(cell: object) -> str:
    text = "" if cell is None else "; ".join(cell) if isinstance(cell, (list, tuple)) else str(cell)
    text = _one_line(text)
    return text.replace("\\", "\\\\").replace("|", "\\|")
