"""`summits disputes`: every recorded disagreement between sources, with the value used and why."""

import sys
from typing import Annotated, Optional

import typer

from summits.commands.options import (
    CountryOption,
    Format,
    FormatOption,
    FromOption,
    KindOption,
    LeaderOption,
    ToOption,
    TopicOption,
    build_filters,
    reports_errors,
    say,
    state_of,
    stdout_console,
)


def register(app: typer.Typer) -> None:
    @app.command("disputes")
    @reports_errors
    def disputes(
        ctx: typer.Context,
        field: Annotated[
            Optional[str],
            typer.Option("--field", metavar="FIELD", help="Only disagreements about this field (date, city, ...)."),
        ] = None,
        leader: LeaderOption = None,
        start: FromOption = None,
        end: ToOption = None,
        country: CountryOption = None,
        kind: KindOption = None,
        topic: TopicOption = None,
        output: FormatOption = Format.table,
    ) -> None:
        """Every recorded disagreement between sources: the meeting, the field, what each source claims, the value
        this dataset uses and why. Takes the same filters as `list`; calls are included, since a disagreement
        about a call is as much a part of the record as one about a meeting.

        Examples:

          summits disputes

          summits disputes --field date --format csv

          summits disputes --leader Putin
        """
        from summits.output import meetings as render
        from summits.output import search as show
        from summits.query import filters as query
        from summits.query import sources as records

        dataset = state_of(ctx).dataset
        filters = build_filters(dataset, leader, start, end, country, kind, topic, True)
        rows = records.disputes(query.select(dataset, filters), field)
        if output is Format.json:
            render.write_json(sys.stdout, [show.dispute_data(r) for r in rows])
        elif output is Format.csv:
            render.write_csv(sys.stdout, show.DISPUTE_CSV_HEADER, (show.dispute_csv_row(r) for r in rows))
        elif rows:
            stdout_console().print(show.disputes_view(rows))
        if not rows:
            say("No disagreements match.")
