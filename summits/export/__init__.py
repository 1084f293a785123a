"""Whole-dataset files, one row of EXPORTERS per format: its name, how it is written, and where it can go.

Adding an export format is one writer and one row here; `summits export` reads its choices, help and file
names from this table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from summits.dataset.document import to_document
from summits.export import html, markdown, tables
from summits.export.files import ExportError, write_text
from summits.model import Dataset, Meeting
from summits.query.names import resolve_choice

__all__ = ["EXPORTERS", "ExportError", "Exporter", "exporter", "part_of"]


def json_text(dataset: Dataset) -> str:
    """The dataset in the data file's shape, as JSON that `summits --data FILE.json` reads back unchanged."""
    import json

    return json.dumps(to_document(dataset), ensure_ascii=False, indent=2) + "\n"


def write_json(dataset: Dataset, path: Path) -> None:
    write_text(path, json_text(dataset))


@dataclass(frozen=True)
class Exporter:
    name: str  # the --format value
    label: str  # as a person names it
    help: str  # what the --format help says of it
    write: Callable[[Dataset, Path], object]  # writes the whole dataset to a path
    suffix: str = ""  # of the file name suggested when --output is a directory
    files: Callable[[], Sequence[str]] | None = None  # for a folder of files: their names; None: one file
    text: Callable[[Dataset], str] | None = None  # the file as text, for standard output ('-'); None: not possible


EXPORTERS: tuple[Exporter, ...] = (
    Exporter("json", "JSON", "the data file's shape; reads back with --data", write_json, ".json", text=json_text),
    Exporter("csv", "CSV", "one file per table, in a directory", tables.write_csv, files=tables.csv_names),
    Exporter("sqlite", "SQLite", "normalised tables with keys", tables.write_sqlite, ".sqlite"),
    Exporter("markdown", "Markdown", "a document to read", markdown.write_markdown, ".md", text=markdown.markdown_text),
    Exporter("html", "HTML", "one self-contained page to browse", html.write_html, ".html", text=html.html_text),
)


def exporter(name: str) -> Exporter:
    """The exporter a --format value names, in any case."""
    chosen = resolve_choice("value for --format", name, [e.name for e in EXPORTERS])
    return next(e for e in EXPORTERS if e.name == chosen)


def part_of(dataset: Dataset, meetings: Iterable[Meeting]) -> Dataset:
    """The dataset narrowed to some of its meetings (`export` with filters): every leader, the sources those
    meetings cite, and no reported totals, whose figures count the whole record."""
    chosen = tuple(meetings)
    cited: set[str] = set()
    for m in chosen:
        cited.update(m.sources)
        for q in m.quotes:
            cited.update((q.source, *q.also_in, *(v.source for v in q.variants)))
        cited.update(c.source for d in m.disputes for c in d.claims)
    return Dataset(
        leaders=dataset.leaders,
        sources=tuple(s for s in dataset.sources if s.id in cited),
        meetings=chosen,
        tallies=(),
        schema_version=dataset.schema_version,
        version=dataset.version,
        as_of=dataset.as_of,
    )
