"""The entry point: the app for one command, the error boundary, exit codes, closed pipes, the console script."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summits import __version__
from summits.cli import app
from summits.dataset.files import DataFileError, InvalidDataset, Problem, load
from tests.conftest import MINI, MINI_TEXT, Runner, error_of
from tests.dataset.test_build import all_cases_at_once, assert_reported


def test_version(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--version")  # the tool's version and the data's, to cite; mini.toml is data version 0.2.0
    assert (result.exit_code, result.stdout) == (
        0,
        f"summits {__version__}, data version 0.2.0, data as of 2026-11-30, 7 meetings\n",
    )
    result = run("--version", data=None)
    assert (result.exit_code, result.stdout) == (0, f"summits {__version__}, data as of 2026-11-30, 160 meetings\n")


def test_data_from_environment_variable(run, tmp_path) -> None:  # type: ignore[no-untyped-def]

    result = run("list", "--format", "json", data=None, env={"SUMMITS_DATA": str(MINI)})
    assert len(json.loads(result.stdout)) == 6


def test_missing_data_file_is_a_clear_error(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run("list", data=tmp_path / "missing.toml")
    assert result.exit_code == 2
    assert result.stderr.startswith("summits: error: ")
    assert "missing.toml: no such file" in result.stderr


@pytest.mark.parametrize(
    "name",
    ["list", "count", "quote", "show", "search", "leaders", "tallies", "timeline", "sources", "cite", "disputes",
     "validate", "export", "completion"],
)  # fmt: skip
def test_a_command_runs_on_an_app_holding_only_it(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.main import get_command

    from summits.cli import app_for

    monkeypatch.delenv("_SUMMITS_COMPLETE", raising=False)
    single = app_for(["--data", "x.toml", name, "--help"])
    assert single is not app
    assert sorted(get_command(single).commands) == [name]  # type: ignore[attr-defined]
    assert sorted(get_command(app).commands) == sorted(  # type: ignore[attr-defined]
        ["list", "count", "quote", "show", "search", "leaders", "tallies", "timeline", "sources", "cite", "disputes",
         "validate", "export", "completion"]
    )  # fmt: skip


def test_help_completion_and_unknown_commands_get_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    from summits.cli import app_for

    monkeypatch.delenv("_SUMMITS_COMPLETE", raising=False)
    assert app_for([]) is app
    assert app_for(["--help"]) is app
    assert app_for(["--data", "x.toml"]) is app
    assert app_for(["serch", "nuclear"]) is app
    monkeypatch.setenv("_SUMMITS_COMPLETE", "complete_bash")
    assert app_for(["quote"]) is app


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--leader", "Bush", "--format", "json"],
        ["list", "--help"],
        ["count", "--by", "nope"],
        ["quote", "nope"],
        ["show", "--frobnicate"],
        ["search", "Reykjavik", "--leader", "Reagan"],
        ["leaders", "putin"],
        ["timeline", "--per", "year"],
        ["sources", "--kind", "news"],
        ["disputes"],
        ["validate"],
        ["export", "--format", "json", "--output", "-"],
        ["serch", "summit"],
    ],
)
def test_the_single_command_app_answers_exactly_as_the_whole_app(args: list[str]) -> None:

    from summits.cli import app, app_for

    argv = ["--data", str(MINI), *args]
    env = {"COLUMNS": "120", "NO_COLOR": "1"}
    whole = CliRunner().invoke(app, argv, env=env)
    single = CliRunner().invoke(app_for(argv), argv, env=env)
    assert (single.exit_code, single.stdout, single.stderr) == (whole.exit_code, whole.stdout, whole.stderr)
    assert single.stdout or single.stderr


@pytest.mark.parametrize("where", ["before", "after"])
def test_data_before_or_after_the_command_through_the_console_script(where: str) -> None:
    """`summits --data F list` and `summits list --data F` as a shell runs them (main(), not only the Typer app)."""
    argv = ["--data", str(MINI), "list", "--all"] if where == "before" else ["list", "--all", "--data", str(MINI)]
    env = {"COLUMNS": "120", "NO_COLOR": "1", "PATH": os.environ.get("PATH", ""), "SUMMITS_CACHE_DIR": ""}
    done = subprocess.run(
        [*summits_command(), *argv], capture_output=True, text=True, env=env | {"SUMMITS_DATA": ""}, timeout=60
    )
    assert (done.returncode, done.stderr) == (0, "")
    ids = [line.split("\t")[0] for line in done.stdout.splitlines()[1:]]
    assert ids == [meeting.id for meeting in load(MINI).meetings]


def test_data_from_standard_input_after_the_command() -> None:
    env = {"COLUMNS": "120", "NO_COLOR": "1", "PATH": os.environ.get("PATH", ""), "SUMMITS_CACHE_DIR": ""}
    done = subprocess.run(
        [*summits_command(), "list", "--all", "--format", "json", "--data", "-"],
        input=MINI.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        env=env | {"SUMMITS_DATA": ""},
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert [row["id"] for row in json.loads(done.stdout)] == [meeting.id for meeting in load(MINI).meetings]


def test_a_closed_pipe_on_stderr_ends_quietly_with_141() -> None:
    """`summits list 2>&1 >/dev/null | head -1`: the note about calls meets a reader that has gone."""
    import subprocess
    import sys

    reader_gone = subprocess.Popen(
        [sys.executable, "-m", "summits", "--data", str(MINI), "list"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={"COLUMNS": "120", "NO_COLOR": "1", "PATH": "/usr/bin:/bin", "SUMMITS_CACHE_DIR": ""},
    )
    assert reader_gone.stderr is not None
    reader_gone.stderr.close()
    assert reader_gone.wait(timeout=60) == 141


def _run_python(code_or_module: list[str], stdout: Any = subprocess.PIPE) -> subprocess.CompletedProcess[str]:

    env = {"COLUMNS": "120", "NO_COLOR": "1", "PATH": os.environ.get("PATH", ""), "SUMMITS_CACHE_DIR": ""}
    env["SUMMITS_DATA"] = str(MINI)
    return subprocess.run(
        [sys.executable, *code_or_module], stdout=stdout, stderr=subprocess.PIPE, env=env, text=True, timeout=60
    )


def test_the_console_script_writes_all_its_output_to_a_file_before_it_ends(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A file is fully buffered: whatever was not flushed before the process ended would be missing.
    out = tmp_path / "out.json"
    with out.open("w") as stream:
        done = _run_python(["-m", "summits", "list", "--calls", "--format", "json"], stdout=stream)
    assert (done.returncode, done.stderr) == (0, "")
    expected = run("list", "--calls", "--format", "json").stdout
    assert out.read_text() == expected
    assert len(json.loads(expected)) == 7  # every record of mini.toml, its call included


def test_the_console_script_ends_with_the_commands_exit_code_and_message() -> None:
    done = _run_python(["-m", "summits", "quote", "nope-1999"])
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("summits: error: unknown meeting id 'nope-1999'")


def test_the_console_script_runs_exit_handlers() -> None:
    code = (
        "import atexit, sys; atexit.register(print, 'handler ran', file=sys.stderr); "
        "sys.argv = ['summits', '--version']; from summits.cli import run; run()"
    )
    done = _run_python(["-c", code])
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        f"summits {__version__}, data version 0.2.0, data as of 2026-11-30, 7 meetings\n",
        "handler ran\n",
    )


# What every command that reads the dataset imports (dataset.build too: the mini dataset is too small to cache).
CORE_MODULES = ["summits", "summits.cache_folder", "summits.cli", "summits.commands", "summits.commands.options", "summits.completion",
                "summits.dataset", "summits.dataset.build", "summits.dataset.cache", "summits.dataset.compact",
                "summits.dataset.files",
                "summits.model", "summits.output", "summits.output.formats", "summits.output.terminal",
                "summits.output.plain", "summits.output.text", "summits.query", "summits.query.filters", "summits.query.names"]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["list", "--leader", "Bush"], ["summits.commands.list", "summits.output.fields", "summits.output.meetings",
                                        "summits.output.quotes", "summits.query.sources"]),
        (["quote", "helsinki-2018"], ["summits.commands.quote", "summits.output.fields", "summits.output.quotes"]),
        (["search", "nuclear"], ["summits.commands.search", "summits.output.fields", "summits.output.search",
                                 "summits.query.search"]),
        (["timeline"], ["summits.commands.timeline", "summits.output.timeline", "summits.query.counts",
                        "summits.query.tallies", "summits.query.timeline"]),
    ],
)  # fmt: skip
def test_a_command_imports_only_the_modules_it_needs(args: list[str], extra: list[str]) -> None:
    """Start-up time: other commands' modules, the exporters and SQLite are imported only by a command that uses them."""
    code = (
        f"import sys; sys.argv = ['summits', *{args!r}]; from summits.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('summits') or m == 'sqlite3'), file=sys.stderr)"
    )
    env = {"COLUMNS": "100", "NO_COLOR": "1", "PATH": os.environ.get("PATH", ""), "SUMMITS_CACHE_DIR": ""}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == repr(sorted(CORE_MODULES + extra))


