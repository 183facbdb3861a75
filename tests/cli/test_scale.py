"""``check`` at scale: ``--jobs``, streaming output, progress, summaries, stdin, exit codes.

The reports are written by the tests (``tests/engine/reportkit.py``); each run is
``xxgk_lint.cli.main.main`` in this process (worker processes are forked from it), or a
child process where a terminal or a pipe is needed.
"""

from __future__ import annotations

import fcntl
import io
import os
import pty
import struct
import subprocess
import sys
import tempfile
import termios
from pathlib import Path

import pytest

from tests.engine.reportkit import CLEAN, FEE, edit, has_traceback, run_main, write, wrong_total
from xxgk_lint.formatters import FORMATS

NO_FEE = edit(CLEAN, FEE, "本机关2023年无其他需要报告的事项。")


def corpus(root: Path, count: int) -> list[Path]:
    """``count`` reports in folders of 50 (clean, wrong totals, no fee statement), and one
    of them — the 7th — unreadable."""
    made = []
    for number in range(count):
        path = root / "reports" / f"d{number // 50:02d}" / f"r{number:04d}.txt"
        if number == 6:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"\x00\x01\x02 broken \xff" * 30)
        else:
            kind = number % 3
            text = (
                CLEAN if kind == 0 else wrong_total(total=8 + number % 5) if kind == 1 else NO_FEE
            )
            write(path, text)
        made.append(path)
    return made


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    corpus(tmp_path, 24)
    os.mkfifo(tmp_path / "reports" / "d00" / "pipe.txt")  # skipped: a run error, in order
    return tmp_path


@pytest.mark.parametrize("fmt", FORMATS)
def test_jobs_give_byte_identical_output(repo: Path, capsys, fmt: str) -> None:
    one = run_main(capsys, "check", "--format", fmt, "--lang", "en", "reports")
    two = run_main(capsys, "check", "--format", fmt, "--lang", "en", "--jobs", "2", "reports")
    all_cores = run_main(capsys, "check", "--format", fmt, "--lang", "en", "-j", "0", "reports")
    assert one.code == two.code == all_cores.code == 2  # the broken file, the FIFO
    assert two.out == one.out
    assert all_cores.out == one.out
    assert two.err == one.err
    assert len(one.out) > 1000


