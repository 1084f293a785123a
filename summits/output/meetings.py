"""The meetings view (`list`) and the one-meeting view (`show`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import Console, Group, RenderableType
    from rich.table import Table

from summits.model import CONTACT_DESCRIPTIONS, COUNTRY_NAMES, Dataset, Meeting, Source
from summits.output.fields import (
    MEETING_CSV_HEADER,
    dispute_data,
    meeting_csv_row,
    meeting_data,
    quote_data,
    source_data,
)
from summits.output.formats import View, items_view
from summits.output.quotes import quotes_layout
from summits.output.text import (
    compact_dates,
    data_table,
    date_range_label,
    escape_controls,
    fit,
    person,
    plain,
    url_text,
)
from summits.query.sources import primary_first


def meetings_view(meetings: Sequence[Meeting]) -> View:
    def table(console: Console) -> list[RenderableType]:
        return [meetings_table(meetings, console.width)]

    return items_view(meetings, meeting_data, MEETING_CSV_HEADER, meeting_csv_row, table, "No meetings match.")


def meeting_view(dataset: Dataset, meeting: Meeting) -> View:
    return View(
        count=1,
        data=lambda: meeting_detail_data(dataset, meeting),
        header=MEETING_CSV_HEADER,
        rows=lambda: [meeting_csv_row(meeting)],
        render=lambda console: [meeting_panel(dataset, meeting, console.width)],
    )


def meeting_detail_data(dataset: Dataset, meeting: Meeting) -> dict[str, Any]:
    """One meeting in full (show): the list fields plus quotes, disputes and sources expanded."""
    data = meeting_data(meeting)
    data["sources"] = [source_data(s) for s in (dataset.source(i) for i in meeting.sources) if s is not None]
    data["quotes"] = [quote_data(dataset, meeting, q) for q in meeting.quotes]
    data["disputes"] = [dispute_data(d) for d in meeting.disputes]
    return data


def meetings_table(meetings: Sequence[Meeting], width: int = 200) -> Table:
    """The list view. Ids never wrap (people copy them); names and places wrap at a set width.

    When the terminal is wide enough, each side has its own column, the kind has its own, and a one-line
    summary takes the width that is left (if 20 columns or more are left). On a narrow terminal (80 columns)
    both sides share a column, the kind goes under the date, and the summary is left out (`show` and
    `--format json` have it).
    """
    rows = []
    for m in meetings:
        americans = "\n".join(person(p, m) for p in m.americans)
        others = "\n".join(person(p, m) for p in m.soviets_or_russians)
        rows.append((m, compact_dates(m), americans, others))
    id_width = max(2, fit([m.id for m in meetings], 40))
    date_width = max(4, fit([r[1] for r in rows], 30))
    wide_widths = {
        "ID": id_width,
        "Date": date_width,
        "Place": fit([m.place for m in meetings], 20),
        "United States": fit([r[2] for r in rows], 18),
        "USSR / Russia": fit([r[3] for r in rows], 18),
        "Kind": fit([m.kind.value for m in meetings], 12),
    }
    # Columns are separated by two spaces.
    room = width - sum(max(w, len(h)) for h, w in wide_widths.items()) - 2 * len(wide_widths)
    table = data_table()
    table.add_column("ID", style="cyan", no_wrap=True, min_width=id_width)
    if room >= 0:
        table.add_column("Date", no_wrap=True, min_width=date_width)
        for header in ("Place", "United States", "USSR / Russia"):
            size = max(wide_widths[header], len(header))
            table.add_column(header, overflow="fold", min_width=size, max_width=size)
        table.add_column("Kind", no_wrap=True)
        with_summary = room >= 20
        if with_summary:
            table.add_column("Summary", overflow="ellipsis", no_wrap=True, max_width=room)
        for m, dates, americans, others in rows:
            cells = [plain(m.id), plain(dates), plain(m.place), plain(americans, keep_newlines=True)]
            cells += [plain(others, keep_newlines=True), plain(m.kind.value)]
            if with_summary:
                cells.append(plain(m.summary))
            table.add_row(*cells)
        return table
    table.add_column("Date / kind", no_wrap=True, min_width=date_width)
    table.add_column("Place", overflow="fold", min_width=10, max_width=16)
    table.add_column("Leaders", overflow="fold", min_width=12, max_width=18)
    for m, dates, americans, others in rows:
        when = plain(dates)
        when.append_text(plain(f"\n{m.kind.value}", "dim", keep_newlines=True))
        table.add_row(plain(m.id), when, plain(m.place), plain(f"{americans}\n{others}", keep_newlines=True))
    return table


def meeting_panel(dataset: Dataset, meeting: Meeting, width: int = 200) -> Group:
    """Everything about one meeting, for `show`."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")
    facts.add_row("Date", plain(date_range_label(meeting.date, meeting.end_date)))
    facts.add_row("Place", plain(meeting.place))
    if meeting.venue:
        facts.add_row("Venue", plain(meeting.venue))
    facts.add_row("Kind", plain(meeting.kind.value))
    facts.add_row("Contact", plain(f"{meeting.contact.value}: {CONTACT_DESCRIPTIONS[meeting.contact]}"))
    if not meeting.between_leaders:
        facts.add_row("Counted", plain("no: a side had no leader in office on the day (shown with --all)"))
    if meeting.event:
        facts.add_row("Event", plain(meeting.event))
    people = "\n".join(f"{p.leader.name}: {p.role}, {COUNTRY_NAMES[p.country]}" for p in meeting.participants)
    facts.add_row("Participants", plain(people, keep_newlines=True))
    facts.add_row("Summary", plain(meeting.summary))
    if meeting.topics:
        facts.add_row("Topics", plain(", ".join(meeting.topics)))
    if meeting.agreements:
        facts.add_row("Agreements", plain("; ".join(meeting.agreements)))
    parts: list[Any] = [Text(escape_controls(meeting.id), style="bold cyan"), Padding(facts, (1, 0, 0, 0))]
    if meeting.quotes:
        parts += [Text("\nQuotes", style="bold"), quotes_layout(dataset, [(meeting, q) for q in meeting.quotes], width)]
    if meeting.disputes:
        parts.append(Text("\nDisagreements between sources", style="bold"))
        for d in meeting.disputes:
            block = Table.grid(padding=(0, 2))
            block.add_column(style="bold", no_wrap=True)
            block.add_column(overflow="fold")
            block.add_row("Field", plain(d.field))
            for c in d.claims:
                block.add_row("Claim", plain(f"{c.claim} [{c.source}]"))
            block.add_row("Used", plain(d.value))
            block.add_row("Why", plain(d.reason))
            parts.append(Padding(block, (0, 0, 1, 2)))
    parts.append(Text("\nSources", style="bold"))
    for s in primary_first(dataset, meeting.sources):
        parts.append(Padding(source_text(s), (0, 0, 0, 2)))
    return Group(*parts)


def source_text(s: Source) -> Group:
    """A source as `show` lists it: id, kind, title, publisher and date; the URL whole on a line of its own."""
    from rich.console import Group

    text = plain(s.id, "cyan")
    text.append_text(plain(f"  [{s.kind}]", "dim"))
    text.append_text(plain(f"  {s.title}"))
    details = ", ".join(x for x in (s.publisher, s.date.iso() if s.date else None) if x)
    if details:
        text.append_text(plain(f" ({details})"))
    return Group(text, url_text(s.url)) if s.url else Group(text)