@pytest.mark.parametrize(
    ("args", "header"),
    [
        (["list"], "ID"),
        (["count", "--by", "kind"], "Kind"),
        (["quote", "helsinki-2018"], "Speaker"),
        (["search", "nuclear"], "ID"),
        (["leaders"], "Leader"),
        (["tallies"], "Tally"),
    ],
)
def test_a_table_starts_with_its_header_on_the_first_line(run, args: list[str], header: str) -> None:  # type: ignore[no-untyped-def]
    """`summits list | head -1` shows the column names, not a blank line, and rows start at the left margin."""
    lines = run(*args, columns=140).stdout.splitlines()
    assert lines[0].split()[0] == header
    assert lines[1].startswith("─")
    assert lines[-1].strip() != ""


@pytest.mark.parametrize("export_format", ["sqlite", "json", "markdown", "csv"])
def test_the_console_script_leaves_a_complete_export_behind(tmp_path: Path, export_format: str) -> None:
    """Files are written and closed before the process ends, which it does without the interpreter's teardown."""
    import sqlite3

    out = tmp_path / ("summits-csv" if export_format == "csv" else f"summits.{export_format}")
    done = _run_python(["-m", "summits", "export", "--format", export_format, "--output", str(out)])
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("Wrote 7 meetings, 6 leaders and 2 sources")
    if export_format == "sqlite":
        with contextlib.closing(sqlite3.connect(out)) as connection:
            assert connection.execute("SELECT count(*) FROM meetings").fetchone() == (7,)
    elif export_format == "json":
        assert len(json.loads(out.read_text(encoding="utf-8"))["meetings"]) == 7
    elif export_format == "markdown":
        headings = [line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("## ")]
        assert headings[-3:] == ["## 2025-02-12: (phone call)", "## Leaders", "## Totals reported by sources"]
        assert len(headings) == 9  # a heading a meeting, then the leaders and the tallies
    else:
        assert len((out / "meetings.csv").read_text(encoding="utf-8").splitlines()) == 8  # a header and 7 rows


