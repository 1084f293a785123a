"""Output for people and for pipes, through the command line only: every command that prints records speaks every
format with the same meaning; a table read by a program is one line per record; options go before or after the
command; long output is paged on a terminal; help and completion a person can use."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner, Result

from summits.cli import app

from .conftest import MINI

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "markdown")

# Every command that prints records, with arguments that give at least two records on the small dataset.
RECORD_COMMANDS: dict[str, list[str]] = {
    "list": ["list", "--calls"],
    "count": ["count", "--by", "kind"],
    "quote": ["quote", "helsinki-2018"],
    "show": ["show", "helsinki-2018"],
    "search": ["search", "summit"],
    "leaders": ["leaders"],
    "sources": ["sources"],
    "disputes": ["disputes"],
    "timeline": ["timeline"],
}

ANSI = re.compile(r"\x1b\[")


def cli(*args: str, tty: bool = False, columns: int = 80, stdin: str | None = None, data: bool = True) -> Result:
    """`summits [--data mini.toml] ARGS` in-process; stdout counts as a terminal only when tty is set."""
    env = {"COLUMNS": str(columns), "LINES": "40", "NO_COLOR": "1", "SUMMITS_DATA": "", "SUMMITS_FORCE_TTY": ""}
    if tty:
        env["SUMMITS_FORCE_TTY"] = "1"
        env["SUMMITS_PAGER"] = "cat"  # (CliRunner's stdout is never a real terminal, so no pager runs anyway)
    argv = (["--data", str(MINI)] if data else []) + list(args)
    return CliRunner().invoke(app, argv, env=env, input=stdin, catch_exceptions=False)


# ---------------------------------------------------------------- every format on every command


@pytest.mark.parametrize("command", RECORD_COMMANDS)
def test_every_record_command_speaks_every_format_with_the_same_records(command: str) -> None:
    args = RECORD_COMMANDS[command]
    as_json = json.loads(cli(*args, "--format", "json").stdout)
    records = [as_json] if command == "show" else as_json
    assert len(records) >= 1

    jsonl = cli(*args, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in jsonl] == records  # the same objects, one a line

    as_csv = list(csv.reader(io.StringIO(cli(*args, "--format", "csv").stdout)))
    as_tsv = [line.split("\t") for line in cli(*args, "--format", "tsv").stdout.splitlines()]
    assert len(as_csv) == len(as_tsv) == len(records) + 1  # a header, then a row a record
    assert as_csv[0] == as_tsv[0]  # the same fields, in the same order

    markdown = cli(*args, "--format", "markdown").stdout.splitlines()
    assert markdown[0] == "| " + " | ".join(as_csv[0]) + " |"
    assert re.fullmatch(r"\|( --- \|)+", markdown[1])
    assert len(markdown) == len(records) + 2
    assert all(line.startswith("| ") and line.endswith(" |") for line in markdown)

    piped = cli(*args, "--format", "table").stdout
    assert piped and not ANSI.search(piped)
    assert all(line == line.rstrip() for line in piped.splitlines())  # no padding


def test_format_names_are_the_same_choices_on_every_command() -> None:
    for command in RECORD_COMMANDS:
        result = cli(command, "--help", columns=200)
        assert "table|json|jsonl|csv|tsv|markdown" in result.stdout, command


def test_tsv_is_the_csv_fields_tab_separated_with_tabs_and_newlines_in_values_made_spaces() -> None:
    result = cli("list", "--from", "2001", "--to", "2005", "--format", "tsv")
    assert result.stdout.splitlines() == [
        "id\tdate\tend_date\tcity\tcountry\tvenue\tkind\tevent\tparticipants\troles\ttopics\tagreements\tsummary\tsources",
        "ljubljana-2001\t2001-06-16\t\tKranj\tSlovenia\tBrdo Castle\tsummit\t\tGeorge W. Bush; Vladimir Putin\t"
        "George W. Bush: President; Vladimir Putin: President\tmissile defense\t\tFirst meeting of Bush and Putin.\tnews-one",
        "bratislava-2005\t2005\t\tBratislava\tSlovakia\t\tsummit\t\tGeorge W. Bush; Vladimir Putin\t"
        "George W. Bush: President; Vladimir Putin: President\t\t\tTalks in Bratislava.\tnews-one",
    ]


def test_markdown_is_a_table_of_the_csv_fields() -> None:
    result = cli("count", "--by", "pair", "--format", "markdown")
    assert result.stdout.splitlines() == [
        "| key | count | reported |",
        "| --- | --- | --- |",
        "| Ronald Reagan – Mikhail Gorbachev | 2 |  |",
        "| George H. W. Bush – Mikhail Gorbachev | 1 |  |",
        "| George W. Bush – Vladimir Putin | 2 | 3 |",
        "| Donald Trump – Vladimir Putin | 2 |  |",
    ]
    assert cli("search", "with", "--format", "markdown").stdout.splitlines()[2].startswith("| helsinki-2018 | ")


def test_jsonl_is_one_object_a_line() -> None:
    lines = cli("list", "--leader", "Trump", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["hamburg-2017", "helsinki-2018"]


# ---------------------------------------------------------------- tables through a pipe


def test_a_piped_list_is_one_line_a_meeting_with_a_header() -> None:
    result = cli("list", "--calls")
    assert result.stdout.splitlines() == [
        "ID\tDate\tPlace\tUnited States\tUSSR / Russia\tKind\tSummary",
        "reykjavik-1986\t1986-10-11–12\tReykjavik, Iceland\tRonald Reagan\tMikhail Gorbachev\tsummit\t"
        "Talks on nuclear arms came close to abolishing ballistic missiles.",
        "new-york-1988\t1988-12-07\tNew York, United States\t"
        "Ronald Reagan; George H. W. Bush (Vice President and President-elect)\tMikhail Gorbachev\tinformal\t"
        "Lunch on Governors Island.",
        "ljubljana-2001\t2001-06-16\tKranj, Slovenia\tGeorge W. Bush\tVladimir Putin\tsummit\t"
        "First meeting of Bush and Putin.",
        "bratislava-2005\t2005\tBratislava, Slovakia\tGeorge W. Bush\tVladimir Putin\tsummit\tTalks in Bratislava.",
        "hamburg-2017\t2017-07-07\tHamburg, Germany\tDonald Trump\tVladimir Putin\tsidelines\t"
        "First meeting of Trump and Putin, on the sidelines of the G20.",
        "helsinki-2018\t2018-07-16\tHelsinki, Finland\tDonald Trump\tVladimir Putin\tsummit\t"
        "Summit with a joint news conference.",
        "trump-putin-call-2025-02\t2025-02-12\t(phone call)\tDonald Trump\tVladimir Putin\tphone\tTelephone call.",
    ]


def test_a_piped_count_is_one_line_a_row() -> None:
    assert cli("count", "--by", "pair").stdout.splitlines() == [
        "Pair\tListed\tReported\tReported tally",
        "Ronald Reagan – Mikhail Gorbachev\t2\t\t",
        "George H. W. Bush – Mikhail Gorbachev\t1\t\t",
        "George W. Bush – Vladimir Putin\t2\t3\tin person, 2001-01-20 to 2009-01-20; 2 listed: 1 not found with a "
        "source (source: news-one)",
        "Donald Trump – Vladimir Putin\t2\t\t",
    ]
    assert cli("count", "--by", "president").stdout.splitlines() == [
        "President\tListed",
        "Ronald Reagan\t2",
        "George W. Bush\t2",
        "Donald Trump\t2",
    ]


def test_on_a_terminal_the_table_is_the_people_table() -> None:
    result = cli("list", "--calls", tty=True, columns=80)
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "Date", "/", "kind", "Place", "Leaders"]
    assert lines[1].startswith("─")
    assert len(lines) > 8  # wrapped cells take more than one line


@pytest.mark.parametrize("format_name", ["table", "jsonl", "csv", "tsv"])
def test_the_console_script_through_a_pipe_gives_a_line_a_meeting(format_name: str) -> None:
    """`summits list | wc -l` is the number of meetings plus one header line; every line holds an id and a date."""
    env = os.environ | {"COLUMNS": "80", "SUMMITS_DATA": "", "SUMMITS_FORCE_TTY": ""}
    count = len(json.loads(_summits(["list", "--format", "json"], env).stdout))
    out = _summits(["list", "--format", format_name], env).stdout.splitlines()
    assert len(out) == count + (0 if format_name == "jsonl" else 1)
    if format_name in ("table", "tsv"):
        assert all(re.match(r"[a-z0-9-]+\t\d{4}", line) for line in out[1:])


def _summits(args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "summits", *args], capture_output=True, text=True, env=env, input=stdin, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done
