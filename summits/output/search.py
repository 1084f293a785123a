"""Rendering for `search`, `leaders`, `sources` and `disputes`: Rich tables for people, plain data for JSON and CSV.

As in render.py, text from the data file always goes through render.plain (never markup, control characters
escaped); highlighting of search matches is applied as styles on that plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from summits.model import COUNTRY_NAMES, Dataset, Leader, Meeting, Office, Quote
from summits.output.meetings import (
    MEETING_CSV_HEADER,
    _fit,
    _table,
    compact_dates,
    meeting_csv_row,
    meeting_data,
    meetings_table,
    person,
    plain,
)
from summits.query.filters import TallyCheck, speaker_label
from summits.query.search import SearchResult, match_spans

if TYPE_CHECKING:  # records is imported where a command needs it, so that `search` does not load it
    from summits.query.sources import Citations, DisputeRow, LeaderProfile, MeetingCounts

HIGHLIGHT = "bold yellow"


def highlighted(text: str, words: Sequence[str], style: str = "") -> Text:
    """Data as plain text with every word-start match of the query words styled with HIGHLIGHT."""
    result = plain(text, style)
    for start, end in match_spans(result.plain, words):
        result.stylize(HIGHLIGHT, start, end)
    return result


# ---------------------------------------------------------------- search


def _label(name: str) -> Text:
    return Text(f"{name}: ", style="dim")


def match_lines(result: SearchResult, words: Sequence[str], dataset: Dataset) -> Text:
    """What matched in a meeting, one line per field (quotes one line each), with the query words highlighted."""
    meeting = result.meeting
    fields = set(result.matched)
    lines: list[Text] = []

    def joined(name: str, texts: Sequence[str], separator: str) -> None:
        line = _label(name)
        for i, text in enumerate(texts):
            if i:
                line.append(separator)
            line.append_text(highlighted(text, words))
        lines.append(line)

    if "topics" in fields:
        joined("topics", [h.text for h in result.hits if h.field == "topics"], ", ")
    if "agreements" in fields:
        joined("agreements", [h.text for h in result.hits if h.field == "agreements"], "; ")
    if "event" in fields:
        joined("event", [meeting.event or ""], "")
    if fields & {"city", "country", "venue"}:
        joined("place", [x for x in (meeting.venue, meeting.city, meeting.country) if x], ", ")
    if "summary" in fields:
        joined("summary", [meeting.summary], "")
    quotes: list[Quote] = []
    for hit in result.hits:
        if hit.quote is not None and all(hit.quote is not q for q in quotes):
            quotes.append(hit.quote)
    for quote in (q for q in meeting.quotes if any(q is x for x in quotes)):
        line = highlighted(speaker_label(dataset, quote), words)
        line.append(": “")
        line.append_text(highlighted(quote.text, words))
        line.append("”")
        lines.append(line)
    return Text("\n").join(lines)


def search_table(dataset: Dataset, results: Sequence[SearchResult], words: Sequence[str], width: int = 200) -> Table:
    """Search results, best first. Wide terminals get a column each for date, place, leaders and score; narrow ones
    stack them under the id so that the matches keep at least half the width."""
    meetings = [r.meeting for r in results]
    leaders = ["\n".join(person(p, m) for p in (*m.americans, *m.soviets_or_russians)) for m in meetings]
    id_width = max(2, _fit([m.id for m in meetings], 40))
    fixed = {
        "ID": id_width,
        "Date": max(4, _fit([compact_dates(m) for m in meetings], 30)),
        "Place": max(5, _fit([m.place for m in meetings], 20)),
        "Leaders": max(7, _fit(leaders, 18)),
        "Score": 5,
    }
    room = width - sum(fixed.values()) - 2 * len(fixed) - 1
    table = _table()
    table.show_lines = True  # this box draws the lines between rows blank: results of several lines stay apart
    if room >= 50:
        table.add_column("ID", style="cyan", no_wrap=True, min_width=id_width)
        table.add_column("Date", no_wrap=True, min_width=fixed["Date"])
        table.add_column("Place", overflow="fold", min_width=fixed["Place"], max_width=fixed["Place"])
        table.add_column("Leaders", overflow="fold", min_width=fixed["Leaders"], max_width=fixed["Leaders"])
        table.add_column("Score", justify="right", no_wrap=True)
        table.add_column("Matches", overflow="fold", ratio=1)
        for result, names in zip(results, leaders, strict=True):
            m = result.meeting
            table.add_row(
                plain(m.id),
                plain(compact_dates(m)),
                plain(m.place),
                plain(names, keep_newlines=True),
                Text(str(result.score)),
                match_lines(result, words, dataset),
            )
        return table
    left = max(id_width, 18)
    table.add_column("Meeting", overflow="fold", min_width=left, max_width=left)
    table.add_column("Matches", overflow="fold", ratio=1)
    for result, names in zip(results, leaders, strict=True):
        m = result.meeting
        cell = Text()
        cell.append_text(plain(m.id, "cyan"))
        cell.append_text(plain(f"\n{compact_dates(m)}\n{m.place}\n{names}", keep_newlines=True))
        cell.append_text(Text(f"\nscore {result.score}", style="dim"))
        table.add_row(cell, match_lines(result, words, dataset))
    return table


def search_data(result: SearchResult) -> dict[str, Any]:
    """A result in the list JSON contract, plus its score, the names of the fields that matched, and the texts."""
    data = meeting_data(result.meeting)
    data["score"] = result.score
    data["matched"] = list(result.matched)
    data["matches"] = [{"field": h.field, "text": h.text} for h in result.hits]
    return data


SEARCH_CSV_HEADER = (*MEETING_CSV_HEADER, "score", "matched")


def search_csv_row(result: SearchResult) -> list[object]:
    return [*meeting_csv_row(result.meeting), result.score, list(result.matched)]


# ---------------------------------------------------------------- leaders


def office_line(office: Office, leader: Leader) -> str:
    """ "President: 2001-01-20 to 2009-01-20", or "President: since 2025-01-20" while in office."""
    where = f" ({COUNTRY_NAMES.get(office.country, office.country)})" if office.country != leader.country else ""
    period = f"{office.start} to {office.end}" if office.end else f"since {office.start}"
    return f"{office.title}{where}: {period}"


def office_data(office: Office) -> dict[str, Any]:
    return {
        "title": office.title,
        "country": COUNTRY_NAMES.get(office.country, office.country),
        "start": office.start.iso(),
        "end": office.end.iso() if office.end else None,
    }


def leader_data(leader: Leader, counts: MeetingCounts) -> dict[str, Any]:
    return {
        "id": leader.id,
        "name": leader.name,
        "country": COUNTRY_NAMES.get(leader.country, leader.country),
        "aliases": list(leader.aliases),
        "offices": [office_data(o) for o in leader.offices],
        "meeting_count": counts.meetings,
        "call_count": counts.calls,
    }


LEADER_CSV_HEADER = ("id", "name", "country", "aliases", "offices", "meeting_count", "call_count")


def leader_csv_row(leader: Leader, counts: MeetingCounts) -> list[object]:
    return [
        leader.id,
        leader.name,
        COUNTRY_NAMES.get(leader.country, leader.country),
        list(leader.aliases),
        [office_line(o, leader) for o in leader.offices],
        counts.meetings,
        counts.calls,
    ]


def _no_meetings() -> MeetingCounts:
    from summits.query.sources import MeetingCounts

    return MeetingCounts()


def leaders_table(leaders: Sequence[Leader], counts: dict[str, MeetingCounts]) -> Table:
    """Every leader with offices and counts; Americans first, a rule before the Soviet and Russian side."""
    name_width = max(12, _fit([x.name for x in leaders] + [x.id for x in leaders], 26))
    table = _table()
    table.add_column("Leader", overflow="fold", min_width=name_width, max_width=name_width)
    table.add_column("Offices", overflow="fold", ratio=1)
    table.add_column("Meetings", justify="right", no_wrap=True)
    table.add_column("Calls", justify="right", no_wrap=True)
    previous: bool | None = None
    for leader in leaders:
        if previous is not None and previous != leader.is_american:
            table.add_section()
        previous = leader.is_american
        cell = Text()
        cell.append_text(plain(leader.name, "bold"))
        cell.append_text(plain(f"\n{leader.id}", "cyan", keep_newlines=True))
        cell.append_text(plain(f"\n{COUNTRY_NAMES.get(leader.country, leader.country)}", "dim", keep_newlines=True))
        offices = plain("\n".join(office_line(o, leader) for o in leader.offices), keep_newlines=True)
        c = counts[leader.id] if leader.id in counts else _no_meetings()
        table.add_row(cell, offices, Text(str(c.meetings)), Text(str(c.calls)))
    return table


def tally_data(check: TallyCheck) -> dict[str, Any]:
    t = check.tally
    return {
        "leaders": list(t.leaders),
        "start": t.start.iso(),
        "end": t.end.iso(),
        "in_person": t.in_person,
        "reported": t.number,
        "listed": check.listed,
        "source": t.source,
        "note": t.note,
    }


def profile_data(profile: LeaderProfile, meetings: Sequence[Meeting]) -> dict[str, Any]:
    """One leader in full: the `leaders` fields plus counterparts, the meetings shown, and reported tallies."""
    data = leader_data(profile.leader, profile.counts)
    data["counterparts"] = [
        {"id": c.leader.id, "name": c.leader.name, "meeting_count": c.counts.meetings, "call_count": c.counts.calls}
        for c in profile.counterparts
    ]
    data["meetings"] = [meeting_data(m) for m in meetings]
    data["tallies"] = [tally_data(c) for c in profile.tallies]
    return data


PROFILE_CSV_HEADER = ("leader", *MEETING_CSV_HEADER)


def _verdict(check: TallyCheck) -> str:
    difference = check.listed - check.tally.number
    if difference == 0:
        return "agrees"
    if difference < 0:
        return f"{-difference} not found with a source"
    return f"{difference} more listed than reported"


def profile_panel(dataset: Dataset, profile: LeaderProfile, meetings: Sequence[Meeting], width: int) -> Group:
    """Everything about one leader, for `leaders NAME`."""
    leader = profile.leader
    title = Text()
    title.append_text(plain(leader.name, "bold"))
    title.append_text(plain(f"  {leader.id}", "cyan"))
    title.append_text(plain(f"  {COUNTRY_NAMES.get(leader.country, leader.country)}", "dim"))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")
    if leader.aliases:
        facts.add_row("Also known as", plain(", ".join(leader.aliases)))
    facts.add_row("Offices", plain("\n".join(office_line(o, leader) for o in leader.offices), keep_newlines=True))
    c = profile.counts
    tally = f"{c.meetings} meeting{'s' * (c.meetings != 1)}, {c.calls} phone/video call{'s' * (c.calls != 1)}"
    facts.add_row("Meetings", Text(tally))
    parts: list[Any] = [title, Padding(facts, (1, 0, 0, 0))]
    if profile.counterparts:
        table = _table()
        table.add_column("Counterpart", overflow="fold")
        table.add_column("ID", style="cyan", no_wrap=True)
        table.add_column("Meetings", justify="right", no_wrap=True)
        table.add_column("Calls", justify="right", no_wrap=True)
        for cp in profile.counterparts:
            table.add_row(
                plain(cp.leader.name), plain(cp.leader.id), Text(str(cp.counts.meetings)), Text(str(cp.counts.calls))
            )
        parts += [Text("\nCounterparts", style="bold"), Padding(table, (0, 0, 0, 2))]
    if meetings:
        parts += [Text("\nMeetings", style="bold"), Padding(meetings_table(meetings, width - 2), (0, 0, 0, 2))]
    if profile.tallies:
        table = _table()
        table.add_column("With", overflow="fold")
        table.add_column("Period", overflow="fold")
        table.add_column("Reported", justify="right", no_wrap=True)
        table.add_column("Listed", justify="right", no_wrap=True)
        table.add_column("Check", overflow="fold")
        table.add_column("Source", overflow="fold", style="dim")
        for check in profile.tallies:
            t = check.tally
            other = next((i for i in t.leaders if i != leader.id), t.leaders[1])
            other_leader = dataset.leader(other)
            scope = f"{'in person' if t.in_person else 'calls'}, {t.start} to {t.end}"
            table.add_row(
                plain(other_leader.name if other_leader else other),
                plain(scope),
                Text(str(t.number)),
                Text(str(check.listed)),
                plain(_verdict(check)),
                plain(t.source),
            )
        parts += [Text("\nTotals reported by sources", style="bold"), Padding(table, (0, 0, 0, 2))]
    return Group(*parts)


# ---------------------------------------------------------------- sources


def citations_data(c: Citations) -> dict[str, Any]:
    s = c.source
    return {
        "id": s.id,
        "kind": s.kind,
        "title": s.title,
        "publisher": s.publisher,
        "date": s.date.iso() if s.date else None,
        "url": s.url,
        "cited_by": {"meetings": c.meetings, "quotes": c.quotes, "claims": c.claims, "tallies": c.tallies},
    }


CITATIONS_CSV_HEADER = ("id", "kind", "title", "publisher", "date", "url", "meetings", "quotes", "claims", "tallies")


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
    lines = [f"{n} {'tallies' if word == 'tally' and n != 1 else word + 's' * (n != 1)}" for word, n in counts if n]
    return "\n".join(lines) or "not cited"


def sources_table(rows: Sequence[Citations], width: int = 200) -> Table:
    """Each source with what cites it. When the longest id leaves room, the id, the kind and each kind of record
    have a column of their own; otherwise the id heads the source's cell and one column says what cites it.
    Ids never wrap (people copy them)."""
    id_width = max(2, _fit([c.source.id for c in rows], 80))
    table = _table()
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


# ---------------------------------------------------------------- disputes


def dispute_data(row: DisputeRow) -> dict[str, Any]:
    d = row.dispute
    return {
        "meeting": row.meeting.id,
        "date": row.meeting.date.iso(),
        "field": d.field,
        "value": d.value,
        "reason": d.reason,
        "claims": [{"claim": c.claim, "source": c.source} for c in d.claims],
    }


DISPUTE_CSV_HEADER = ("meeting", "date", "field", "value", "reason", "claims", "claim_sources")


def dispute_csv_row(row: DisputeRow) -> list[object]:
    d = row.dispute
    claims = [c.claim for c in d.claims]
    return [row.meeting.id, row.meeting.date.iso(), d.field, d.value, d.reason, claims, [c.source for c in d.claims]]


def disputes_view(rows: Sequence[DisputeRow]) -> Group:
    """Each disagreement as a block: the meeting and field, what each source claims, the value used and why."""
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