@pytest.mark.parametrize("command", [["count"], ["show", "helsinki-2018"], ["quote", "helsinki-2018"]])
def test_every_data_command_reports_an_invalid_file_the_same_way(tmp_path: Path, command: list[str]) -> None:
    text, expected = all_cases_at_once()
    path = tmp_path / "meetings.toml"
    path.write_text(text, encoding="utf-8")
    stderr = error_of(path, *command)
    assert_reported(stderr, expected)


def test_very_many_problems_are_counted_and_the_first_shown(tmp_path: Path) -> None:
    # 1,000 meetings that all cite a missing source: the message gives the count at once instead of
    # spending minutes laying out a table of every row.
    meetings = "".join(
        f'\n[[meetings]]\nid = "place{i}-2018"\ndate = "2018-07-16"\ncity = "C"\ncountry = "D"\nkind = "summit"\ncontact = "talks"\n'
        f'participants = ["trump", "putin"]\nsummary = "S."\nsources = ["missing"]\n'
        for i in range(1000)
    )
    path = tmp_path / "many.toml"
    path.write_text(MINI_TEXT + meetings, encoding="utf-8")
    stderr = error_of(path)
    assert stderr.splitlines()[0] == f"summits: error: {path} is not a valid dataset (1000 problem(s)):"
    assert stderr.count('unknown source "missing"') == 200
    assert "... and 800 more, not shown here.\n" in stderr


