"""The sources view (`sources`): every source with what cites it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported where a view is drawn: JSON, CSV and help never load it
    from rich.console import Console, RenderableType

from summits.model import SOURCE_KIND_DESCRIPTIONS, SourceKind
from summits.output.fields import source_data
from summits.output.formats import View, items_view
from summits.output.text import plain, plural, url_text
from summits.query.sources import Citations, CitedBy

CITATIONS_CSV_HEADER = ("id", "kind", "title", "publisher", "date", "url", "meetings", "quotes", "claims", "tallies")


def sources_view(rows: Sequence[Citations]) -> View:
    def table(console: Console) -> list[RenderableType]:
        return sources_blocks(rows)

    view = items_view(rows, citations_data, CITATIONS_CSV_HEADER, citations_csv_row, table, "No sources match.")
    return replace(view, pipe_rows=lambda: [SOURCES_PIPE_HEADER, *(_pipe_row(c) for c in rows)])


# Through a pipe: what each block shows, one line a source.
SOURCES_PIPE_HEADER = ("ID", "Kind", "Cited by", "Title", "Publisher", "Date", "URL")


def _pipe_row(c: Citations) -> tuple[str, ...]:
    s = c.source
    return (s.id, s.kind, _cited_by(c), s.title, s.publisher or "", s.date.iso() if s.date else "", s.url or "")


def citations_data(c: Citations) -> dict[str, Any]:
    cited_by = {"meetings": c.meetings, "quotes": c.quotes, "claims": c.claims, "tallies": c.tallies}
    return source_data(c.source) | {"cited_by": cited_by}


def citations_csv_row(c: Citations) -> list[object]:
    s = c.source
    date = s.date.iso() if s.date else None
    return [s.id, s.kind, s.title, s.publisher, date, s.url, c.meetings, c.quotes, c.claims, c.tallies]


def _cited_by(c: Citations) -> str:
    counts = (("meeting", c.meetings), ("quote", c.quotes), ("claim", c.claims), ("tally", c.tallies))
    return ", ".join(plural(n, word, "tallies" if word == "tally" else None) for word, n in counts if n) or "not cited"


def source_block(c: Citations) -> list[RenderableType]:
    """One source: id, kind and what cites it; title; publisher and date; the URL whole on its own line (a table
    cell would break it inside a word)."""
    s = c.source
    head = plain(s.id, "bold cyan")
    head.append_text(plain(f"  {s.kind}  ", "dim"))
    head.append_text(plain(f"cited by {_cited_by(c)}", "dim"))
    lines: list[RenderableType] = [head, plain(s.title)]
    details = ", ".join(x for x in (s.publisher, s.date.iso() if s.date else None) if x)
    if details:
        lines.append(plain(details))
    if s.url:
        lines.append(url_text(s.url))
    return lines


def sources_blocks(rows: Sequence[Citations]) -> list[RenderableType]:
    from rich.text import Text

    parts: list[RenderableType] = []
    for n, c in enumerate(rows):
        if n:
            parts.append(Text(""))
        parts += source_block(c)
    return parts


def source_detail_view(cited: CitedBy, counts: Citations) -> View:
    """One source in full (`sources ID`): every field, then every record that cites it."""
    from rich.table import Table
    from rich.text import Text

    s = cited.source

    def data() -> dict[str, Any]:
        return citations_data(counts) | {
            "meetings": [m.id for m in cited.meetings],
            "quotes": [{"meeting": m.id, "text": q.text} for m, q in cited.quotes],
            "claims": [{"meeting": m.id, "field": d.field} for m, d in cited.claims],
            "tallies": [t.id for t in cited.tallies],
        }

    def render(console: Console) -> list[RenderableType]:
        facts = Table.grid(padding=(0, 2))
        facts.add_column(style="bold", no_wrap=True)
        facts.add_column(overflow="fold")
        facts.add_row("Title", plain(s.title))
        facts.add_row("Kind", plain(f"{s.kind}: {SOURCE_KIND_DESCRIPTIONS.get(SourceKind(s.kind), '')}"))
        if s.publisher:
            facts.add_row("Publisher", plain(s.publisher))
        if s.date:
            facts.add_row("Date", plain(s.date.iso()))
        parts: list[RenderableType] = [plain(s.id, "bold cyan"), facts]
        if s.url:
            parts += [Text("URL", style="bold"), url_text(s.url)]
        cites: list[str] = [f"meeting {m.id}: {m.date} {m.place}" for m in cited.meetings]
        cites += [f"quote at {m.id}: “{q.text}”" for m, q in cited.quotes]
        cites += [f"disagreement at {m.id} about {d.field}" for m, d in cited.claims]
        cites += [f"reported tally {t.id}" for t in cited.tallies]
        parts.append(Text(f"\nCited by ({len(cites)})", style="bold"))
        parts += [plain(f"  {line}") for line in cites] or [Text("  nothing")]
        return parts

    return View(1, data, CITATIONS_CSV_HEADER, lambda: [citations_csv_row(counts)], render)
