import HechaCore
import HechaRules

/// Writes `report.html`: one self-contained page (inline CSS, SVG, data and a small script; no
/// network) for the bureau's leadership and township case workers, in Chinese or English: the
/// region and dates, the figures by category and by township (table and bar chart), the over- and
/// underpayment totals in 万元, the list of findings with masked ids and names (compact data the
/// page renders a page at a time, filtered and sorted: ``FindingListData``), the data
/// sources with their row counts, and the rules that did not run and why.
public enum HTMLReport {
    /// The whole page for `input`, as HTML text in the input's language.
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
        <style>\(ReportStyle.text)</style>
        </head>
        <body>
        <header>
        <h1>\(t(.title))</h1>
        <p class="meta"><span>\(HTMLText.escape(l.labelled(l.text(.region))))<b>\(HTMLText.escape(r.name))</b>\(HTMLText.escape(l.parenthesised(r.code)))</span>
        <span>\(HTMLText.escape(l.labelled(l.text(.asOf))))<b>\(r.asOf)</b></span>
        <span>\(HTMLText.escape(l.labelled(l.text(.auditWindow))))<b>\(r.auditFrom) — \(r.auditTo)</b></span></p>
        </header>
        <main>
        \(IncompleteNotice.html(input))<section class="cards">
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
        // findings: the data, rendered a page at a time by the script
        let ordered = HumanOrder.sorted(input)
        var script = ""
        out += "<section class=\"list\">\n<h2>\(t(.findings))\(HTMLText.escape(l.parenthesised(String(input.findings.count))))</h2>\n"
        if input.findings.isEmpty {
            out += "<p>\(t(.noFindings))</p>\n"
        } else {
            let data = FindingListData.build(input, ordered: ordered)
            out += "<p class=\"note\">\(t(.sortHint)) \(t(.maskNote))</p>\n"
            out += filters(input, ordered: ordered)
            out += "<noscript><p>\(t(.noScript))</p></noscript>\n"
            out += "<div class=\"scroll\"><table class=\"sortable findings\">\n<thead><tr>"
            for c in FindingListColumns.all {
                out += "<th\(c.numeric ? " class=\"num\" data-type=\"num\"" : "")>\(t(c.label))</th>"
            }
            out += "</tr></thead>\n<tbody></tbody>\n</table></div>\n"
            out += "<div class=\"pager\"><button type=\"button\" id=\"f-prev\">\(t(.previousPage))</button><span id=\"f-info\"></span>"
            out += "<button type=\"button\" id=\"f-next\">\(t(.nextPage))</button></div>\n"
            out += "<script type=\"application/json\" id=\"finding-lookups\">\(data.lookups)</script>\n"
            out += "<script type=\"application/json\" id=\"finding-rows\">\(data.rows)</script>\n"
            script = "<script>\(FindingListScript.text)</script>\n"
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
        out += script + "</body>\n</html>\n"
        return out
    }

    static func card(_ label: String, _ value: String, _ unit: String) -> String {
        "<div class=\"card\"><div class=\"label\">\(label)</div><div class=\"value\">\(value)<small>\(unit.isEmpty ? "" : " " + unit)</small></div></div>"
    }

    /// The list's filters: township and rule (those with findings, as numbers into the data), a
    /// search box, the page size.
    static func filters(_ input: ReportInput, ordered: [Finding]) -> String {
        let l = input.language
        func t(_ k: ReportStrings.Key) -> String { HTMLText.escape(l.text(k)) }
        let towns = ChineseOrder.sorted(ordered.map { input.households.town(of: $0.household) })
        var out = "<div class=\"filters\">\n<select id=\"f-town\" aria-label=\"\(t(.town))\"><option value=\"\">\(t(.allTowns))</option>"
        for (i, town) in towns.enumerated() { out += "<option value=\"\(i)\">\(HTMLText.escape(town))</option>" }
        out += "</select>\n<select id=\"f-rule\" aria-label=\"\(t(.rule))\"><option value=\"\">\(t(.allRules))</option>"
        for (i, rule) in FindingListData.ruleIDs(input, ordered: ordered).enumerated() {
            out += "<option value=\"\(i)\">\(HTMLText.escape(input.rule(rule)?.title ?? rule))</option>"
        }
        out += "</select>\n<input id=\"f-text\" type=\"search\" placeholder=\"\(t(.searchHint))\" aria-label=\"\(t(.searchHint))\">\n"
        out += "<select id=\"f-size\" aria-label=\"\(t(.pageSize))\">"
        for n in [50, 100, 200, 500] { out += "<option value=\"\(n)\"\(n == 100 ? " selected" : "")>\(n) \(t(.perPage))</option>" }
        return out + "</select>\n</div>\n"
    }
}
