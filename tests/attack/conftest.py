"""Helpers of the attack suite. Every test runs summits as a user would, in a child process (`python -m
summits`), in its own temporary directory and with its own cache folder, so that no test depends on how the
package is laid out inside, and none reads or writes anything outside its temporary directory. Nothing here
writes to the real /dev: a test that needs a device runs in a throw-away mount namespace with a tmpfs /dev
(skipped where that is not permitted)."""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

TRACEBACK = b"Traceback (most recent call last)"
PYTHON = sys.executable


@dataclass
class Run:
    code: int
    out: bytes
    err: bytes

    @property
    def text(self) -> str:
        return self.out.decode("utf-8", "replace")

    @property
    def message(self) -> str:
        return self.err.decode("utf-8", "replace")

    def assert_clean(self) -> None:
        """No traceback anywhere, and no death by a signal."""
        assert TRACEBACK not in self.out and TRACEBACK not in self.err, self.err.decode("utf-8", "replace")[-3000:]
        assert self.code >= 0, f"killed by signal {-self.code}"


def base_env(cache: Path | None = None, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SUMMITS_", "XDG_", "_SUMMITS", "_TYPER", "PYTHON", "COLUMNS", "LINES"))
        and key not in {"FORCE_COLOR", "NO_COLOR", "TERM", "LC_ALL", "LANG", "LC_CTYPE"}
    }
    env.update(
        {
            "SUMMITS_CACHE_DIR": str(cache) if cache is not None else "",
            "COLUMNS": "100",
            "PYTHONIOENCODING": "utf-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            "TERM": "dumb",
            "LC_ALL": "C.UTF-8",
        }
    )
    env.update(extra)
    return env


def summits(
    *args: str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 60,
    stdin: Any = subprocess.DEVNULL,
    python_flags: Sequence[str] = (),
    **popen: Any,
) -> Run:
    """Run `python -m summits ARGS` and return its exit code and output."""
    done = subprocess.run(
        [PYTHON, *python_flags, "-m", "summits", *args],
        cwd=cwd,
        env=dict(env) if env is not None else base_env(),
        stdin=stdin,
        capture_output="stdout" not in popen and "stderr" not in popen,
        timeout=timeout,
        check=False,
        **popen,
    )
    return Run(done.returncode, done.stdout or b"", done.stderr or b"")


def shell(script: str, *, cwd: Path, env: Mapping[str, str] | None = None, timeout: float = 60) -> Run:
    """Run a sh script in which $SUMMITS runs summits (for redirections such as >&- that need a shell)."""
    full_env = dict(env) if env is not None else base_env()
    full_env["SUMMITS"] = f"{shlex.quote(PYTHON)} -m summits"
    done = subprocess.run(
        ["sh", "-c", script],
        cwd=cwd,
        env=full_env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


@functools.cache
def can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    try:
        done = subprocess.run(
            ["unshare", "-m", "sh", "-c", "mount -t tmpfs none /dev"],
            capture_output=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def in_private_dev(script: str, *, cwd: Path, env: Mapping[str, str] | None = None, timeout: float = 60) -> Run:
    """Run script in a throw-away mount namespace whose /dev is an empty tmpfs: the real /dev is never touched.
    The script makes the device nodes it needs (mknod)."""
    if not can_unshare():
        pytest.skip("needs a private mount namespace (unshare -m), which is not permitted here")
    full_env = dict(env) if env is not None else base_env()
    full_env["SUMMITS"] = f"{shlex.quote(PYTHON)} -m summits"
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs none /dev || exit 99\n" + script],
        cwd=cwd,
        env=full_env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode == 99:
        pytest.skip("cannot mount a tmpfs on a private /dev")
    return Run(done.returncode, done.stdout, done.stderr)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    """A cache folder of the test's own (not yet created)."""
    return tmp_path / "cache"


@pytest.fixture
def run_in(tmp_path: Path) -> Callable[..., Run]:
    """summits() with the test's directory as the working directory and the cache turned off."""

    def runner(*args: str, **kwargs: Any) -> Run:
        kwargs.setdefault("cwd", tmp_path)
        return summits(*args, **kwargs)

    return runner
