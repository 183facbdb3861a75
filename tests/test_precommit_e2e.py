"""End to end: the real ``pre-commit run`` with this checkout's hook, on a report repository.

pre-commit clones the hook repository at ``rev`` and pip-installs it into an environment
of its own, so this test exercises what a report repository gets: the manifest
(.pre-commit-hooks.yaml), the packaging (the ``xxgk-lint`` entry point and the data files
in the wheel), the CLI and the exit codes. It installs the *committed* state of the
checkout (``git rev-parse HEAD``), not the working tree; it takes some seconds and needs
the package index that pip normally uses.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

APPLICANT_HEADER = """\
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | ||||||||
自然人 | 法人或其他组织 | 总计 |||||||
商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他 |||||"""

ZERO = "0 | 0 | 0 | 0 | 0 | 0 | 0"


def _report(received_total: int) -> str:
    """A small, fully consistent 2021-format report, except for 一's 总计 if asked.

    一 (5 + 2 = 7) + 二 (1) = （七）总计 (7) + 四 (1), column by column; the outcomes
    are 予以公开 4 + 部分公开 1 + 不掌握 2 = 7.
    """
    applications = [
        APPLICANT_HEADER,
        f"一、本年新收政府信息公开申请数量 | 5 | 2 | 0 | 0 | 0 | 0 | {received_total} |",
        "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        f"（三）不予公开 | 1.属于国家秘密 | {ZERO} |",
        f"2.其他法律行政法规禁止公开 | {ZERO} |",
        f"3.危及“三安全一稳定” | {ZERO} |",
        f"4.保护第三方合法权益 | {ZERO} |",
        f"5.属于三类内部事务信息 | {ZERO} |",
        f"6.属于四类过程性信息 | {ZERO} |",
        f"7.属于行政执法案卷 | {ZERO} |",
        f"8.属于行政查询事项 | {ZERO} |",
        "（四）无法提供 | 1.本机关不掌握相关政府信息 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |",
        f"2.没有现成信息需要另行制作 | {ZERO} |",
        f"3.补正后申请内容仍不明确 | {ZERO} |",
        f"（五）不予处理 | 1.信访举报投诉类申请 | {ZERO} |",
        f"2.重复申请 | {ZERO} |",
        f"3.要求提供公开出版物 | {ZERO} |",
        f"4.无正当理由大量反复申请 | {ZERO} |",
        f"5.要求行政机关确认或重新出具已获取信息 | {ZERO} |",
        "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | "
        f"{ZERO} |",
        f"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | {ZERO} |",
        f"3.其他 | {ZERO} |",
        "（七）总计 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |",
        "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
    ]
    return "\n".join(
        [
            "测试县人民政府2023年政府信息公开工作年度报告",
            "本报告根据《中华人民共和国政府信息公开条例》编制。"
            "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
            "一、总体情况",
            "2023年，本机关认真贯彻落实《条例》，主动公开政府信息40条，共收到政府信息公开申请7件。",
            "二、主动公开政府信息情况",
            "第二十条第（一）项 | | | |",
            "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
            "规章 | 0 | 0 | 0 |",
            "行政规范性文件 | 3 | 1 | 12 |",
            "第二十条第（五）项 | | | |",
            "信息内容 | 本年处理决定数量 | | |",
            "行政许可 | 120 | | |",
            "第二十条第（六）项 | | | |",
            "信息内容 | 本年处理决定数量 | | |",
            "行政处罚 | 15 | | |",
            "行政强制 | 2 | | |",
            "第二十条第（八）项 | | | |",
            "信息内容 | 本年收费金额（单位：万元） | | |",
            "行政事业性收费 | 0 | | |",
            "三、收到和处理政府信息公开申请情况",
            *applications,
            "四、政府信息公开行政复议、行政诉讼情况",
            "行政复议 | 行政诉讼 | |||||||||||||",
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | "
            "未经复议直接起诉 | 复议后起诉 | ||||||||",
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | "
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | |||||",
            "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
            "五、存在的主要问题及改进情况",
            "（一）存在问题。政策解读形式较为单一。（二）改进措施。丰富解读形式。",
            "六、其他需要报告的事项",
            "本机关2023年未收取信息处理费。",
            "",
        ]
    )


def _git(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _committed_rev() -> str:
    """HEAD of this checkout, or skip: pre-commit can only install a commit."""
    try:
        rev = _git("rev-parse", "--verify", "HEAD", cwd=ROOT)
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        pytest.skip(f"{ROOT} has no commit yet (pre-commit installs a commit): {detail.strip()}")
    try:
        _git("cat-file", "-e", f"{rev}:.pre-commit-hooks.yaml", cwd=ROOT)
    except subprocess.CalledProcessError:
        pytest.skip(f".pre-commit-hooks.yaml is not committed yet at {rev[:12]}")
    return rev


def _pre_commit_executable() -> Path:
    scripts = Path(sys.executable).parent
    for name in ("pre-commit", "pre-commit.exe"):
        if (scripts / name).exists():
            return scripts / name
    pytest.skip(f"pre-commit is not installed next to {sys.executable} (test extra)")


def _clean_env(tmp_path: Path) -> dict[str, str]:
    """Our environment without git's hook variables (GIT_DIR, GIT_INDEX_FILE…).

    Run from inside a git hook, they would point pre-commit's git calls at the wrong
    repository; the cache goes under tmp_path so runs never share an installed hook.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.pop("PRE_COMMIT", None)
    env.update(
        {
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
            "PRE_COMMIT_COLOR": "never",
            "NO_COLOR": "1",
            "PYTHONUTF8": "1",
        }
    )
    return env


