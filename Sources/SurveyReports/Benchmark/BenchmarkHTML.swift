import Foundation
import SurveyModel
import SurveyBenchmark

/// Benchmark charts as self-contained HTML (inline SVG, no scripts or external files): per measure
/// and year, a funnel plot (value against precision 1/SE, England's value with its 95% and 99.8%
/// limits, over-dispersion τ² included) and a caterpillar chart (every council's rank with its 95%
/// rank interval, best first). The focus council is highlighted.
public enum BenchmarkHTML {
    static let style = """
    body{font-family:system-ui,sans-serif;margin:2em;color:#1b1b1b}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
    .chart{display:block;max-width:100%;height:auto}.axis{stroke:#555;stroke-width:1}.grid{stroke:#ddd;stroke-width:1}
    .lim95{fill:none;stroke:#4d6fa8;stroke-width:1.5;stroke-dasharray:5 3}.lim998{fill:none;stroke:#4d6fa8;stroke-width:1.5}
    .eline{stroke:#222;stroke-width:1.5}.mk{fill:#8a8a8a;stroke:#fff;stroke-width:.5}.mk.focus{fill:#d4351c;stroke:#000;stroke-width:1}
    .bar{stroke:#8a8a8a;stroke-width:2}.bar.focus{stroke:#d4351c;stroke-width:3}.lbl{font-size:11px;fill:#333}.lbl.focus{font-weight:bold;fill:#d4351c}
    table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:right}th{background:#f3f2f1}
    """

    /// A whole page.
    public static func render(_ report: BenchmarkReport, title: String = "Benchmarking against every council") -> String {
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(HTML.escape(title))</title><style>\(style)</style></head><body>\n"
            + "<h1>\(HTML.escape(title))</h1>\n" + section(report) + "</body></html>\n"
    }

    /// `caresurvey report … --published FILE`: the section, with its style, before the end of the report's `<main>`.
    public static func insert(_ report: BenchmarkReport, into page: String) -> String {
        let section = "<section id=\"published-benchmark\"><style>\(style.replacingOccurrences(of: "body{", with: "#published-benchmark{"))</style>\n"
            + "<h2>Benchmarking against the published national figures</h2>\n" + self.section(report) + "</section>\n"
        guard let end = page.range(of: "</main>", options: .backwards) else { return page + section }
        return page.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: section)
    }

    /// The charts and a summary table, for a page or for `caresurvey report`.
    public static func section(_ report: BenchmarkReport) -> String {
        var out = "<p>Every council’s published value for each measure. Funnel plots: value against precision (1/SE) with "
            + "England’s value and its 95% (dashed) and 99.8% (solid) limits; caterpillar charts: each council’s rank (1 = best) "
            + "with its 95% rank interval from \(report.draws) simulations."
        if let focus = report.focus { out += " The focus council (\(HTML.escape(focus))) is shown in red." }
        out += "</p>\n"
        let groups = Dictionary(grouping: report.all.filter { $0.breakdown == "Total" }) { "\($0.measure)\u{1}\($0.year)" }
        for key in groups.keys.sorted() {
            let rows = groups[key]!
            let first = rows[0]
            out += "<h2>\(HTML.escape(first.displayCode)) \(HTML.escape(first.measureName)), \(HTML.escape(first.year))</h2>\n"
            let slug = String((first.measure + "-" + first.year).map { $0.isLetter || $0.isNumber ? $0 : "-" })
            out += funnel(rows, focus: report.focus, id: "funnel-" + slug) + caterpillar(rows, focus: report.focus, id: "ranks-" + slug)
            if let focus = report.focus, let r = rows.first(where: { $0.council == focus }) { out += table(r) }
        }
        return out
    }

    static func display(_ x: Double, _ unit: MeasureUnit) -> Double { unit == .percent ? x * 100 : x }

