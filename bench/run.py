"""The summits benchmark: start-up against absolute references, and scale. Run: `python bench/run.py`.

In one run, every case below runs round-robin (one of each per round, the first round discarded as a warm-up
that also fills caches such as .pyc files), each as a separate process. For each we take the median wall time
and the median peak resident memory (ru_maxrss of that child alone, from os.wait4).

The unit is the interpreter: `python -c pass`, the least any Python command-line tool can cost. Every summits
command is reported as a multiple of it, and beside these references, measured in the same rounds:

- the framework floor, bench/floor_app.py: the smallest Typer app that prints a one-row Rich table;
- the click-only peer: `sqlite-utils query` of the same answer as `summits count --by president`, on the
  database that `summits export --format sqlite` writes. Measured when sqlite-utils is installed in the bench's
  environment (`pip install sqlite-utils`, with the python that runs this file); skipped otherwise;
- `jq` on the JSON export and `sqlite3` on the SQLite export, the same answer again, when they are on PATH.
The bench checks that each peer gives the same counts as summits before it times anything.

summits runs as the console script installed beside the interpreter that runs this file (for a virtual
environment, <venv>/bin/summits), which is how people run it. Use that environment's python:
`/path/to/venv/bin/python bench/run.py`.

The scale series counts meetings in generated datasets (bench/generate.py; written to bench/generated/ on the
first run and rewritten whenever the shipped dataset or the generator changes).

Standard library only. Exit status: 0 when every budget passes, 1 when one fails, 2 when the setup is wrong.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/generate.py, imported from beside this file)

# Budgets, from the issue "Start-up as fast as the best Python CLIs": time, as a multiple of the interpreter.
COMMAND_BUDGET = 8.0  # every command on the shipped dataset
HELP_BUDGET = 6.0  # `summits --help`
COMPLETION_BUDGET = 6.0  # one TAB completion
# ... and `summits count --by president` faster than the click-only peer's query of the same table.
# From the issue "Fast at the prompt, linear at scale", against the framework floor:
GROWTH_BUDGET = 12.0  # time growth per tenfold step in the number of meetings
SCALE_BUDGET = 4.0  # `count` on 10,000 meetings: time, as a multiple of the floor
SCALE_BUDGET_AT = 10_000
SIZES = (1_000, 10_000, 100_000)

SHIPPED_COMMANDS = (
    ("--help",),
    ("list", "--leader", "Bush"),
    ("count", "--by", "president"),
    ("quote", "helsinki-2018"),
    ("show", "helsinki-2018"),
    ("search", "nuclear"),
    ("leaders", "Bush"),
    ("timeline",),
    ("sources",),
    ("disputes",),
    ("validate",),
    ("export", "--format", "json", "--output", "-"),
)
RACE = ("count", "--by", "president")  # the command that must beat the click-only peer
COMPLETION_WORDS = "summits quote hel"  # TAB after "hel": the meeting ids starting so

# Meetings per U.S. president in office on the day, as `summits count --by president` counts them by default:
# talks and encounters between leaders in office (the SQLite export says which with `between_leaders`).
PRESIDENTS_SQL = """
SELECT l.name AS key, COUNT(*) AS count
FROM meetings AS m
JOIN participants AS p ON p.meeting_id = m.id AND p.is_president = 1
JOIN leaders AS l ON l.id = p.leader_id
WHERE m.contact IN ('talks', 'encounter') AND m.between_leaders = 1
GROUP BY l.id
ORDER BY MIN(m.seq)
"""
# The JSON export has the data file's shape, without derived facts: a president in office on the day, at talks
# or an encounter (every such record in the shipped data has a Soviet or Russian leader in office too).
PRESIDENTS_JQ = """
[.leaders[] | select(.country == "US") | {id, name, terms: [.offices[]? | select(.title == "President")]}
 | select(.terms != [])] as $presidents
