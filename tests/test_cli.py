import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summits import __version__


def test_list_by_leader_prints_a_table_of_matching_meetings(run) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--leader", "Bush", columns=140)
    assert result.exit_code == 0
    lines = [line.rstrip() for line in result.stdout.splitlines() if line.strip()]
    assert lines[0].split() == ["ID", "Date", "Place", "United", "States", "USSR", "/", "Russia", "Kind", "Summary"]
    assert [line.split()[0] for line in lines[2:] if not line.startswith(" " * 5)] == [
        "new-york-1988",
        "ljubljana-2001",
        "bratislava-2005",
    ]
    assert "Vladimir Putin" in result.stdout
    assert result.stderr == ""


def test_list_json_follows_the_contract(run) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--leader", "Trump", "--format", "json")
    data = json.loads(result.stdout)
    assert [m["id"] for m in data] == ["hamburg-2017", "helsinki-2018"]
    assert set(data[0]) >= {"id", "date", "end_date", "city", "country", "venue", "kind", "event", "participants",
                            "topics", "agreements", "summary", "sources"}  # fmt: skip
    assert data[0]["participants"][1] == {
        "id": "putin",
        "name": "Vladimir Putin",
        "country": "Russia",
        "role": "President",
    }
    assert result.stderr == "note: 1 phone/video call matches too; add --calls to include them.\n"


def test_list_csv_has_a_header_and_one_row_per_meeting(run) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--from", "2001", "--to", "2005", "--format", "csv")
    assert result.stdout.splitlines() == [
        "id,date,end_date,city,country,venue,kind,event,participants,roles,topics,agreements,summary,sources",
        "ljubljana-2001,2001-06-16,,Kranj,Slovenia,Brdo Castle,summit,,George W. Bush; Vladimir Putin,"
        "George W. Bush: President; Vladimir Putin: President,missile defense,,First meeting of Bush and Putin.,news-one",
        "bratislava-2005,2005,,Bratislava,Slovakia,,summit,,George W. Bush; Vladimir Putin,"
        "George W. Bush: President; Vladimir Putin: President,,,Talks in Bratislava.,news-one",
    ]


def test_count_by_president(run) -> None:  # type: ignore[no-untyped-def]
    result = run("count", "--by", "president")
    assert result.exit_code == 0
    rows = [line.split() for line in result.stdout.splitlines() if line.strip()]
    assert rows == [
        ["President", "Listed"],
        ["─" * 22],
        ["Ronald", "Reagan", "2"],
        ["George", "W.", "Bush", "2"],
        ["Donald", "Trump", "2"],
    ]


def test_count_json_carries_reported_tallies(run) -> None:  # type: ignore[no-untyped-def]
    result = run("count", "--by", "pair", "--format", "json")
    rows = {row["key"]: row for row in json.loads(result.stdout)}
    assert rows["George W. Bush – Vladimir Putin"]["count"] == 2
    assert rows["George W. Bush – Vladimir Putin"]["reported"] == 3
    assert rows["Donald Trump – Vladimir Putin"]["reported"] is None
    assert rows["George W. Bush – Vladimir Putin"]["tallies"][0]["listed"] == 2


def test_count_table_shows_reported_beside_listed(run) -> None:  # type: ignore[no-untyped-def]
    result = run("count", "--by", "pair")
    line = next(line for line in result.stdout.splitlines() if "George W. Bush –" in line)
    assert line.split()[:7] == ["George", "W.", "Bush", "–", "Vladimir", "Putin", "2"]
    assert "3" in line.split() and "not found" in result.stdout


def test_quote_prints_speaker_text_context_source(run) -> None:  # type: ignore[no-untyped-def]
    result = run("quote", "helsinki-2018", "--format", "json")
    assert json.loads(result.stdout)[0] == {
        "meeting": "helsinki-2018",
        "speaker": "Donald Trump",
        "speaker_id": "trump",
        "speaker_role": None,
        "text": "I really think the world wants to see us get along.",
        "context": "before the talks",
        "source": "news-one",
    }
    table = run("quote", "helsinki-2018", "--speaker", "Peskov")
    assert "Dmitry Peskov (Kremlin" in table.stdout and "spokesman)" in table.stdout
    assert "“There is no clear agenda.”" in table.stdout
    assert "Donald Trump" not in table.stdout


def test_show_json_expands_sources_and_disputes(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("show", "hamburg-2017", "--format", "json").stdout)
    assert data["disputes"][0]["claims"] == [
        {"claim": "June 7, 2017", "source": "news-one"},
        {"claim": "July 2017", "source": "ooh-trip-3817"},
    ]
    assert data["sources"] == [
        {
            "id": "news-one",
            "kind": "news",
            "title": "A news report",
            "publisher": "A Newspaper",
            "date": "2001-06",
            "url": None,
        }
    ]


def test_show_table_lists_everything(run) -> None:  # type: ignore[no-untyped-def]
    out = run("show", "hamburg-2017").stdout
    for expected in ("hamburg-2017", "2017-07-07", "Hamburg, Germany", "G20 summit", "Donald Trump: President, United States",
                     "Disagreements between sources", "June 7, 2017 [news-one]", "A news report (A Newspaper, 2001-06)"):  # fmt: skip
        assert expected in out


