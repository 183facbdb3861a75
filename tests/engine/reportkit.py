"""Small reports written by the tests themselves, and helpers to edit and locate in them.

``CLEAN`` is a complete, consistent report in the 2021 format with no finding at all:
一 (5 + 2 = 7) + 二 (1) = （七）总计 (7) + 四 (1) in every column; 予以公开 4 + 部分公开 1
+ 不掌握 2 = 7. Tests make faults with :func:`edit` (which insists that the text it
replaces occurs exactly once) and find where a fault stands with :func:`locate`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ZERO = "0 | 0 | 0 | 0 | 0 | 0 | 0"

TITLE = "测试县人民政府2023年政府信息公开工作年度报告"
PERIOD = "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
FEE = "本机关2023年未收取信息处理费。"

CLEAN = "\n".join(
    [
        TITLE,
        "本报告根据《中华人民共和国政府信息公开条例》编制。" + PERIOD,
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
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | ||||||||",
        "自然人 | 法人或其他组织 | 总计 |||||||",
        "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |||||",
        "一、本年新收政府信息公开申请数量 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |",
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
        f"（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | {ZERO} |",
        f"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | {ZERO} |",
        f"3.其他 | {ZERO} |",
        "（七）总计 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |",
        "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议 | 行政诉讼 | |||||||||||||",
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||",
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | "
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | |||||",
        "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "五、存在的主要问题及改进情况",
        "（一）存在问题。政策解读形式较为单一，部分栏目更新不及时。"
        "（二）改进措施。丰富解读形式。建立栏目更新台账。",
        "六、其他需要报告的事项",
        FEE,
        "",
    ]
)

#: The 总计 cell of row 一 (5 + 2 = 7): replace it to make a row-sum error.
RECEIVED_ROW = "一、本年新收政府信息公开申请数量 | 5 | 2 | 0 | 0 | 0 | 0 | 7 |"


def edit(text: str, old: str, new: str) -> str:
    """``text`` with the one occurrence of ``old`` replaced by ``new``."""
    count = text.count(old)
    assert count == 1, f"{old!r} occurs {count} times in the report, not once"
    return text.replace(old, new)


def locate(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    """1-based line and column (in characters) of the first ``needle`` at or after ``start``."""
    at = text.index(needle, start)
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return line, column


def line_of(text: str, needle: str) -> int:
    return locate(text, needle)[0]


def wrong_total(text: str = CLEAN, total: int = 8) -> str:
    """The report with row 一's 总计 printed as ``total`` (the parts still add up to 7)."""
    return edit(text, RECEIVED_ROW, RECEIVED_ROW.replace("| 7 |", f"| {total} |"))


def wrong_total_position(text: str) -> tuple[int, int]:
    """Where the digits of row 一's 总计 stand in a report made by :func:`wrong_total`."""
    line, _ = locate(text, "一、本年新收政府信息公开申请数量")
    row = text.split("\n")[line - 1]
    match = re.search(r"\| (\d+) \|$", row)
    assert match is not None
    return line, match.start(1) + 1


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


HAS_CJK = re.compile(r"[\u3400-\u9fff]")


# ---- running the command line ----


@dataclass(frozen=True)
class Outcome:
    """What one run of the command line did."""

    code: int
    out: str
    err: str

    @property
    def output(self) -> str:
        return self.out + self.err

    def json(self) -> dict:
        return json.loads(self.out)

    def diagnostics(self) -> list[dict]:
        return self.json()["diagnostics"]

    def codes(self) -> list[str]:
        return [d["code"] for d in self.diagnostics()]


def run_main(capsys: pytest.CaptureFixture[str], *argv: object) -> Outcome:
    """``xxgk-lint ARGV`` in this process (argparse's exits become exit codes)."""
    from xxgk_lint.cli.main import main

    capsys.readouterr()
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 2
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def run_module(*argv: object, cwd: Path, env: dict[str, str] | None = None) -> Outcome:
    """``python -m xxgk_lint ARGV`` in a child process."""
    environment = {**os.environ, "PYTHONUTF8": "1", "NO_COLOR": "1", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "xxgk_lint", *map(str, argv)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    return Outcome(done.returncode, done.stdout, done.stderr)


def has_traceback(text: str) -> bool:
    return "Traceback (most recent call last)" in text
