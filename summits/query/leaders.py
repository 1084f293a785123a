"""Leaders and their meetings: how many each had, in person and by phone or video, with whom, and the totals
sources report for them beside the number listed.

Pure functions over the model: no I/O, no printing. Counts are computed from the meetings, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from summits.model import DEFAULT_CONTACTS, Contact, Dataset, Leader, Meeting, Participant
from summits.query.tallies import Reconciled, reconcile, tallies_for


@dataclass(frozen=True, slots=True)
class MeetingCounts:
    """How many records a leader (or a pair) has: meetings as `count` counts them (talks or an encounter, this
    leader and one across the table in a leader's office), calls, and every other record (events both only
    attended, meetings out of office)."""

    meetings: int = 0
    calls: int = 0
    other: int = 0

    def add(self, meeting: Meeting, me: Participant) -> MeetingCounts:
        if meeting.contact is Contact.CALL:
            return MeetingCounts(self.meetings, self.calls + 1, self.other)
        if meeting.contact in DEFAULT_CONTACTS and meeting.between_leaders and me.in_office:
            return MeetingCounts(self.meetings + 1, self.calls, self.other)
        return MeetingCounts(self.meetings, self.calls, self.other + 1)


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
    tallies: tuple[Reconciled, ...]  # each reported tally naming this leader, reconciled on its own definition


def meetings_of(dataset: Dataset, leader_id: str) -> list[Meeting]:
    return [m for m in dataset.meetings if m.has_leader(leader_id)]


def leader_counts(dataset: Dataset) -> dict[str, MeetingCounts]:
    """Meetings and calls per leader id, for every leader (zero for those with none)."""
    counts = {leader.id: MeetingCounts() for leader in dataset.leaders}
    for meeting in dataset.meetings:
        for p in meeting.participants:
            counts[p.leader.id] = counts.get(p.leader.id, MeetingCounts()).add(meeting, p)
    return counts


def leader_profile(dataset: Dataset, leader: Leader) -> LeaderProfile:
    """A leader's meetings, counterparts across the table (with counts) and the tallies sources report for them."""
    meetings = meetings_of(dataset, leader.id)
    total = MeetingCounts()
    across: dict[str, MeetingCounts] = {}
    for meeting in meetings:
        me = next(p for p in meeting.participants if p.leader.id == leader.id)
        total = total.add(meeting, me)
        others = meeting.soviets_or_russians if me.country == "US" else meeting.americans
        for p in others:
            # A counterpart's meeting counts only when both held a leader's office on the date.
            both = me if p.in_office else p
            across[p.leader.id] = across.get(p.leader.id, MeetingCounts()).add(meeting, both)
    counterparts = tuple(
        Counterpart(other, counts) for other_id, counts in across.items() if (other := dataset.leader(other_id))
    )
    checks = tuple(reconcile(dataset, t) for t in tallies_for(dataset, leader.id))
    return LeaderProfile(leader, total, counterparts, tuple(meetings), checks)
