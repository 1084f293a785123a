"""`summits search TEXT`: full-text search over places, events, summaries, topics, agreements and quotes."""

import sys
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
    reports_errors,
    say,
    state_of,
    stdout_console,
)


def register(app: typer.Typer) -> None:
    @app.command("search")
    @reports_errors
    def search(
        ctx: typer.Context,
        text: Annotated[
            list[str], typer.Argument(metavar="TEXT", help="Words to find; every word must match somewhere.")
        ],
        leader: LeaderOption = None,
        start: FromOption = None,
        end: ToOption = None,
        country: CountryOption = None,
        kind: KindOption = None,
        topic: TopicOption = None,
        calls: CallsOption = False,
        output: FormatOption = Format.table,
    ) -> None:
        """Find meetings by words in their place, event, summary, topics, agreements or quotes, best match first.

        Every word must match (at the start of a word, ignoring case and accents) somewhere in the meeting.
        Matches in topics and agreements count most, then place and event, then summary and quotes.

        Examples:

          summits search nuclear arms

          summits search Geneva --from 1985 --to 1991

          summits search soul --leader Putin --format json
        """
        from summits.output import meetings as render
        from summits.output.search import SEARCH_CSV_HEADER, search_csv_row, search_data, search_table
        from summits.query import filters as query
        from summits.query import search as searching

        dataset = state_of(ctx).dataset
        phrase = " ".join(text)
        words = searching.query_words(phrase)
        if not words:
            raise typer.BadParameter("give at least one word of letters or digits to search for.", param_hint="TEXT")
        filters = build_filters(dataset, leader, start, end, country, kind, topic, calls)
        results = searching.search(dataset, query.select(dataset, filters), phrase)
        if output is Format.json:
            render.write_json(sys.stdout, [search_data(r) for r in results])
        elif output is Format.csv:
            render.write_csv(sys.stdout, SEARCH_CSV_HEADER, (search_csv_row(r) for r in results))
        elif results:
            console = stdout_console()
            console.print(search_table(dataset, results, words, console.width))
        if not results:
            say("No meetings match.")
        if not filters.include_calls and filters.kind is None:
            calls_only = [m for m in dataset.meetings if m.kind.is_call and filters.matches(m, ignore_calls_rule=True)]
            hidden = len(searching.search(dataset, calls_only, phrase))
            if hidden:
                plural = "call matches" if hidden == 1 else "calls match"
                say(f"note: {hidden} phone/video {plural} too; add --calls to include them.", "dim")
