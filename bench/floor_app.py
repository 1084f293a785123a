"""The framework floor for the benchmark: the smallest Typer app that prints a one-row Rich table.

Every summits command pays at least this (the interpreter, Typer, Click, Rich); bench/run.py reports each
command as a multiple of it.
"""

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


if __name__ == "__main__":
    app()
