"""The progress bar: drawn on a terminal for more than a few pairs, silent otherwise."""

from __future__ import annotations

import io

from transcheck.progress import MIN_PAIRS, pair_progress, wanted


class Terminal(io.StringIO):
    """A text stream that says it is a terminal, as an interactive stderr does."""

    def isatty(self) -> bool:
        return True


def test_bar_shows_pairs_done_of_all_on_a_terminal() -> None:
    stream = Terminal()
    with pair_progress(True, stream) as hook:
        assert hook is not None
        for done in range(1, 7):
            hook(done, 6)
    drawn = stream.getvalue()
    assert "checking" in drawn and "6/6" in drawn and "file pairs" in drawn


def test_no_bar_for_a_few_pairs_or_when_not_wanted() -> None:
    stream = Terminal()
    with pair_progress(True, stream) as hook:
        assert hook is not None
        for done in range(1, MIN_PAIRS):
            hook(done, MIN_PAIRS - 1)
    assert stream.getvalue() == ""
    with pair_progress(False, stream) as hook:
        assert hook is None


def test_wanted_only_for_people_at_a_terminal_outside_ci() -> None:
    assert wanted(["text"], Terminal(), {})
    assert wanted(["text", "html"], Terminal(), {"TERM": "xterm"})
    assert not wanted(["text"], io.StringIO(), {})
    assert not wanted(["text"], Terminal(), {"CI": "true"})
    assert not wanted(["html", "json"], Terminal(), {})
    assert not wanted(["sarif"], Terminal(), {})
