"""`summits search TEXT`: full-text search over places, events, summaries, topics, agreements and quotes."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from summits.commands.options import FormatOption, LimitOption, first
from summits.model import Dataset
from summits.output.formats import Format, emit
from summits.output.search import search_view
from summits.output.text import left_out_note
from summits.query.filters import Filters, reasons, select
from summits.query.names import BadValue
from summits.query.search import query_words, search


class SearchOrder(str, Enum):
    score = "score"
    date = "date"


def command(
    dataset: Dataset,
    *,
    text: Annotated[list[str], typer.Argument(metavar="WORDS", help="Words to find; every word must match somewhere.")],
    filters: Filters,
    sort: Annotated[
        SearchOrder, typer.Option("--sort", help="Best match first (score), or in date order (date).")
    ] = SearchOrder.score,
    limit: LimitOption = None,
    output: FormatOption = Format.table,
) -> None:
    """Find meetings by words in their place, event, summary, topics, agreements or quotes, best match first.

    Every word must match (at the start of a word, ignoring case and accents) somewhere in the meeting.
    Matches in topics and agreements count most, then place and event, then summary and quotes.

    Examples:

      summits search nuclear arms

      summits search Geneva --from 1985 --to 1991

      summits search soul --leader Putin --format json
    """
    phrase = " ".join(text)
    words = query_words(phrase)
    if not words:
        raise BadValue("give at least one word of letters or digits to search for.")
    selection = select(dataset, filters)
    results = search(dataset, selection.meetings, phrase)
    why = {m.id: reason for reason, m in selection.excluded}
    hidden = search(dataset, [m for _, m in selection.excluded], phrase)
    note = left_out_note(reasons([(why[r.meeting.id], r.meeting) for r in hidden]))
    if sort is SearchOrder.date:
        position = {id(m): i for i, m in enumerate(selection.meetings)}
        results = sorted(results, key=lambda r: position[id(r.meeting)])
    shown, more = first(results, limit)
    emit(search_view(dataset, shown, words), output, more, note)
