"""The summits benchmark: start-up and scale, against the framework floor. Run: `python bench/run.py`.

In one run, the commands below are run round-robin (one of each per round, the first round discarded as a
warm-up that also fills caches such as .pyc files), each as a separate process. For each we take the median wall
time and the median peak resident memory (ru_maxrss of that child alone, from os.wait4), and report them as
multiples of the framework floor: bench/floor_app.py, the smallest Typer app that prints a one-row Rich table.

summits runs as the console script installed beside the interpreter that runs this file (for a virtual
environment, <venv>/bin/summits), which is how people run it. Use that environment's python:
`/path/to/venv/bin/python bench/run.py`.

The scale series counts meetings in generated datasets (bench/generate.py; written to bench/generated/ on the
first run and rewritten whenever the shipped dataset or the generator changes).

Standard library only. Exit status: 0 when every budget passes, 1 when one fails, 2 when the setup is wrong.
"""

from __future__ import annotations

import argparse
import os
import platform
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

# Budgets, from the issue "Fast at the prompt, linear at scale".
COMMAND_BUDGET = 1.3  # time and memory, every command on the shipped dataset, as a multiple of the floor
HELP_BUDGET = 1.1  # `summits --help`: time, as a multiple of the floor (memory: COMMAND_BUDGET)
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
    ("timeline",),
)


@dataclass
class Case:
    label: str
    argv: list[str]
    kind: str  # "reference", "floor", "same-end" (the floor ending as summits does), "command" or "scale"
    meetings: int = 0
    times: list[float] = field(default_factory=list)  # seconds
    peaks: list[int] = field(default_factory=list)  # bytes
    status: str = "ok"  # "ok", "missing" or "error"
    detail: str = ""
    extra_env: dict[str, str] = field(default_factory=dict)

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


def summits_script() -> Path:
    """The summits console script of the interpreter running this file."""
    folder = Path(sys.executable).parent
    for name in ("summits", "summits.exe"):
        if (folder / name).exists():
            return folder / name
    raise SystemExit(
        f"bench: no summits script beside {sys.executable}. Install the project into this environment "
        "(pip install -e .) or run the bench with the python of the environment where summits is installed."
    )


def dataset_for(count: int) -> Path:
    """The generated dataset of `count` meetings, (re)written when missing or older than its inputs."""
    path = generate.default_path(count)
    inputs = (generate.SHIPPED, Path(generate.__file__))
    if not path.exists() or path.stat().st_mtime < max(p.stat().st_mtime for p in inputs):
        print(f"generating {path.relative_to(ROOT)} ...", file=sys.stderr, flush=True)
        generate.generate(count, path)
    return path


def cases(sizes: tuple[int, ...]) -> list[Case]:
    summits = str(summits_script())
    result = [
        Case("python -c pass", [sys.executable, "-c", "pass"], "reference"),
        Case("floor (bench/floor_app.py)", [sys.executable, str(HERE / "floor_app.py")], "floor"),
        Case(
            "floor, ending as summits does",
            [sys.executable, str(HERE / "floor_app.py")],
            "same-end",
            extra_env={"BENCH_END_LIKE_SUMMITS": "1"},
        ),
    ]
    for args in SHIPPED_COMMANDS:
        result.append(Case("summits " + " ".join(args), [summits, *args], "command"))
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


