"""summits completion SHELL: the shell's completion script, to save where the shell looks for it."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


def command(
    shell: Annotated[Shell, typer.Argument(metavar="SHELL", help="bash, zsh or fish.", case_sensitive=False)],
) -> None:
    """Print the completion script for a shell (see the README for where to put it).

    Examples:

    \b
      summits completion bash > ~/.local/share/bash-completion/completions/summits
      summits completion zsh > ~/.zfunc/_summits
      summits completion fish > ~/.config/fish/completions/summits.fish
    """
    from typer._completion_shared import get_completion_script

    typer.echo(get_completion_script(prog_name="summits", complete_var="_SUMMITS_COMPLETE", shell=shell.value))
