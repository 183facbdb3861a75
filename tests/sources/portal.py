"""A report as a government portal publishes it: the report's page inside the site's chrome.

The HTML fixtures hold a report and little else. A page on a portal holds the same report
inside a header (a top bar, a search box, a menu whose sub-menus are hidden until the
mouse is over them), a breadcrumb, a side bar of the disclosure catalogue, the article's
title and dates, and a footer (links to other sites in a drop-down list, the site's
identifiers); with an inline stylesheet, inline scripts that show and hide the menus, and
comments marking each part. Reading such a page costs more than reading the report alone,
and the chrome must not change what is read of the report: ``test_html_portal.py`` checks
that, and ``benchmarks/bench_readers.py`` measures both.

The chrome is made here, the same on every call (no randomness): names and numbers are
invented, the shapes are those real portals write.
"""

from __future__ import annotations

import re

_MENU = ("首页", "政务公开", "政务服务", "互动交流", "走进本区", "专题专栏", "数据开放", "无障碍")
_SUB_MENU = ("机构职能", "领导信息", "政策文件", "规划计划", "财政信息", "人事信息")
_CATALOGUE = (
    "政府信息公开指南",
    "政府信息公开制度",
    "法定主动公开内容",
    "政府信息公开年报",
    "机构职能",
    "规范性文件",
    "发展规划",
    "财政预决算",
    "重大建设项目",
    "公共资源配置",
    "社会公益事业",
    "行政执法公示",
)
_LINKS = ("中国政府网", "省人民政府", "市人民政府", "国家部委网站", "省直部门网站", "市直部门网站")

_STYLE = """<style type="text/css">
* { margin: 0; padding: 0; }
body { font: 14px/1.75 "Microsoft YaHei", SimSun, sans-serif; color: #333; background: #f4f4f4; }
a { color: #333; text-decoration: none; } a:hover { color: #c00; }
.clearfix:after { content: "."; display: block; height: 0; clear: both; visibility: hidden; }
.w1200 { width: 1200px; margin: 0 auto; }
.topbar { height: 36px; line-height: 36px; background: #eee; overflow: hidden; }
.nav { height: 48px; background: #b5161b; }
.nav > li { float: left; position: relative; width: 150px; text-align: center; }
.nav > li > a { color: #fff; font-size: 18px; display: block; }
.nav .sub { display: none; position: absolute; top: 48px; left: 0; z-index: 99; }
.nav li:hover .sub { display: block; }
.crumb { height: 40px; line-height: 40px; font-size: 13px; color: #666; }
.side { float: left; width: 260px; background: #fff; }
.side li { height: 38px; line-height: 38px; border-bottom: 1px dashed #ddd; }
.main { float: right; width: 920px; background: #fff; padding: 20px 30px; }
.article-title { font-size: 24px; text-align: center; color: #b5161b; }
.article-info { text-align: center; color: #999; border-bottom: 1px solid #eee; }
.article-content table { border-collapse: collapse; margin: 0 auto; }
.article-content td { border: 1px solid #000; padding: 2px 4px; }
.footer { background: #b5161b; color: #fff; text-align: center; padding: 20px 0; }
.footer select { width: 180px; height: 28px; }
.hide { display: none; }
@media (max-width: 768px) { .side { display: none; } .main { width: 100%; } }
</style>"""

_SCRIPT = """<script type="text/javascript">
// menus: show a sub-menu while the mouse is over its item
(function () {
  var items = document.querySelectorAll(".nav > li");
  for (var i = 0; i < items.length; i++) {
    items[i].onmouseover = function () { var s = this.querySelector(".sub"); if (s) s.style.display = "block"; };
    items[i].onmouseout = function () { var s = this.querySelector(".sub"); if (s) s.style.display = "none"; };
  }
})();
// font size of the article: [大 中 小]
function doZoom(size) {
  var el = document.getElementById("zoom");
  if (!el) return;
  el.style.fontSize = size + "px";
  var cells = el.getElementsByTagName("td");
  for (var i = 0; i < cells.length && i < 5000; i++) { cells[i].style.fontSize = size + "px"; }
}
function printPage() { if (window.print) { window.print(); } }
function closeWindow() { if (confirm("确定关闭本页吗？")) { window.opener = null; window.close(); } }
</script>"""


def _site_config() -> str:
    """A site's statistics and configuration script: long, one object per column."""
    columns = ",\n".join(
        f'  {{id: {1000 + i}, name: "栏目{i}", path: "/col/col{1000 + i}/index.html", '
        f"show: {'true' if i % 3 else 'false'}, order: {i}}}"
        for i in range(120)
    )
    return (
        '<script type="text/javascript">\nvar siteConfig = {siteId: 12, columns: [\n'
        + columns
        + "\n]};\nfor (var i = 0; i < siteConfig.columns.length; i++) {\n"
        "  if (siteConfig.columns[i].order < 0 || siteConfig.columns[i].order > 200) { break; }\n}\n"
        "</script>"
    )


