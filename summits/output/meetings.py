"""Everything the tool prints: Rich tables and panels for people, JSON and CSV for programs.

Text that comes from the data file is always wrapped in rich.text.Text (never parsed as markup), and control
characters are shown escaped in tables, so a hand-edited file cannot change what the terminal does.
JSON keeps the exact original text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import IO, Any

from rich import box
from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from summits.model import COUNTRY_NAMES, Dataset, Meeting, Participant, Quote, Source
from summits.query.filters import CountRow, date_range_label, speaker_label

FORMATS = ("table", "json", "csv")

# Characters that would move the cursor, recolour the terminal or reorder text (Trojan Source) if printed raw.
_BIDI_CONTROLS = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def escape_controls(text: str, *, keep_newlines: bool = False) -> str:
    """Control and bidirectional-override characters as visible escapes (\\x1b, \\u202e); tabs become spaces."""
    if text.isprintable():  # nearly all text: every character changed below is one that isprintable() rejects
        return text
    out: list[str] = []
    for char in text:
        code = ord(char)
        if char == "\n" and keep_newlines:
            out.append(char)
        elif char in "\t\n":
            out.append(" ")
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        elif code in _BIDI_CONTROLS:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def plain(text: str | None, style: str = "", *, keep_newlines: bool = False) -> Text:
    """Data as literal text: never markup, never terminal codes."""
    return Text(escape_controls(text or "", keep_newlines=keep_newlines), style=style)


def compact_dates(meeting: Meeting) -> str:
    """ "1985-11-19–21", "1972-05-22–06-01" or the single date, at the precision known."""
    start, end = meeting.date.iso(), meeting.end_date.iso() if meeting.end_date else None
    if end is None or end == start:
        return start
    if len(start) == len(end) == 10 and start[:8] == end[:8]:
        return f"{start}–{end[8:]}"
    if len(start) == len(end) == 10 and start[:5] == end[:5]:
        return f"{start}–{end[5:]}"
    return f"{start} – {end}"


def person(p: Participant, meeting: Meeting) -> str:
    """A participant as listed: the name, with the role only when it is out of the ordinary (a president-elect,
    an American who is not the president). `show` always gives the role."""
    unusual = p.leader.id in dict(meeting.role_overrides) or (p.country == "US" and not p.is_president)
    return f"{p.leader.name} ({p.role})" if unusual else p.leader.name


def _fit(texts: Sequence[str], cap: int) -> int:
    """A column's minimum width: its longest line, up to cap, so that short names never wrap."""
    return min(cap, max((len(line) for text in texts for line in text.split("\n")), default=0))


# ---------------------------------------------------------------- plain data for JSON and CSV


def participant_data(p: Participant) -> dict[str, Any]:
    return {"id": p.leader.id, "name": p.leader.name, "country": COUNTRY_NAMES[p.country], "role": p.role}


def meeting_data(meeting: Meeting) -> dict[str, Any]:
    """A meeting in the documented JSON contract (list and search)."""
    return {
        "id": meeting.id,
        "date": meeting.date.iso(),
        "end_date": meeting.end_date.iso() if meeting.end_date else None,
        "date_precision": meeting.date.precision,
        "city": meeting.city,
        "country": meeting.country,
        "venue": meeting.venue,
        "kind": meeting.kind.value,
        "event": meeting.event,
        "participants": [participant_data(p) for p in meeting.participants],
        "topics": list(meeting.topics),
        "agreements": list(meeting.agreements),
        "summary": meeting.summary,
        "sources": list(meeting.sources),
    }


def source_data(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "kind": source.kind,
        "title": source.title,
        "publisher": source.publisher,
        "date": source.date.iso() if source.date else None,
        "url": source.url,
    }


def quote_data(dataset: Dataset, meeting: Meeting, quote: Quote) -> dict[str, Any]:
    return {
        "meeting": meeting.id,
        "speaker": speaker_label(dataset, quote) if quote.speaker else quote.speaker_name,
        "speaker_id": quote.speaker,
        "speaker_role": quote.speaker_role,
        "text": quote.text,
        "context": quote.context,
        "source": quote.source,
    }


def meeting_detail_data(dataset: Dataset, meeting: Meeting) -> dict[str, Any]:
    """One meeting in full (show): the list fields plus quotes, disputes and sources expanded."""
    data = meeting_data(meeting)
    data["sources"] = [source_data(s) for s in (dataset.source(i) for i in meeting.sources) if s is not None]
    data["quotes"] = [quote_data(dataset, meeting, q) for q in meeting.quotes]
    data["disputes"] = [
        {
            "field": d.field,
            "value": d.value,
            "reason": d.reason,
            "claims": [{"claim": c.claim, "source": c.source} for c in d.claims],
        }
        for d in meeting.disputes
    ]
    return data


def count_data(row: CountRow) -> dict[str, Any]:
    return {
        "key": row.key,
        "count": row.count,
        "reported": row.reported,
        "tallies": [
            {
                "leaders": list(c.tally.leaders),
                "start": c.tally.start.iso(),
                "end": c.tally.end.iso(),
                "in_person": c.tally.in_person,
                "reported": c.tally.number,
                "listed": c.listed,
                "source": c.tally.source,
                "note": c.tally.note,
            }
            for c in row.checks
        ],
    }


# ---------------------------------------------------------------- JSON and CSV writers


