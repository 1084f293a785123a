"""Commands beyond the core four, one module each. Each module has `register(app)`; the CLI calls them all.

Modules import only what registering needs; anything heavy (json, csv, sqlite3, charts) is imported inside
the command function, so that `summits --help` and the core commands stay fast.
"""

from __future__ import annotations

import importlib

import typer

# Order here is the order of the commands in `summits --help`, after list, count, quote and show.
COMMAND_MODULES: tuple[str, ...] = ("search", "leaders", "timeline", "sources", "disputes", "validate", "export")


def register_all(app: typer.Typer) -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"summits.commands.{name}").register(app)
