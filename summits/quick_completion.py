"""TAB completion without Typer: the common bash requests answered from an index of the command tree.

A TAB press runs summits once. Through Typer, that run imports Typer's Click, builds every command and parses
the line, three quarters of its time, to answer what the index below already knows: which command was named,
which argument or option value is being typed, and which callback completes it. So, for bash, a line of the
shapes people TAB most:

    summits PARTIAL                      the command names
    summits COMMAND [WORD...] PARTIAL    the command's next argument
    summits COMMAND [WORD...] --OPTION PARTIAL    that option's value

is answered here, from summits/completion_index.py, with the same callbacks (summits/completion.py) and the same
filtering Typer applies. Anything else (another shell, which shows help rendered by Rich; an option anywhere else
on the line, --data among them; quotes or escapes; an option name being typed; a callback that reads more of the
context than the dataset) returns None, and the run goes through Typer as before.

The index is generated from the Typer app (build_index) and a test checks that it still equals what the app gives,
so it cannot drift from the commands; `python -m summits.quick_completion` rewrites it.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

# A completer in the index: ("call", name of a summits.completion callback in DATASET_ONLY), ("values", the
# (value, help) pairs of an Enum option), or None when only Typer can answer.
Completer = tuple[str, Any] | None

# Characters that make the shell's word splitting (shlex, as Click does it) differ from splitting at whitespace.
_NOT_PLAIN = re.compile(r"""["'\\]""")
_WHITESPACE = re.compile(r"[ \t\r\n]+")  # shlex's whitespace


def answer() -> str | None:
    """The text Typer would print for this completion request, or None when it is not one answered here."""
    if os.environ.get("_SUMMITS_COMPLETE") != "complete_bash":
        return None
    line, position = os.environ.get("COMP_WORDS"), os.environ.get("COMP_CWORD", "")
    if line is None or _NOT_PLAIN.search(line) or not position.isascii() or not position.isdigit():
        return None
    words = [w for w in _WHITESPACE.split(line) if w]
    cword = int(position)
    args, incomplete = words[1:cword], words[cword] if cword < len(words) else ""
    if incomplete.startswith("-") or "=" in incomplete:
        return None
    values = _values(args, incomplete)
    if values is None:
        return None
    text = "\n".join(values) + "\n"
    # Click writes through its own stream wrapper, which can differ from sys.stdout for text that is not ASCII.
    return text if text.isascii() else None


def _values(args: Sequence[str], incomplete: str) -> list[str] | None:
    from summits.completion_index import ARGUMENTS, COMMANDS, OPTIONS

    if not args:
        return [name for name in COMMANDS if name.startswith(incomplete)]
    command, *rest = args
    if command not in COMMANDS or any(word.startswith("-") for word in rest[:-1]):
        return None
    if rest and rest[-1].startswith("-"):
        option = next((o for o in OPTIONS[command] if rest[-1] in o[0]), None)
        if option is None or not option[1]:  # unknown, or a flag: Typer decides what comes next
            return None
        return _complete(option[2], incomplete)
    filled = len(rest)
    for _name, nargs, completer in ARGUMENTS[command]:
        if nargs == -1 or filled == 0:
            return _complete(completer, incomplete)
        filled -= 1
    return None  # every argument given: what Click offers then is the command's business


def _complete(completer: Completer, incomplete: str) -> list[str] | None:
    if completer is None:
        return None
    kind, what = completer
    if kind == "values":
        pairs = [(value, help_text) for value, help_text in what if value.startswith(incomplete)]
    else:
        from summits import completion

        pairs = getattr(completion, what)(*(() if what in _NO_CONTEXT else (None,)), incomplete)
    # Typer's filter, applied again to what the callback gave.
    return [value for value, _ in pairs if value.startswith(incomplete)]


# The callbacks that take the incomplete word alone (no context argument).
_NO_CONTEXT = frozenset({"complete_grouping", "complete_kind", "complete_contact"})


# ---------------------------------------------------------------- the index, from the Typer app


def build_index() -> dict[str, Any]:
    """COMMANDS, ARGUMENTS and OPTIONS as the Typer app has them (imports Typer: for the test and for rewriting
    completion_index.py, never at a TAB)."""
    import typer.main
    from typer.core import TyperArgument, TyperOption

    from summits.cli import whole_app

    group = typer.main.get_command(whole_app())
    ctx = group.make_context("summits", [], resilient_parsing=True)
    names = [n for n in group.list_commands(ctx) if not group.commands[n].hidden]  # type: ignore[attr-defined]
    arguments: dict[str, tuple[tuple[str, int, Completer], ...]] = {}
    options: dict[str, tuple[tuple[tuple[str, ...], bool, Completer], ...]] = {}
    for name in names:
        command = group.commands[name]  # type: ignore[attr-defined]
        arguments[name] = tuple(
            (p.name or "", p.nargs, None if p.envvar else _completer_of(p))
            for p in command.params
            if isinstance(p, TyperArgument)
        )
        options[name] = tuple(
            (tuple(p.opts), not (p.is_flag or p.count) and p.nargs == 1, _completer_of(p))
            for p in command.params
            if isinstance(p, TyperOption)
        )
    return {"COMMANDS": tuple(names), "ARGUMENTS": arguments, "OPTIONS": options}


def _completer_of(param: Any) -> Completer:
    from summits.completion import DATASET_ONLY

    typer_callback = getattr(param, "_custom_shell_complete", None)
    if typer_callback is None:
        return None
    # Typer's compat wrapper holds its wrapper around our callback; functools.wraps leads to the function itself.
    wrapper = next(c.cell_contents for c in typer_callback.__closure__ if callable(c.cell_contents))
    function = getattr(wrapper, "__wrapped__", wrapper)
    function = getattr(function, "__wrapped__", function)
    if function.__module__ == "summits.completion" and function.__name__ in DATASET_ONLY:
        return ("call", function.__name__)
    if function.__qualname__ == "_completing.<locals>.complete":  # an Enum option's values (cli._completing)
        return ("values", tuple(function("")))
    return None


def render_index() -> str:
    from pprint import pformat

    index = build_index()
    body = "\n\n".join(f"{name} = {pformat(value, width=116, sort_dicts=False)}" for name, value in index.items())
    return (
        '"""The command tree as TAB completion needs it (see summits/quick_completion.py). Generated by\n'
        "`python -m summits.quick_completion` from the Typer app; tests/test_quick_completion.py checks that it\n"
        'still equals what the app gives."""\n\n'
        f"{body}\n"
    )


if __name__ == "__main__":
    from pathlib import Path

    Path(__file__).with_name("completion_index.py").write_text(render_index(), encoding="utf-8")
