"""The fast TAB completion path (summits/quick_completion.py) answers exactly as Typer does, or not at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summits import completion_index
from summits.cli import app
from summits.quick_completion import answer, build_index
from tests.conftest import MINI


def test_the_index_is_what_the_typer_app_gives() -> None:
    index = build_index()
    assert index["COMMANDS"] == completion_index.COMMANDS
    assert index["ARGUMENTS"] == completion_index.ARGUMENTS
    assert index["OPTIONS"] == completion_index.OPTIONS


def request(shell: str, line: str) -> dict[str, str]:
    words = line.split(" ")
    return {"_SUMMITS_COMPLETE": f"complete_{shell}", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}


def through_typer(env: dict[str, str]) -> str:
    result = CliRunner().invoke(app, [], env=env, prog_name="summits")
    assert result.exit_code == 0
    return result.stdout


# Lines the fast path answers, and lines it leaves to Typer (the answer must then be None).
ANSWERED = [
    "summits ",
    "summits l",
    "summits nothing",
    "summits quote hel",
    "summits quote ",
    "summits show ljub",
    "summits cite hel",
    "summits leaders P",
    "summits tallies ",
    "summits sources ",
    "summits list --leader Bu",
    "summits list --leader bu",
    "summits list -l Pu",
    "summits list --country F",
    "summits list --kind s",
    "summits list --contact ",
    "summits list --topic nu",
    "summits list --format j",
    "summits list -f ",
    "summits count --by p",
    "summits count --sort c",
    "summits timeline -c p",
    "summits sources --kind o",
    "summits disputes --field d",
    "summits completion b",
    "summits quote helsinki-2018 --format c",
]
LEFT_TO_TYPER = [
    "summits -",
    "summits --data x.toml quote hel",
    "summits quote helsinki-2018 --speaker P",  # reads the meeting typed from the context
    "summits list --calls --leader B",  # an option before the one completed
    "summits list --",
    "summits list --leader=Bu",
    "summits show helsinki-2018 x",  # every argument given
    "summits search nuclear",  # no completion for the words
    "summits export --format j",
    "summits frobnicate x",
    "summits validate ",
    "summits quote 'hel",
]


@pytest.mark.parametrize("data", [str(MINI), ""])
@pytest.mark.parametrize("line", ANSWERED + LEFT_TO_TYPER)
def test_bash_gets_what_typer_gives(line: str, data: str, monkeypatch: pytest.MonkeyPatch) -> None:
    env = request("bash", line) | {"SUMMITS_DATA": data}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    quick = answer()
    assert (quick is not None) == (line in ANSWERED)
    if quick is not None:
        assert quick == through_typer(env)


@pytest.mark.parametrize("shell", ["zsh", "fish"])
@pytest.mark.parametrize("line", ["summits quote hel", "summits count --by p", "summits "])
def test_zsh_and_fish_are_left_to_typer(shell: str, line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Their help beside each value is rendered by Rich through Typer.
    for name, value in request(shell, line).items():
        monkeypatch.setenv(name, value)
    assert answer() is None


ENTRY = "import sys; sys.argv[0] = 'summits'; from summits.entry import run; run()"
TYPER_PATH = "import sys; sys.argv[0] = 'summits'; from summits.cli import run; run()"


@pytest.mark.parametrize(
    ("shell", "line"),
    [("bash", "summits quote hel"), ("bash", "summits list --leader Bu"), ("bash", "summits quote hel --speaker P")]
    + [(shell, "summits quote hel") for shell in ("zsh", "fish")],
)
def test_the_console_script_prints_what_typer_prints(shell: str, line: str) -> None:
    env = os.environ | request(shell, line) | {"SUMMITS_DATA": str(MINI), "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    runs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=60, check=False)
        for code in (ENTRY, TYPER_PATH)
    ]
    quick, typer = ((r.returncode, r.stdout, r.stderr) for r in runs)
    assert quick == typer
    assert quick[1].strip()


@pytest.mark.parametrize("stdout", ["closed", "read-only"])
def test_an_unusable_stdout_ends_as_it_does_through_typer(stdout: str, tmp_path: Path) -> None:
    env = os.environ | request("bash", "summits quote hel") | {"SUMMITS_DATA": str(MINI)}
    source = tmp_path / "in.txt"
    source.write_text("", encoding="utf-8")

    def unusable() -> None:
        if stdout == "closed":
            os.close(1)
        else:
            os.dup2(os.open(source, os.O_RDONLY), 1)

    runs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, preexec_fn=unusable, stderr=subprocess.PIPE, timeout=60, check=False
        )
        for code in (ENTRY, TYPER_PATH)
    ]
    quick, typer = ((r.returncode, r.stderr) for r in runs)
    assert quick == typer
    assert quick[0] == 2
