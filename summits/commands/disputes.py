"""`summits disputes`: every recorded disagreement between sources, with the value used and why."""

import sys
from typing import Annotated, Optional

import typer


def register(app: typer.Typer) -> None:
    from summits.cli import (
        CallsOption,
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
        calls: CallsOption = False,
        output: FormatOption = Format.table,
    ) -> None:
        """Every recorded disagreement between sources: the meeting, the field, what each source claims, the value
        this dataset uses and why. Takes the same filters as `list`.

        Examples:

          summits disputes

          summits disputes --field date --format csv

          summits disputes --leader Putin --calls
        """
        from summits import query, records, render
        from summits import render_extra as show

        dataset = state_of(ctx).dataset
        filters = build_filters(dataset, leader, start, end, country, kind, topic, calls)
        rows = records.disputes(query.select(dataset, filters), field)
        if output is Format.json:
            render.write_json(sys.stdout, [show.dispute_data(r) for r in rows])
        elif output is Format.csv:
            render.write_csv(sys.stdout, show.DISPUTE_CSV_HEADER, (show.dispute_csv_row(r) for r in rows))
        elif rows:
            stdout_console().print(show.disputes_view(rows))
        if not rows:
            say("No disagreements match.")
        if not filters.include_calls and filters.kind is None:
            calls_only = [m for m in dataset.meetings if m.kind.is_call and filters.matches(m, ignore_calls_rule=True)]
            hidden = len(records.disputes(calls_only, field))
            if hidden:
                plural = "disagreement about a phone/video call is" if hidden == 1 else "disagreements about calls are"
                say(f"note: {hidden} {plural} not shown; add --calls to include them.", "dim")
