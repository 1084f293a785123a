"""`summits leaders [NAME]`: every leader with offices and meeting counts, or one leader in full."""

from __future__ import annotations

from summits.commands.options import CallsOption, FormatOption, LeaderNameArgument, LimitOption, first
from summits.model import Dataset
from summits.output.formats import Format, emit
from summits.output.leaders import leaders_view, profiles_view
from summits.output.text import left_out_note
from summits.query.leaders import leader_counts, leader_profile
from summits.query.names import resolve_leader


def command(
    dataset: Dataset,
    name: LeaderNameArgument = None,
    calls: CallsOption = False,
    limit: LimitOption = None,
    output: FormatOption = Format.table,
) -> None:
    """Every leader with offices and number of meetings; or, with a NAME, that leader's offices, counterparts,
    meetings and the totals sources report for them (beside the number listed here).

    "Meetings" counts talks and encounters with a leader across the table while both held a leader's office, as
    `summits count` does; calls are counted apart, and other records (events both only attended, meetings out
    of office) are counted as "other".
    With a NAME, --format csv gives one row per meeting.

    Examples:

      summits leaders

      summits leaders Bush

      summits leaders Putin --calls --format json
    """
    if name is None:
        leaders, more = first(dataset.leaders, limit)
        emit(leaders_view(leaders, leader_counts(dataset)), output, more)
        return
    ids = resolve_leader(dataset, name)
    profiles = [leader_profile(dataset, x) for x in dataset.leaders if x.id in ids]
    shown = {p.leader.id: [m for m in p.meetings if calls or not m.kind.is_call] for p in profiles}
    hidden = 0 if calls else sum(p.counts.calls for p in profiles)
    emit(profiles_view(dataset, profiles, shown), output, left_out_note({"call": hidden}, every_record=False))