| [.meetings[] | select(.contact == "talks" or .contact == "encounter") as $m
   | $presidents[] | select(.id as $id | $m.participants | index($id))
   | select(any(.terms[]; .start <= $m.date and $m.date <= (.end // "9999"))) | .name]
| group_by(.) | map({key: .[0], count: length})
"""
PEERS = ("sqlite-utils", "jq", "sqlite3")


@dataclass
class Case:
    label: str
    argv: list[str]
    # "interpreter", "floor", "peer", "command", "help", "completion" or "scale"
    kind: str
    meetings: int = 0
    times: list[float] = field(default_factory=list)  # seconds
    peaks: list[int] = field(default_factory=list)  # bytes
    status: str = "ok"  # "ok", "missing", "absent" (a peer not installed) or "error"
    detail: str = ""
    extra_env: dict[str, str] = field(default_factory=dict)
    peer: str = ""  # for a peer: its name in PEERS

    @property
    def time(self) -> float:
        return statistics.median(self.times[1:])

    @property
    def peak(self) -> float:
        return statistics.median(self.peaks[1:])

    @property
    def first_time(self) -> float:
        return self.times[0]


# ---------------------------------------------------------------- running one child


def child_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SUMMITS_DATA", None)  # the shipped dataset, whatever the caller's shell says
    # Installed packages have their bytecode compiled; without this, a checkout whose .pyc files are stale
    # would compile summits from source on every run, and be measured doing so.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["COLUMNS"] = "100"  # the same table layout whatever terminal the bench runs in
    env["NO_COLOR"] = "1"
    return env


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Wall time (s), peak RSS (bytes) and exit code of one run of argv, its output discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = code = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
    # ru_maxrss is in kilobytes on Linux and the BSDs, in bytes on macOS.
    peak = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return elapsed, peak, code


def probe(case: Case, env: dict[str, str]) -> None:
    """Run a case once, with its messages kept: a command that does not exist yet is 'missing', a failure 'error'."""
    done = subprocess.run(case.argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    if done.returncode == 0:
        return
    message = done.stderr.strip()
    if done.returncode == 2 and "No such command" in message:
        case.status = "missing"
    else:
        case.status = "error"
        case.detail = f"exit {done.returncode}: {message.splitlines()[-1] if message else '(no message)'}"


# ---------------------------------------------------------------- the cases


def beside_python(name: str) -> Path | None:
    """The console script `name` installed beside the interpreter running this file, if there is one."""
    folder = Path(sys.executable).parent
    return next((folder / n for n in (name, f"{name}.exe") if (folder / n).exists()), None)


def summits_script() -> Path:
    """The summits console script of the interpreter running this file."""
    script = beside_python("summits")
    if script is None:
        raise SystemExit(
            f"bench: no summits script beside {sys.executable}. Install the project into this environment "
            "(pip install -e .) or run the bench with the python of the environment where summits is installed."
        )
    return script


def dataset_for(count: int) -> Path:
    """The generated dataset of `count` meetings, (re)written when missing or older than its inputs."""
    path = generate.default_path(count)
    inputs = (generate.SHIPPED, Path(generate.__file__))
    if not path.exists() or path.stat().st_mtime < max(p.stat().st_mtime for p in inputs):
        print(f"generating {path.relative_to(ROOT)} ...", file=sys.stderr, flush=True)
        generate.generate(count, path)
    return path


def completion_env(words: str) -> dict[str, str]:
    """What bash's completion function hands Click for TAB after `words` (Click's complete_bash protocol)."""
    return {"_SUMMITS_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)}


def peer_cases(exports: Path) -> list[Case]:
    """The peers answering `summits count --by president` from the exports; 'absent' when not installed."""
    database, document = str(exports / "summits.sqlite"), str(exports / "summits.json")
    sqlite_utils, jq, sqlite3 = beside_python("sqlite-utils"), shutil.which("jq"), shutil.which("sqlite3")
    commands = {
        "sqlite-utils": [str(sqlite_utils), "query", database, PRESIDENTS_SQL] if sqlite_utils else None,
        "jq": [jq, "-c", PRESIDENTS_JQ, document] if jq else None,
        "sqlite3": [sqlite3, "-json", database, PRESIDENTS_SQL] if sqlite3 else None,
    }
    labels = {"sqlite-utils": "sqlite-utils query (SQLite export)", "jq": "jq (JSON export)"}
    labels["sqlite3"] = "sqlite3 (SQLite export)"
    result = []
    for peer in PEERS:
        argv = commands[peer]
        case = Case(labels[peer], argv or [], "peer", peer=peer)
        if argv is None:
            case.status = "absent"
            case.detail = (
                f"not installed in this environment: {Path(sys.executable).parent / 'pip'} install sqlite-utils"
                if peer == "sqlite-utils"
                else "not on PATH"
            )
        result.append(case)
    return result


def cases(sizes: tuple[int, ...], exports: Path) -> list[Case]:
    summits = str(summits_script())
    result = [
        Case("python -c pass", [sys.executable, "-c", "pass"], "interpreter"),
        Case("floor (bench/floor_app.py)", [sys.executable, str(HERE / "floor_app.py")], "floor"),
        *peer_cases(exports),
    ]
    for args in SHIPPED_COMMANDS:
        kind = "help" if args == ("--help",) else "command"
        result.append(Case("summits " + " ".join(args), [summits, *args], kind))
    result.append(Case(f"TAB: {COMPLETION_WORDS}", [summits], "completion", extra_env=completion_env(COMPLETION_WORDS)))
    for count in sizes:
        data = str(dataset_for(count))
        result.append(
            Case(
                f"summits --data meetings-{count}.toml count --by president",
                [summits, "--data", data, "count", "--by", "president"],
                "scale",
                meetings=count,
            )
        )
    return result


def export(exports: Path, env: dict[str, str]) -> None:
    """The exports the peers read: `summits export` of the shipped dataset, as SQLite and as JSON."""
    for form, name in (("sqlite", "summits.sqlite"), ("json", "summits.json")):
        argv = [str(summits_script()), "export", "--format", form, "--output", str(exports / name)]
        done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            raise SystemExit(f"bench: {' '.join(argv)} failed with exit {done.returncode}: {done.stderr.strip()}")


def counts(output: str) -> dict[str, int]:
    """{president: meetings} from a JSON array of {key, count} objects, without summits' row of meetings that
    no sitting president attended (which the queries cannot name)."""
    return {row["key"]: row["count"] for row in json.loads(output) if not row["key"].startswith("(")}


def check_peer(case: Case, env: dict[str, str]) -> None:
    """A peer is timed only if it gives the same counts as `summits count --by president`."""
    if case.status != "ok":
        return
    summits = [str(summits_script()), *RACE, "--format", "json"]
    ours = subprocess.run(summits, capture_output=True, text=True, env=env, check=True).stdout
    done = subprocess.run(case.argv, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        case.status, case.detail = "error", f"exit {done.returncode}: {done.stderr.strip()[-200:]}"
    elif counts(done.stdout) != counts(ours):
        case.status, case.detail = "error", "its answer differs from summits count --by president"


# ---------------------------------------------------------------- reporting


def tool_version(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=10, check=False)
    except OSError:
        return ""
    return (done.stdout or done.stderr).strip().splitlines()[0] if (done.stdout or done.stderr).strip() else ""


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    from importlib.metadata import PackageNotFoundError, version

    versions = []
    for package in ("typer", "rich", "pydantic", "sqlite-utils", "click"):
        with contextlib.suppress(PackageNotFoundError):  # the bench's python may not have them all
            versions.append(f"{package} {version(package)}")
    tools = [f"jq {tool_version(['jq', '--version'])}" if shutil.which("jq") else ""]
    tools.append(f"sqlite3 {tool_version(['sqlite3', '--version']).split(' ')[0]}" if shutil.which("sqlite3") else "")
    return [
        f"CPU:     {cpu}, {os.cpu_count()} logical cores",
        f"Python:  {platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        f"OS:      {platform.platform()}",
        f"Libs:    {', '.join(versions) or '(not importable from this python)'}",
        f"Tools:   {', '.join(t for t in tools if t) or '(no jq, no sqlite3)'}",
    ]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def budget_of(case: Case) -> float | None:
    return {"command": COMMAND_BUDGET, "help": HELP_BUDGET, "completion": COMPLETION_BUDGET}.get(case.kind)


def report(all_cases: list[Case], rounds: int) -> bool:
    python = next(c for c in all_cases if c.kind == "interpreter")
    floor = next(c for c in all_cases if c.kind == "floor")
    peers = {c.peer: c for c in all_cases if c.kind == "peer" and c.status == "ok"}
    race_peer = peers.get("sqlite-utils")
    ok = True
    print("summits benchmark")
    print("\n".join(machine()))
    print(
        f"Rounds:  {rounds} (round-robin, first discarded as warm-up; medians of {rounds - 1}); "
        f"summits = {summits_script()}"
    )
    print()
    print(f"Interpreter (python -c pass): {python.time * 1000:.1f} ms, {python.peak / 2**20:.1f} MiB peak RSS")
    print()
    header = (
        f"{'command':<40} {'time':>8} {'x python':>9} {'x floor':>8} "
        + " ".join(f"{'x ' + p:>14}" for p in PEERS)
        + f" {'memory':>9}  {'budget':<30} result"
    )
    print(header)
    print("-" * len(header))
    for case in all_cases:
        if case.kind == "scale":
            continue
        if case.status != "ok":
            print(f"{case.label:<40} {case.status.upper():>8}  {case.detail}")
            ok = ok and case.status in ("missing", "absent")
            continue
        ratios = " ".join(f"{f'{case.time / peers[p].time:.2f}x' if p in peers else '-':>14}" for p in PEERS)
        line = (
            f"{case.label:<40} {case.time * 1000:>6.1f}ms {case.time / python.time:>8.2f}x "
            f"{case.time / floor.time:>7.2f}x {ratios} {case.peak / 2**20:>6.1f}MiB"
        )
        limit = budget_of(case)
        if limit is not None:
            checks = [case.time / python.time <= limit]
            budget = f"<= {limit:g}x python"
            if case.argv[1:] == list(RACE) and race_peer is not None:
                checks.append(case.time < race_peer.time)
                budget += ", < sqlite-utils"
            line += f"  {budget:<30} {verdict(all(checks))}"
            ok = ok and all(checks)
        print(line)
    print(
        "x python: time as a multiple of the interpreter starting and stopping; x floor: of the smallest Typer + Rich\n"
        "app; x PEER: of that peer answering `summits count --by president` from summits' own export."
    )
    if race_peer is None:
        print(
            "count --by president against the click-only peer: NOT MEASURED (install it with "
            f"`{Path(sys.executable).parent / 'pip'} install sqlite-utils`, then rerun)."
        )
    scale = [c for c in all_cases if c.kind == "scale"]
    if scale:
        print()
        header = (
            f"{'meetings':>9} {'time':>9} {'x python':>9} {'x floor':>8} {'growth':>7} {'us/meeting':>11} "
            f"{'memory':>10} {'KiB/meeting':>12} {'first run':>10}  result"
        )
        print(header)
        print("-" * len(header))
        previous: Case | None = None
        for case in scale:
            if case.status != "ok":
                print(f"{case.meetings:>9,} {case.status.upper():>9}  {case.detail}")
                ok = False
                previous = None
                continue
            per_meeting = (case.time - floor.time) / case.meetings * 1e6
            memory_per = (case.peak - floor.peak) / case.meetings / 1024
            growth = case.time / previous.time if previous else None
            checks = []
            if growth is not None:
                checks.append(growth <= GROWTH_BUDGET)
            if case.meetings == SCALE_BUDGET_AT:
                checks.append(case.time / floor.time <= SCALE_BUDGET)
            print(
                f"{case.meetings:>9,} {case.time * 1000:>7.0f}ms {case.time / python.time:>8.1f}x "
                f"{case.time / floor.time:>7.2f}x {f'{growth:.1f}x' if growth else '':>7} {per_meeting:>11.1f} "
                f"{case.peak / 2**20:>7.1f}MiB {memory_per:>12.2f} {case.first_time * 1000:>8.0f}ms  "
                f"{verdict(all(checks)) if checks else ''}"
            )
            ok = ok and all(checks)
            previous = case
        print(
            "time and memory per meeting are above the floor; growth is the time against the previous size;\n"
            "'first run' is the warm-up round, which parses and checks the file (later rounds read the dataset cache)."
        )
    print()
    print(
        f"Budgets: every command <= {COMMAND_BUDGET:g}x python, --help <= {HELP_BUDGET:g}x, TAB completion <= "
        f"{COMPLETION_BUDGET:g}x; `summits {' '.join(RACE)}` faster than sqlite-utils' query;\n"
        f"growth <= {GROWTH_BUDGET:g}x per tenfold step; {SCALE_BUDGET_AT:,} meetings <= {SCALE_BUDGET:g}x floor."
    )
    missing = [c.label for c in all_cases if c.status == "missing"]
    if missing:
        print(f"Missing (not measured; rerun once they exist): {', '.join(missing)}")
    print("Result: " + ("all budgets pass" if ok else "a budget FAILS"))
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark summits against the interpreter and its peers.")
    parser.add_argument("--rounds", type=int, default=16, help="rounds, including the warm-up (default 16)")
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in SIZES),
        help="generated dataset sizes, comma-separated (default %(default)s; empty for none)",
    )
    args = parser.parse_args(argv)
    if args.rounds < 2:
        parser.error("--rounds must be at least 2 (the first is a warm-up)")
    sizes = tuple(int(s) for s in args.sizes.split(",") if s.strip())
    # A dataset cache of its own: the warm-up round starts cold (its times are the 'first run' of the
    # scale table), and the generated files' entries, 100 MB and more, never land in the user's cache.
    with (
        tempfile.TemporaryDirectory(prefix="summits-bench-cache-") as cache,
        tempfile.TemporaryDirectory(prefix="summits-bench-exports-") as exports,
    ):
        env = child_environment() | {"SUMMITS_CACHE_DIR": cache}
        uncached = env | {"SUMMITS_CACHE_DIR": ""}
        export(Path(exports), uncached)
        all_cases = cases(sizes, Path(exports))
        for case in all_cases:
            if case.kind == "peer":
                check_peer(case, uncached)
            elif case.kind != "scale":  # (the scale cases run `count`, probed on the shipped dataset)
                probe(case, uncached | case.extra_env)
        measured = [c for c in all_cases if c.status == "ok"]
        for number in range(1, args.rounds + 1):
            if sys.stderr.isatty():
                print(f"round {number}/{args.rounds}", file=sys.stderr, end="\r", flush=True)
            for case in measured:
                elapsed, peak, code = run_once(case.argv, env | case.extra_env)
                if code != 0:
                    raise SystemExit(f"bench: {case.label} exited with {code} in round {number}")
                case.times.append(elapsed)
                case.peaks.append(peak)
    return 0 if report(all_cases, args.rounds) else 1


if __name__ == "__main__":
    sys.exit(main())
