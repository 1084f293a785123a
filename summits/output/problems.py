"""The problems view (`validate`), and the report of a data file that does not load, which every command gives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import Console, RenderableType
    from rich.table import Table

from summits.dataset.files import InvalidDataset, Problem
from summits.output.formats import View, items_view
from summits.output.terminal import say, stderr_console
from summits.output.text import plain

PROBLEMS_CSV_HEADER = ("record", "field", "problem")
# A hand-edited file has a handful of problems; a generated one can have thousands, and a table of them all
# would take minutes to lay out before anything appeared.
PROBLEMS_SHOWN = 200


def problems_view(problems: Sequence[Problem]) -> View:
    def table(console: Console) -> list[RenderableType]:
        return [problems_table(problems)]

    return items_view(problems, problem_data, PROBLEMS_CSV_HEADER, lambda p: (p.record, p.field, p.message), table)


def problem_data(p: Problem) -> dict[str, str]:
    return {"record": p.record, "field": p.field, "problem": p.message}


def problems_table(problems: Sequence[Problem]) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_edge=False)
    table.add_column("Record", overflow="fold")
    table.add_column("Field", overflow="fold")
    table.add_column("Problem", overflow="fold", ratio=1)
    for p in problems:
        table.add_row(plain(p.record), plain(p.field), plain(p.message))
    return table


def report_invalid(invalid: InvalidDataset) -> None:
    """Why a data file did not load, on stderr: the first PROBLEMS_SHOWN problems, and what to do."""
    say(f"summits: error: {invalid.path} is not a valid dataset ({len(invalid.problems)} problem(s)):", "red")
    stderr_console().print(problems_table(invalid.problems[:PROBLEMS_SHOWN]))
    if len(invalid.problems) > PROBLEMS_SHOWN:
        say(f"... and {len(invalid.problems) - PROBLEMS_SHOWN} more, not shown here.")
    say("Fix these in the file (see the README's 'The data file'), or check it with: summits validate PATH")
