"""Install summits into a virtual environment, with nothing but Python 3.10 or later.

    python3 install.py                  # makes .venv with summits in it: then run .venv/bin/summits
    python3 install.py --extra test     # the same, with what the tests need
    python3 install.py --venv ~/summits-env
    python3 install.py --editable --extra dev   # for working on summits: the linters too, code changes live

The usual `python3 -m venv .venv && .venv/bin/pip install .` needs `ensurepip`, which Debian and Ubuntu leave
out of their python3 package (it comes with python3-venv, which a fresh system or container lacks, as it lacks
pip). When `ensurepip` is missing, this makes the environment without pip, then installs pip into it from the
index pip itself would use ($PIP_INDEX_URL, else PyPI): the newest pip wheel for this Python, checked against the
SHA-256 digest the index publishes, run from the wheel to install itself. Then that pip installs summits.

An existing environment at the path is reused (summits is installed into it again); anything else at the path
is left alone and the install stops.

Standard library only: it runs before anything is installed. Exit status: 0 installed, 1 not installed (the
message says why), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import venv
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent
MINIMUM_PYTHON = (3, 10)
DEFAULT_INDEX = "https://pypi.org/simple"
# PEP 691: ask for the JSON form of the index page, accept the HTML form (PEP 503) from older mirrors.
ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1"
PIP_WHEEL = re.compile(r"pip-(\d+(?:\.\d+)*)-py3-none-any\.whl")
TIMEOUT = 60  # seconds for each request to the index


class InstallError(Exception):
    """Something stopped the install: the message says what and what to do."""


@dataclass(frozen=True)
class Wheel:
    """One pip wheel the index offers."""

    filename: str
    url: str
    sha256: str
    requires_python: str | None

    @property
    def version(self) -> tuple[int, ...]:
        match = PIP_WHEEL.fullmatch(self.filename)
        assert match is not None  # only matching files become Wheels
        return tuple(int(part) for part in match.group(1).split("."))


def say(message: str) -> None:
    print(f"install.py: {message}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------- reading the index page


class _Anchors(HTMLParser):
    """The links of a PEP 503 index page, with their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs))


def wheels_on_page(body: bytes, content_type: str, page_url: str) -> list[Wheel]:
    """Every usable pip wheel on an index page (JSON or HTML): not yanked, with a SHA-256 digest to check."""
    found: list[Wheel] = []
    if "json" in content_type:
        for entry in json.loads(body)["files"]:
            filename, digest = entry["filename"], entry.get("hashes", {}).get("sha256")
            if PIP_WHEEL.fullmatch(filename) and digest and not entry.get("yanked"):
                url = urllib.parse.urljoin(page_url, entry["url"])
                found.append(Wheel(filename, url, digest, entry.get("requires-python")))
        return found
    parser = _Anchors()
    parser.feed(body.decode("utf-8", "replace"))
    for link in parser.links:
        href = link.get("href") or ""
        url, _, fragment = urllib.parse.urljoin(page_url, href).partition("#")
        filename = urllib.parse.unquote(url.rsplit("/", 1)[-1])
        digest = fragment.removeprefix("sha256=") if fragment.startswith("sha256=") else ""
        if PIP_WHEEL.fullmatch(filename) and digest and "data-yanked" not in link:
            found.append(Wheel(filename, url, digest, link.get("data-requires-python")))
    return found


def supports(requires_python: str | None, version: tuple[int, int]) -> bool:
    """Whether a wheel's Requires-Python admits this Python. pip's own wheels state only lower bounds (">=3.9")
    and exclusions of releases long gone ("!=3.0.*"), so the lower bounds are what decides."""
    for clause in (requires_python or "").split(","):
        bound = re.fullmatch(r"\s*>=\s*(\d+)\.(\d+)(?:\.\d+)?\s*", clause)
        if bound and version < (int(bound.group(1)), int(bound.group(2))):
            return False
    return True


def newest_pip(wheels: list[Wheel], version: tuple[int, int]) -> Wheel:
    usable = [wheel for wheel in wheels if supports(wheel.requires_python, version)]
    if not usable:
        raise InstallError(f"the index lists no pip wheel for Python {version[0]}.{version[1]}")
    return max(usable, key=lambda wheel: wheel.version)


