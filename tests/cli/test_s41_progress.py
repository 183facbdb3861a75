"""Session 41: the progress bar's rate reads as the rest of the output does — a space
between number and unit, the unit whole — also under one file a second (PDFs, a slow
disk), where tqdm's own glued its unit to ``s/`` (``12.00s/ 个文件``)."""

from __future__ import annotations

import io

import pytest

from xxgk_lint.cli.progress import Progress, rate_text


@pytest.mark.parametrize(
    ("done", "elapsed", "rate", "lang", "shown"),
    [
        (0, 0.0, None, "zh", "? 个文件/秒"),
        (0, 0.0, None, "en", "? files/s"),
        (7, 2.0, 3.5, "zh", "3.50 个文件/秒"),
        (7, 2.0, 3.5, "en", "3.50 files/s"),
        (1, 12.0, 1 / 12, "zh", "12.00 秒/个文件"),
        (1, 12.0, 1 / 12, "en", "12.00 s/file"),
        (3, 6.0, None, "en", "2.00 s/file"),  # no smoothed rate yet: done / elapsed
    ],
)
def test_rate_text(done: int, elapsed: float, rate: float | None, lang: str, shown: str) -> None:
    assert rate_text(done, elapsed, rate, lang) == shown


@pytest.mark.parametrize(
    ("lang", "expected"), [("zh", "10.00 秒/个文件, 未通过 1]"), ("en", "10.00 s/file, failed 1]")]
)
def test_a_slow_file_on_the_bar(lang: str, expected: str) -> None:
    stream = io.StringIO()
    bar = Progress(5, lang, stream)
    bar._bar.start_t -= 10  # the first file took ten seconds
    bar._bar.last_print_t -= 10
    bar.done(True)
    bar.close()
    shown = stream.getvalue()
    assert f"| 1/5 [00:10<00:40, {expected}" in shown
    assert "s/ " not in shown
