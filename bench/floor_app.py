"""The framework floor for the benchmark: the smallest Typer app that prints a one-row Rich table.

Every summits command pays at least this (the interpreter, Typer and what it imports, Rich); bench/run.py reports
each command as a multiple of it.

With BENCH_FREEZE_GC=1 in the environment it ends as summits does after loading its data, with gc.freeze(), so
that the collection Python makes at exit skips every object alive by then; run.py shows that variant for
reference, as it tells how much of a command's margin comes from that.
"""

import gc
import os

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def main(name: str = "floor") -> None:
    """Print one row."""
    table = Table("name", "value")
    table.add_row(name, "1")
    Console().print(table)
    if os.environ.get("BENCH_FREEZE_GC"):
        gc.freeze()


if __name__ == "__main__":
    app()
