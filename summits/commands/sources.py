"""`summits sources`: every source, with its URL and how many records cite it."""

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from summits.commands.options import Format, FormatOption, reports_errors, say, state_of, stdout_console


class SourceKind(str, Enum):
    official = "official"
    news = "news"
    reference = "reference"
    seed = "seed"


def register(app: typer.Typer) -> None:
    @app.command("sources")
    @reports_errors
    def sources(
        ctx: typer.Context,
        kind: Annotated[
            Optional[SourceKind],
            typer.Option("--kind", help="Only sources of this kind.", case_sensitive=False),
        ] = None,
        uncited: Annotated[bool, typer.Option("--uncited", help="Only sources that no record cites.")] = False,
        output: FormatOption = Format.table,
    ) -> None:
        """Every source: id, kind, title, publisher, date, URL, and how many meetings, quotes, dispute claims and
        reported tallies cite it. Sources come in the order of the data file.

        Examples:

          summits sources

          summits sources --kind official --format csv

          summits sources --format json
        """
        from summits.output import meetings as render
        from summits.output import search as show
        from summits.query import sources as records

        dataset = state_of(ctx).dataset
        chosen = [s for s in dataset.sources if kind is None or s.kind == kind.value]
        rows = [c for c in records.citations(dataset, chosen) if not uncited or c.total == 0]
        if output is Format.json:
            render.write_json(sys.stdout, [show.citations_data(c) for c in rows])
        elif output is Format.csv:
            render.write_csv(sys.stdout, show.CITATIONS_CSV_HEADER, (show.citations_csv_row(c) for c in rows))
        elif rows:
            console = stdout_console()
            console.print(show.sources_table(rows, console.width))
        if not rows:
            say("No sources match.")
