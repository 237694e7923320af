import SurveyModel
import SurveyEstimation
import SurveyBenchmark

/// The council dashboard (benchmarking.md §1): one self-contained HTML page (inline CSS and SVG, no
/// scripts, no external references) in the shape councils use — one row per measure with the years,
/// a sparkline of the values and their 95% intervals, the recent-trend arrow, the direction of travel,
/// peers, region, England, rank this year and last, quartile, the value needed for the next quartile,
/// the target and its RAG status. Every arrow and colour names the test behind it (the legend and each
/// cell's title), and every number carries its raw value (`data-v`) with the JSON field it comes from
/// (`data-k`), so that it can be checked against `trend` and `benchmark` JSON.
public enum DashboardHTML {
    public static func render(_ input: DashboardInput) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTML.escape("ASCOF dashboard — \(input.name) (\(input.council))"))</title>\n"
        out += "<style>\n\(HTMLReport.stylesheet)\n\(stylesheet)\n</style>\n</head>\n<body>\n<main class=\"dash\">\n"
        out += header(input)
        out += table(input)
        out += legend(adjust: input.adjust, alpha: input.alpha, peers: input.peers, benchmark: true)
        out += footer(input)
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    static func header(_ d: DashboardInput) -> String {
        let latest = d.years.last ?? ""
        var out = "<header>\n<p class=\"kicker\">Adult Social Care Outcomes Framework · council dashboard</p>\n"
        out += "<h1>\(HTML.escape(d.name)) <span class=\"muted\">(\(HTML.escape(d.council)))</span></h1>\n"
        let redRed = d.rows.filter(\.trend.redRed).count
        let rags = d.rows.compactMap { $0.trend.target?.rag }
        out += "<p class=\"lead\">\(d.rows.count) measures, \(HTML.escape(d.years.first ?? "")) to \(HTML.escape(latest))"
        out += d.regionName.map { " · region: \(HTML.escape($0))" } ?? ""
        out += ". \(redRed) red–red (worse than England and significantly worsening)"
        if !rags.isEmpty {
            out += "; targets: \(rags.filter { $0 == .green }.count) green, \(rags.filter { $0 == .amber }.count) amber, \(rags.filter { $0 == .red }.count) red"
        }
        out += ".</p>\n</header>\n"
        return out
    }

    static func table(_ d: DashboardInput) -> String {
        table(d.rows, years: d.years, id: "dash-caption", benchmark: true,
              caption: "Each row: the council's values by year (95% interval below), then how it compares. "
                + "Hover or read the legend for the test behind each arrow and colour.")
    }

    /// The rows as a table; without `benchmark` the comparison columns (peers to next quartile) are left out.
    static func table(_ rows: [DashboardInput.Row], years: [String], id: String, benchmark: Bool, caption: String) -> String {
        var out = "<div class=\"scroll\" role=\"region\" aria-labelledby=\"\(id)\" tabindex=\"0\">\n<table class=\"dash\">\n"
            + "<caption id=\"\(id)\">\(HTML.escape(caption))</caption>\n<thead><tr>"
        out += "<th scope=\"col\">Measure</th>"
        for y in years { out += "<th scope=\"col\" class=\"num\">\(HTML.escape(y))</th>" }
        out += "<th scope=\"col\">Years</th><th scope=\"col\">Trend</th><th scope=\"col\">Latest change</th>"
        if benchmark {
            out += "<th scope=\"col\" class=\"num\">Peers</th><th scope=\"col\" class=\"num\">Region</th><th scope=\"col\" class=\"num\">England</th>"
            out += "<th scope=\"col\" class=\"num\">Rank</th><th scope=\"col\" class=\"num\">Quartile</th><th scope=\"col\" class=\"num\">Next quartile</th>"
        }
        out += "<th scope=\"col\" class=\"num\">Target</th>"
        out += "</tr></thead>\n<tbody>\n"
        for row in rows { out += Self.row(row, years: years, benchmark: benchmark) }
        out += "</tbody>\n</table>\n</div>\n"
        return out
    }

    static func row(_ row: DashboardInput.Row, years: [String], benchmark: Bool = true) -> String {
        let t = row.trend
        let s = t.series
        let f = TrendFormat(s)
        let m = s.measure.id
        var out = "<tr\(t.redRed ? " class=\"redred\"" : "") data-measure=\"\(HTML.escape(m))\">"
        out += "<th scope=\"row\"><span class=\"code\">\(HTML.escape(s.displayCode))</span><span class=\"name\">\(HTML.escape(s.measure.name))</span>"
        out += "<span class=\"sub\">\(s.measure.polarity == .higherIsBetter ? "higher is better" : "lower is better")"
        out += s.breakdown == "Total" ? "" : " · \(HTML.escape(s.breakdown))"
        out += "</span>\(t.redRed ? "<span class=\"tag warn\">red–red</span>" : "")</th>"
        for y in years { out += yearCell(s, year: y, format: f) }
        out += "<td class=\"spark\">\(DashboardSpark.svg(s, format: f, years: years))</td>"
        out += trendCell(t.recentTrend, measure: m)
        out += changeCell(t.changes.last, measure: m, format: f)
        if benchmark {
            out += versusCell(row.current?.peers.map { ($0.average, $0.comparison) }, key: "peers.average", row: row, format: f)
            out += versusCell(row.current?.region.map { ($0.value, $0.comparison) }, key: "region.value", row: row, format: f)
            out += versusCell(row.current?.england.map { ($0.value, $0.comparison) }, key: "england.value", row: row, format: f)
            out += rankCell(row)
            out += quartileCell(row)
            out += nextQuartileCell(row, format: f)
        }
        out += targetCell(t.target, measure: m, format: f)
        out += "</tr>\n"
        return out
    }

    static func footer(_ d: DashboardInput) -> String {
        var out = "<footer>\n"
        if !d.notes.isEmpty {
            out += "<p><strong>Notes.</strong></p><ul class=\"small\">"
            for n in d.notes { out += "<li>\(HTML.escape(n))</li>" }
            out += "</ul>\n"
        }
        out += "<p>Sources: \(d.sources.map { HTML.escape(Fmt.fileName($0)) }.joined(separator: ", ")). "
        out += "\(d.diagnostics) diagnostics (run <code>caresurvey trend … --format json</code> to see them). "
        out += "Made by <code>\(HTML.escape(d.generatedBy))</code>; the same inputs give the same page.</p>\n</footer>\n"
        return out
    }
}
