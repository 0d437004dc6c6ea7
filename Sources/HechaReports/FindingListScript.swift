/// The report's only script: renders the list of findings from ``FindingListData`` a page at a
/// time, filtered by township, rule and text, sorted by a click on a column header. Cells are built
/// with `textContent`, never from markup, so nothing in the data can become HTML. Before printing,
/// every finding the filters match is rendered, so that a township's list prints whole.
enum FindingListScript {
    static let text = """

    (function () {
      var table = document.querySelector("table.findings");
      if (!table) return;
      var look = JSON.parse(document.getElementById("finding-lookups").textContent);
      var rows = JSON.parse(document.getElementById("finding-rows").textContent);
      var towns = look.towns, rules = look.rules, L = look.labels;
      var body = table.tBodies[0], heads = table.tHead.rows[0].cells;
      var townSel = document.getElementById("f-town"), ruleSel = document.getElementById("f-rule");
      var query = document.getElementById("f-text"), sizeSel = document.getElementById("f-size");
      var info = document.getElementById("f-info"), prev = document.getElementById("f-prev"), next = document.getElementById("f-next");
      var collator = new Intl.Collator("zh-CN"), order = rows.map(function (_, i) { return i; });
      var shown = order, page = 0, printing = false, hay = null;
      function text(a, b) { return collator.compare(a, b); }
      function amount(r) { return r[9] === "" ? -Infinity : parseFloat(r[9]); }
      var compare = [
        function (a, b) { return text(a[0], b[0]); },
        function (a, b) { return a[1] - b[1] || text(a[2], b[2]); },
        function (a, b) { return text(a[3], b[3]); },
        function (a, b) { return a[5] - b[5]; },
        function (a, b) { return rules[a[5]][4] - rules[b[5]][4]; },
        function (a, b) { return text(a[6], b[6]) || text(a[7], b[7]); },
        function (a, b) { return text(a[8], b[8]); },
        function (a, b) { var x = amount(a), y = amount(b); return x < y ? -1 : x > y ? 1 : 0; },
        function (a, b) { return text(a[10].join(" "), b[10].join(" ")); }
      ];
      function add(parent, tag, value, cls) {
        var e = document.createElement(tag);
        if (cls) e.className = cls;
        e.textContent = value;
        parent.appendChild(e);
        return e;
      }
      // a cell: lines of [text, tag, class]; the label heads it in the phone layout
      function cell(tr, label, cls, lines) {
        var td = document.createElement("td"), div = document.createElement("div"), first = true;
        td.setAttribute("data-label", label);
        if (cls) td.className = cls;
        lines.forEach(function (ln) {
          if (ln[0] === "") return;
          if (!first) div.appendChild(document.createElement("br"));
          first = false;
          if (ln[1]) add(div, ln[1], ln[0], ln[2]); else div.appendChild(document.createTextNode(ln[0]));
        });
        if (first) td.setAttribute("data-empty", "1");
        td.appendChild(div);
        tr.appendChild(td);
      }
      function row(r) {
        var tr = document.createElement("tr"), rule = rules[r[5]];
        cell(tr, L.id, "", [[r[0], "code"]]);
        cell(tr, L.town, "", [[towns[r[1]]], [r[2], "small"]]);
        cell(tr, L.household, "", [[r[3]], [r[4] ? L.head + r[4] : "", "small"]]);
        cell(tr, L.rule, "", [[rule[0]], [rule[1], "small"], [rule[5], "small", "verify"]]);
        cell(tr, L.severity, "num sev-" + rule[3], [[rule[2]]]);
        cell(tr, L.person, "", [[r[6]], [r[7], "small", "id"]]);
        cell(tr, L.application, "", [[r[8]]]);
        cell(tr, L.amount, "num", [[r[9]]]);
        cell(tr, L.evidence, "file", r[11].map(function (d) { return [d, "span", "detail"]; })
          .concat(r[10].map(function (e) { return [e]; })));
        return tr;
      }
      function render() {
        var size = parseInt(sizeSel.value, 10), pages = Math.max(1, Math.ceil(shown.length / size));
        page = Math.min(page, pages - 1);
        var from = printing ? 0 : page * size, to = printing ? shown.length : Math.min(shown.length, from + size);
        var frag = document.createDocumentFragment();
        for (var i = from; i < to; i++) frag.appendChild(row(rows[shown[i]]));
        if (shown.length === 0) {
          var tr = document.createElement("tr"), td = add(tr, "td", L.none);
          td.colSpan = heads.length;
          frag.appendChild(tr);
        }
        body.textContent = "";
        body.appendChild(frag);
        info.textContent = L.page.replace("%1", page + 1).replace("%2", pages).replace("%3", shown.length);
        prev.disabled = page === 0;
        next.disabled = page >= pages - 1;
      }
      function filter() {
        var t = townSel.value === "" ? -1 : +townSel.value, u = ruleSel.value === "" ? -1 : +ruleSel.value;
        var q = query.value.trim().toLowerCase();
        if (q && !hay) hay = rows.map(function (r) {
          return [r[0], towns[r[1]], r[2], r[3], r[4], rules[r[5]][0], rules[r[5]][1], r[6], r[7], r[8], r[9]].concat(r[10], r[11]).join(" ").toLowerCase();
        });
        shown = order.filter(function (i) {
          var r = rows[i];
          return (t < 0 || r[1] === t) && (u < 0 || r[5] === u) && (!q || hay[i].indexOf(q) >= 0);
        });
        page = 0;
        render();
      }
      Array.prototype.forEach.call(heads, function (th, c) {
        th.addEventListener("click", function () {
          var asc = th.getAttribute("aria-sort") !== "ascending";
          Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", asc ? "ascending" : "descending");
          order = rows.map(function (_, i) { return i; });
          order.sort(function (i, j) { var d = compare[c](rows[i], rows[j]); return (asc ? d : -d) || i - j; });
          filter();
        });
      });
      var timer = null;
      query.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(filter, 150); });
      townSel.addEventListener("change", filter);
      ruleSel.addEventListener("change", filter);
      sizeSel.addEventListener("change", function () { page = 0; render(); });
      prev.addEventListener("click", function () { page--; render(); });
      next.addEventListener("click", function () { page++; render(); });
      window.addEventListener("beforeprint", function () { printing = true; render(); });
      window.addEventListener("afterprint", function () { printing = false; render(); });
      render();
    })();

    """
}
