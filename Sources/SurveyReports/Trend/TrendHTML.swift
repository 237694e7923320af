import SurveyModel
import SurveyEstimation
import SurveyBenchmark

/// `caresurvey trend --format html`: one self-contained page (inline CSS and SVG, no scripts, no
/// external references) with a table per area — each council asked for, its region, England — and
/// a row per measure and breakdown: every year's value with its 95% interval, a sparkline, the
/// recent-trend test, the latest direction of travel and the target. The cells are the dashboard's
/// (`report --dashboard`), without its benchmark columns, and carry the same `data-k`/`data-v`
/// attributes naming the `trend --format json` field of each number.
public enum TrendHTML {
    public static func render(_ trends: [SeriesTrend], context: TrendJSON.Context, sources: [String]) -> String {
        var areas: [String] = []
        var rows: [String: [DashboardInput.Row]] = [:]
        for t in trends {
            let key = "\(t.series.level.rawValue)|\(t.series.area ?? "")"
            if rows[key] == nil { areas.append(key) }
            rows[key, default: []].append(DashboardInput.Row(trend: t, current: nil, previous: nil))
        }
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>Trends over several years (CareSurvey trend)</title>\n"
        out += "<style>\n\(HTMLReport.stylesheet)\n\(DashboardHTML.stylesheet)\n</style>\n</head>\n<body>\n<main class=\"dash\">\n"
        let years = Set(trends.flatMap { $0.series.points.map(\.year) }).sorted()
        out += "<header>\n<p class=\"kicker\">Adult Social Care Outcomes Framework · trends</p>\n<h1>Trends over several years</h1>\n"
        out += "<p class=\"lead\">\(trends.count) series in \(areas.count) areas, \(HTML.escape(years.first ?? "")) to \(HTML.escape(years.last ?? ""))"
        out += ". \(trends.filter(\.redRed).count) red–red (worse than England and significantly worsening).</p>\n"
        if areas.count > 1 {
            out += "<ul class=\"toc\">" + areas.enumerated().map { i, a in "<li><a href=\"#area-\(i + 1)\">\(HTML.escape(title(rows[a]![0].trend.series)))</a></li>" }.joined() + "</ul>\n"
        }
        out += "</header>\n"
        for (i, area) in areas.enumerated() {
            let areaRows = rows[area]!
            let areaYears = Set(areaRows.flatMap { $0.trend.series.points.map(\.year) }).sorted()
            out += "<section id=\"area-\(i + 1)\">\n<h2>\(HTML.escape(title(areaRows[0].trend.series)))</h2>\n"
            out += DashboardHTML.table(areaRows, years: areaYears, id: "area-\(i + 1)-caption", benchmark: false,
                                       caption: "\(title(areaRows[0].trend.series)): each measure's values by year (95% interval below), the recent trend and the latest change.")
            out += "</section>\n"
        }
        out += DashboardHTML.legend(adjust: context.adjust, alpha: context.alpha, peers: nil, benchmark: false)
        out += "<footer>\n"
        if !context.notes.isEmpty {
            out += "<p><strong>Notes.</strong></p><ul class=\"small\">" + context.notes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n"
        }
        out += "<p>Sources: \(sources.map { HTML.escape(Fmt.fileName($0)) }.joined(separator: ", ")). "
        out += "\(context.diagnostics.count) diagnostics (see <code>--format json</code>). Made by <code>caresurvey trend</code>; the same inputs give the same page.</p>\n"
        out += "</footer>\n</main>\n</body>\n</html>\n"
        return out
    }

    /// `Council 716 Barking and Dagenham`, `London`, `England`.
    static func title(_ s: TrendSeries) -> String {
        let area = TrendFormat.area(s)
        return area.hasPrefix("council") ? "Council" + area.dropFirst("council".count) : area
    }
}