# ---------------------------------------------------------------- reporting


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    versions = []
    for package in ("typer", "click", "rich"):
        try:
            from importlib.metadata import version

            versions.append(f"{package} {version(package)}")
        except Exception:  # the bench's python may not have them; the children report their own errors
            pass
    return [
        f"CPU:     {cpu}, {os.cpu_count()} logical cores",
        f"Python:  {platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        f"OS:      {platform.platform()}",
        f"Libs:    {', '.join(versions) or '(not importable from this python)'}",
    ]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(all_cases: list[Case], rounds: int) -> bool:
    floor = next(c for c in all_cases if c.kind == "floor")
    ok = True
    print("summits benchmark")
    print("\n".join(machine()))
    print(
        f"Rounds:  {rounds} (round-robin, first discarded as warm-up; medians of {rounds - 1}); "
        f"summits = {summits_script()}"
    )
    print()
    same_end = next((c for c in all_cases if c.kind == "same-end" and c.status == "ok"), None)
    print(f"Floor: {floor.time * 1000:.0f} ms, {floor.peak / 2**20:.1f} MiB peak RSS")
    print()
    header = f"{'command':<36} {'time':>8} {'x floor':>8} {'memory':>10} {'x floor':>8} {'x same end':>11}  budget     result"
    print(header)
    print("-" * len(header))
    for case in all_cases:
        if case.kind == "scale":
            continue
        if case.status != "ok":
            print(f"{case.label:<36} {case.status.upper():>8}  {case.detail}")
            ok = ok and case.status == "missing"
            continue
        t, m = case.time / floor.time, case.peak / floor.peak
        line = f"{case.label:<36} {case.time * 1000:>6.0f}ms {t:>7.2f}x {case.peak / 2**20:>7.1f}MiB {m:>7.2f}x"
        if case.kind == "command":
            limit = HELP_BUDGET if case.argv[1:] == ["--help"] else COMMAND_BUDGET
            passed = t <= limit and m <= COMMAND_BUDGET
            budget = f"{limit}x/{COMMAND_BUDGET}x"
            against_same_end = f"{case.time / same_end.time:.2f}x" if same_end else "-"
            line += f" {against_same_end:>11}  {budget:<10} {verdict(passed)}"
            ok = ok and passed
        print(line)
    print(
        "budget: time/memory as multiples of the floor. 'x same end': time against the floor ending as summits does\n"
        "(gc.freeze(), then os._exit once output is flushed, skipping the interpreter's teardown): summits' own work."
    )
    scale = [c for c in all_cases if c.kind == "scale"]
    if scale:
        print()
        header = (
            f"{'meetings':>9} {'time':>9} {'x floor':>8} {'growth':>7} {'us/meeting':>11} "
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
                f"{case.meetings:>9,} {case.time * 1000:>7.0f}ms {case.time / floor.time:>7.2f}x "
                f"{f'{growth:.1f}x' if growth else '':>7} {per_meeting:>11.1f} {case.peak / 2**20:>7.1f}MiB "
                f"{memory_per:>12.2f} {case.first_time * 1000:>8.0f}ms  {verdict(all(checks)) if checks else ''}"
            )
            ok = ok and all(checks)
            previous = case
        print(
            "time and memory per meeting are above the floor; growth is the time against the previous size;\n"
            "'first run' is the warm-up round, which parses and checks the file (later rounds read the dataset cache)."
        )
    print()
    print(
        f"Budgets: commands <= {COMMAND_BUDGET}x floor (time and memory), --help <= {HELP_BUDGET}x (time); "
        f"growth <= {GROWTH_BUDGET:g}x per tenfold step; {SCALE_BUDGET_AT:,} meetings <= {SCALE_BUDGET:g}x floor."
    )
    missing = [c.label for c in all_cases if c.status == "missing"]
    if missing:
        print(f"Missing (not measured; rerun once they exist): {', '.join(missing)}")
    print("Result: " + ("all budgets pass" if ok else "a budget FAILS"))
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark summits against the framework floor.")
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
    all_cases = cases(sizes)
    # A dataset cache of its own: the warm-up round starts cold (its times are the 'first run' of the
    # scale table), and the generated files' entries, 100 MB and more, never land in the user's cache.
    with tempfile.TemporaryDirectory(prefix="summits-bench-cache-") as cache:
        env = child_environment() | {"SUMMITS_CACHE_DIR": cache}
        for case in all_cases:
            if case.kind != "scale":  # (the scale cases run `count`, probed on the shipped dataset)
                probe(case, env | case.extra_env | {"SUMMITS_CACHE_DIR": ""})
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
