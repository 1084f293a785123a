"""The stream and environment matrix: every kind of command with stdout or stderr closed, stdout full or
read-only, a non-UTF-8 encoding, and any COLUMNS value. Never a traceback; a clear message and a non-zero exit
when output was lost; the documented exit code otherwise; never silence on success."""

from __future__ import annotations

import resource
import signal
import subprocess
from pathlib import Path

import pytest

from tests.attack.conftest import TRACEBACK, base_env, shell, summits

COMMANDS = [
    "list",
    "count --by pair",
    "show helsinki-2018",
    "timeline",
    "disputes",
    "sources",
    "search nuclear",
    "leaders putin",
    "list --format json",
    "list --format csv",
    "export -f markdown -o -",
    "validate",
    "--help",
    "--version",
]
# What writes nothing to stdout when all is well.
QUIET = {"validate"}


@pytest.mark.parametrize("columns", ["0", "1", "-5", "100000", "abc", "", "99999999999999999999999"])
@pytest.mark.parametrize("args", COMMANDS)
def test_any_columns_value_gives_output(tmp_path: Path, args: str, columns: str) -> None:
    if columns in {"1", "-5", "", "100000"} and args not in {"list", "show helsinki-2018", "timeline"}:
        pytest.skip("checked for three commands")
    run = summits(*args.split(), cwd=tmp_path, env=base_env(COLUMNS=columns))
    run.assert_clean()
    assert run.code == 0, run.message
    assert (run.out if args not in QUIET else run.err).strip()
    if columns == "100000" and args == "show helsinki-2018":
        assert len(run.out) < 200_000, "lines padded to the terminal's width"


@pytest.mark.parametrize("args", COMMANDS)
def test_closed_stdout(tmp_path: Path, args: str) -> None:
    run = shell(f"$SUMMITS {args} >&-", cwd=tmp_path)
    run.assert_clean()
    if args in QUIET:
        assert run.code == 0
    else:
        assert run.code == 2, run.message
        assert "summits: error:" in run.message


@pytest.mark.parametrize("args", COMMANDS)
def test_closed_stderr(tmp_path: Path, args: str) -> None:
    run = shell(f"$SUMMITS {args} 2>&-", cwd=tmp_path)
    assert TRACEBACK not in run.out
    assert run.code == 0
    if args not in QUIET:
        assert run.out.strip()


def _no_room() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


@pytest.mark.parametrize("args", COMMANDS)
def test_full_stdout(tmp_path: Path, args: str) -> None:
    with (tmp_path / "out").open("wb") as stream:
        run = summits(*args.split(), cwd=tmp_path, stdout=stream, stderr=subprocess.PIPE, preexec_fn=_no_room)
    run.assert_clean()
    if args in QUIET:
        assert run.code == 0
    else:
        assert run.code == 2, run.message
        assert "summits: error:" in run.message


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
@pytest.mark.parametrize("args", COMMANDS)
def test_non_utf8_stdout(tmp_path: Path, args: str, encoding: str) -> None:
    if encoding != "ascii" and args not in {"list", "show helsinki-2018", "list --format csv", "timeline"}:
        pytest.skip("checked with ascii")
    run = summits(*args.split(), cwd=tmp_path, env=base_env(PYTHONIOENCODING=encoding))
    run.assert_clean()
    assert run.code == 0, run.message
    run.out.decode(encoding)
    run.err.decode(encoding)


def test_usage_errors_go_to_stderr_with_exit_2(tmp_path: Path) -> None:
    for args in (["list", "--bogus"], ["nosuchcommand"], ["count", "--by", "nothing"], ["list", "--from", "x"]):
        run = summits(*args, cwd=tmp_path)
        run.assert_clean()
        assert run.code == 2, args
        assert run.out == b""
        assert run.err.strip()