    static func funnel(_ rows: [BenchmarkResult], focus: String?, id: String) -> String {
        let points = rows.filter { $0.funnel != nil && $0.estimate != nil && $0.standardError != nil }
        guard let any = points.first?.funnel, let target = points.first?.england?.value else {
            return "<p>No funnel plot: England’s value or the councils’ standard errors are not available.</p>\n"
        }
        let unit = rows[0].unit
        let (w, h, left, right, top, bottom) = (640.0, 320.0, 56.0, 16.0, 12.0, 36.0)
        let precisions = points.map { $0.funnel!.precision }
        let px = SVG.Scale.nice(covering: [0] + precisions, bounds: nil, x0: left, x1: w - right)
        let ses = stride(from: 0.0, through: 1.0, by: 1.0 / 60).map { t -> Double in
            let p = max(px.lo, 1e-9) + t * (px.hi - max(px.lo, 1e-9)); return p > 0 ? 1 / p : .infinity
        }.filter(\.isFinite)
        func limit(_ se: Double, _ z: Double) -> Double { target + z * (se * se + any.tau2).squareRoot() }
        let values = points.map { display($0.estimate!, unit) }
        let lims = ses.flatMap { [limit($0, 3.090232), limit($0, -3.090232)] }.map { display($0, unit) }
        let spread = (values.max()! - values.min()!) * 0.15
        var py = SVG.Scale.nice(covering: values + [display(target, unit)] + lims.filter { abs($0 - display(target, unit)) < spread * 8 + 1e-9 },
                                bounds: unit == .percent ? 0...100 : nil, x0: h - bottom, x1: top)
        if py.hi <= py.lo { py.hi = py.lo + 1 }
        var svg = SVG.open(id: id, width: w, height: h, title: "Funnel plot: \(rows[0].displayCode), \(rows[0].year)",
                           desc: "\(points.count) councils; φ = \(MeasuresText.fixed(any.phi, 2)), τ² = \(any.tau2)", cssClass: "chart")
        for t in py.ticks { svg += SVG.line(left, py.x(t), w - right, py.x(t), cssClass: "grid") + SVG.text(MeasuresText.fixed(t, 1), x: left - 4, y: py.x(t) + 4, anchor: "end") }
        for t in px.ticks { svg += SVG.text(MeasuresText.fixed(t, 0), x: px.x(t), y: h - bottom + 14, anchor: "middle") }
        svg += SVG.text("precision (1/SE)", x: (left + w - right) / 2, y: h - 4, anchor: "middle")
        svg += SVG.line(left, py.x(display(target, unit)), w - right, py.x(display(target, unit)), cssClass: "eline")
        for (z, cls) in [(1.959964, "lim95"), (-1.959964, "lim95"), (3.090232, "lim998"), (-3.090232, "lim998")] {
            let path = ses.map { se in "\(Fmt.c(px.x(1 / se))),\(Fmt.c(py.x(display(limit(se, z), unit))))" }.joined(separator: " ")
            svg += "<polyline class=\"\(cls)\" points=\"\(path)\"/>"
        }
        for p in points.sorted(by: { ($0.council == focus ? 1 : 0) < ($1.council == focus ? 1 : 0) }) {
            let isFocus = p.council == focus
            let x = px.x(p.funnel!.precision), y = py.x(display(p.estimate!, unit))
            svg += SVG.marker(.circle, x: x, y: y, r: isFocus ? 5 : 3, cssClass: isFocus ? "mk focus" : "mk")
            if isFocus { svg += SVG.text(p.name, x: x + 7, y: y - 6, cssClass: "lbl focus") }
        }
        return svg + "</svg>\n"
    }

    static func caterpillar(_ rows: [BenchmarkResult], focus: String?, id: String) -> String {
        let ranked = rows.filter { $0.rank != nil }.sorted { ($0.rank!, $0.council) < ($1.rank!, $1.council) }
        guard let n = ranked.first?.of, n > 1 else { return "" }
        let (w, h, left, right, top, bottom) = (640.0, 260.0, 40.0, 16.0, 12.0, 30.0)
        let y = SVG.Scale(lo: 1, hi: Double(n), x0: top, x1: h - bottom, step: Double(max(1, n / 5)))
        let dx = (w - left - right) / Double(ranked.count)
        var svg = SVG.open(id: id, width: w, height: h, title: "Ranks with 95% intervals: \(rows[0].displayCode), \(rows[0].year)",
                           desc: "\(ranked.count) councils ranked, best first", cssClass: "chart")
        for t in [1.0] + y.ticks.filter({ $0 > 1 }) { svg += SVG.line(left, y.x(t), w - right, y.x(t), cssClass: "grid") + SVG.text(MeasuresText.fixed(t, 0), x: left - 4, y: y.x(t) + 4, anchor: "end") }
        svg += SVG.text("councils, best first (rank 1 at the top)", x: (left + w - right) / 2, y: h - 8, anchor: "middle")
        for (i, r) in ranked.enumerated() {
            let x = left + (Double(i) + 0.5) * dx
            let isFocus = r.council == focus
            if let lo = r.rankLower, let hi = r.rankUpper {
                svg += SVG.line(x, y.x(Double(lo)), x, y.x(Double(hi)), cssClass: isFocus ? "bar focus" : "bar")
            }
            svg += SVG.marker(.circle, x: x, y: y.x(r.rank!), r: isFocus ? 4 : 1.8, cssClass: isFocus ? "mk focus" : "mk")
            if isFocus { svg += SVG.text("\(r.name): \(BenchmarkText.rankText(r.rank)) of \(r.of)", x: min(x + 6, w - 200), y: y.x(r.rank!) - 6, cssClass: "lbl focus") }
        }
        return svg + "</svg>\n"
    }

    static func table(_ r: BenchmarkResult) -> String {
        func v(_ x: Double?) -> String { HTML.escape(BenchmarkText.value(x, r.unit)) }
        var out = "<table><tr><th>value</th><th>95% interval</th><th>England</th><th>region</th><th>peers</th><th>rank</th><th>quartile</th><th>to next quartile</th>"
            + (r.target == nil ? "" : "<th>target</th>") + "</tr><tr>"
        out += "<td>\(v(r.estimate))</td><td>\(v(r.lower))–\(v(r.upper))</td>"
        out += "<td>\(v(r.england?.value)) (\(r.england?.comparison.rawValue ?? "–"))</td><td>\(v(r.region?.value))</td><td>\(v(r.peers?.average))</td>"
        out += "<td>\(BenchmarkText.rankText(r.rank)) of \(r.of)" + (r.rankLower.map { " (\($0)–\(r.rankUpper!))" } ?? "") + "</td>"
        out += "<td>\(r.quartile.map { "Q\($0)" } ?? "–")</td><td>\(r.nextQuartile.map { HTML.escape(BenchmarkText.gap($0.gap, r.unit)) } ?? "–")</td>"
        if r.target != nil { out += "<td>\(HTML.escape(BenchmarkText.targetText(r)))</td>" }
        out += "</tr></table>\n"
        return out
    }
}
