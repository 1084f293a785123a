"""The framework floor for the benchmark: the smallest Typer app that prints a one-row Rich table.

Every summits command pays at least the interpreter, Typer and what it imports, and Rich; bench/run.py shows each
command against it beside the interpreter and the peers, and judges the scale series against it.
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
