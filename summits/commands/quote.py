"""`summits quote [ID]`: the quotes of one meeting, or of every meeting, each with speaker, context and source."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from summits.commands.options import (
    FormatOption,
    FromOption,
    LimitOption,
    OptionalMeetingIdArgument,
    SpeakerOption,
    ToOption,
    first,
)
from summits.model import Dataset
from summits.output.formats import Format, emit
from summits.output.quotes import quotes_across_view, quotes_view
from summits.query.filters import parse_bounds, quotes_across, quotes_of
from summits.query.names import BadValue, resolve_meeting


def command(
    dataset: Dataset,
    meeting_id: OptionalMeetingIdArgument = None,
    speaker: SpeakerOption = None,
    start: FromOption = None,
    end: ToOption = None,
    text: Annotated[
        Optional[str], typer.Option("--text", "-t", metavar="WORDS", help="Only quotes holding all these words.")
    ] = None,
    limit: LimitOption = None,
    output: FormatOption = Format.table,
) -> None:
    """Quotes, each with speaker, context and source (publisher and date), marked "(translated)" where the words
    were spoken in another language: from one meeting, or, without an ID, from every meeting in date order.

    Examples:

      summits quote helsinki-2018

      summits quote helsinki-2018 --speaker Putin

      summits quote --speaker Putin --text nuclear

      summits quote --from 1985 --to 1991 --format json
    """
    since, until = parse_bounds(start, end)
    if meeting_id is not None:
        if since or until:
            raise BadValue("--from and --to search every meeting's quotes: give them without a meeting ID.")
        meeting = resolve_meeting(dataset, meeting_id)
        quotes, more = first(quotes_of(dataset, meeting, speaker, text), limit)
        emit(quotes_view(dataset, meeting, quotes, speaker), output, more)
        return
    pairs, more = first(quotes_across(dataset, speaker, since, until, text), limit)
    emit(quotes_across_view(dataset, pairs), output, more)
