"""The commands: one module each in this folder, listed in REGISTRY, in the order `summits --help` shows them.

A command module holds one plain function, `command`. Its docstring is the command's help; its parameters are
its options and arguments (Typer annotations), plus, by name, what the CLI supplies (summits.cli):

- `dataset`: the run's Dataset (--data, $SUMMITS_DATA or the shipped one), loaded once when first needed;
- `data_path`: what --data or $SUMMITS_DATA gave, if anything (for a command that reads the file itself);
- `filters`: the filter options of `list` (commands.options.FILTER_OPTIONS), resolved to query Filters;
  `filters_all` the same without --calls and --all, every record included.

An option whose type is an Enum takes one of its values in any case; any other value is an error of the same
style as an unknown name ("did you mean ...?"). A command shows what it found with output.emit(), and returns
nothing, or the exit code to end with. It imports what it uses at the top of its module, and only that: a run
imports the module of the command it runs and no other.

Adding a command is a module here and its name in REGISTRY.
"""

REGISTRY: tuple[str, ...] = (
    "list",
    "count",
    "quote",
    "show",
    "search",
    "leaders",
    "tallies",
    "timeline",
    "sources",
    "cite",
    "disputes",
    "validate",
    "export",
    "completion",
)
