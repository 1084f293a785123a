"""The tallies view (`tallies`): every total a source reports, beside the figure listed on its own definition."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import RenderableType
    from rich.table import Table

from summits.model import Dataset
from summits.output.fields import tally_data
from summits.output.formats import View, items_view
from summits.output.meetings import meetings_table
from summits.output.text import data_table, plain, tally_reason, tally_scope, tally_verdict, url_text
from summits.query.tallies import Reconciled

TALLY_CSV_HEADER = (
    "id", "leaders", "from", "to", "contact", "kinds", "qualifier", "reported", "listed", "verdict",
    "meetings", "words", "definition", "explanation", "source",
)  # fmt: skip


def tallies_view(dataset: Dataset, checks: Sequence[Reconciled]) -> View:
    return items_view(
        checks,
        tally_data,
        TALLY_CSV_HEADER,
        lambda c: _csv_row(dataset, c),
        lambda console: [tallies_table(dataset, checks)],
        "No reported tallies match.",
    )


def tally_view(dataset: Dataset, check: Reconciled) -> View:
    """One tally in full, with the meetings listed on its definition."""
    return View(
        count=1,
        data=lambda: tally_data(check),
        header=TALLY_CSV_HEADER,
        rows=lambda: [_csv_row(dataset, check)],
        render=lambda console: [tally_panel(dataset, check, console.width)],
    )


def _names(dataset: Dataset, check: Reconciled) -> str:
    names = [x.name if (x := dataset.leader(i)) else i for i in check.tally.leaders]
    return " – ".join(names) if names else "(any U.S. and Soviet or Russian leaders)"


def _csv_row(dataset: Dataset, c: Reconciled) -> list[object]:
    data = tally_data(c)
    return [
        c.tally.id,
        list(c.tally.leaders),
        data["from"],
        data["to"],
        data["contact"],
        data["kinds"],
        c.tally.qualifier,
        c.tally.number,
        c.listed,
        c.verdict,
        data["meetings"],
        c.tally.words,
        c.tally.definition,
        data["explanation"],
        c.tally.source,
    ]


def tallies_table(dataset: Dataset, checks: Sequence[Reconciled]) -> Table:
    from rich.text import Text

    table = data_table()
    table.add_column("Tally", overflow="fold", ratio=2)
    table.add_column("Reported", justify="right", no_wrap=True)
    table.add_column("Listed", justify="right", no_wrap=True)
    table.add_column("Verdict", overflow="fold", ratio=3)
    for c in checks:
        who = plain(_names(dataset, c), "bold")
        who.append_text(plain(f"\n{tally_scope(c.tally)}", keep_newlines=True))
        who.append_text(plain(f"\n{c.tally.id}", "cyan", keep_newlines=True))
        verdict = plain(tally_verdict(c), "green" if c.verdict == "agrees" else "yellow")
        reason = tally_reason(c)
        if reason:
            verdict.append_text(plain(f"\n{reason}", keep_newlines=True))
        table.add_row(who, Text(str(c.tally.number)), Text(str(c.listed)), verdict, end_section=True)
    return table


def tally_panel(dataset: Dataset, check: Reconciled, width: int) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    t = check.tally
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")
    translated = " (translated)" if t.language != "en" else ""
    facts.add_row("Leaders", plain(_names(dataset, check)))
    facts.add_row("Source says", plain(f"“{t.words}”{translated}"))
    source = dataset.source(t.source)
    named = ", ".join(x for x in (source.title, source.publisher) if x) if source else t.source
    facts.add_row("Source", plain(f"{named} [{t.source}]"))
    facts.add_row("Definition", plain(t.definition))
    facts.add_row("Counted on", plain(tally_scope(t) + ", leaders in office on the day"))
    qualifier = "" if t.qualifier == "exactly" else f"{t.qualifier} "
    facts.add_row("Reported", Text(f"{qualifier}{t.number}"))
    facts.add_row("Listed", Text(str(check.listed)))
    facts.add_row("Verdict", plain(tally_verdict(check)))
    reason = tally_reason(check)
    if reason:
        facts.add_row("Why", plain(reason))
    parts: list[RenderableType] = [plain(t.id, "bold cyan"), facts]
    if source is not None and source.url:
        parts.append(url_text(source.url))
    if check.meetings:
        parts += [Text("\nListed on its definition", style="bold"), meetings_table(list(check.meetings), width)]
    return Group(*parts)
