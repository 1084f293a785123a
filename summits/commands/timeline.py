"""`summits timeline`: meetings per decade or year as a bar chart in the terminal, by U.S. president or kind."""

import sys
from enum import Enum
from typing import Annotated

import typer

from summits.commands.options import (
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
    note_hidden_calls,
    reports_errors,
    say,
    state_of,
    stdout_console,
)


class Per(str, Enum):
    decade = "decade"
    year = "year"


class ColourBy(str, Enum):
    president = "president"
    kind = "kind"


def register(app: typer.Typer) -> None:
    @app.command("timeline")
    @reports_errors
    def timeline(
        ctx: typer.Context,
        per: Annotated[
            Per, typer.Option("--per", "-p", help="One row per decade, or per year.", case_sensitive=False)
        ] = Per.decade,
        colour_by: Annotated[
            ColourBy,
            typer.Option(
                "--colour-by",
                "--color-by",
                "-c",
                help="Split each bar by U.S. president or by kind.",
                case_sensitive=False,
            ),
        ] = ColourBy.president,
        leader: LeaderOption = None,
        start: FromOption = None,
        end: ToOption = None,
        country: CountryOption = None,
        kind: KindOption = None,
        topic: TopicOption = None,
        calls: CallsOption = False,
        output: FormatOption = Format.table,
    ) -> None:
        """Meetings per decade or per year as a bar chart, each bar split by U.S. president (or by kind).

        Decades are the default: the whole record fits on one screen. Use --per year with --from/--to to zoom in.
        Without colour (NO_COLOR, or output to a file or pipe) each president or kind has its own fill character.

        Examples:

          summits timeline

          summits timeline --per year --from 1985 --to 1991 --colour-by kind

          summits timeline --leader Putin --calls --format csv
        """
        from summits.output import meetings as render
        from summits.output.timeline import TIMELINE_CSV_HEADER, timeline_csv_rows, timeline_data, timeline_lines
        from summits.query import filters as query
        from summits.query.timeline import bin_meetings

        dataset = state_of(ctx).dataset
        filters = build_filters(dataset, leader, start, end, country, kind, topic, calls)
        chart = bin_meetings(query.select(dataset, filters), per.value, colour_by.value)
        if output is Format.json:
            render.write_json(sys.stdout, timeline_data(chart))
        elif output is Format.csv:
            render.write_csv(sys.stdout, TIMELINE_CSV_HEADER, timeline_csv_rows(chart))
        elif chart.periods:
            console = stdout_console()
            use_colour = console.color_system is not None and not console.no_color
            for line in timeline_lines(chart, console.width, use_colour=use_colour):
                console.print(line)  # bars are drawn to fit; only a long title or legend entry may wrap
        if not chart.periods:
            say("No meetings match.")
        note_hidden_calls(dataset, filters)