def _pre_commit_run(executable: Path, repo: Path, env: dict[str, str]) -> tuple[int, str]:
    done = subprocess.run(
        [str(executable), "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=900,
    )
    return done.returncode, done.stdout + done.stderr


def test_hook_fails_on_a_wrong_total_and_passes_once_fixed(tmp_path: Path) -> None:
    rev = _committed_rev()
    executable = _pre_commit_executable()
    env = _clean_env(tmp_path)

    repo = tmp_path / "reports"
    repo.mkdir()
    _git("init", "--quiet", cwd=repo, env=env)
    report = repo / "2023年政府信息公开工作年度报告.txt"
    report.write_text(_report(received_total=8), encoding="utf-8")
    legacy = repo / "2022年度报告.doc"  # Word 97-2003: its author must hear about it
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT.as_posix()!r}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: xxgk-lint\n",
        encoding="utf-8",
    )
    _git("add", "--all", cwd=repo, env=env)

    code, output = _pre_commit_run(executable, repo, env)
    assert code == 1, output
    assert "xxgk-lint" in output and "Failed" in output, output
    assert "XG201" in output, output
    assert report.name in output, output
    assert f"{legacy.name}:1:1: XG001 error: " in output, output
    assert "libreoffice --headless --convert-to docx" in output, output

    report.write_text(_report(received_total=7), encoding="utf-8")
    _git("rm", "--quiet", "--cached", legacy.name, cwd=repo, env=env)
    legacy.unlink()
    _git("add", "--all", cwd=repo, env=env)

    code, output = _pre_commit_run(executable, repo, env)
    assert code == 0, output
    assert "Passed" in output, output
    assert "XG201" not in output, output


def test_the_hook_passes_every_file_a_report_may_be_in() -> None:
    """Files xxgk-lint cannot read are passed too, so that they get XG001's hint."""
    import re

    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    for name in ("a.txt", "b.MD", "c.htm", "d.html", "e.DOCX", "f.pdf", "g.doc", "h.wps"):
        assert files.search(name) and not exclude.search(name), name
    for name in ("i.ofd", "j.png", "k.JPG", "l.jpeg", "m.tif", "n.tiff", "o.bmp", "p.gif"):
        assert files.search(name), name
    for name in ("q.py", "r.yaml", "s.json", "t.xlsx"):
        assert not files.search(name), name
    for name in ("README.md", "docs/CHANGELOG.txt", "LICENSE.txt"):
        assert exclude.search(name), name


def test_the_readme_snippet_is_pinned_by_autoupdate(tmp_path: Path) -> None:
    """The README's recipe as written: `rev: main`, then `pre-commit autoupdate` pins the
    commit (this checkout has no release tag, as the published repository has none yet)."""
    rev = _committed_rev()
    executable = _pre_commit_executable()
    env = _clean_env(tmp_path)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### pre-commit") :]
    snippet = section[section.index("```yaml\n") + 8 : section.index("```\n", 8)]
    assert "rev: main\n" in snippet
    assert "pre-commit autoupdate" in section and "pre-commit install" in section
    repo = tmp_path / "reports"
    repo.mkdir()
    _git("init", "--quiet", cwd=repo, env=env)
    config = repo / ".pre-commit-config.yaml"
    url = "https://github.com/<owner>/xxgk-lint"
    config.write_text(snippet.replace(url, ROOT.as_posix()), encoding="utf-8")
    if _git("tag", "--points-at", "HEAD", cwd=ROOT):
        pytest.skip("this checkout has a tag: autoupdate would pin the tag")
    done = subprocess.run(
        [str(executable), "autoupdate"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    pinned = config.read_text(encoding="utf-8")
    assert f"rev: {rev}\n" in pinned
