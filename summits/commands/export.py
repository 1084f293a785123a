"""`summits export`: the whole dataset as JSON, CSV, SQLite or Markdown."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from summits.commands.options import UserError, reports_errors, say, state_of


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    sqlite = "sqlite"
    markdown = "markdown"


SUFFIXES = {"json": ".json", "csv": "", "sqlite": ".sqlite", "markdown": ".md"}
NAMES = {"json": "JSON", "csv": "CSV", "sqlite": "SQLite", "markdown": "Markdown"}


def register(app: typer.Typer) -> None:
    app.command("export")(export)


@reports_errors
def export(
    ctx: typer.Context,
    export_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="json (the data file's shape; reads back with --data), csv (one file per table, in a directory), "
            "sqlite (normalised tables with keys), markdown (a document to read).",
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="File to write; for csv, a directory to write the tables into. '-' writes json or markdown "
            "to standard output.",
        ),
    ],
    force: Annotated[bool, typer.Option("--force", help="Replace files that already exist.")] = False,
) -> None:
    """Export the whole dataset (or the --data file) as JSON, CSV, SQLite or Markdown.

    Examples:

      summits export --format sqlite --output summits.sqlite

      summits export --format csv --output summits-csv/

      summits export --format json --output - | jq '.meetings | length'
    """
    from summits.export import tables as writers

    dataset = state_of(ctx).dataset
    fmt = export_format.value
    if output == writers.STDOUT:
        if fmt in ("csv", "sqlite"):
            what = "a directory" if fmt == "csv" else "a file"
            raise UserError(f"--format {fmt} cannot be written to standard output; give {what} with --output")
        writers.write_to_stream(dataset, fmt, sys.stdout)
        return
    path = Path(output)
    try:
        if fmt == "csv":
            writers.check_directory_target(path, writers.csv_names(), force)
            writers.write_csv(dataset, path)
            wrote = f"as {len(writers.TABLES)} CSV files in {path}"
        else:
            writers.check_file_target(path, force, suggested_name=f"summits{SUFFIXES[fmt]}")
            {"json": writers.write_json, "sqlite": writers.write_sqlite, "markdown": writers.write_markdown}[fmt](
                dataset, path
            )
            wrote = f"as {NAMES[fmt]} to {path}"
    except writers.ExportError as error:
        raise UserError(str(error)) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise UserError(f"cannot write {path}: {reason}; choose another --output") from None
    counts = f"{len(dataset.meetings)} meetings, {len(dataset.leaders)} leaders and {len(dataset.sources)} sources"
    say(f"Wrote {counts} {wrote}.")
    if fmt == "json" and path.suffix.lower() != ".json":
        say(f"note: name the file with a .json ending to read it back with: summits --data {path.name}.json", "dim")
