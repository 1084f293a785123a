"""The leaders views (`leaders`): every leader with offices and counts, or one leader in full."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import Group, RenderableType
    from rich.table import Table

from summits.model import COUNTRY_NAMES, Dataset, Leader, Meeting, Office
from summits.output.fields import MEETING_CSV_HEADER, meeting_csv_row, meeting_data, tally_data
from summits.output.formats import View
from summits.output.meetings import meetings_table
from summits.output.text import data_table, fit, plain, plural, tally_scope, tally_verdict
from summits.query.leaders import LeaderProfile, MeetingCounts

LEADER_CSV_HEADER = ("id", "name", "country", "aliases", "offices", "meeting_count", "call_count", "other_count")
PROFILE_CSV_HEADER = ("leader", *MEETING_CSV_HEADER)


def leaders_view(leaders: Sequence[Leader], counts: dict[str, MeetingCounts]) -> View:
    return View(
        count=len(leaders),
        data=lambda: [leader_data(x, counts[x.id]) for x in leaders],
        header=LEADER_CSV_HEADER,
        rows=lambda: (leader_csv_row(x, counts[x.id]) for x in leaders),
        render=lambda console: [leaders_table(leaders, counts)],
    )


def profiles_view(dataset: Dataset, profiles: Sequence[LeaderProfile], shown: dict[str, list[Meeting]]) -> View:
    """Leaders in full, each with the meetings shown (`shown`, by leader id)."""
    from rich.text import Text

    def render(width: int) -> list[RenderableType]:
        parts: list[RenderableType] = []
        for i, p in enumerate(profiles):
            if i:
                parts.append(Text(""))
            parts.append(profile_panel(dataset, p, shown[p.leader.id], width))
        return parts

    return View(
        count=len(profiles),
        data=lambda: [profile_data(p, shown[p.leader.id]) for p in profiles],
        header=PROFILE_CSV_HEADER,
        rows=lambda: ([p.leader.id, *meeting_csv_row(m)] for p in profiles for m in shown[p.leader.id]),
        render=lambda console: render(console.width),
    )


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
        "other_count": counts.other,
    }


def leader_csv_row(leader: Leader, counts: MeetingCounts) -> list[object]:
    return [
        leader.id,
        leader.name,
        COUNTRY_NAMES.get(leader.country, leader.country),
        list(leader.aliases),
        [office_line(o, leader) for o in leader.offices],
        counts.meetings,
        counts.calls,
        counts.other,
    ]


def leaders_table(leaders: Sequence[Leader], counts: dict[str, MeetingCounts]) -> Table:
    """Every leader with offices and counts; Americans first, a rule before the Soviet and Russian side."""
    from rich.text import Text

    name_width = max(12, fit([x.name for x in leaders] + [x.id for x in leaders], 26))
    table = data_table()
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
        c = counts.get(leader.id, MeetingCounts())
        table.add_row(cell, offices, Text(str(c.meetings)), Text(str(c.calls)))
    return table


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


def profile_panel(dataset: Dataset, profile: LeaderProfile, meetings: Sequence[Meeting], width: int) -> Group:
    """Everything about one leader, for `leaders NAME`."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

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
    other = f", {plural(c.other, 'other record')} (attended only, or out of office)" if c.other else ""
    facts.add_row("Meetings", Text(f"{plural(c.meetings, 'meeting')}, {plural(c.calls, 'phone/video call')}{other}"))
    parts: list[Any] = [title, Padding(facts, (1, 0, 0, 0))]
    if profile.counterparts:
        table = data_table()
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
        table = data_table()
        table.add_column("With", overflow="fold")
        table.add_column("Period", overflow="fold")
        table.add_column("Reported", justify="right", no_wrap=True)
        table.add_column("Listed", justify="right", no_wrap=True)
        table.add_column("Check", overflow="fold")
        table.add_column("Tally", overflow="fold", style="dim")
        for check in profile.tallies:
            t = check.tally
            others = [x.name for i in t.leaders if i != leader.id and (x := dataset.leader(i))]
            table.add_row(
                plain(", ".join(others) or "(any)"),
                plain(tally_scope(t)),
                Text(str(t.number)),
                Text(str(check.listed)),
                plain(tally_verdict(check)),
                plain(t.id),
            )
        parts += [Text("\nTotals reported by sources", style="bold"), Padding(table, (0, 0, 0, 2))]
    return Group(*parts)
