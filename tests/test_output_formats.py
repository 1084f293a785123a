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
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from summits.cli import app

from .conftest import MINI, MINI_TEXT

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
        "id\tdate\tend_date\tcity\tcountry\tvenue\tkind\tcontact\tevent\tparticipants\troles\ttopics\tagreements\t"
        "summary\tsources",
        "ljubljana-2001\t2001-06-16\t\tKranj\tSlovenia\tBrdo Castle\tsummit\ttalks\t\tGeorge W. Bush; Vladimir Putin\t"
        "George W. Bush: President; Vladimir Putin: President\tmissile defense\t\tFirst meeting of Bush and Putin.\tnews-one",
        "bratislava-2005\t2005\t\tBratislava\tSlovakia\t\tsummit\ttalks\t\tGeorge W. Bush; Vladimir Putin\t"
        "George W. Bush: President; Vladimir Putin: President\t\t\tTalks in Bratislava.\tnews-one",
    ]


def test_markdown_is_a_table_of_the_csv_fields() -> None:
    result = cli("count", "--by", "pair", "--format", "markdown")
    assert result.stdout.splitlines() == [
        "| key | count | reported | meetings |",
        "| --- | --- | --- | --- |",
        "| Ronald Reagan – Mikhail Gorbachev | 2 |  | reykjavik-1986; new-york-1988 |",
        "| George W. Bush – Vladimir Putin | 2 | 3 | ljubljana-2001; bratislava-2005 |",
        "| Donald Trump – Vladimir Putin | 2 |  | hamburg-2017; helsinki-2018 |",
    ]
    assert cli("search", "with", "--format", "markdown").stdout.splitlines()[2].startswith("| helsinki-2018 | ")


