import HechaCore
import HechaRules

/// Writes `report.html`: one self-contained page (inline CSS, SVG and a few lines of script; no
/// network) for the bureau's leadership and township case workers, in Chinese or English: the
/// region and dates, the figures by category and by township (table and bar chart), the over- and
/// underpayment totals in 万元, a sortable list of findings with masked ids and names, the data
/// sources with their row counts, and the rules that did not run and why.
public enum HTMLReport {
    public static func text(_ input: ReportInput) -> String {
        let l = input.language
        let totals = ReportTotals(input)
        func t(_ k: ReportStrings.Key) -> String { HTMLText.escape(l.text(k)) }
        let r = input.region
        var out = """
        <!DOCTYPE html>
        <html lang="\(l.htmlCode)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(t(.title)) — \(HTMLText.escape(r.name))</title>
        <style>\(style)</style>
        </head>
        <body>
        <header>
        <h1>\(t(.title))</h1>
        <p class="meta"><span>\(HTMLText.escape(l.labelled(l.text(.region))))<b>\(HTMLText.escape(r.name))</b>\(HTMLText.escape(l.parenthesised(r.code)))</span>
        <span>\(HTMLText.escape(l.labelled(l.text(.asOf))))<b>\(r.asOf)</b></span>
        <span>\(HTMLText.escape(l.labelled(l.text(.auditWindow))))<b>\(r.auditFrom) — \(r.auditTo)</b></span></p>
        </header>
        <main>
        <section class="cards">
        \(card(t(.leads), String(totals.total.leads), ""))
        \(card(t(.households), String(totals.total.households), ""))
        \(card(t(.overpaid), ReportTotals.tenThousands(totals.total.overpaid), t(.tenThousandYuan)))
        \(card(t(.underpaid), ReportTotals.tenThousands(totals.total.underpaid), t(.tenThousandYuan)))
        </section>

        """
        // by category
        out += "<section>\n<h2>\(t(.byCategory))</h2>\n<div class=\"scroll\"><table>\n"
        out += "<thead><tr><th>\(t(.category))</th><th class=\"num\">\(t(.leads))</th><th class=\"num\">\(t(.households))</th><th class=\"num\">\(t(.amount))</th></tr></thead>\n<tbody>\n"
        for c in totals.categories {
            out += "<tr><td>\(HTMLText.escape(l.category(c.name)))</td><td class=\"num\">\(c.leads)</td><td class=\"num\">\(c.households)</td><td class=\"num\">\(c.hasAmount ? c.amount.decimalString(places: 2) : "—")</td></tr>\n"
        }
        out += "</tbody>\n<tfoot><tr><th>\(t(.total))</th><td class=\"num\">\(totals.total.leads)</td><td class=\"num\">\(totals.total.households)</td><td class=\"num\">\(totals.total.amount.decimalString(places: 2))</td></tr></tfoot>\n"
        out += "</table></div>\n</section>\n\n"
        // by township
        out += "<section>\n<h2>\(t(.byTown))</h2>\n<div class=\"split\">\n<div class=\"scroll\"><table>\n"
        out += "<thead><tr><th>\(t(.town))</th><th class=\"num\">\(t(.leads))</th><th class=\"num\">\(t(.households))</th><th class=\"num\">\(t(.overpaidShort))</th><th class=\"num\">\(t(.underpaidShort))</th></tr></thead>\n<tbody>\n"
        for row in totals.towns {
            out += "<tr><td>\(HTMLText.escape(row.name))</td><td class=\"num\">\(row.leads)</td><td class=\"num\">\(row.households)</td><td class=\"num\">\(row.overpaid.decimalString(places: 2))</td><td class=\"num\">\(row.underpaid.decimalString(places: 2))</td></tr>\n"
        }
        out += "</tbody>\n<tfoot><tr><th>\(t(.total))</th><td class=\"num\">\(totals.total.leads)</td><td class=\"num\">\(totals.total.households)</td><td class=\"num\">\(totals.total.overpaid.decimalString(places: 2))</td><td class=\"num\">\(totals.total.underpaid.decimalString(places: 2))</td></tr></tfoot>\n"
        out += "</table></div>\n<figure>\n"
        out += BarChart.svg(totals.towns.map { .init(label: $0.name, value: $0.leads) }, caption: l.text(.chartCaption))
        out += "\n<figcaption>\(t(.chartCaption))</figcaption>\n</figure>\n</div>\n</section>\n\n"
        // findings
        out += "<section>\n<h2>\(t(.findings))\(HTMLText.escape(l.parenthesised(String(input.findings.count))))</h2>\n"
        if input.findings.isEmpty {
            out += "<p>\(t(.noFindings))</p>\n"
        } else {
            out += "<p class=\"note\">\(t(.sortHint)) \(t(.maskNote))</p>\n<div class=\"scroll\"><table class=\"sortable findings\">\n<thead><tr>"
            let columns: [(ReportStrings.Key, Bool)] = [(.findingID, false), (.town, false), (.household, false), (.rule, false),
                                                        (.severity, true), (.person, false), (.application, false),
                                                        (.amountShort, true), (.evidence, false)]
            for (k, numeric) in columns {
                out += "<th\(numeric ? " class=\"num\" data-type=\"num\"" : "")>\(t(k))</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for f in HumanOrder.sorted(input) { out += findingRow(f, input) }
            out += "</tbody>\n</table></div>\n"
        }
        out += "</section>\n\n"
        out += LedgerReportSection.html(input)
        // sources
        out += "<section>\n<h2>\(t(.sources))</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>\(t(.source))</th><th>\(t(.file))</th>"
        for k in [ReportStrings.Key.read, .accepted, .rejected, .duplicates, .unmatched] { out += "<th class=\"num\">\(t(k))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for s in input.sources {
            for f in s.files {
                let c = f.counts
                out += "<tr><td>\(HTMLText.escape(s.title))<br><small>\(HTMLText.escape(s.id))</small></td><td class=\"file\">\(HTMLText.escape(c.file))</td>"
                for v in [c.read, c.accepted, c.rejected, c.duplicates, c.unmatched] { out += "<td class=\"num\">\(v)</td>" }
                out += "</tr>\n"
            }
        }
        out += "</tbody>\n</table></div>\n</section>\n\n"
        // rules not run
        out += "<section>\n<h2>\(t(.notRun))</h2>\n"
        if input.notRun.isEmpty {
            out += "<p>\(t(.allRulesRan))</p>\n"
        } else {
            out += "<ul class=\"notrun\">\n"
            for n in input.notRun {
                out += "<li><code>\(HTMLText.escape(n.rule))</code> — \(HTMLText.escape(n.reason))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "</section>\n</main>\n"
        let generated = l.text(.generatedBy).replacingOccurrences(of: "%@", with: HechaVersion.current)
        out += "<footer>\(HTMLText.escape(generated)) · \(t(.maskNote))</footer>\n"
        out += "<script>\(script)</script>\n</body>\n</html>\n"
        return out
    }

    static func card(_ label: String, _ value: String, _ unit: String) -> String {
        "<div class=\"card\"><div class=\"label\">\(label)</div><div class=\"value\">\(value)<small>\(unit.isEmpty ? "" : " " + unit)</small></div></div>"
    }

    static func findingRow(_ f: Finding, _ input: ReportInput) -> String {
        let l = input.language
        func t(_ k: ReportStrings.Key) -> String { HTMLText.escape(l.text(k)) }
        let h = input.households[f.household]
        let rule = input.rule(f.rule)
        let id = FindingID.of(f)
        var person = ""
        if let p = f.person {
            let name = h?.memberNames[p].map(PrivacyMask.name) ?? ""
            person = (name.isEmpty ? "" : HTMLText.escape(name) + "<br>") + "<small class=\"id\">\(HTMLText.escape(PrivacyMask.id(p)))</small>"
        }
        let severityRank: Int
        switch rule?.severity ?? .low {
        case .high: severityRank = 1
        case .medium: severityRank = 2
        case .low: severityRank = 3
        }
        let severity = rule.map { l.text(SeverityLabel.key($0.severity)) } ?? ""
        let evidence = EvidenceText.groups(f.evidence, limit: 4).map(HTMLText.escape).joined(separator: "<br>")
        let town = input.households.town(of: f.household)
        let amount = f.amount?.decimalString(places: 2) ?? ""
        // (label key, extra attributes, content); the label heads the cell in the phone layout
        let cells: [(ReportStrings.Key, String, String)] = [
            (.findingID, "", "<code>\(id)</code>"),
            (.town, " data-v=\"\(HTMLText.escape(town + " " + (h?.village ?? "")))\"",
             "\(HTMLText.escape(town))<br><small>\(HTMLText.escape(h?.village ?? ""))</small>"),
            (.household, " data-v=\"\(HTMLText.escape(f.household))\"",
             "\(HTMLText.escape(f.household))<br><small>\(HTMLText.escape(l.labelled(l.text(.head))))\(HTMLText.escape(PrivacyMask.name(h?.headName ?? "")))</small>"),
            (.rule, "", "\(HTMLText.escape(rule?.title ?? f.rule))<br><small>\(HTMLText.escape(l.category(rule?.category ?? ReportTotals.otherCategory)))</small>"),
            (.severity, " class=\"num sev-\(rule?.severity.rawValue ?? "low")\" data-v=\"\(severityRank)\"", HTMLText.escape(severity)),
            (.person, " data-v=\"\(HTMLText.escape(h?.memberNames[f.person ?? ""].map(PrivacyMask.name) ?? ""))\"", person),
            (.application, "", HTMLText.escape(f.application ?? "")),
            (.amountShort, " class=\"num\" data-v=\"\(amount)\"", amount),
            (.evidence, " class=\"file\"", evidence),
        ]
        let empty = cells.map { $0.2.isEmpty }
        let rendered = zip(cells, empty).map { c, isEmpty in
            "<td data-label=\"\(t(c.0))\"\(c.1)\(isEmpty ? " data-empty=\"1\"" : "")><div>\(c.2)</div></td>"
        }
        return "<tr>" + rendered.joined() + "</tr>\n"
    }

    static let style = """

    :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #b42318; --bar: #c2410c; --bg: #f5f7fa; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.55 -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif; color: var(--ink); background: var(--bg); }
    header { background: #7f1d1d; color: #fff; padding: 20px 24px 16px; }
    header h1 { margin: 0 0 6px; font-size: 24px; letter-spacing: 0.02em; }
    .meta { margin: 0; display: flex; flex-wrap: wrap; gap: 4px 22px; font-size: 14px; opacity: 0.95; }
    main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 8px; }
    section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 14px 18px; margin: 0 0 16px; }
    h2 { font-size: 18px; margin: 0 0 10px; border-left: 4px solid var(--accent); padding-left: 8px; }
    .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; background: none; border: 0; padding: 0; }
    .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
    .card .label { color: var(--muted); font-size: 13px; }
    .card .value { font-size: 28px; font-weight: 600; color: var(--accent); font-variant-numeric: tabular-nums; }
    .card .value small { font-size: 13px; font-weight: 400; color: var(--muted); }
    .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
    thead th { background: #f0f4f8; white-space: nowrap; position: sticky; top: 0; }
    tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--ink); }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td small, .note { color: var(--muted); font-size: 12px; }
    .note { margin: 0 0 8px; }
    .file { font-size: 12px; color: var(--muted); word-break: break-all; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
    .findings td:nth-child(-n+3), .findings td.num { white-space: nowrap; }
    .findings td.num div { text-align: right; }
    .findings td:nth-child(4) { min-width: 170px; }
    .findings td.file { min-width: 170px; }
    td:first-child { white-space: nowrap; }
    table.sortable th { cursor: pointer; user-select: none; }
    table.sortable th::after { content: " ↕"; color: #9aa5b1; font-size: 11px; }
    table.sortable th[aria-sort="ascending"]::after { content: " ▲"; color: var(--ink); }
    table.sortable th[aria-sort="descending"]::after { content: " ▼"; color: var(--ink); }
    .sev-high { color: var(--accent); font-weight: 600; }
    .sev-medium { color: #b45309; }
    .split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 20px; align-items: start; }
    figure { margin: 0; }
    figcaption { color: var(--muted); font-size: 12px; text-align: center; }
    .chart { width: 100%; max-width: 640px; height: auto; display: block; }
    .chart text { font-size: 13px; fill: var(--ink); }
    .chart text.value { fill: var(--muted); font-size: 12px; }
    .chart rect { fill: var(--bar); }
    .notrun { margin: 0; padding-left: 20px; }
    footer { text-align: center; color: var(--muted); font-size: 12px; padding: 4px 16px 24px; }
    @media (max-width: 760px) {
      header { padding: 14px 14px 12px; }
      header h1 { font-size: 19px; }
      main { padding: 10px 8px 4px; }
      section { padding: 12px 10px; }
      .cards { grid-template-columns: repeat(2, 1fr); gap: 8px; }
      .card { padding: 10px 12px; }
      .card .value { font-size: 22px; }
      .split { grid-template-columns: 1fr; }
      table { font-size: 13px; }
      th, td { padding: 5px 6px; }
      /* findings as cards: the headers become sort buttons, each cell is labelled */
      .findings, .findings tbody, .findings tr, .findings td { display: block; width: 100%; }
      .findings thead tr { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 4px; }
      .findings thead th { position: static; border: 1px solid var(--line); border-radius: 12px; padding: 2px 8px; font-size: 12px; font-weight: 400; }
      .findings tbody tr { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; padding: 6px 10px; background: #fff; }
      .findings td { display: grid; grid-template-columns: 76px minmax(0, 1fr); gap: 8px; border: 0; padding: 2px 0; text-align: left; white-space: normal !important; min-width: 0 !important; }
      .findings td::before { content: attr(data-label); color: var(--muted); font-size: 12px; }
      .findings td[data-empty] { display: none; }
      .findings td.num div { text-align: left; }
    }
    @media print { body { background: #fff; } section { break-inside: avoid; } }

    """

    static let script = """

    document.querySelectorAll("table.sortable th").forEach(function (th, i) {
      th.addEventListener("click", function () {
        var table = th.closest("table"), body = table.tBodies[0];
        var asc = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var num = th.dataset.type === "num";
        function key(row) { var c = row.cells[i]; return c.dataset.v !== undefined ? c.dataset.v : c.textContent; }
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var d = num ? (x === "" ? -1e18 : parseFloat(x)) - (y === "" ? -1e18 : parseFloat(y)) : x.localeCompare(y, "zh-CN");
          return asc ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });

    """
}
