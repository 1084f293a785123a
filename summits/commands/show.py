"""`summits show ID`: everything about one meeting."""

from __future__ import annotations

from summits.commands.options import FormatOption, MeetingIdArgument
from summits.model import Dataset
from summits.output.formats import Format, emit
from summits.output.meetings import meeting_view
from summits.query.names import resolve_meeting


def command(
    dataset: Dataset,
    meeting_id: MeetingIdArgument,
    output: FormatOption = Format.table,
) -> None:
    """Everything about one meeting: participants and roles, place, summary, quotes, sources, disagreements.

    Examples:

      summits show helsinki-2018

      summits show reykjavik-1986 --format json
    """
    emit(meeting_view(dataset, resolve_meeting(dataset, meeting_id)), output)
