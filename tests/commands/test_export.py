"""summits export: formats, where files go, and what is refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from summits.dataset.document import to_document
from summits.dataset.files import default_path, load
from tests.conftest import MINI

Run = Callable[..., Result]


def _export(run: Run, fmt: str, target: Path | str, *extra: str, data: Path | None = MINI) -> Result:
    return run("export", "--format", fmt, "--output", str(target), *extra, data=data)


# ---------------------------------------------------------------- JSON


def test_json_export_reads_back_as_the_same_dataset(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mini.json"
    result = _export(run, "json", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"Wrote 7 meetings, 6 leaders and 2 sources as JSON to {target}.\n"
    assert load(target) == load(MINI)
    assert json.loads(target.read_text(encoding="utf-8")) == to_document(load(MINI))
    # and the tool answers the same from it
    assert run("list", "--calls", data=target).stdout == run("list", "--calls").stdout


def test_shipped_dataset_survives_the_json_round_trip(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "meetings.json"
    assert _export(run, "json", target, data=None).exit_code == 0
    shipped = load(default_path())
    assert len(shipped.meetings) > 100
    assert load(target) == shipped


def test_json_to_standard_output(run: Run) -> None:
    result = _export(run, "json", "-")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == to_document(load(MINI))
    assert result.stderr == ""


def test_json_without_a_json_ending_gets_a_note(run: Run, tmp_path: Path) -> None:
    result = _export(run, "json", tmp_path / "mini.txt")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == (
        "note: name the file with a .json ending to read it back with: summits --data mini.txt.json"
    )


# ---------------------------------------------------------------- paths


def test_existing_file_is_kept_unless_forced(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("precious", encoding="utf-8")
    result = _export(run, "json", target)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"summits: error: {target} already exists; add --force to replace it, or choose another --output\n"
    )
    assert target.read_text(encoding="utf-8") == "precious"
    assert _export(run, "json", target, "--force").exit_code == 0
    assert load(target) == load(MINI)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left behind


@pytest.mark.parametrize(
    ("fmt", "target", "message"),
    [
        ("json", "{tmp}/missing/out.json", "directory {tmp}/missing does not exist; create it first, or choose another --output"),
        ("sqlite", "{tmp}", "{tmp} is a directory; give a file name, e.g. {tmp}/summits.sqlite"),
        ("markdown", "{tmp}/file.txt/out.md", "{tmp}/file.txt is not a directory; choose another --output"),
        ("csv", "{tmp}/file.txt", "{tmp}/file.txt is a file; the CSV export writes one file per table into a directory: give one"),
        ("csv", "{tmp}/missing/csv", "directory {tmp}/missing does not exist; create it first, or choose another --output"),
        ("csv", "-", "--format csv cannot be written to standard output; give a directory with --output"),
        ("sqlite", "-", "--format sqlite cannot be written to standard output; give a file with --output"),
    ],
)  # fmt: skip
def test_bad_output_paths_are_usage_errors(run: Run, tmp_path: Path, fmt: str, target: str, message: str) -> None:
    (tmp_path / "file.txt").write_text("keep", encoding="utf-8")
    result = _export(run, fmt, target.format(tmp=tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"summits: error: {message.format(tmp=tmp_path)}\n"
    assert result.stdout == ""
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "keep"


def test_unknown_format_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    result = _export(run, "xlsx", tmp_path / "out.xlsx")
    assert result.exit_code == 2
    assert result.stderr == (
        "summits: error: unknown value for --format 'xlsx'\nValid choices: json, csv, sqlite, markdown, html.\n"
    )


def test_export_reads_the_data_file_it_is_given(run: Run, tmp_path: Path) -> None:
    result = _export(run, "json", tmp_path / "out.json", data=tmp_path / "nope.toml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"summits: error: {tmp_path / 'nope.toml'}: no such file.")
    assert not (tmp_path / "out.json").exists()
