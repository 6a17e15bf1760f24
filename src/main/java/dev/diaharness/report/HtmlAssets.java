package dev.diaharness.report;

/**
 * The inline CSS and script of {@code report.html}. The script only sorts tables with class {@code sortable} when
 * a header is clicked (numbers numerically, text naturally); it contains neither {@code <} nor {@code &}, so the
 * page stays well-formed XML as well as HTML.
 */
final class HtmlAssets {
  private HtmlAssets() {}

  static final String CSS = String.join("\n",
      "body { font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; color: #222;"
          + " background: #fafafa; margin: 0; }",
      "main { max-width: 1100px; margin: 0 auto; padding: 1.5em 2em 4em; background: #fff; }",
      "h1 { border-bottom: 3px solid #1565C0; padding-bottom: .3em; }",
      "h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 2em; }",
      "table { border-collapse: collapse; margin: .8em 0; font-size: .92em; }",
      "th, td { border: 1px solid #ddd; padding: .3em .6em; text-align: left; vertical-align: top; }",
      "th { background: #f0f4fa; }",
      "table.sortable th { cursor: pointer; user-select: none; white-space: nowrap; }",
      "table.sortable th::after { content: ' \\2195'; color: #999; }",
      "table.sortable th[data-order='asc']::after { content: ' \\2191'; color: #1565C0; }",
      "table.sortable th[data-order='desc']::after { content: ' \\2193'; color: #1565C0; }",
      "tbody tr:nth-child(even) { background: #fbfbfb; }",
      "pre { background: #f6f8fa; border: 1px solid #e1e4e8; padding: .7em; overflow-x: auto; }",
      "code { font-family: Menlo, Consolas, monospace; font-size: .9em; white-space: pre-wrap; }",
      "details { border: 1px solid #e1e4e8; border-radius: 4px; margin: .4em 0; padding: .3em .7em; }",
      "summary { cursor: pointer; font-weight: 600; }",
      ".warning { background: #fff3e0; border-left: 4px solid #ef6c00; padding: .6em .8em; }",
      "nav.toc { background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 4px; padding: .6em 1em;"
          + " margin: 1em 0; font-size: .92em; }",
      "nav.toc ul { margin: .2em 0; padding-left: 1.2em; }",
      "nav.toc > ul > li > ul { display: flex; flex-wrap: wrap; gap: 0 1.2em; list-style: none; padding-left: .6em; }",
      "nav.toc a, a.top { color: #1565C0; text-decoration: none; }",
      "a.top { font-size: .7em; margin-left: .4em; }",
      "figure { margin: 1em 0; }",
      "img { max-width: 100%; height: auto; border: 1px solid #eee; }",
      "figcaption { color: #666; font-size: .85em; }",
      "");

  static final String SCRIPT = String.join("\n",
      "(function () {",
      "  function sortBy(th) {",
      "    var table = th.closest('table');",
      "    var body = table.tBodies[0];",
      "    var col = Array.prototype.indexOf.call(th.parentNode.children, th);",
      "    var asc = th.getAttribute('data-order') !== 'asc';",
      "    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute('data-order'); });",
      "    th.setAttribute('data-order', asc ? 'asc' : 'desc');",
      "    var rows = Array.prototype.slice.call(body.rows);",
      "    rows.sort(function (a, b) {",
      "      var x = a.cells[col].textContent;",
      "      var y = b.cells[col].textContent;",
      "      var nx = parseFloat(x);",
      "      var ny = parseFloat(y);",
      "      var c = (isNaN(nx) || isNaN(ny)) ? x.localeCompare(y, undefined, { numeric: true }) : nx - ny;",
      "      return asc ? c : -c;",
      "    });",
      "    rows.forEach(function (r) { body.appendChild(r); });",
      "  }",
      "  Array.prototype.forEach.call(document.querySelectorAll('table.sortable th'), function (th) {",
      "    th.addEventListener('click', function () { sortBy(th); });",
      "  });",
      "})();",
      "");
}