def test_jsonl_is_one_object_a_line() -> None:
    lines = cli("list", "--leader", "Trump", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["hamburg-2017", "helsinki-2018"]


def test_formats_are_documented_with_their_fields_in_the_readme() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for name in FORMATS:
        assert f"`{name}`" in readme
    assert "## Output formats" in readme


# ---------------------------------------------------------------- tables through a pipe


def test_a_piped_list_is_one_line_a_meeting_with_a_header() -> None:
    result = cli("list", "--calls")
    assert result.stdout.splitlines() == [
        "ID\tDate\tPlace\tUnited States\tUSSR / Russia\tKind\tSummary",
        "reykjavik-1986\t1986-10-11–12\tReykjavik, Iceland\tRonald Reagan\tMikhail Gorbachev\tsummit\t"
        "Talks on nuclear arms came close to abolishing ballistic missiles.",
        "new-york-1988\t1988-12-07\tNew York, United States\t"
        "Ronald Reagan; George H. W. Bush (Vice President and President-elect)\tMikhail Gorbachev\tvisit\t"
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
    result = cli("count", "--by", "pair")
    assert result.stdout.splitlines() == [
        "Pair\tListed\tReported\tOn its definition\tVerdict",
        "Ronald Reagan – Mikhail Gorbachev\t2\t\t\t",
        "George W. Bush – Vladimir Putin\t2\t3\t2\t1 fewer listed than reported",
        "Donald Trump – Vladimir Putin\t2\t\t\t",
    ]  # what was counted, and where the reported total comes from, go to stderr: the pipe gets the rows alone
    assert result.stderr.splitlines()[0] == (
        "Reported totals, with their definitions and sources: summits tallies (news-one-bush-putin-3)."
    )


def test_a_piped_view_of_several_tables_flattens_each_and_a_chart_keeps_the_default_width() -> None:
    lines = cli("leaders", "Bush").stdout.splitlines()
    assert "Counterpart\tID\tMeetings\tCalls" in lines  # an indented table: one line a row, no rule
    assert "ljubljana-2001\t2001-06-16\tKranj, Slovenia\tGeorge W. Bush\tVladimir Putin\tsummit\t" in (
        "\n".join(lines) + "\t"
    ).replace("First meeting of Bush and Putin.", "")
    assert not any("───" in line for line in lines)
    chart = cli("timeline", columns=80).stdout.splitlines()
    assert chart[0].startswith("Meetings per decade") and all(len(line) <= 80 for line in chart)


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


# ---------------------------------------------------------------- options before or after the command


def test_data_and_format_go_before_or_after_the_command() -> None:
    before = cli("--format", "csv", "list").stdout
    after = CliRunner().invoke(app, ["list", "--data", str(MINI), "--format", "csv"], env={"SUMMITS_DATA": ""}).stdout
    assert before == after
    assert before.startswith("id,date,")
    assert len(before.splitlines()) == 7


def test_a_format_after_the_command_wins_over_one_before() -> None:
    assert cli("--format", "csv", "count", "--format", "json").stdout.startswith("[")


def test_data_dash_reads_the_dataset_from_standard_input() -> None:
    result = CliRunner().invoke(
        app, ["list", "--data", "-", "--format", "csv"], input=MINI_TEXT, env={"SUMMITS_DATA": ""}
    )
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 7


def test_data_dash_through_the_console_script() -> None:
    env = os.environ | {"SUMMITS_DATA": ""}
    done = _summits(["--data", "-", "count", "--format", "csv"], env, stdin=MINI_TEXT)
    assert done.stdout.splitlines()[0] == "key,count,reported,meetings"


# ---------------------------------------------------------------- --limit and --sort


@pytest.mark.parametrize("args", [["list"], ["search", "summit"], ["sources"], ["disputes"], ["leaders"]])
def test_limit_keeps_the_first_records(args: list[str]) -> None:
    everything = json.loads(cli(*args, "--format", "json").stdout)
    limited = json.loads(cli(*args, "--format", "json", "--limit", "1").stdout)
    assert limited == everything[:1]


def test_limit_must_be_positive() -> None:
    result = cli("list", "--limit", "0")
    assert result.exit_code == 2


def test_count_sorts_by_number_when_asked() -> None:
    lines = cli("count", "--by", "country", "--sort", "count", "--format", "csv").stdout.splitlines()
    counts = [int(line.split(",")[1]) for line in lines[1:]]
    assert counts == sorted(counts, reverse=True)
    by_key = cli("count", "--by", "country", "--format", "csv").stdout.splitlines()
    assert sorted(by_key) == sorted(lines)


# ---------------------------------------------------------------- help


def test_a_bare_summits_prints_help_and_exits_0() -> None:
    result = CliRunner().invoke(app, [], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: summits")


@pytest.mark.parametrize("columns", [80, 120])
def test_help_summaries_are_never_cut(columns: int) -> None:
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    commands = result.stdout.split("Commands:\n")[1]
    assert "..." not in commands
    assert "by U.S. president (or by kind)." in " ".join(commands.split())  # a summary is its whole first sentence
    assert all(len(line) <= columns for line in result.stdout.splitlines())


@pytest.mark.parametrize("command", [*RECORD_COMMANDS, "validate", "export", "completion"])
def test_help_shows_metavars_a_person_understands(command: str) -> None:
    text = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "100"}).stdout
    assert not re.search(r"<list\[|\{[A-Z]+\}|\bINTEGER\b|\bTEXT\b", text), text


def test_an_error_that_lists_choices_wraps_them_like_prose() -> None:
    result = cli("list", "--country", "Atlantis", columns=80, data=False)  # the shipped dataset: 40-odd countries
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) > 2 and all(len(line) <= 80 for line in lines)
    words = " ".join(lines).split()
    assert "Finland," in words and "Zealand," in words  # no word split across lines


# ---------------------------------------------------------------- completion


@pytest.mark.parametrize(
    ("shell", "marker"), [("bash", "complete -o"), ("zsh", "compdef"), ("fish", "complete --command summits")]
)
def test_completion_prints_the_script_for_the_shell_named(shell: str, marker: str) -> None:
    result = CliRunner().invoke(app, ["completion", shell])
    assert result.exit_code == 0
    assert marker in result.stdout
    assert "_SUMMITS_COMPLETE" in result.stdout


def test_completion_of_an_unknown_shell_lists_the_shells() -> None:
    result = CliRunner().invoke(app, ["completion", "tcsh"])
    assert result.exit_code == 2
    assert "bash" in result.stderr and "fish" in result.stderr


def candidates(*words: str, data: bool = True) -> list[str]:
    """What bash completion offers after `summits --data mini.toml WORDS` (the last word is being typed); with
    data=False, on the shipped dataset."""
    line = ["summits", *(["--data", str(MINI)] if data else []), *words]
    env = {"_SUMMITS_COMPLETE": "complete_bash", "COMP_WORDS": " ".join(line), "COMP_CWORD": str(len(line) - 1)}
    result = CliRunner().invoke(app, [], env=env | {"SUMMITS_DATA": ""}, prog_name="summits")
    assert result.exit_code == 0
    return result.stdout.splitlines()  # one candidate a line


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["list", "--country", "F"], ["Finland"]),
        (["list", "--topic", "nu"], ["nuclear"]),
        (["list", "--kind", "si"], ["sidelines"]),
        (["list", "--format", "js"], ["json", "jsonl"]),
        (["disputes", "--field", "d"], ["date"]),
        (["sources", "--kind", "o"], ["official"]),
        (["count", "--by", "p"], ["president", "pair"]),
        (["count", "--sort", ""], ["key", "count"]),
        (["timeline", "--per", ""], ["decade", "year"]),
        (["completion", ""], ["bash", "zsh", "fish"]),
    ],
)
def test_closed_set_options_complete(words: list[str], expected: list[str]) -> None:
    assert sorted(candidates(*words)) == sorted(expected)


