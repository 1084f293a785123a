"""The HTML export in a real browser: headless Chromium, with the network unreachable, prints the page's DOM after
its script has run (`chromium --headless --dump-dom`). Skipped when no Chromium is installed (`.ci/run` installs
one from the system's packages)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from summits.dataset.files import default_path, load
from summits.export.html import TITLE, html_text
from tests.conftest import invoke
from tests.export.test_html import Page, hostile_page

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (.ci/run installs it)")

# No name resolves, so that any request the page tried to make would fail and be logged.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--enable-logging=stderr",
    "--v=0",
)


def dump_dom(page: Path, profile: Path, fragment: str = "") -> tuple[str, str]:
    """The DOM after the page has loaded and its script has run, and what the browser logged."""
    assert CHROMIUM is not None
    url = page.as_uri() + fragment
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout, done.stderr


def console_problems(log: str) -> list[str]:
    """Lines of the browser's log about the page: blocked or failed loads, policy violations, script errors."""
    return [
        line
        for line in log.splitlines()
        if "CONSOLE" in line or "Content Security Policy" in line or "net::ERR" in line or "Refused to" in line
    ]


def shown_ids(dom: str) -> tuple[list[str], list[str]]:
    """The meeting ids in the DOM, and those of them not hidden."""
    rows = Page(dom).with_class("tbody", "meeting")
    every = [str(r["id"]).removeprefix("m-") for r in rows]
    shown = [str(r["id"]).removeprefix("m-") for r in rows if "hidden" not in r]
    return every, shown


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "summits.html"
    path.write_text(html_text(load(default_path())), encoding="utf-8")
    return path


def test_dom_holds_every_meeting_and_the_script_ran(shipped: Path, tmp_path: Path) -> None:
    dom, log = dump_dom(shipped, tmp_path)
    every, shown = shown_ids(dom)
    assert every == [m.id for m in load(default_path()).meetings]
    # The script ran (the CSP hash matches it): the filter form shows, and the default view is the counted one.
    [form] = [a for t, a in Page(dom).elements if t == "form"]
    assert "hidden" not in form
    listed = json.loads(invoke("list", "--format", "json").stdout)
    assert shown == [m["id"] for m in listed]
    assert console_problems(log) == []


def test_filtering_by_gorbachev_shows_exactly_what_list_shows(shipped: Path, tmp_path: Path) -> None:
    dom, log = dump_dom(shipped, tmp_path, "#leader=Gorbachev")
    _, shown = shown_ids(dom)
    listed = json.loads(invoke("list", "--leader", "Gorbachev", "--format", "json").stdout)
    assert shown == [m["id"] for m in listed]
    assert len(shown) > 5
    assert re.search(rf"<p id=\"shown\"[^>]*>{len(shown)} of \d+ records shown", dom)
    assert console_problems(log) == []


def test_timeline_segment_filter_shows_its_meetings(shipped: Path, tmp_path: Path) -> None:
    dom, _ = dump_dom(shipped, tmp_path, "#president=Ronald+Reagan&from=1980&to=1989")
    _, shown = shown_ids(dom)
    listed = json.loads(invoke("list", "--from", "1980", "--to", "1989", "--format", "json").stdout)
    assert shown == [m["id"] for m in listed if any(p["name"] == "Ronald Reagan" for p in m["participants"])]


def test_no_request_leaves_the_page(shipped: Path, tmp_path: Path) -> None:
    dom, log = dump_dom(shipped, tmp_path, "#q=treaty")
    for tag, attributes in Page(dom).elements:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base", "audio", "video", "source")
        assert not {"src", "srcset", "poster", "action", "formaction", "background"} & attributes.keys(), tag
        for name, value in attributes.items():
            if value and re.search(r"https?:", value):
                assert (tag, name) == ("a", "href"), (tag, name, value)
    assert console_problems(log) == []


def test_hostile_script_never_runs(write_toml: Callable[..., Path], tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(hostile_page(write_toml), encoding="utf-8")
    dom, log = dump_dom(page, tmp_path / "profile")
    parsed = Page(dom)
    assert f"<title>{TITLE}</title>" in dom  # the hostile script would have set it to 'pwned'
    assert [t for t, _ in parsed.elements].count("script") == 1
    assert [t for t, _ in parsed.elements].count("h1") == 1
    assert "img" not in {t for t, _ in parsed.elements}
    assert not any(k.startswith("on") for _, a in parsed.elements for k in a)
    assert "pwned" in parsed.text_of("r-helsinki-2018")  # shown as text
    [form] = [a for t, a in parsed.elements if t == "form"]
    assert "hidden" not in form  # the page's own script ran
    assert console_problems(log) == []


def test_the_log_shows_a_blocked_request(tmp_path: Path) -> None:
    """The checks above are not vacuous: a page that tries a request gets it blocked and logged."""
    page = tmp_path / "probe.html"
    page.write_text(
        '<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
        '<img src="https://example.com/x.png">',
        encoding="utf-8",
    )
    _, log = dump_dom(page, tmp_path / "profile")
    assert any("example.com" in line for line in console_problems(log))