def test_unknown_command_exits_2_and_suggests(run: Runner) -> None:
    result = run("lst")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: No such command 'lst'. Did you mean 'list'?"


# ================================================================ 7. a closed pipe ends quietly with 141


def summits_command() -> list[str]:
    """The installed console script, as a user runs it (or `python -m summits` where it is not on the path)."""
    script = Path(sys.executable).with_name("summits")
    if script.exists():
        return [str(script)]
    found = shutil.which("summits")
    return [found] if found else [sys.executable, "-m", "summits"]


def run_into_closed_pipe(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run summits with stdout a pipe whose reader has already gone, as after `| head -1` has read its line."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        env = {**os.environ, "COLUMNS": "120", "SUMMITS_DATA": ""}
        return subprocess.run(
            [*summits_command(), *args], stdout=write_end, stderr=subprocess.PIPE, env=env, timeout=60, check=False
        )
    finally:
        os.close(write_end)


# ================================================================ 9. a very large file


GENERATED_HEAD = """schema_version = 2

[[leaders]]
id = "alpha"
name = "Alpha President"
country = "US"
offices = [{ title = "President", country = "US", start = "1900-01-01" }]

[[leaders]]
id = "beta"
name = "Beta Leader"
country = "RU"
offices = [{ title = "President", country = "RU", start = "1900-01-01" }]

[[sources]]
id = "generated"
kind = "reference"
title = "Generated"
"""
GENERATED_MEETING = """
[[meetings]]
id = "place{n}-{year}"
date = "{year}-{month:02d}-{day:02d}"
city = "City {n}"
country = "Country {country}"
kind = "summit"
contact = "talks"
participants = ["alpha", "beta"]
summary = "Generated meeting number {n}."
sources = ["generated"]
"""


GENERATED_CALL = """
[[meetings]]
id = "call{n}-{year}"
date = "{year}-{month:02d}"
kind = "phone"
contact = "call"
participants = ["alpha", "beta"]
summary = "Call {n}."
sources = ["generated"]
"""


def generated_dataset(count: int, template: str = GENERATED_MEETING) -> str:
    """A valid dataset of `count` meetings, one a year from 1950 to 2019 over and over, in 50 countries."""
    return GENERATED_HEAD + "".join(
        template.format(n=n, year=1950 + n % 70, month=1 + n % 12, day=1 + n % 28, country=n % 50) for n in range(count)
    )


@pytest.fixture(scope="module")
def large_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 meetings: more output than a pipe holds, in every format."""
    path = tmp_path_factory.mktemp("large") / "meetings.toml"
    path.write_text(generated_dataset(3000), encoding="utf-8")
    return path


CLOSED_PIPE_CASES = [
    ["list"],
    ["list", "--format", "json"],
    ["list", "--format", "csv"],
    ["count", "--by", "country"],
    ["show", "place1-1951"],
    ["count", "--format", "json"],
    ["--help"],
    ["--version"],
]


@pytest.mark.parametrize("args", CLOSED_PIPE_CASES, ids=[" ".join(a) for a in CLOSED_PIPE_CASES])
def test_closed_pipe_ends_quietly_with_141(large_file: Path, args: list[str]) -> None:
    done = run_into_closed_pipe("--data", str(large_file), *args)
    assert done.stderr == b""
    assert done.returncode == 141


def test_closed_pipe_with_the_shipped_dataset_and_calls_as_json() -> None:
    done = run_into_closed_pipe("list", "--calls", "--format", "json")
    assert (done.returncode, done.stderr) == (141, b"")


def test_head_reading_one_line_then_leaving(large_file: Path) -> None:
    """`summits list --format csv | head -1`: the first line arrives, then summits ends quietly."""
    env = {**os.environ, "COLUMNS": "120", "SUMMITS_DATA": ""}
    with subprocess.Popen(
        [*summits_command(), "--data", str(large_file), "list", "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read()
        code = process.wait(timeout=60)
    assert (
        first
        == b"id,date,end_date,city,country,venue,kind,contact,event,participants,roles,topics,agreements,summary,sources\n"
    )
    assert (code, stderr) == (141, b"")


def test_output_to_an_open_pipe_still_exits_0(large_file: Path) -> None:
    env = {**os.environ, "COLUMNS": "120", "SUMMITS_DATA": ""}
    done = subprocess.run(
        [*summits_command(), "--data", str(large_file), "list", "--format", "json"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert len(json.loads(done.stdout)) == 3000


def test_a_dataset_of_100000_meetings_loads_and_says_so_first(tmp_path: Path) -> None:
    """The file is over 10 MB: summits says it is reading a large file, then answers; it never hangs silently.
    (Calls, the shortest records, keep the test quick: the time goes into parsing and checking every record.)"""
    path = tmp_path / "huge.toml"
    path.write_text(generated_dataset(100_000, GENERATED_CALL), encoding="utf-8")
    megabytes = path.stat().st_size / 1_000_000
    assert megabytes > 10
    started = time.monotonic()
    done = subprocess.run(
        [*summits_command(), "--data", str(path), "count", "--by", "decade", "--calls", "--format", "csv"],
        capture_output=True,
        env={**os.environ, "COLUMNS": "120", "SUMMITS_DATA": ""},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode() == (
        f"summits: reading {path} ({megabytes:.0f} MB); a file this large takes a while to check.\n"
        "Counted: talks, encounters and calls between leaders in office on the day.\n"
    )
    rows = [line.split(",") for line in done.stdout.decode().splitlines()]
    assert rows[0] == ["key", "count", "reported", "meetings"]
    assert [row[:3] for row in rows[1:]] == [
        ["1950s", "14290", ""],
        ["1960s", "14290", ""],
        ["1970s", "14290", ""],
        ["1980s", "14290", ""],
        ["1990s", "14280", ""],
        ["2000s", "14280", ""],
        ["2010s", "14280", ""],
    ]
    assert [len(row[3].split("; ")) for row in rows[1:]] == [int(row[1]) for row in rows[1:]]  # the ids counted
    assert time.monotonic() - started < 300


def test_a_large_file_with_a_problem_at_the_end_names_it(tmp_path: Path) -> None:
    path = tmp_path / "large.toml"
    text = generated_dataset(10_000)
    path.write_text(text + '\n[[meetings]]\nid = "place1-1951"\n', encoding="utf-8")
    with pytest.raises(InvalidDataset) as raised:
        load(path)
    assert raised.value.problems[0] == Problem(
        "meeting place1-1951 (#10001)", "id", 'duplicate meeting id "place1-1951"'
    )
    line = text.count("\n") + 3
    path.write_text(text + '\n[[meetings]]\nid = "unterminated\n', encoding="utf-8")
    with pytest.raises(
        DataFileError, match=rf"TOML syntax error: Illegal character '\\n' \(at line {line}, column 19\)"
    ):
        load(path)
