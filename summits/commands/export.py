"""`summits export`: the whole dataset as a file in another format (export.EXPORTERS)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from summits.export import EXPORTERS, ExportError, exporter, part_of
from summits.export.files import check_directory_target, check_file_target
from summits.model import Dataset
from summits.output.formats import terminal_safe_json
from summits.output.terminal import say
from summits.query.filters import Filters, select
from summits.query.names import BadValue

STDOUT = "-"


def command(
    dataset: Dataset,
    export_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar=f"[{'|'.join(e.name for e in EXPORTERS)}]",
            help=", ".join(f"{e.name} ({e.help})" for e in EXPORTERS) + ".",
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="File to write; for csv, a directory to write the tables into. '-' writes json, markdown or "
            "html to standard output.",
        ),
    ],
    force: Annotated[bool, typer.Option("--force", help="Replace files that already exist.")] = False,
    *,
    filters_all: Filters,
) -> None:
    """Export the whole dataset (or the --data file) as JSON, CSV, SQLite, Markdown or one HTML page; with
    filters, only the meetings they select (every record of them, whatever the contact level).

    Examples:

      summits export --format sqlite --output summits.sqlite

      summits export --format csv --output summits-csv/

      summits export --format json --output - | jq '.meetings | length'

      summits export --format html --output reagan-gorbachev.html --leader Reagan --leader Gorbachev
    """
    chosen = exporter(export_format)
    if filters_all != Filters(everything=True):
        dataset = part_of(dataset, select(dataset, filters_all).meetings)
    if output == STDOUT:
        if chosen.text is None:
            what = "a directory" if chosen.files is not None else "a file"
            raise BadValue(f"--format {chosen.name} cannot be written to standard output; give {what} with --output")
        text = chosen.text(dataset)
        sys.stdout.write(terminal_safe_json(text) if chosen.name == "json" and sys.stdout.isatty() else text)
        return
    path = Path(output)
    try:
        if chosen.files is not None:
            check_directory_target(path, chosen.files(), force)
        else:
            path = check_file_target(path, force, suggested_name=f"summits{chosen.suffix}")
        chosen.write(dataset, path)
    except ExportError as error:
        raise BadValue(str(error)) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise BadValue(f"cannot write {path}: {reason}; choose another --output") from None
    counts = f"{len(dataset.meetings)} meetings, {len(dataset.leaders)} leaders and {len(dataset.sources)} sources"
    if chosen.files is not None:
        wrote = f"as {len(chosen.files())} {chosen.label} files in {path}"
    else:
        wrote = f"as {chosen.label} to {path}"
    say(f"Wrote {counts} {wrote}.")
    if chosen.name == "json" and path.suffix.lower() != ".json":
        say(f"note: name the file with a .json ending to read it back with: summits --data {path.name}.json", "dim")
