"""The citation views (`cite`): citations of sources, of a quote, or of the dataset, in the style asked for."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import RenderableType
    from rich.text import Text

from summits.model import LANGUAGE_NAMES, Dataset, Meeting, Quote, Source
from summits.output.citations import Style, Work, cite, csl_item
from summits.output.formats import View
from summits.output.text import escape_controls
from summits.query.names import speaker_label

CITE_CSV_HEADER = ("id", "style", "citation")
TITLE = "summits: meetings between American and Soviet or Russian leaders"
PUBLISHER = "The summits developers"


def dataset_work(dataset: Dataset, tool_version: str) -> Work:
    """The dataset as a citable work: its own version (or the tool's) and its as-of date."""
    return Work(TITLE, dataset.version or tool_version, dataset.as_of, None, PUBLISHER)


def _line(text: str) -> Text:
    # A citation is one line to paste: printed whole (a terminal may wrap it, a copy gives it back in one piece).
    from rich.text import Text

    return Text(escape_controls(text, keep_newlines=True), no_wrap=True, overflow="ignore")


def citations_view(sources: Sequence[Source], style: Style) -> View:
    """Each source cited in the style; CSL-JSON as one array of items whatever the format."""
    from rich.text import Text

    def render(console: Any) -> list[RenderableType]:
        if style is Style.CSL_JSON:
            return [_line(json.dumps([csl_item(s) for s in sources], ensure_ascii=False, indent=2))]
        parts: list[RenderableType] = []
        for n, s in enumerate(sources):
            if n and style is Style.BIBTEX:
                parts.append(Text(""))
            parts.append(_line(cite(s, style)))
        return parts

    def data() -> Any:
        if style is Style.CSL_JSON:
            return [csl_item(s) for s in sources]
        return [{"id": s.id, "style": style.value, "citation": cite(s, style)} for s in sources]

    return View(
        count=len(sources),
        data=data,
        header=CITE_CSV_HEADER,
        rows=lambda: ([s.id, style.value, cite(s, style)] for s in sources),
        render=render,
        empty="No sources to cite.",
        wrap=False,
    )


def quote_line(dataset: Dataset, meeting: Meeting, quote: Quote) -> str:
    """The quote as a sentence to paste: who said it, the words, when and where, and whether it is a translation."""
    translated = f" (translated from {LANGUAGE_NAMES.get(quote.language, quote.language)})" if quote.translated else ""
    return f"{speaker_label(dataset, quote)}, {meeting.date} ({meeting.place}): “{quote.text}”{translated}."


def quote_citation_view(dataset: Dataset, meeting: Meeting, quote: Quote, style: Style) -> View:
    """One quote with the citation of its source (and of the sources that print the same words)."""
    sources = [s for i in (quote.source, *quote.also_in) if (s := dataset.source(i)) is not None]
    inner = citations_view(sources, style)

    def render(console: Any) -> list[RenderableType]:
        return [_line(quote_line(dataset, meeting, quote)), *inner.render(console)]

    def data() -> dict[str, Any]:
        return {
            "meeting": meeting.id,
            "speaker": speaker_label(dataset, quote),
            "text": quote.text,
            "original_language": quote.language,
            "translated": quote.translated,
            "sentence": quote_line(dataset, meeting, quote),
            "sources": inner.data(),
        }

    return View(1, data, CITE_CSV_HEADER, inner.rows, render, wrap=False)
