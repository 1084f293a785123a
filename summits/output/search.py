"""The search view (`search`): results best first, with what matched and the query words highlighted.

As everywhere, text from the data file goes through text.plain (never markup, control characters escaped);
highlighting is applied as styles on that plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

from summits.model import Dataset, Quote
from summits.output.fields import MEETING_CSV_HEADER, meeting_csv_row, meeting_data
from summits.output.formats import View, items_view
from summits.output.text import compact_dates, data_table, fit, person, plain
from summits.query.names import speaker_label
from summits.query.search import SearchResult, match_spans

HIGHLIGHT = "bold yellow"
SEARCH_CSV_HEADER = (*MEETING_CSV_HEADER, "score", "matched")


def search_view(dataset: Dataset, results: Sequence[SearchResult], words: Sequence[str]) -> View:
    def table(console: Console) -> list[RenderableType]:
        return [search_table(dataset, results, words, console.width)]

    return items_view(results, search_data, SEARCH_CSV_HEADER, search_csv_row, table, "No meetings match.")


def highlighted(text: str, words: Sequence[str], style: str = "") -> Text:
    """Data as plain text with every word-start match of the query words styled with HIGHLIGHT."""
    result = plain(text, style)
    for start, end in match_spans(result.plain, words):
        result.stylize(HIGHLIGHT, start, end)
    return result


def _label(name: str) -> Text:
    from rich.text import Text

    return Text(f"{name}: ", style="dim")


def match_lines(result: SearchResult, words: Sequence[str], dataset: Dataset) -> Text:
    """What matched in a meeting, one line per field (quotes one line each), with the query words highlighted."""
    from rich.text import Text

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
    from rich.text import Text

    meetings = [r.meeting for r in results]
    leaders = ["\n".join(person(p, m) for p in (*m.americans, *m.soviets_or_russians)) for m in meetings]
    id_width = max(2, fit([m.id for m in meetings], 40))
    fixed = {
        "ID": id_width,
        "Date": max(4, fit([compact_dates(m) for m in meetings], 30)),
        "Place": max(5, fit([m.place for m in meetings], 20)),
        "Leaders": max(7, fit(leaders, 18)),
        "Score": 5,
    }
    room = width - sum(fixed.values()) - 2 * len(fixed) - 1
    table = data_table()
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


def search_csv_row(result: SearchResult) -> list[object]:
    return [*meeting_csv_row(result.meeting), result.score, list(result.matched)]
