"""`python -m summits` runs the command-line tool."""

from summits.entry import run

run()
