"""`summits leaders [NAME]`: every leader with offices and meeting counts, or one leader in full."""

import sys
from typing import Annotated, Optional

import typer

from summits import completion
from summits.commands.options import CallsOption, Format, FormatOption, reports_errors, say, state_of, stdout_console


def register(app: typer.Typer) -> None:
    @app.command("leaders")
    @reports_errors
    def leaders(
        ctx: typer.Context,
        name: Annotated[
            Optional[str],
            typer.Argument(
                metavar="NAME",
                help="A leader by name, surname, alias or id; a surname shared by several shows each.",
                autocompletion=completion.complete_leader,
            ),
        ] = None,
        calls: CallsOption = False,
        output: FormatOption = Format.table,
    ) -> None:
        """Every leader with offices and number of meetings; or, with a NAME, that leader's offices, counterparts,
        meetings and the totals sources report for them (beside the number listed here).

        "Meetings" counts every encounter that `summits list` shows; phone and video calls are counted apart.
        With a NAME, --format csv gives one row per meeting.

        Examples:

          summits leaders

          summits leaders Bush

          summits leaders Putin --calls --format json
        """
        from summits.output import meetings as render
        from summits.output import search as show
        from summits.query import filters as query
        from summits.query import sources as records

        dataset = state_of(ctx).dataset
        if name is None:
            counts = records.leader_counts(dataset)
            everyone = dataset.leaders
            if output is Format.json:
                render.write_json(sys.stdout, [show.leader_data(x, counts[x.id]) for x in everyone])
            elif output is Format.csv:
                rows = (show.leader_csv_row(x, counts[x.id]) for x in everyone)
                render.write_csv(sys.stdout, show.LEADER_CSV_HEADER, rows)
            else:
                stdout_console().print(show.leaders_table(everyone, counts))
            return

        ids = query.resolve_leader(dataset, name)
        profiles = [records.leader_profile(dataset, x) for x in dataset.leaders if x.id in ids]
        shown = {p.leader.id: [m for m in p.meetings if calls or not m.kind.is_call] for p in profiles}
        if output is Format.json:
            render.write_json(sys.stdout, [show.profile_data(p, shown[p.leader.id]) for p in profiles])
        elif output is Format.csv:
            rows = ([p.leader.id, *render.meeting_csv_row(m)] for p in profiles for m in shown[p.leader.id])
            render.write_csv(sys.stdout, show.PROFILE_CSV_HEADER, rows)
        else:
            console = stdout_console()
            for i, profile in enumerate(profiles):
                if i:
                    console.print()
                console.print(show.profile_panel(dataset, profile, shown[profile.leader.id], console.width))
        hidden = sum(p.counts.calls for p in profiles) if not calls else 0
        if hidden:
            plural = "call is" if hidden == 1 else "calls are"
            say(f"note: {hidden} phone/video {plural} not listed; add --calls to include them.", "dim")