def test_jobs_spill_the_json_entries_to_a_folder_they_remove(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workers write each report's JSON entry to files of their own (not through the
    pool's pipe); the run removes them once the document is written, output file or not."""
    temporary = repo / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    made: list[list[str]] = []  # per folder: the workers' files in it, when it went

    class Folder(tempfile.TemporaryDirectory):  # type: ignore[type-arg]
        def cleanup(self) -> None:
            made.append(sorted(p.name[:7] for p in Path(self.name).iterdir()))
            super().cleanup()

    monkeypatch.setattr(tempfile, "TemporaryDirectory", Folder)
    one = run_main(capsys, "check", "--format", "json", "reports")
    two = run_main(capsys, "check", "--format", "json", "-j", "2", "reports")
    assert two.out == one.out and '"reports": [' in one.out
    run_main(capsys, "check", "--format", "json", "-j", "2", "--output-file", "two.json", "reports")
    assert (repo / "two.json").read_text(encoding="utf-8") == one.out
    assert made == [["worker-", "worker-"]] * 2  # one folder a run, one file a worker
    assert list(temporary.iterdir()) == []


def test_jobs_give_the_same_output_file(repo: Path, capsys) -> None:
    run_main(capsys, "check", "--format", "sarif", "--output-file", "one.sarif", "reports")
    run_main(
        capsys, "check", "--format", "sarif", "--output-file", "two.sarif", "-j", "2", "reports"
    )
    assert (repo / "two.sarif").read_bytes() == (repo / "one.sarif").read_bytes()


def test_no_file_is_lost_or_written_twice(repo: Path, capsys) -> None:
    result = run_main(capsys, "check", "--format", "junit", "-j", "3", "reports")
    names = [
        line.split('name="', 1)[1].split('"', 1)[0]
        for line in result.out.splitlines()
        if "<testsuite " in line
    ]
    expected = sorted(str(p.relative_to(repo)) for p in (repo / "reports").rglob("r*.txt"))
    # then the suites of the whole-run rules (the copies are one body's reports of one
    # year: XG604) and of the run errors
    assert names[-2:] == ["xxgk-lint: whole-run rules", "xxgk-lint"]
    assert sorted(names[:-2]) == expected
    assert len(names) == len(set(names)) == 26


def test_a_bad_jobs_value_is_a_usage_error(repo: Path, capsys) -> None:
    result = run_main(capsys, "check", "--jobs", "-1", "reports")
    assert result.code == 2
    assert (
        "argument --jobs/-j: must be a whole number of processes (0: one per core), not '-1'"
        in result.err
    )


def test_exit_zero_whatever_is_found(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "r.txt", wrong_total())
    assert run_main(capsys, "check", "r.txt").code == 1
    result = run_main(capsys, "check", "--exit-zero", "--format", "json", "r.txt")
    assert result.code == 0
    assert result.json()["summary"]["exit_code"] == 0
    assert result.codes() == ["XG201"]  # one wrong cell, one finding
    # a file that could not be read: reported, and still 0 (the README's GitLab recipe
    # runs its second command whatever the first found)
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    assert run_main(capsys, "check", "r.txt", "b.txt").code == 2
    result = run_main(capsys, "check", "--exit-zero", "--lang", "en", "r.txt", "b.txt")
    assert result.code == 0
    assert "b.txt:1:1: XG001 error" in result.out
    # what stops the run before it checks anything is no finding: still 2
    assert run_main(capsys, "check", "--exit-zero", "r.txt", "gone").code == 2
    (tmp_path / "bad.yaml").write_text("select: [\n", encoding="utf-8")
    assert run_main(capsys, "check", "--exit-zero", "--config", "bad.yaml", "r.txt").code == 2


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_dash_reads_stdin_under_its_name(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "sub" / ".xxgk-lint.yaml", "ignore: [XG203]\n")
    monkeypatch.setattr(sys, "stdin", _Stdin(wrong_total().encode("utf-8")))
    result = run_main(capsys, "check", "-", "--stdin-filename", "sub/a.txt", "--format", "json")
    assert result.code == 1
    # named as given, and checked with the config of the folder it names
    assert [(d["path"], d["code"]) for d in result.diagnostics()] == [("sub/a.txt", "XG201")]


def test_dash_alone_is_named_dash(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", _Stdin(wrong_total().encode("gb18030")))
    result = run_main(capsys, "check", "-", "--format", "json", "--isolated")
    assert {d["path"] for d in result.diagnostics()} == {"-"}
    assert result.codes() == ["XG201"]  # one wrong cell, one finding


def test_stdin_filename_picks_the_reader(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    lines = wrong_total().split("\n")
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
    monkeypatch.setattr(sys, "stdin", _Stdin(page.encode("utf-8")))
    result = run_main(
        capsys, "check", "--stdin-filename", "a.html", "--format", "sarif", "--isolated"
    )
    assert '"uri": "a.html"' in result.out


def test_stdin_filename_needs_dash(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "r.txt", CLEAN)
    result = run_main(capsys, "check", "r.txt", "--stdin-filename", "a.txt")
    assert result.code == 2
    assert result.err == (
        "xxgk-lint: error: --stdin-filename names what is read from stdin: add - to the paths\n"
    )


def test_summary_table_in_text_and_on_stderr_for_machine_formats(repo: Path, capsys) -> None:
    text = run_main(capsys, "check", "--summary", "--lang", "en", "-q", "reports")
    lines = text.out.splitlines()
    assert lines[0].split() == [
        "file",
        "agency",
        "year",
        "type",
        "version",
        "status",
        "errors",
        "warnings",
        "infos",
    ]
    assert len(lines) == 2 + 24 + 2  # head, rule, files, blank, summary line
    statuses = [line.split()[-4] for line in lines[2:26]]
    assert statuses.count("unreadable") == 1
    assert statuses[6] == "unreadable"
    assert lines[-1] == (
        "Checked 24 files: 17 errors, 0 warnings, 23 infos, 1 unreadable file, 1 run error."
    )
    as_json = run_main(capsys, "check", "--summary", "--format", "json", "--lang", "en", "reports")
    assert as_json.json()["summary"]["files"] == 24
    # on stderr: the file that could not be read and the FIFO skipped, as they came,
    # then the table
    err = as_json.err.splitlines()
    assert [line.split(":")[1].strip() for line in err[:2]] == [
        "reports/d00/pipe.txt",  # (the walk's order: pipe.txt before r0000.txt)
        "reports/d00/r0006.txt",
    ]
    assert err[2].split()[0] == "file"


def test_a_broken_file_among_300_is_one_line_and_one_row(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    files = corpus(tmp_path, 300)
    result = run_main(capsys, "check", "--summary", "-q", "--lang", "en", "-j", "2", "reports")
    assert result.code == 2
    table = result.out.splitlines()[2:-2]
    assert [line.split()[0] for line in table] == [str(p.relative_to(tmp_path)) for p in files]
    assert [line for line in table if "unreadable" in line] == [table[6]]
    assert result.out.splitlines()[-1] == (
        "Checked 300 files: 201 errors, 0 warnings, 299 infos, 1 unreadable file."
    )
    export = run_main(capsys, "export", "--format", "jsonl", "-j", "2", "reports")
    assert export.code == 2
    import json

    rows = [json.loads(line) for line in export.out.splitlines()]
    broken = [row for row in rows if row["path"] == "reports/d00/r0006.txt"]
    assert broken == [
        {
            "path": "reports/d00/r0006.txt",
            "kind": None,
            "agency": None,
            "year": None,
            "format_version": None,
            "table": None,
            "row": None,
            "column": None,
            "value": None,
            "raw": None,
            "line": None,
            "col": None,
            "status": "unreadable",
            "problem": broken[0]["problem"],
        }
    ]
    assert broken[0]["problem"].startswith("无法作为年度报告检查：")
    assert export.err.splitlines() == [
        f"xxgk-lint: reports/d00/r0006.txt: {broken[0]['problem']}",
        f"xxgk-lint: 已写出 300 个文件的 {len(rows)} 行；1 个文件无法读取",
    ]
    assert len({row["path"] for row in rows}) == 300
    assert {row["status"] for row in rows} == {"pass", "fail", "unreadable"}


def _in_a_terminal(
    argv: list[str], cwd: Path, rows: int = 24, columns: int = 80
) -> tuple[int, str]:
    """Run the command line with stderr on a pseudo-terminal (80×24); what it showed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {**os.environ, "PYTHONUTF8": "1", "TERM": "xterm"}
    process = subprocess.Popen(
        [sys.executable, "-m", "xxgk_lint", *argv],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return process.wait(timeout=120), shown.decode("utf-8", "replace")


def test_a_progress_bar_on_a_terminal_then_a_line_per_file(repo: Path) -> None:
    code, shown = _in_a_terminal(["check", "--lang", "en", "--format", "json", "reports"], repo)
    assert code == 2
    assert "xxgk-lint: " in shown and "/24 [" in shown and " files/s" in shown
    assert "24/24" in shown and "failed 17" in shown  # at or above fail-on, or unreadable
    bar_ends = shown.rindex("files/s")
    after = shown[bar_ends:].replace("\r\n", "\n").split("\r")[-1].splitlines()
    files = [line for line in after if line.startswith("reports/d00/r")]
    assert after[: after.index(files[0])] == [""]  # apart from what is above
    # the whole-run rules' findings count on their files: XG604, one body's copies
    assert files[0] == "reports/d00/r0000.txt  测试县人民政府  2023  0 errors, 0 warnings, 1 info"
    assert files[6] == "reports/d00/r0006.txt  -               -     unreadable"  # aligned
    assert len(files) == 24


@pytest.mark.parametrize(("rows", "columns"), [(0, 100), (0, 0), (30, 0)])
def test_a_terminal_that_reports_no_size_still_gets_the_bar(
    repo: Path, rows: int, columns: int
) -> None:
    """Some CI pseudo-terminals report 0 rows or 0 columns: tqdm drew nothing there."""
    argv = ["check", "--lang", "en", "--format", "json", "reports"]
    code, shown = _in_a_terminal(argv, repo, rows, columns)
    assert code == 2
    assert "24/24" in shown and " files/s" in shown


def test_no_progress_bar_with_quiet(repo: Path) -> None:
    code, shown = _in_a_terminal(["check", "--quiet", "--format", "json", "reports"], repo)
    assert code == 2
    assert "files/s" not in shown and "%|" not in shown
    assert "r0000.txt" not in shown  # nor the lines per file


def test_no_progress_bar_when_stderr_is_not_a_terminal(repo: Path, capsys) -> None:
    result = run_main(capsys, "check", "--format", "json", "reports")
    assert "%|" not in result.err
    assert "r0000.txt" not in result.err


def test_a_reader_that_goes_away_leaves_the_exit_code_of_the_findings(repo: Path) -> None:
    """`xxgk-lint check … | head -c 10`: the run goes on, silently, to the right code."""
    process = subprocess.Popen(
        [sys.executable, "-m", "xxgk_lint", "check", "--jobs", "2", "reports"],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUTF8": "1"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    err = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == 2
    assert not has_traceback(err)
    assert "BrokenPipe" not in err


def _part_of_a_baseline(repo: Path, capsys) -> Path:
    """A baseline of part of the run's findings: three of the eight XG201, every XG604,
    no XG401 — files whose findings are hidden in the writing process, after the workers
    rendered them, next to files whose findings are not."""
    import json

    written = run_main(capsys, "check", "--write-baseline", "full.json", "reports")
    assert written.code == 2  # the broken file, the FIFO
    document = json.loads((repo / "full.json").read_text(encoding="utf-8"))
    entries = {entry["code"]: entry for entry in document["findings"]}
    assert sorted(entries) == ["XG201", "XG401", "XG604"]
    assert entries["XG201"]["count"] == 8
    entries["XG201"]["count"] = 3
    document["findings"] = [entries["XG201"], entries["XG604"]]
    path = repo / "part.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_jobs_give_byte_identical_output_under_a_baseline(repo: Path, capsys, fmt: str) -> None:
    baseline = _part_of_a_baseline(repo, capsys)
    argv = ["check", "--format", fmt, "--lang", "en", "--baseline", baseline, "reports"]
    one = run_main(capsys, *argv)
    two = run_main(capsys, *argv, "--jobs", "2")
    assert one.code == two.code == 2
    assert two.out == one.out
    assert two.err == one.err
    document = run_main(capsys, *argv, "--format", "json", "-j", "2").json()
    codes = [d["code"] for d in document["diagnostics"]]
    assert (codes.count("XG201"), codes.count("XG401"), codes.count("XG604")) == (5, 8, 0)
    assert document["baseline"][0]["hidden"] == 3 + 23


def test_a_baseline_hides_one_of_two_findings_the_worker_rendered(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt"):
        write(tmp_path / name, wrong_total(NO_FEE))  # XG201 and XG401
    argv = ["check", "--isolated", "--ignore", "XG604", "--format", "json", "a.txt", "b.txt"]
    every = run_main(capsys, *argv).json()
    assert [(d["path"], d["code"]) for d in every["diagnostics"]] == [
        ("a.txt", "XG201"),
        ("a.txt", "XG401"),
        ("b.txt", "XG201"),
        ("b.txt", "XG401"),
    ]
    run_main(capsys, *argv, "--write-baseline", "full.json")
    document = json.loads((tmp_path / "full.json").read_text(encoding="utf-8"))
    document["findings"] = [
        {**entry, "count": 1} for entry in document["findings"] if entry["code"] == "XG401"
    ]
    write(tmp_path / "part.json", json.dumps(document, ensure_ascii=False))
    for fmt in ("json", "text", "sarif"):
        one = run_main(capsys, *argv, "--format", fmt, "--baseline", "part.json")
        two = run_main(capsys, *argv, "--format", fmt, "--baseline", "part.json", "-j", "2")
        assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    left = run_main(capsys, *argv, "--baseline", "part.json", "-j", "2").json()
    # a.txt's XG401 hidden, its XG201 kept (with its related cells); b.txt keeps both
    assert left["diagnostics"] == [every["diagnostics"][0], *every["diagnostics"][2:]]
    assert left["diagnostics"][0]["related"]
    assert left["reports"] == every["reports"]
    assert left["summary"]["checks"] == every["summary"]["checks"]
    assert sum(left["summary"]["checks"].values()) > 50


def test_jobs_give_the_same_coloured_text(repo: Path, capsys) -> None:
    argv = ["check", "--color", "always", "--statistics", "reports"]
    one = run_main(capsys, *argv)
    two = run_main(capsys, *argv, "-j", "2")
    assert "\x1b[1;31m" in one.out
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)


def test_jobs_give_the_same_output_file_and_stdout(repo: Path, capsys) -> None:
    """``--output-file``: the workers render the file's format and the text on stdout."""
    for fmt in ("json", "junit"):
        argv = ["check", "--format", fmt, "--lang", "en", "reports", "--output-file"]
        one = run_main(capsys, *argv, f"one.{fmt}")
        two = run_main(capsys, *argv, f"two.{fmt}", "-j", "2")
        assert (repo / f"two.{fmt}").read_bytes() == (repo / f"one.{fmt}").read_bytes()
        assert "XG201" in one.out
        assert (two.code, two.out, two.err) == (one.code, one.out, one.err)


def test_jobs_give_the_same_summary_on_stderr(repo: Path, capsys) -> None:
    argv = ["check", "--summary", "--format", "sarif", "--lang", "en", "reports"]
    one = run_main(capsys, *argv)
    two = run_main(capsys, *argv, "-j", "2")
    assert one.err.splitlines()[2].split()[0] == "file"  # after the two problem lines
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)


def test_ctrl_c_stops_the_workers_and_says_so_in_one_line(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the process group, as a terminal sends it) while workers check
    files: one line, exit code 2, no traceback, no worker left behind — and no hang (a
    worker ended while sending a result used to leave the run waiting, now and then)."""
    import signal
    import time

    corpus(tmp_path, 400)
    env = {**os.environ, "PYTHONUTF8": "1"}
    argv = [sys.executable, "-m", "xxgk_lint", "check", "-j", "2", "--format", "json", "reports"]
    for delay in (0.0, 0.2, 0.5):
        process = subprocess.Popen(
            argv,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
        assert process.stdout is not None
        process.stdout.read(200)  # the workers are checking files
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGINT)
        try:
            _, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise AssertionError(f"the run hung after Ctrl-C ({delay} s in)") from None
        assert process.returncode == 2
        assert err.decode("utf-8").splitlines()[-1] == "xxgk-lint: interrupted"
        assert not has_traceback(err.decode("utf-8"))
        gone_by = time.monotonic() + 5  # workers exit on their own time on a busy machine
        while time.monotonic() < gone_by:
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        with pytest.raises(ProcessLookupError):  # the group is gone: no worker left
            os.killpg(process.pid, 0)
