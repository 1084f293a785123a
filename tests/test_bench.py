"""The benchmark's dataset generator writes files that pass validation (not a timing test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
