"""Shell completion: the callbacks themselves, and the same through Typer's completion protocol."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from summits import completion
from summits.cli import app
from tests.conftest import MINI


def context(*args: str, data: Path | str | None = MINI) -> typer.Context:
    """The context Typer hands a completion callback after the user typed `summits [--data D] ARGS...`."""
    from typer._click.shell_completion import _resolve_context

    argv = (["--data", str(data)] if data is not None else []) + list(args)
    return _resolve_context(typer.main.get_command(app), {}, "summits", argv)  # type: ignore[return-value]


def values(completions: list[tuple[str, str]]) -> list[str]:
    return [value for value, _ in completions]


@pytest.fixture(autouse=True)
def no_data_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUMMITS_DATA", raising=False)


# ---------------------------------------------------------------- the callbacks


def test_meeting_ids_in_chronological_order_with_date_and_place() -> None:
    assert completion.complete_meeting_id(context("show"), "h") == [
        ("hamburg-2017", "2017-07-07 Hamburg, Germany, sidelines"),
        ("helsinki-2018", "2018-07-16 Helsinki, Finland, summit"),
    ]
    assert len(completion.complete_meeting_id(context("show"), "")) == 7


def test_leaders_complete_by_id_surname_and_one_word_alias() -> None:
    ctx = context("list")
    assert completion.complete_leader(ctx, "bu") == [("bush-hw", "George H. W. Bush"), ("bush-gw", "George W. Bush")]
    assert completion.complete_leader(ctx, "Bu") == [("Bush", "George H. W. Bush, George W. Bush")]
    assert completion.complete_leader(ctx, "Pu") == [("Putin", "Vladimir Putin")]
    # "Bush Sr." has a space: the shell would split it, so it is not offered.
    assert "Bush Sr." not in values(completion.complete_leader(ctx, ""))


def test_speakers_are_those_quoted_at_the_meeting_typed() -> None:
    ctx = context("quote", "helsinki-2018")
    assert completion.complete_speaker(ctx, "") == [
        ("trump", "Donald Trump"),
        ("Trump", "Donald Trump"),
        ("putin", "Vladimir Putin"),
        ("Putin", "Vladimir Putin"),
        ("Peskov", "Dmitry Peskov (Kremlin spokesman)"),
    ]
    # While --speaker still has no value the line does not parse; the meeting id is found all the same.
    assert values(completion.complete_speaker(context("quote", "helsinki-2018", "--speaker"), "P")) == [
        "Putin",
        "Peskov",
    ]


def test_speakers_without_a_meeting_are_all_leaders() -> None:
    assert values(completion.complete_speaker(context("quote"), "Go")) == ["Gorbachev"]


def test_groupings_and_kinds_with_their_meaning() -> None:
    assert completion.complete_grouping("c") == [
        ("counterpart", "meetings per Soviet or Russian leader"),
        ("country", "meetings per host country"),
        ("contact", "meetings per contact level (talks, encounter, ...)"),
    ]
    assert completion.complete_kind("s") == [
        ("summit", "a meeting that was the purpose of the trip"),
        ("sidelines", "a meeting at a multilateral gathering (G7/G8, G20, APEC, UN, NATO, a funeral)"),
    ]
    assert "informal" not in values(completion.complete_kind(""))


def test_contact_levels_and_tally_ids_with_their_meaning() -> None:
    assert completion.complete_contact("") == [
        ("talks", "they held talks: a summit, a visit, a bilateral meeting on the sidelines, a working meal"),
        ("encounter", "a brief conversation a source reports: a pull-aside, a few minutes at a dinner or ceremony"),
        ("attended", "both attended the same event, and no source reports a conversation between them"),
        ("call", "a phone or video call"),
    ]
    assert values(completion.complete_contact("a")) == ["attended"]
    assert completion.complete_tally(context("tallies"), "news") == [("news-one-bush-putin-3", "3: met three times")]


def test_the_data_option_typed_on_the_line_is_used(write_toml) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import MINI_TEXT

    other = write_toml(MINI_TEXT.replace('id = "helsinki-2018"', 'id = "helsinki-2018-07"'))
    assert values(completion.complete_meeting_id(context("show", data=other), "hel")) == ["helsinki-2018-07"]


def test_summits_data_is_used_when_no_option_is_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMITS_DATA", str(MINI))
    assert values(completion.complete_meeting_id(context("show", data=None), "lj")) == ["ljubljana-2001"]


def test_a_broken_or_missing_data_file_gives_no_completions(write_toml, tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = write_toml('schema_version = 1\nleaders = "x"\n')
    for data in (broken, tmp_path / "missing.toml", tmp_path):
        ctx = context("quote", data=data)
        assert completion.complete_meeting_id(ctx, "") == []
        assert completion.complete_leader(ctx, "") == []
        assert completion.complete_speaker(ctx, "") == []


def test_callbacks_never_raise_even_without_a_context() -> None:
    assert completion.complete_speaker(None, "x") == []  # type: ignore[arg-type]


# ---------------------------------------------------------------- through Typer's completion protocol


def complete(shell: str, line: str, **extra: str) -> str:
    """What `summits` prints when the shell asks it to complete `line` (the word being typed last)."""
    env = {"_SUMMITS_COMPLETE": f"complete_{shell}", "SUMMITS_DATA": str(MINI)}
    if shell == "bash":
        words = line.split(" ")
        env |= {"COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    else:
        env |= {"_TYPER_COMPLETE_ARGS": line}
    result = CliRunner().invoke(app, [], env=env | extra, prog_name="summits")
    assert result.exit_code == 0
    return result.stdout


def test_bash_completes_meeting_ids_for_quote_and_show() -> None:
    assert complete("bash", "summits quote hel") == "helsinki-2018\n"
    assert complete("bash", "summits show r") == "reykjavik-1986\n"


def test_bash_completes_leaders_kinds_and_groupings() -> None:
    assert complete("bash", "summits list --leader Go") == "Gorbachev\n"
    assert complete("bash", "summits count --by de") == "decade\n"
    assert complete("bash", "summits list --kind s") == "summit\nsidelines\n"
    assert complete("bash", "summits quote helsinki-2018 --speaker P") == "Putin\nPeskov\n"


def test_bash_honours_the_data_option_on_the_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert complete("bash", f"summits --data {tmp_path / 'missing.toml'} show hel") == "\n"


def test_zsh_and_fish_show_the_help_beside_each_value() -> None:
    assert complete("zsh", "summits count --by y") == '_arguments \'*: :(("year":"meetings per year"))\'\n'
    assert complete("fish", "summits show ljub", _TYPER_COMPLETE_FISH_ACTION="get-args") == (
        "ljubljana-2001\t2001-06-16 Kranj, Slovenia, summit\n"
    )


def test_the_installed_command_completes_in_a_real_process() -> None:
    exe = shutil.which("summits", path=str(Path(sys.executable).parent)) or shutil.which("summits")
    if exe is None:
        pytest.skip("the summits command is not installed")
    env = os.environ | {
        "_SUMMITS_COMPLETE": "complete_bash",
        "COMP_WORDS": "summits quote hel",
        "COMP_CWORD": "2",
        "SUMMITS_DATA": str(MINI),
    }
    done = subprocess.run([exe], env=env, capture_output=True, text=True, timeout=30, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "helsinki-2018\n", "")


def test_completion_prints_the_bash_script_that_calls_back() -> None:
    result = CliRunner().invoke(app, ["completion", "bash"], prog_name="summits")
    assert result.exit_code == 0
    assert "_SUMMITS_COMPLETE=complete_bash $1" in result.stdout
    assert result.stdout.rstrip().endswith("complete -o default -F _summits_completion summits")
