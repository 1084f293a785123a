"""Each command imports only the third-party packages it uses: never pydantic, which Typer 0.29 brought in.

Every case runs one command in a fresh interpreter, as the console script does (summits.entry.run), with a small
driver around it. The driver notes the modules the interpreter loaded before summits (`site` and `.pth` files
load some, such as setuptools' `_distutils_hack`: no command imports those), and at exit lists the top-level
packages of the modules loaded since whose file lies in a site-packages directory, leaving out summits itself.
That list must equal the one pinned for the command below: a package more is a start-up cost the command did
not ask for; a package fewer is a trim worth writing into the pin (and into docs/performance.md).

The dataset cache is off, so every command that reads the dataset parses the TOML file: on Python 3.10 that is
the third-party `tomli` (3.11 and later use the standard library's `tomllib`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = r"""
import atexit, json, os, site, sys, sysconfig

before = set(sys.modules)
folders = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
folders.update(site.getsitepackages())
folders.add(site.getusersitepackages())
folders = tuple(os.path.join(os.path.realpath(f), "") for f in folders)


def third_party():
    found = set()
    for name, module in list(sys.modules.items()):
        if name in before:
            continue
        top = name.partition(".")[0]
        where = getattr(module, "__file__", None)
        if top != "summits" and where and os.path.realpath(where).startswith(folders):
            found.add(top)
    with open(os.environ["IMPORTS_REPORT"], "w", encoding="utf-8") as report:
        json.dump(sorted(found), report)


atexit.register(third_party)  # summits.entry.run and summits.cli.run run the exit handlers before it ends the process
sys.argv[0] = "summits"
from summits.entry import run

run()
"""

# What Typer imports as it loads (it vendors its own Click, as typer._click, so `click` never appears), and Rich,
# which draws tables and the views for people. Nothing else: no pydantic, no markdown_it, no pygments. JSON, CSV,
# help, --version, export and messages into a pipe are written without Rich, and so are the sources and the
# disagreements into a pipe (their rows are written directly). Another table into a pipe still imports it: the
# views are built as Rich tables, which output/plain.py reads the cells of.
TYPER = {"typer", "annotated_doc", "shellingham"}
TYPER_AND_RICH = TYPER | {"rich"}

# The third-party packages each command imports, exactly. The key is the command line after `summits`.
EXPECTED: dict[str, set[str]] = {
    "--help": TYPER,
    "--version": TYPER,
    "list --help": TYPER,
    "list --leader Bush": TYPER_AND_RICH,
    "list --leader Bush --format json": TYPER,
    "list --leader Bush --format csv": TYPER,
    "count --by president": TYPER_AND_RICH,
    "count --by president --format json": TYPER,
    "quote helsinki-2018 --format json": TYPER,
    "count --by president --format csv": TYPER,
    "quote helsinki-2018": TYPER_AND_RICH,
    "show helsinki-2018": TYPER_AND_RICH,
    "search nuclear": TYPER_AND_RICH,
    "leaders": TYPER_AND_RICH,
    "leaders Bush": TYPER_AND_RICH,
    "timeline": TYPER_AND_RICH,
    "sources": TYPER,
    "disputes": TYPER,
    "validate": TYPER,
    "export --format json --output {tmp}/out.json": TYPER,
    "export --format csv --output {tmp}/out-csv": TYPER,
    "export --format sqlite --output {tmp}/out.sqlite": TYPER,
    "export --format markdown --output {tmp}/out.md": TYPER,
}

# TAB completion (Click's bash protocol), by the words typed so far: these are answered without Typer
# (summits/quick_completion.py); a line the fast path leaves to Typer imports what Typer and the app import.
COMPLETIONS: dict[str, set[str]] = {
    "summits ": set(),
    "summits quote hel": set(),
    "summits list --leader Bu": set(),
    "summits quote hel --speaker P": TYPER,
}

NO_DATASET = {"--help", "--version", "list --help", "summits "}  # cases that never read the dataset

NEVER = {"pydantic", "pydantic_core", "click"}


def expected_on_this_python(case: str, packages: set[str]) -> set[str]:
    if sys.version_info < (3, 11) and case not in NO_DATASET:  # pragma: no cover - Python 3.10 only
        return packages | {"tomli"}
    return packages


def imported_by(tmp_path: Path, args: list[str], env: dict[str, str] | None = None) -> set[str]:
    report = tmp_path / "imports.json"
    environment = dict(os.environ) | {
        "IMPORTS_REPORT": str(report),
        "SUMMITS_CACHE_DIR": "",
        "COLUMNS": "100",
        "NO_COLOR": "1",
    }
    environment.pop("SUMMITS_DATA", None)
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, *args],
        cwd=tmp_path,
        env=environment | (env or {}),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(report.read_text(encoding="utf-8")))


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_a_command_imports_only_the_packages_it_uses(case: str, tmp_path: Path) -> None:
    found = imported_by(tmp_path, case.format(tmp=tmp_path).split())
    assert not found & NEVER
    assert found == expected_on_this_python(case, EXPECTED[case])


@pytest.mark.parametrize("words", sorted(COMPLETIONS))
def test_tab_completion_imports_only_the_packages_it_uses(words: str, tmp_path: Path) -> None:
    env = {
        "_SUMMITS_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    found = imported_by(tmp_path, [], env)
    assert not found & NEVER
    assert found == expected_on_this_python(words, COMPLETIONS[words])


def test_the_driver_sees_a_third_party_import(tmp_path: Path) -> None:
    """The check is not vacuous: a package imported during the run is reported (pytest is one, installed here)."""
    report = tmp_path / "imports.json"
    code = DRIVER.replace("from summits.entry import run", "import pytest\nfrom summits.entry import run")
    environment = dict(os.environ) | {"IMPORTS_REPORT": str(report), "SUMMITS_CACHE_DIR": ""}
    done = subprocess.run(
        [sys.executable, "-c", code, "--version"], cwd=tmp_path, env=environment, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "pytest" in json.loads(report.read_text(encoding="utf-8"))
