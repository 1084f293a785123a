"""The quotes views (`quote`, of one meeting or across meetings), and the quotes table that `show` uses too.

Every quote shows where it comes from (the source's publisher and date, with its id to look up with `summits
sources ID`) and, when the words were spoken in another language, that the English is a translation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.table import Table
    from rich.text import Text

from summits.model import LANGUAGE_NAMES, Dataset, Meeting, Quote
from summits.output.fields import quote_data
from summits.output.formats import View
from summits.output.text import data_table, plain
from summits.query.names import speaker_label

QUOTE_CSV_HEADER = (
    "meeting", "speaker", "speaker_id", "speaker_role", "text", "original_language", "translated",
    "context", "source", "also_in", "variants",
)  # fmt: skip


def _csv_row(dataset: Dataset, meeting: Meeting, quote: Quote) -> list[object]:
    d = quote_data(dataset, meeting, quote)
    return [
        d["meeting"],
        d["speaker"],
        d["speaker_id"],
        d["speaker_role"],
        d["text"],
        d["original_language"],
        d["translated"],
        d["context"],
        d["source"],
        d["also_in"],
        [f"{v['text']} [{v['source']}]" for v in d["variants"]],
    ]


def quotes_view(dataset: Dataset, meeting: Meeting, quotes: Sequence[Quote], speaker: str | None = None) -> View:
    who = f" from {speaker}" if speaker else ""
    pairs = [(meeting, q) for q in quotes]
    return View(
        count=len(quotes),
        data=lambda: [quote_data(dataset, meeting, q) for q in quotes],
        header=QUOTE_CSV_HEADER,
        rows=lambda: (_csv_row(dataset, meeting, q) for q in quotes),
        render=lambda console: [quotes_layout(dataset, pairs, console.width)],
        empty=f"No quotes{who} are recorded for {meeting.id}.",
    )


def quotes_across_view(dataset: Dataset, pairs: Sequence[tuple[Meeting, Quote]]) -> View:
    """Quotes from many meetings, in date order, each with its meeting."""
    return View(
        count=len(pairs),
        data=lambda: [quote_data(dataset, m, q) for m, q in pairs],
        header=QUOTE_CSV_HEADER,
        rows=lambda: (_csv_row(dataset, m, q) for m, q in pairs),
        render=lambda console: [quotes_layout(dataset, pairs, console.width, with_meeting=True)],
        empty="No quotes match.",
    )


def speaker_text(dataset: Dataset, quote: Quote) -> Text:
    """The speaker, and "(translated from Russian)" when the English words are a translation."""
    text = plain(speaker_label(dataset, quote), "bold")
    if quote.translated:
        language = LANGUAGE_NAMES.get(quote.language, quote.language)
        text.append_text(plain(f"\n(translated from {language})", "italic", keep_newlines=True))
    return text


def quote_text(quote: Quote) -> Text:
    """The words, then any other wording another source prints."""
    text = plain(f"“{quote.text}”")
    for v in quote.variants:
        text.append_text(plain(f"\nalso printed as: “{v.text}” [{v.source}]", "dim", keep_newlines=True))
    return text


def source_label(dataset: Dataset, quote: Quote) -> Text:
    """ "Associated Press, 2018-07-16" and the id, for every source that prints the words."""
    from rich.text import Text

    text = Text()
    for n, source_id in enumerate((quote.source, *quote.also_in)):
        s = dataset.source(source_id)
        label = ", ".join(x for x in (s.publisher, s.date.iso() if s.date else None) if x) if s else ""
        text.append_text(plain(("\n" if n else "") + (label or source_id), keep_newlines=True))
        text.append_text(plain(f"\n[{source_id}]", "dim", keep_newlines=True))
    return text


def quotes_table(dataset: Dataset, pairs: Sequence[tuple[Meeting, Quote]], with_meeting: bool = False) -> Table:
    table = data_table()
    if with_meeting:
        table.add_column("Meeting", overflow="fold", max_width=22)
    table.add_column("Speaker", overflow="fold", max_width=28)
    table.add_column("Quote", overflow="fold", ratio=3)
    table.add_column("Context", overflow="fold", ratio=2)
    table.add_column("Source", overflow="fold", max_width=32)
    for m, q in pairs:
        cells = [_meeting_cell(m)] if with_meeting else []
        table.add_row(*cells, speaker_text(dataset, q), quote_text(q), plain(q.context), source_label(dataset, q))
    return table


def _meeting_cell(meeting: Meeting) -> Text:
    text = plain(meeting.id, "cyan")
    text.append_text(plain(f"\n{meeting.date}", keep_newlines=True))
    return text


QUOTE_TABLE_MIN_WIDTH = 120  # below this the four-column quote table squeezes the words into a narrow strip


def quotes_narrow_table(dataset: Dataset, pairs: Sequence[tuple[Meeting, Quote]], with_meeting: bool = False) -> Table:
    """Two columns for narrow terminals: who, in what context and from which source; then the words."""
    from rich.text import Text

    table = data_table()
    table.add_column("Speaker, context, source", overflow="fold", ratio=2)
    table.add_column("Quote", overflow="fold", ratio=3)
    for m, q in pairs:
        who = Text()
        if with_meeting:
            who.append_text(_meeting_cell(m))
            who.append("\n")
        who.append_text(speaker_text(dataset, q))
        who.append_text(plain(f"\n{q.context}", keep_newlines=True))
        who.append("\n")
        who.append_text(source_label(dataset, q))
        table.add_row(who, quote_text(q), end_section=True)
    return table


def quotes_layout(
    dataset: Dataset, pairs: Sequence[tuple[Meeting, Quote]], width: int, with_meeting: bool = False
) -> Any:
    """Four columns on a wide terminal; two on a narrow one, so that the words keep a readable width."""
    if width >= QUOTE_TABLE_MIN_WIDTH + (22 if with_meeting else 0):
        return quotes_table(dataset, pairs, with_meeting)
    return quotes_narrow_table(dataset, pairs, with_meeting)
