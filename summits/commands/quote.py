"""`summits quote ID`: the quotes of one meeting, each with speaker, context and source."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from summits import completion
from summits.commands.options import FormatOption, LimitOption, MeetingIdArgument, first
from summits.model import Dataset
from summits.output.formats import Format, emit
from summits.output.quotes import quotes_view
from summits.query.filters import quotes_of
from summits.query.names import resolve_meeting


def command(
    dataset: Dataset,
    meeting_id: MeetingIdArgument,
    speaker: Annotated[
        Optional[str],
        typer.Option(
            "--speaker",
            "-s",
            metavar="NAME",
            help="Only this speaker's words.",
            autocompletion=completion.complete_speaker,
        ),
    ] = None,
    limit: LimitOption = None,
    output: FormatOption = Format.table,
) -> None:
    """Quotes from one meeting, each with speaker, context and source.

    Examples:

      summits quote helsinki-2018

      summits quote helsinki-2018 --speaker Putin

      summits quote vienna-1961 --format json
    """
    meeting = resolve_meeting(dataset, meeting_id)
    quotes, more = first(quotes_of(dataset, meeting, speaker), limit)
    emit(quotes_view(dataset, meeting, quotes, speaker), output, more)
