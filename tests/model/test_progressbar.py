"""kit.progressbar: the one progress bar (tqdm) of long work."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kit.progressbar import Progress


def test_the_bar_counts_and_shows_only_when_asked(capsys):
    with Progress(3, shown=False, desc="draft", unit="article") as bar:
        bar.update(note="a.txt")
        assert (bar.n, bar.note) == (1, "a.txt")
    assert bar.n == 3 and capsys.readouterr().err == ""  # done: every item counted, nothing shown
    with Progress(3, shown=True, desc="draft", unit="article") as bar:
        bar.set(1, note="b.txt")
    err = capsys.readouterr().err
    assert "draft" in err and "3/3" in err and "article" in err


def test_an_interruption_closes_the_bar_and_goes_on(capsys):
    with pytest.raises(KeyboardInterrupt), Progress(4, shown=True, desc="audit", unit="step") as bar:
        bar.update()
        raise KeyboardInterrupt
    assert bar.n == 1  # not counted as done
    assert "4/4" not in capsys.readouterr().err


def test_importing_it_imports_no_tqdm():
    code = "import sys, kit.progressbar, kit; print('tqdm' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
