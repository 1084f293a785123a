"""The shared options: one error style for every value that cannot be used; Click's own for the rest of the syntax."""

from __future__ import annotations

import pytest

from tests.conftest import Runner

# ================================================================ 5. options that cannot hold or do not parse


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--from", "2010", "--to", "2000"], "--from 2010 is after --to 2000; swap them or widen the range."),
        (["count", "--from", "2010-06", "--to", "2010-05"], "--from 2010-06 is after --to 2010-05; swap them or widen the range."),
        (["list", "--from", "20x5"], "--from: '20x5' is not a year or date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        (["list", "--to", "2019-02-30"], "--to: '2019-02-30' is not a year or date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        (["list", "--from", ""], "--from: '' is not a year or date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        (["list", "--format", "xml"], "unknown value for --format 'xml'\nValid choices: table, json, jsonl, csv, tsv, markdown."),
        (["list", "--format", "jsn"], "unknown value for --format 'jsn'. Did you mean json or jsonl?\nValid choices: table, json, jsonl, csv, tsv, markdown."),
        (["timeline", "--colour-by", "kinds"], "unknown value for --colour-by 'kinds'. Did you mean kind?\nValid choices: president, kind."),
        (["sources", "--kind", "offical"], "unknown value for --kind 'offical'. Did you mean official?\nValid choices: primary, official, news, reference, seed."),
    ],
)  # fmt: skip
def test_a_bad_option_value_is_our_error_with_what_to_type_instead(run: Runner, args: list[str], message: str) -> None:
    """Every option value that cannot be used gets the same one-line error, never Click's "Invalid value"."""
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"summits: error: {message}\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--bogus"], "No such option: --bogus"),
        (["list", "--leader"], "Option '--leader' requires an argument."),
        (["show"], "Missing argument 'ID'."),
        (["show", "helsinki-2018", "extra"], "Got unexpected extra argument"),
    ],
)  # fmt: skip
def test_usage_error_exits_2_with_the_reason(run: Runner, args: list[str], message: str) -> None:
    # Click's own messages differ a little between versions ("Value error, ..."): the reason must be there.
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("Error: ")
    assert message in result.stderr.splitlines()[-1]


def test_bad_ranges_are_usage_errors(run) -> None:  # type: ignore[no-untyped-def]
    reversed_range = run("list", "--from", "2010", "--to", "2000")
    assert reversed_range.exit_code == 2
    assert "--from 2010 is after --to 2000" in reversed_range.stderr
    garbage = run("list", "--from", "20x5")
    assert garbage.exit_code == 2
    assert "'20x5' is not a year or date" in garbage.stderr