def _menu() -> str:
    items = []
    for i, name in enumerate(_MENU):
        sub = "".join(
            f'<li><a href="/col/col{100 + 10 * i + j}/index.html" target="_blank">{s}</a></li>'
            for j, s in enumerate(_SUB_MENU)
        )
        items.append(
            f'<li><a href="/col/col{100 + 10 * i}/index.html">{name}</a>\n'
            f'<ul class="sub" style="display:none">{sub}</ul></li>'
        )
    return '<ul class="nav w1200 clearfix">\n' + "\n".join(items) + "\n</ul>"


def _header() -> str:
    return (
        "<!-- header start -->\n"
        '<div class="topbar"><div class="w1200">'
        '<span class="welcome">欢迎访问本站！</span>'
        '<a href="javascript:void(0)" id="wza">无障碍浏览</a> | <a href="/elder/">长者模式</a> | '
        '<a href="/login/">登录</a></div></div>\n'
        '<div class="head w1200 clearfix"><a class="logo" href="/">'
        '<img src="/images/logo.png" alt="本区人民政府门户网站" width="560" height="80"></a>\n'
        '<form class="search" action="/search/" method="get">'
        '<input type="text" name="q" placeholder="请输入关键字" autocomplete="off">'
        '<button type="submit">搜索</button></form></div>\n' + _menu() + "\n<!-- header end -->"
    )


def _side() -> str:
    links = "\n".join(
        f'<li><a href="/col/col{300 + i}/index.html" title="{name}">{name}</a></li>'
        for i, name in enumerate(_CATALOGUE)
    )
    return (
        '<div class="side"><h3 class="side-title">政府信息公开目录</h3>\n'
        f'<ul class="side-list">\n{links}\n</ul></div>'
    )


def _article(body: str, title: str) -> str:
    return (
        '<div class="main">\n'
        f'<h1 class="article-title">{title}</h1>\n'
        '<div class="article-info">发布时间：2024-01-18 09:30 &nbsp; 来源：本区人民政府办公室 &nbsp; '
        '浏览次数：<span id="hits">1356</span> &nbsp; 字号：'
        '[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> '
        '<a href="javascript:doZoom(14)">小</a>]</div>\n'
        "<!-- content start -->\n"
        f'<div class="article-content" id="zoom">\n{body}\n</div>\n'
        "<!-- content end -->\n"
        '<div class="article-tools"><a href="javascript:printPage()">【打印本页】</a> '
        '<a href="javascript:closeWindow()">【关闭窗口】</a></div>\n'
        "</div>"
    )


def _footer() -> str:
    options = "".join(f'<option value="/go/{i}">{name}</option>' for i, name in enumerate(_LINKS))
    return (
        "<!-- footer start -->\n"
        '<div class="footer"><div class="w1200">\n'
        f'<div class="links"><select onchange="window.open(this.value)"><option value="">'
        f"相关链接</option>{options}</select></div>\n"
        '<p><a href="/about/">关于我们</a> | <a href="/map/">网站地图</a> | '
        '<a href="/contact/">联系我们</a></p>\n'
        "<p>主办单位：本区人民政府办公室 &nbsp; 承办单位：本区大数据中心</p>\n"
        "<p>网站标识码：3301000012 &nbsp; 某ICP备12345678号-1 &nbsp; 某公网安备 33010002000123号</p>\n"
        '<p><a href="/dzjg/"><img src="/images/dzjg.png" alt="党政机关" width="44" height="55"></a></p>\n'
        "</div></div>\n<!-- footer end -->"
    )


_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.DOTALL | re.IGNORECASE)


def in_portal(page: str) -> str:
    """``page`` (a report's HTML page, decoded) inside a portal's chrome, in UTF-8's
    terms: the report's ``<body>`` is the article's content, its ``<title>`` the
    article's title."""
    body_match = _BODY.search(page)
    body = body_match.group(1) if body_match else page
    title_match = _TITLE.search(page)
    title = title_match.group(1).strip() if title_match else "政府信息公开工作年度报告"
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        '<meta name="SiteName" content="本区人民政府门户网站">\n'
        '<meta name="ColumnName" content="政府信息公开年报">\n'
        f'<meta name="ArticleTitle" content="{title}">\n'
        '<meta name="PubDate" content="2024-01-18 09:30">\n'
        f"<title>{title}_本区人民政府门户网站</title>\n"
        '<link rel="stylesheet" href="/css/common.css" type="text/css">\n'
        f"{_STYLE}\n{_site_config()}\n</head>\n<body>\n"
        f'{_header()}\n<div class="crumb w1200">当前位置：<a href="/">首页</a> &gt; '
        '<a href="/col/col100/index.html">政务公开</a> &gt; '
        '<a href="/col/col303/index.html">政府信息公开年报</a></div>\n'
        f'<div class="content w1200 clearfix">\n{_side()}\n{_article(body, title)}\n</div>\n'
        f"{_footer()}\n{_SCRIPT}\n</body>\n</html>\n"
    )
