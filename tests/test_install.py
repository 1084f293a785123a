"""install.py: the README's install line on a Python without ensurepip (a fresh Debian or Ubuntu).

The index is served from this machine: the pip wheel is the one bundled with this Python's ensurepip, so the
whole bootstrap (read the index, pick the wheel, check its digest, let it install itself) runs offline.
"""

from __future__ import annotations

import hashlib
import http.server
import importlib.util
import json
import re
import subprocess
import sys
import threading
import venv
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_install() -> ModuleType:
    spec = importlib.util.spec_from_file_location("install", ROOT / "install.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["install"] = module  # dataclasses look the module up by name
    spec.loader.exec_module(module)
    return module


install = _load_install()

JSON_PAGE = {
    "meta": {"api-version": "1.1"},
    "name": "pip",
    "files": [
        {"filename": "pip-9.0.1-py2.py3-none-any.whl", "url": "x/pip-9.0.1-py2.py3-none-any.whl", "hashes": {}},
        {"filename": "pip-23.2.1.tar.gz", "url": "x/pip-23.2.1.tar.gz", "hashes": {"sha256": "aa"}},
        {
            "filename": "pip-23.2.1-py3-none-any.whl",
            "url": "../../files/pip-23.2.1-py3-none-any.whl",
            "hashes": {"sha256": "bb"},
            "requires-python": ">=3.7",
        },
        {
            "filename": "pip-24.0-py3-none-any.whl",
            "url": "https://files.example/pip-24.0-py3-none-any.whl",
            "hashes": {},
            "requires-python": ">=3.7",
        },
        {
            "filename": "pip-25.0-py3-none-any.whl",
            "url": "https://files.example/pip-25.0-py3-none-any.whl",
            "hashes": {"sha256": "cc"},
            "requires-python": ">=3.8",
            "yanked": "broken",
        },
        {
            "filename": "pip-99.0-py3-none-any.whl",
            "url": "https://files.example/pip-99.0-py3-none-any.whl",
            "hashes": {"sha256": "dd"},
            "requires-python": ">=3.99",
        },
    ],
}

HTML_PAGE = b"""<!DOCTYPE html><html><body>
<a href="../../files/pip-23.2.1-py3-none-any.whl#sha256=bb" data-requires-python="&gt;=3.7">pip-23.2.1-py3-none-any.whl</a>
<a href="../../files/pip-24.0-py3-none-any.whl">pip-24.0-py3-none-any.whl</a>
<a href="../../files/pip-25.0-py3-none-any.whl#sha256=cc" data-yanked="">pip-25.0-py3-none-any.whl</a>
<a href="../../files/pip-23.2.1.tar.gz#sha256=aa">pip-23.2.1.tar.gz</a>
</body></html>"""


def test_json_page_keeps_only_unyanked_pip_wheels_with_a_digest() -> None:
    body = json.dumps(JSON_PAGE).encode()
    wheels = install.wheels_on_page(body, "application/vnd.pypi.simple.v1+json", "https://index.example/simple/pip/")
    assert [(w.filename, w.url, w.sha256, w.requires_python) for w in wheels] == [
        ("pip-23.2.1-py3-none-any.whl", "https://index.example/files/pip-23.2.1-py3-none-any.whl", "bb", ">=3.7"),
        ("pip-99.0-py3-none-any.whl", "https://files.example/pip-99.0-py3-none-any.whl", "dd", ">=3.99"),
    ]


def test_html_page_reads_digest_from_the_fragment_and_unescapes_requires_python() -> None:
    wheels = install.wheels_on_page(HTML_PAGE, "text/html", "https://index.example/simple/pip/")
    assert [(w.filename, w.url, w.sha256, w.requires_python) for w in wheels] == [
        ("pip-23.2.1-py3-none-any.whl", "https://index.example/files/pip-23.2.1-py3-none-any.whl", "bb", ">=3.7"),
    ]


@pytest.mark.parametrize(
    ("requires", "version", "expected"),
    [
        (None, (3, 10), True),
        (">=3.7", (3, 10), True),
        (">=3.10", (3, 10), True),
        (">=3.11", (3, 10), False),
        ("!=3.0.*,!=3.1.*,>=3.7", (3, 11), True),
        (">=3.12.1", (3, 11), False),
    ],
)
def test_supports_reads_lower_bounds(requires: str | None, version: tuple[int, int], expected: bool) -> None:
    assert install.supports(requires, version) is expected


def test_newest_pip_for_this_python_skips_wheels_that_need_a_newer_one() -> None:
    wheels = install.wheels_on_page(json.dumps(JSON_PAGE).encode(), "application/json", "https://i.example/simple/pip/")
    assert install.newest_pip(wheels, (3, 11)).filename == "pip-23.2.1-py3-none-any.whl"
    assert install.newest_pip(wheels, (4, 0)).filename == "pip-99.0-py3-none-any.whl"
    with pytest.raises(install.InstallError, match=r"no pip wheel for Python 3\.6$"):
        install.newest_pip(wheels, (3, 6))


def test_a_path_that_is_not_an_environment_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "notes"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    assert install.main(["--venv", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"install.py: error: {target} exists and is not a virtual environment; remove it or choose another --venv\n"
    )
    assert sorted(p.name for p in target.iterdir()) == ["keep.txt"]
    assert (target / "keep.txt").read_text() == "mine"


def test_unknown_extra_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        install.main(["--extra", "docs"])
    assert stop.value.code == 2
    assert "invalid choice: 'docs' (choose from 'test', 'dev')" in capsys.readouterr().err


# ------------------------------------------------------------------------------ pip from a local index, offline


def _bundled_pip() -> Path | None:
    spec = importlib.util.find_spec("ensurepip")
    if spec is None or spec.origin is None:
        return None
    found = sorted((Path(spec.origin).parent / "_bundled").glob("pip-*-py3-none-any.whl"))
    return found[-1] if found else None


@pytest.fixture
def index(tmp_path: Path) -> Iterator[tuple[str, Path, dict[str, object]]]:
    """A local index serving this Python's bundled pip wheel; the page is a dict the test may alter."""
    wheel = _bundled_pip()
    if wheel is None:
        pytest.skip("this Python has no bundled pip wheel to serve")
    data = wheel.read_bytes()
    page: dict[str, object] = {
        "meta": {"api-version": "1.1"},
        "name": "pip",
        "files": [{"filename": wheel.name, "url": f"/files/{wheel.name}", "hashes": {"sha256": ""}}],
    }
    page["files"][0]["hashes"]["sha256"] = hashlib.sha256(data).hexdigest()  # type: ignore[index]

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            if self.path == "/simple/pip/":
                body, kind = json.dumps(page).encode(), "application/vnd.pypi.simple.v1+json"
            elif self.path == f"/files/{wheel.name}":
                body, kind = data, "application/octet-stream"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/simple", wheel, page
    finally:
        server.shutdown()
        server.server_close()


def test_pip_is_installed_from_the_index_into_an_environment_without_it(
    tmp_path: Path, index: tuple[str, Path, dict[str, object]]
) -> None:
    url, wheel, _ = index
    environment = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(environment)
    python = install.environment_python(environment)
    assert not install.has_pip(python)
    install.install_pip(python, url)
    version = wheel.name.split("-")[1]
    shown = subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True, text=True, check=True)
    assert shown.stdout.startswith(f"pip {version} from {environment}")


def test_a_wheel_that_does_not_match_its_digest_is_not_run(
    tmp_path: Path, index: tuple[str, Path, dict[str, object]]
) -> None:
    url, wheel, page = index
    page["files"][0]["hashes"]["sha256"] = "0" * 64  # type: ignore[index]
    environment = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(environment)
    python = install.environment_python(environment)
    with pytest.raises(
        install.InstallError, match=re.escape(f"/files/{wheel.name} does not match the index's SHA-256")
    ):
        install.install_pip(python, url)
    assert not install.has_pip(python)


def test_an_unreachable_index_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(install.InstallError) as error:
        install.install_pip(tmp_path / "python", "http://127.0.0.1:9/simple")
    assert str(error.value).startswith("could not read http://127.0.0.1:9/simple/pip/: ")
    assert str(error.value).endswith("check the network connection, or set PIP_INDEX_URL to an index you can reach")
