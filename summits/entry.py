"""The console script and `python -m summits`: a TAB completion that summits/quick_completion.py answers is
printed at once; everything else is summits.cli.run(). Nothing here imports Typer, Rich or the commands."""

from __future__ import annotations

import os
from typing import NoReturn


def run() -> NoReturn:
    if "_SUMMITS_COMPLETE" in os.environ and _completed_quickly():
        import atexit
        import sys

        # As summits.cli.run ends: output flushed, exit handlers run, no interpreter teardown.
        sys.stdout.flush()
        atexit._run_exitfuncs()
        os._exit(0)
    from summits.cli import run as run_cli

    run_cli()


def _completed_quickly() -> bool:
    import sys

    from summits.quick_completion import answer

    text = answer()
    if text is None:
        return False
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError):  # a closed or unwritable stdout: summits.cli reports it as it always has
        return False
    return True