def test_bash_gets_values_with_spaces_and_brackets_escaped() -> None:
    """Each candidate is one word as bash inserts it: the shell would split "New Zealand" in two."""
    assert candidates("list", "--country", "New", data=False) == ["New\\ Zealand"]
    assert "quotes\\ \\(wording\\)" in candidates("disputes", "--field", "quotes", data=False)


def test_speaker_completion_offers_no_invalid_candidates() -> None:
    offered = candidates("quote", "helsinki-2018", "--speaker", "")
    assert offered and not any("unnamed" in word or "(" in word for word in offered)


# ---------------------------------------------------------------- timeline pictures


@pytest.mark.parametrize(
    ("suffix", "start"), [(".svg", "<svg"), (".html", "<!DOCTYPE html>"), (".txt", "Meetings per")]
)
def test_timeline_saves_the_chart(tmp_path: Path, suffix: str, start: str) -> None:
    target = tmp_path / f"timeline{suffix}"
    result = cli("timeline", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    saved = target.read_text(encoding="utf-8")
    assert saved.lstrip().startswith(start)
    assert "Reagan" in saved
    assert result.stdout == ""
    assert str(target) in result.stderr


def test_timeline_output_names_the_suffixes_it_knows(tmp_path: Path) -> None:
    result = cli("timeline", "--output", str(tmp_path / "chart.png"))
    assert result.exit_code == 2
    assert ".svg" in result.stderr and ".html" in result.stderr and ".txt" in result.stderr


# ---------------------------------------------------------------- the pager, on a real terminal


def _on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run the console script with stdout on a pseudo-terminal of 80 by 24; return what reached the terminal."""
    import pty

    code = "import sys; from summits.cli import run; sys.argv = ['summits', *sys.argv[1:]]; run()"
    primary, secondary = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=secondary, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(primary)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")
def test_long_output_on_a_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open({str(paged)!r}, 'w').write(sys.stdin.read())\""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env |= {"SUMMITS_DATA": "", "SUMMITS_PAGER": pager, "PAGER": "false", "NO_COLOR": "1"}
    shown = _on_a_terminal(["show", "helsinki-2018"], env)
    assert "helsinki-2018" in paged.read_text(encoding="utf-8")
    assert "helsinki-2018" not in shown
    paged.unlink()

    shown = _on_a_terminal(["show", "helsinki-2018", "--no-pager"], env)
    assert not paged.exists()
    assert "helsinki-2018" in shown

    shown = _on_a_terminal(["count"], env)  # shorter than the screen
    assert not paged.exists()
    assert "Listed" in shown


def test_sources_and_disputes_into_a_pipe_are_one_line_a_record() -> None:
    """On a terminal they are blocks of lines (a URL whole on its own line); a program gets one line each."""
    assert cli("sources").stdout.splitlines() == [
        "ID\tKind\tCited by\tTitle\tPublisher\tDate\tURL",
        "ooh-trip-3817\tofficial\t1 meeting, 1 claim\tTravels of the President: Donald J. Trump, trip 3817\t"
        "Office of the Historian, U.S. Department of State\t\t"
        "https://history.state.gov/departmenthistory/travels/president/trump-donald-j",
        "news-one\tnews\t7 meetings, 4 quotes, 1 claim, 1 tally\tA news report\tA Newspaper\t2001-06",
    ]
    assert cli("disputes").stdout.splitlines() == [
        "Meeting\tDate\tPlace\tField\tClaims\tUsed\tWhy",
        "hamburg-2017\t2017-07-07\tHamburg, Germany\tdate\tJune 7, 2017 [news-one]; July 2017 [ooh-trip-3817]\t"
        "2017-07-07\tThe official record puts the trip on July 6-8, 2017.",
    ]
    on_terminal = cli("sources", tty=True, columns=200).stdout.splitlines()
    assert on_terminal[:2] == [
        "ooh-trip-3817  official  cited by 1 meeting, 1 claim",
        "Travels of the President: Donald J. Trump, trip 3817",
    ]
