"""The console script and `python -m summits`: a TAB completion that summits/quick_completion.py answers, and help
that summits/help_cache.py has kept, are printed at once; everything else is summits.cli.run(). Nothing here
imports Typer, Rich or the commands."""

from __future__ import annotations

import os
import sys
from typing import NoReturn


def run() -> NoReturn:
    # A closed or missing stdout (and the descriptors summits.cli.run holds open first) is summits.cli's business.
    usable = sys.stdout is not None and all(_is_open(fd) for fd in (0, 1, 2))
    if usable and (_completed_quickly() if "_SUMMITS_COMPLETE" in os.environ else _helped_from_cache()):
        import atexit

        # As summits.cli.run ends: output flushed, exit handlers run, no interpreter teardown.
        sys.stdout.flush()
        atexit._run_exitfuncs()
        os._exit(0)
    from summits.cli import run as run_cli

    run_cli()


def _completed_quickly() -> bool:
    from summits.quick_completion import answer

    return _printed(answer())


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def _helped_from_cache() -> bool:
    from summits import help_cache

    args = sys.argv[1:]
    if help_cache.request(args) is None:
        return False
    text = help_cache.cached(args)
    return _printed(None if text is None else text + "\n")  # Click's echo adds the newline


def _printed(text: str | None) -> bool:
    if text is None:
        return False
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError):  # a closed or unwritable stdout: summits.cli reports it as it always has
        return False
    return True
