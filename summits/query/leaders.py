"""Leaders and their meetings: how many each had, in person and by phone or video, with whom, and the totals
sources report for them beside the number listed.

Pure functions over the model: no I/O, no printing. Counts are computed from the meetings, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from summits.model import Dataset, Leader, Meeting
from summits.query.counts import TallyCheck, in_tally_scope, tallies_for


@dataclass(frozen=True, slots=True)
class MeetingCounts:
    """How many meetings a leader (or a pair) had: in person or otherwise (what `list` shows), and by phone or video."""

    meetings: int = 0
    calls: int = 0

    def add(self, meeting: Meeting) -> MeetingCounts:
        if meeting.kind.is_call:
            return MeetingCounts(self.meetings, self.calls + 1)
        return MeetingCounts(self.meetings + 1, self.calls)


@dataclass(frozen=True, slots=True)
class Counterpart:
    leader: Leader
    counts: MeetingCounts


@dataclass(frozen=True, slots=True)
class LeaderProfile:
    """One leader with everything `summits leaders NAME` shows."""

    leader: Leader
    counts: MeetingCounts
    counterparts: tuple[Counterpart, ...]  # in order of first meeting
    meetings: tuple[Meeting, ...]  # chronological, calls included
    tallies: tuple[TallyCheck, ...]  # each reported tally beside the number of meetings listed in its scope


def meetings_of(dataset: Dataset, leader_id: str) -> list[Meeting]:
    return [m for m in dataset.meetings if m.has_leader(leader_id)]


def leader_counts(dataset: Dataset) -> dict[str, MeetingCounts]:
    """Meetings and calls per leader id, for every leader (zero for those with none)."""
    counts = {leader.id: MeetingCounts() for leader in dataset.leaders}
    for meeting in dataset.meetings:
        for p in meeting.participants:
            counts[p.leader.id] = counts.get(p.leader.id, MeetingCounts()).add(meeting)
    return counts


def leader_profile(dataset: Dataset, leader: Leader) -> LeaderProfile:
    """A leader's meetings, counterparts across the table (with counts) and the tallies sources report for them."""
    meetings = meetings_of(dataset, leader.id)
    total = MeetingCounts()
    across: dict[str, MeetingCounts] = {}
    for meeting in meetings:
        total = total.add(meeting)
        me = next(p for p in meeting.participants if p.leader.id == leader.id)
        others = meeting.soviets_or_russians if me.country == "US" else meeting.americans
        for p in others:
            across[p.leader.id] = across.get(p.leader.id, MeetingCounts()).add(meeting)
    counterparts = tuple(
        Counterpart(other, counts) for other_id, counts in across.items() if (other := dataset.leader(other_id))
    )
    checks = tuple(
        TallyCheck(t, sum(1 for m in meetings if in_tally_scope(m, t))) for t in tallies_for(dataset, leader.id)
    )
    return LeaderProfile(leader, total, counterparts, tuple(meetings), checks)