def test_unknown_meeting_id_suggests_the_closest(run) -> None:  # type: ignore[no-untyped-def]
    result = run("quote", "helsinki-2019")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "summits: error: unknown meeting id 'helsinki-2019'. Did you mean helsinki-2018?\n"


def test_unknown_leader_and_grouping_and_kind(run) -> None:  # type: ignore[no-untyped-def]
    leader = run("list", "--leader", "Gorbachov")
    assert (leader.exit_code, leader.stderr) == (
        2,
        "summits: error: unknown leader 'Gorbachov'. Did you mean Mikhail Gorbachev?\n",
    )
    grouping = run("count", "--by", "presidnet")
    assert grouping.exit_code == 2
    assert grouping.stderr.startswith(
        "summits: error: unknown grouping for --by 'presidnet'. Did you mean president?\n"
    )
    assert "Valid choices: president, counterpart, pair, year, decade, country, kind." in grouping.stderr
    kind = run("list", "--kind", "sumit")
    assert kind.exit_code == 2 and "Did you mean summit or visit?" in kind.stderr


def test_no_match_is_not_an_error(run) -> None:  # type: ignore[no-untyped-def]
    result = run("list", "--from", "1950", "--to", "1960", "--format", "json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "No meetings match.\n")


def test_bad_ranges_are_usage_errors(run) -> None:  # type: ignore[no-untyped-def]
    reversed_range = run("list", "--from", "2010", "--to", "2000")
    assert reversed_range.exit_code == 2
    assert "--from 2010 is after --to 2000" in reversed_range.stderr
    garbage = run("list", "--from", "20x5")
    assert garbage.exit_code == 2
    assert "'20x5' is not a year or date" in garbage.stderr


def test_version(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"summits {__version__}\n")


def test_data_from_environment_variable(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from .conftest import MINI

    result = run("list", "--format", "json", data=None, env={"SUMMITS_DATA": str(MINI)})
    assert len(json.loads(result.stdout)) == 6


def test_missing_data_file_is_a_clear_error(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run("list", data=tmp_path / "missing.toml")
    assert result.exit_code == 2
    assert result.stderr.startswith("summits: error: ")
    assert "missing.toml: no such file" in result.stderr


@pytest.mark.parametrize(
    "name",
    ["list", "count", "quote", "show", "search", "leaders", "timeline", "sources", "disputes", "validate", "export"],
)
def test_a_command_runs_on_an_app_holding_only_it(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.main import get_command

    from summits.cli import app, app_for

    monkeypatch.delenv("_SUMMITS_COMPLETE", raising=False)
    single = app_for(["--data", "x.toml", name, "--help"])
    assert single is not app
    assert sorted(get_command(single).commands) == [name]  # type: ignore[attr-defined]
    assert sorted(get_command(app).commands) == sorted(  # type: ignore[attr-defined]
        ["list", "count", "quote", "show", "search", "leaders", "timeline", "sources", "disputes", "validate", "export"]
    )


def test_help_completion_and_unknown_commands_get_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    from summits.cli import app, app_for

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
    from typer.testing import CliRunner

    from summits.cli import app, app_for

    from .conftest import MINI

    argv = ["--data", str(MINI), *args]
    env = {"COLUMNS": "120", "NO_COLOR": "1"}
    whole = CliRunner().invoke(app, argv, env=env)
    single = CliRunner().invoke(app_for(argv), argv, env=env)
    assert (single.exit_code, single.stdout, single.stderr) == (whole.exit_code, whole.stdout, whole.stderr)
    assert single.stdout or single.stderr


def test_a_closed_pipe_on_stderr_ends_quietly_with_141() -> None:
    """`summits list 2>&1 >/dev/null | head -1`: the note about calls meets a reader that has gone."""
    import subprocess
    import sys

    from .conftest import MINI

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
    from .conftest import MINI

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
    assert (done.returncode, done.stdout, done.stderr) == (0, f"summits {__version__}\n", "handler ran\n")


# What every command that reads the dataset imports (dataset.build too: the mini dataset is too small to cache).
CORE_MODULES = ["summits", "summits.cli", "summits.commands", "summits.commands.options", "summits.completion",
                "summits.dataset", "summits.dataset.build", "summits.dataset.cache", "summits.dataset.files",
                "summits.model", "summits.output", "summits.output.formats", "summits.output.terminal",
                "summits.output.text", "summits.query", "summits.query.filters", "summits.query.names"]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["list", "--leader", "Bush"], ["summits.commands.list", "summits.output.fields", "summits.output.meetings",
                                        "summits.output.quotes"]),
        (["quote", "helsinki-2018"], ["summits.commands.quote", "summits.output.fields", "summits.output.quotes"]),
        (["search", "nuclear"], ["summits.commands.search", "summits.output.fields", "summits.output.search",
                                 "summits.query.search"]),
        (["timeline"], ["summits.commands.timeline", "summits.output.timeline", "summits.query.counts",
                        "summits.query.timeline"]),
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
        (["sources"], "ID"),
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
