"""Messages on stderr: written directly when Rich would write them as plain text, byte for byte as Rich would."""

from __future__ import annotations

import pytest

from summits.output import terminal

MESSAGES = [
    "summits: error: unknown leader 'Bsh'. Did you mean Bush?",
    "note: " + "a long message that a terminal would wrap, " * 8,
    "two lines\nof message",
    "controls \x1b[31m and \u202e bidi, a\ttab",
    "",
]


@pytest.mark.parametrize("message", MESSAGES)
@pytest.mark.parametrize("style", ["", "red", "dim"])
def test_a_plain_message_is_what_rich_writes(
    message: str, style: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    assert terminal._messages_are_plain()
    terminal.say(message, style)
    direct = capsys.readouterr().err
    monkeypatch.setattr(terminal, "_messages_are_plain", lambda: False)
    terminal.say(message, style)
    assert direct == capsys.readouterr().err


@pytest.mark.parametrize(("name", "value"), [("FORCE_COLOR", "1"), ("TTY_COMPATIBLE", "1")])
def test_a_forced_terminal_gets_rich(name: str, value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(name, value)
    assert not terminal._messages_are_plain()
