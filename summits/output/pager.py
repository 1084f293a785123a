"""Long output on a terminal goes through a pager, as git and gh do: $SUMMITS_PAGER, then $PAGER, else `less -FRX`.

Only when standard output is a terminal, the output is taller than the screen, and --no-pager was not given.
"""

from __future__ import annotations

import os
import sys

from summits.output.terminal import pager_allowed

DEFAULT = "less -FRX"  # quit at once if it fits, keep colours, leave the text on the screen after quitting


def command() -> str | None:
    """The pager to run, or None for none: the first of $SUMMITS_PAGER and $PAGER that is set (empty or `cat`
    meaning none), else less."""
    for name in ("SUMMITS_PAGER", "PAGER"):
        value = os.environ.get(name)
        if value is not None:
            value = value.strip()
            return None if value in ("", "cat") else value
    return DEFAULT


def pager_for(lines: int, height: int) -> str | None:
    """The pager for output of this many lines on a screen this tall, or None to write it directly."""
    if not pager_allowed() or lines < height:
        return None
    try:
        if not sys.stdout.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return command()


def page(text: str, pager: str) -> bool:
    """Show text through the pager; False if the pager could not be started (the caller writes it instead)."""
    import subprocess

    sys.stdout.flush()
    env = os.environ.copy()
    env.setdefault("LESS", "FRX")
    env.setdefault("LESSCHARSET", "utf-8")
    try:
        process = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode("utf-8", "replace"))
        process.stdin.close()
    except BrokenPipeError:  # the reader quit the pager before reading everything: that is fine
        pass
    while True:
        try:
            process.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
            continue
    return process.returncode != 127  # 127: the shell could not find the pager
