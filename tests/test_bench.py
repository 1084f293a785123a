"""The benchmark's parts, not its timings: generated datasets validate, the peers answer as summits does, and the
budgets are judged as the issue sets them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summits.dataset.files import check, load

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_generated_dataset_of_50_meetings_validates_with_no_problems(tmp_path: Path) -> None:
    out = tmp_path / "meetings-50.toml"
    done = subprocess.run(
        [sys.executable, str(BENCH / "generate.py"), "50", str(out)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{out}: 50 meetings, ")
    _, problems = check(out)
    assert problems == []
    dataset = load(out)
    assert len(dataset.meetings) == 50
    assert len({m.id for m in dataset.meetings}) == 50


def test_generated_meetings_cycle_through_the_shipped_ones_with_new_ids(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import generate
    finally:
        sys.path.remove(str(BENCH))
    shipped = load(generate.SHIPPED)
    templates = generate.tomllib.loads(generate.SHIPPED.read_text(encoding="utf-8"))["meetings"]
    count = len(templates) + 3  # past the end of the shipped meetings: the first three are copied twice
    dataset = load(generate.generate(count, tmp_path / "more.toml"))
    assert len(dataset.meetings) == count
    assert len({m.id for m in dataset.meetings}) == count
    assert len(dataset.leaders) == len(shipped.leaders)
    assert len(dataset.sources) == len(shipped.sources)
    first = templates[0]
    parts = generate.MEETING_ID.fullmatch(first["id"])
    assert parts is not None
    stem, date = parts["stem"], parts["date"]
    copies = sorted(m.id for m in dataset.meetings if m.summary == first["summary"])
    assert copies == sorted([f"{stem}-g0-{date}", f"{stem}-g{len(templates)}-{date}"])


def bench_run() -> Any:
    sys.path.insert(0, str(BENCH))
    try:
        import run
    finally:
        sys.path.remove(str(BENCH))
    return run


def test_the_peers_query_gives_the_answer_of_count_by_president(tmp_path: Path) -> None:
    """The bench races `summits count --by president` against this query on the SQLite export: the same counts."""
    import json
    import sqlite3

    from typer.testing import CliRunner

    from summits.cli import app

    run = bench_run()
    database = tmp_path / "summits.sqlite"
    runner = CliRunner()
    done = runner.invoke(app, ["export", "--format", "sqlite", "--output", str(database)], env={"SUMMITS_DATA": ""})
    assert done.exit_code == 0, done.output
    ours = runner.invoke(app, ["count", "--by", "president", "--format", "json"], env={"SUMMITS_DATA": ""})
    assert ours.exit_code == 0, ours.output
    with sqlite3.connect(database) as connection:
        connection.row_factory = sqlite3.Row
        theirs = json.dumps([dict(row) for row in connection.execute(run.PRESIDENTS_SQL)])
    assert run.counts(theirs) == run.counts(ours.stdout)
    assert len(run.counts(theirs)) > 10


def test_the_completion_request_is_the_one_bash_sends() -> None:
    env = bench_run().completion_env("summits quote hel")
    assert env == {"_SUMMITS_COMPLETE": "complete_bash", "COMP_WORDS": "summits quote hel", "COMP_CWORD": "2"}


def timed(run: Any, label: str, argv: list[str], kind: str, seconds: float, **more: Any) -> Any:
    case = run.Case(label, argv, kind, **more)
    case.times = [seconds] * 3
    case.peaks = [20 * 2**20] * 3
    return case


def test_budgets_are_ratios_to_the_interpreter_and_count_must_beat_the_peer(capsys: pytest.CaptureFixture[str]) -> None:
    run = bench_run()
    base = [
        timed(run, "python -c pass", ["python"], "interpreter", 0.010),
        timed(run, "floor", ["python", "floor"], "floor", 0.100),
        timed(run, "sqlite-utils", ["sqlite-utils"], "peer", 0.120, peer="sqlite-utils"),
    ]
    passing = [
        timed(run, "summits --help", ["summits", "--help"], "help", 0.060),
        timed(run, "summits count", ["summits", *run.RACE], "command", 0.079),
        timed(run, "TAB", ["summits"], "completion", 0.059),
    ]
    assert run.report(base + passing, 3)
    assert "all budgets pass" in capsys.readouterr().out
    for failing in (
        timed(run, "summits --help", ["summits", "--help"], "help", 0.061),  # over 6x python
        timed(run, "summits list", ["summits", "list"], "command", 0.081),  # over 8x
        timed(run, "TAB", ["summits"], "completion", 0.061),  # over 6x
    ):
        assert not run.report([*base, failing], 3)
    base[2].times = [0.070] * 3  # the peer now answers faster than summits' count (79 ms)
    assert not run.report(base + passing, 3)
    assert "a budget FAILS" in capsys.readouterr().out
