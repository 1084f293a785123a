"""The framework floor for the benchmark: the smallest Typer app that prints a one-row Rich table.

Every summits command pays at least this (the interpreter, Typer and what it imports, Rich); bench/run.py reports
each command as a multiple of it.

With BENCH_END_LIKE_SUMMITS=1 in the environment it ends as summits does: gc.freeze() once its work is done, then,
with the output flushed, os._exit, which skips the interpreter's teardown. run.py shows that variant for reference:
against it, a command's margin is only its own work.
"""

import gc
import os
import sys

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
    if os.environ.get("BENCH_END_LIKE_SUMMITS"):
        gc.freeze()
        sys.stdout.flush()
        os._exit(0)


if __name__ == "__main__":
    app()