def write_json(stream: IO[str], data: Any) -> None:
    import json

    stream.write(json.dumps(data, ensure_ascii=False, indent=2))
    stream.write("\n")


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP: prefix a single quote)."""
    if value is None:
        return ""
    text = "; ".join(value) if isinstance(value, (list, tuple)) else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def write_csv(stream: IO[str], header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    import csv

    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])


MEETING_CSV_HEADER = (
    "id", "date", "end_date", "city", "country", "venue", "kind", "event",
    "participants", "roles", "topics", "agreements", "summary", "sources",
)  # fmt: skip


def meeting_csv_row(meeting: Meeting) -> list[object]:
    return [
        meeting.id,
        meeting.date.iso(),
        meeting.end_date.iso() if meeting.end_date else "",
        meeting.city,
        meeting.country,
        meeting.venue,
        meeting.kind.value,
        meeting.event,
        [p.leader.name for p in meeting.participants],
        [f"{p.leader.name}: {p.role}" for p in meeting.participants],
        list(meeting.topics),
        list(meeting.agreements),
        meeting.summary,
        list(meeting.sources),
    ]


# ---------------------------------------------------------------- tables for people


def _table(title: str | None = None) -> Table:
    return Table(
        title=title,
        box=box.SIMPLE_HEAD,
        header_style="bold",
        title_justify="left",
        pad_edge=False,
        collapse_padding=True,
        show_edge=False,  # no blank line above the header and below the last row, no margin on the left
    )


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
    id_width = max(2, _fit([m.id for m in meetings], 40))
    date_width = max(4, _fit([r[1] for r in rows], 30))
    wide_widths = {
        "ID": id_width,
        "Date": date_width,
        "Place": _fit([m.place for m in meetings], 20),
        "United States": _fit([r[2] for r in rows], 18),
        "USSR / Russia": _fit([r[3] for r in rows], 18),
        "Kind": _fit([m.kind.value for m in meetings], 12),
    }
    # Columns are separated by two spaces.
    room = width - sum(max(w, len(h)) for h, w in wide_widths.items()) - 2 * len(wide_widths)
    table = _table()
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


def count_table(rows: Sequence[CountRow], by: str) -> Table:
    table = _table()
    table.add_column(by.capitalize(), overflow="fold")
    table.add_column("Listed", justify="right")
    with_reports = any(r.checks for r in rows)
    if with_reports:
        table.add_column("Reported", justify="right")
        table.add_column("Reported tally", overflow="fold", ratio=1)
    for row in rows:
        cells: list[Text] = [plain(row.key), Text(str(row.count))]
        if with_reports:
            cells.append(Text("\n".join(str(c.tally.number) for c in row.checks)))
            cells.append(plain("\n".join(tally_note(c) for c in row.checks), keep_newlines=True))
        table.add_row(*cells)
    total = sum(r.count for r in rows)
    if by not in ("president", "counterpart", "pair"):
        table.add_section()
        table.add_row(
            Text("Total", style="bold"), Text(str(total), style="bold"), *([Text("")] * (2 if with_reports else 0))
        )
    return table


def tally_note(check: Any) -> str:
    tally = check.tally
    scope = f"{'in person' if tally.in_person else 'calls'}, {tally.start} to {tally.end}"
    if check.listed == tally.number:
        verdict = f"{check.listed} listed: agrees"
    elif check.listed < tally.number:
        verdict = f"{check.listed} listed: {tally.number - check.listed} not found with a source"
    else:
        verdict = f"{check.listed} listed: {check.listed - tally.number} more than reported"
    return f"{scope}; {verdict} (source: {tally.source})"


def quotes_table(dataset: Dataset, meeting: Meeting, quotes: Sequence[Quote]) -> Table:
    table = _table()
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
    table = _table()
    table.add_column("Speaker, context, source", overflow="fold", ratio=2)
    table.add_column("Quote", overflow="fold", ratio=3)
    for q in quotes:
        who = plain(speaker_label(dataset, q), "bold")
        who.append_text(plain(f"\n{q.context}", keep_newlines=True))
        who.append_text(plain(f"\n[{q.source}]", "dim", keep_newlines=True))
        table.add_row(who, plain(f"“{q.text}”"), end_section=True)
    return table


def quotes_view(dataset: Dataset, meeting: Meeting, quotes: Sequence[Quote], width: int) -> Any:
    """Four columns on a wide terminal; two on a narrow one, so that the words keep a readable width."""
    if width >= QUOTE_TABLE_MIN_WIDTH:
        return quotes_table(dataset, meeting, quotes)
    return quotes_narrow_table(dataset, quotes)


def meeting_panel(dataset: Dataset, meeting: Meeting, width: int = 200) -> Group:
    """Everything about one meeting, for `show`."""
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")
    facts.add_row("Date", plain(date_range_label(meeting.date, meeting.end_date)))
    facts.add_row("Place", plain(meeting.place))
    if meeting.venue:
        facts.add_row("Venue", plain(meeting.venue))
    facts.add_row("Kind", plain(meeting.kind.value))
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
        parts += [Text("\nQuotes", style="bold"), quotes_view(dataset, meeting, meeting.quotes, width)]
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
    for source_id in meeting.sources:
        s = dataset.source(source_id)
        if s is not None:
            parts.append(Padding(source_text(s), (0, 0, 0, 2)))
    return Group(*parts)


def source_text(s: Source) -> Text:
    text = plain(s.id, "cyan")
    text.append_text(plain(f"  {s.title}"))
    details = ", ".join(x for x in (s.publisher, s.date.iso() if s.date else None) if x)
    if details:
        text.append_text(plain(f" ({details})"))
    if s.url:
        text.append_text(plain(f"\n{s.url}", "dim"))
    return text
