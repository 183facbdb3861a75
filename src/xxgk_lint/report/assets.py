"""The audit page's style and script, inlined into the page (no file, no network).

The script only sorts and filters the file table: the page is complete without it. A
sort can be named in the address (``audit.html#sort=3:desc``: the fourth column,
descending), so that a link can open the table sorted.
"""

from __future__ import annotations

CSS = """
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa;
  --error: #cf222e; --warning: #bf8700; --info: #0969da; --pass: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff; line-height: 1.5;
  font: 14px/1.5 -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
  "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
header { padding: 20px 28px 12px; border-bottom: 1px solid var(--line); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; }
.meta { color: var(--muted); margin: 0 0 14px; }
main { padding: 0 28px 40px; }
.totals { display: flex; flex-wrap: wrap; gap: 10px; }
.total { border: 1px solid var(--line); border-radius: 6px; background: #fff;
  padding: 8px 14px; min-width: 96px; }
.total b { display: block; font-size: 22px; }
.total span { color: var(--muted); }
.total.fail b, .total.error b { color: var(--error); }
.total.warning b { color: var(--warning); }
.total.info b { color: var(--info); }
.total.pass b { color: var(--pass); }
.charts { display: flex; flex-wrap: wrap; gap: 24px; margin-top: 20px; }
figure { margin: 0; }
figcaption { font-weight: 600; margin: 0 0 6px; }
figcaption small { font-weight: normal; color: var(--muted); }
.key { margin-left: 8px; white-space: nowrap; }
.key i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
svg text { font-family: inherit; }
.tools { display: flex; gap: 12px; align-items: center; margin-bottom: 8px; }
.tools input { padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; width: 260px; }
.tools span { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left;
  vertical-align: top; }
th { background: var(--bg); cursor: pointer; user-select: none; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }
/* The file table is laid out as a grid of rows, not as a table: a table of thousands of
   rows is laid out whole before the page shows (seconds), while a grid row that is off
   screen is skipped (content-visibility) until it is scrolled to. The columns are the
   same in every row (--families: how many rule-family count columns there are). */
#file-table, #file-table thead, #file-table tbody { display: block; }
#file-table thead { position: sticky; top: 0; z-index: 1; }
#file-table tr { display: grid; grid-template-columns: minmax(14em, 2.4fr) minmax(8em, 1.2fr)
  4.5em 5.5em 5.5em 6.5em repeat(var(--families, 7), 3.4em) minmax(14em, 3fr); }
#file-table tbody tr { content-visibility: auto; contain-intrinsic-size: auto 2.4em; }
#file-table tr[hidden] { display: none; }
#findings details { content-visibility: auto; contain-intrinsic-size: auto 2.4em; }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
td.n, td.z { text-align: right; font-variant-numeric: tabular-nums; }
td.z { color: #afb8c1; }
#file-table td:first-child { word-break: break-all; }
.status { border-radius: 10px; padding: 0 8px; white-space: nowrap; }
.status.pass { background: #dafbe1; color: var(--pass); }
.status.fail { background: #ffebe9; color: var(--error); }
.status.unreadable { background: #fff8c5; color: #7d4e00; }
.status.timed-out { background: #ddf4ff; color: #0a3069; }
.sev { font-weight: 600; }
.sev.error { color: var(--error); }
.sev.warning { color: var(--warning); }
.sev.info { color: var(--info); }
details { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
summary { padding: 6px 10px; cursor: pointer; background: var(--bg); }
details ol { margin: 0; padding: 8px 10px 8px 34px; }
details li { margin: 6px 0; }
pre { margin: 4px 0; padding: 4px 8px; background: var(--bg); overflow-x: auto;
  white-space: pre-wrap; word-break: break-all; }
mark { background: #ffd8b5; }
.note { color: var(--muted); }
.run-errors li { color: var(--error); }
"""

JS = """
(function () {
  var table = document.getElementById("file-table");
  if (!table) { return; }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function key(row, index, numeric) {
    var cell = row.cells[index];
    var value = cell.getAttribute("data-sort");
    if (value === null) { value = cell.textContent; }
    if (numeric) { var n = parseFloat(value); return isNaN(n) ? -Infinity : n; }
    return value;
  }
  // one collator, and each row's key read once: thousands of rows sort in a blink
  var collate = window.Intl ? new Intl.Collator("zh-CN").compare : function (x, y) {
    return x < y ? -1 : x > y ? 1 : 0;
  };
  function sort(index, descending) {
    var numeric = heads[index].getAttribute("data-type") === "number";
    var rows = Array.prototype.map.call(body.rows, function (row) {
      return { row: row, key: key(row, index, numeric), at: +row.getAttribute("data-order") };
    });
    rows.sort(function (a, b) {
      var x = a.key, y = b.key;
      var order = numeric ? (x < y ? -1 : x > y ? 1 : 0) : collate(String(x), String(y));
      if (order === 0) { order = a.at - b.at; }
      return descending ? -order : order;
    });
    var moved = document.createDocumentFragment();
    rows.forEach(function (item) { moved.appendChild(item.row); });
    body.appendChild(moved);
    for (var i = 0; i < heads.length; i++) { heads[i].removeAttribute("aria-sort"); }
    heads[index].setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  Array.prototype.forEach.call(heads, function (head, index) {
    head.addEventListener("click", function () {
      var descending = head.getAttribute("aria-sort") === "ascending";
      sort(index, descending);
      history.replaceState(null, "", "#sort=" + index + ":" + (descending ? "desc" : "asc"));
    });
  });
  var filter = document.getElementById("filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var text = filter.value.toLowerCase();
      Array.prototype.forEach.call(body.rows, function (row) {
        row.hidden = text !== "" && row.textContent.toLowerCase().indexOf(text) < 0;
      });
    });
  }
  var wanted = /^#sort=(\\d+):(asc|desc)$/.exec(location.hash);
  if (wanted && Number(wanted[1]) < heads.length) {
    sort(Number(wanted[1]), wanted[2] === "desc");
  }
})();
"""