def fetch(url: str) -> tuple[bytes, str, str]:
    """The body, content type and final address of a page, or an InstallError that says what went wrong."""
    request = urllib.request.Request(url, headers={"Accept": ACCEPT, "User-Agent": "summits-install"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.read(), response.headers.get("Content-Type", ""), response.geturl()
    except urllib.error.URLError as error:
        reason = getattr(error, "reason", error)
        hint = "check the network connection, or set PIP_INDEX_URL to an index you can reach"
        if "CERTIFICATE" in str(reason).upper():
            hint = (
                "the certificate could not be verified: install the system's trusted certificates (on Debian or"
                " Ubuntu: ca-certificates), and behind a proxy that re-signs traffic, add the proxy's certificate"
            )
        raise InstallError(f"could not read {url}: {reason}; {hint}") from error


# ------------------------------------------------------------------------------------- the environment and pip


def environment_python(path: Path) -> Path:
    return path / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def has_pip(python: Path) -> bool:
    return subprocess.run([str(python), "-c", "import pip"], capture_output=True).returncode == 0


def make_environment(path: Path) -> None:
    if path.exists():
        if (path / "pyvenv.cfg").is_file():
            say(f"using the virtual environment {path}")
            return
        raise InstallError(f"{path} exists and is not a virtual environment; remove it or choose another --venv")
    with_pip = importlib.util.find_spec("ensurepip") is not None
    say(f"making the virtual environment {path}" + ("" if with_pip else " (ensurepip is not available: no pip yet)"))
    try:
        venv.EnvBuilder(with_pip=with_pip).create(path)
    except (OSError, subprocess.CalledProcessError) as error:
        raise InstallError(f"could not make the virtual environment {path}: {error}") from error


def install_pip(python: Path, index: str) -> None:
    """Install pip into an environment that has none, from the index, checked against its published digest."""
    body, content_type, page_url = fetch(f"{index}/pip/")
    wheel = newest_pip(wheels_on_page(body, content_type, page_url), sys.version_info[:2])
    say(f"installing {wheel.filename} from {index}")
    data, _, _ = fetch(wheel.url)
    digest = hashlib.sha256(data).hexdigest()
    if digest != wheel.sha256.lower():
        raise InstallError(f"{wheel.url} does not match the index's SHA-256 ({digest} != {wheel.sha256}): not used")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / wheel.filename
        path.write_bytes(data)
        # A pip wheel runs as a zip application: its own code installs it into the environment.
        command = [str(python), f"{path}/pip", "install", "--quiet", "--disable-pip-version-check", str(path)]
        if subprocess.run(command).returncode != 0:
            raise InstallError(f"pip could not install itself from {wheel.filename} (its messages are above)")


def install_summits(python: Path, extras: list[str], editable: bool = False) -> None:
    target = f"{ROOT}[{','.join(extras)}]" if extras else str(ROOT)
    say("installing summits" + (f" with {', '.join(extras)}" if extras else "") + f" into {python.parent.parent}")
    command = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    command += ["--editable", target] if editable else [target]
    result = subprocess.run(command)
    if result.returncode != 0:
        raise InstallError(f"pip install {target} failed with exit status {result.returncode} (its messages are above)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="install.py", description="Install summits into a virtual environment (pip is fetched if missing)."
    )
    parser.add_argument("--venv", default=str(ROOT / ".venv"), help="the environment to make or reuse (default: .venv)")
    parser.add_argument(
        "--extra", action="append", default=[], choices=["test", "dev"], help="also install an extra (repeatable)"
    )
    parser.add_argument("--editable", action="store_true", help="install from this folder in place (pip install -e)")
    arguments = parser.parse_args(argv)
    if sys.version_info < MINIMUM_PYTHON:
        say(f"summits needs Python 3.10 or later; this is {sys.version.split()[0]}")
        return 1
    path = Path(arguments.venv).expanduser().absolute()
    python = environment_python(path)
    try:
        make_environment(path)
        if not has_pip(python):
            install_pip(python, (os.environ.get("PIP_INDEX_URL") or DEFAULT_INDEX).rstrip("/"))
        install_summits(python, arguments.extra, arguments.editable)
    except InstallError as error:
        say(f"error: {error}")
        return 1
    say(f"done: run {python.parent / 'summits'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
