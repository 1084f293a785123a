"""`python -m summits` runs the command-line tool."""

from summits.cli import run

run()
