"""`summits tallies [ID]`: every total that sources report, reconciled with the records."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from summits import completion
from summits.commands.options import FormatOption, LeaderOption
from summits.model import Dataset
from summits.output.formats import Format, emit
from summits.output.tallies import tallies_view, tally_view
from summits.query.names import UnknownName, closest, resolve_leader
from summits.query.tallies import reconcile, reconcile_all


def command(
    dataset: Dataset,
    tally_id: Annotated[
        Optional[str],
        typer.Argument(
            metavar="ID", help="A tally id, to show it with its meetings.", autocompletion=completion.complete_tally
        ),
    ] = None,
    leader: LeaderOption = None,
    differs: Annotated[
        bool, typer.Option("--differs", help="Only tallies whose figure the records do not bear out.")
    ] = False,
    output: FormatOption = Format.table,
) -> None:
    """Every total a source reports ("Bush and Putin met 28 times"), beside the figure the records give on the
    same definition (the same leaders, period and contact levels, leaders in office), with a verdict; where the
    two differ, the reason in words and the definitions that would give the reported figure.

    Examples:

      summits tallies

      summits tallies --leader Putin --differs

      summits tallies ap-2025-bush-putin-28
    """
    if tally_id is not None:
        tally = next((t for t in dataset.tallies if t.id == tally_id.strip().lower()), None)
        if tally is None:
            raise UnknownName("tally id", tally_id, closest(tally_id, [t.id for t in dataset.tallies], limit=3))
        emit(tally_view(dataset, reconcile(dataset, tally)), output)
        return
    checks = reconcile_all(dataset)
    for name in leader or ():
        ids = resolve_leader(dataset, name)
        checks = [c for c in checks if ids & set(c.tally.leaders)]
    if differs:
        checks = [c for c in checks if c.verdict != "agrees"]
    emit(tallies_view(dataset, checks), output)
