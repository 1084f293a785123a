"""`summits cite`: ready-to-paste citations of a meeting's sources, of one quote, or of the dataset itself."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from summits import __version__
from summits.commands.options import FormatOption, OptionalMeetingIdArgument
from summits.model import Dataset
from summits.output.citations import Style, Work
from summits.output.cite import citations_view, dataset_work, quote_citation_view
from summits.output.formats import Format, emit
from summits.query.names import BadValue, resolve_meeting
from summits.query.sources import primary_first


def command(
    dataset: Dataset,
    meeting_id: OptionalMeetingIdArgument = None,
    style: Annotated[Style, typer.Option("--style", "-s", help="Citation style.")] = Style.CHICAGO,
    quote: Annotated[
        Optional[int],
        typer.Option(
            "--quote", "-q", metavar="N", help="Cite the meeting's Nth quote (as `summits quote ID` numbers them)."
        ),
    ] = None,
    whole: Annotated[
        bool, typer.Option("--dataset", help="Cite the dataset itself, with its version and date.")
    ] = False,
    output: FormatOption = Format.table,
) -> None:
    """Citations to paste: the sources of a meeting (the records of what was said first), one quote with its
    source, or the dataset itself. Styles: chicago (notes-bibliography), apa, mla, bibtex, csl-json (for Zotero,
    Mendeley and Pandoc) and wikipedia ({{cite news}} / {{cite web}}).

    Examples:

      summits cite helsinki-2018

      summits cite helsinki-2018 --style bibtex

      summits cite helsinki-2018 --quote 3 --style apa

      summits cite --dataset --style csl-json
    """
    work: Work = dataset_work(dataset, __version__)
    if whole:
        if meeting_id is not None or quote is not None:
            raise BadValue("--dataset cites the whole dataset: give it without a meeting ID or --quote.")
        emit(citations_view([work.source()], style), output)
        return
    if meeting_id is None:
        raise BadValue("give a meeting ID (summits cite helsinki-2018), or --dataset to cite the dataset.")
    meeting = resolve_meeting(dataset, meeting_id)
    if quote is None:
        emit(citations_view(primary_first(dataset, meeting.sources), style), output)
        return
    if not 1 <= quote <= len(meeting.quotes):
        count = len(meeting.quotes)
        raise BadValue(
            f"--quote {quote}: {meeting.id} has {count} quote{'s' if count != 1 else ''}"
            + (f"; give a number from 1 to {count} (see summits quote {meeting.id})." if count else ".")
        )
    emit(quote_citation_view(dataset, meeting, meeting.quotes[quote - 1], style), output)
