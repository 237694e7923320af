import SurveyBenchmark

/// A small inline-SVG sparkline of a series: each year's value (a dot) with its 95% interval (a
/// vertical whisker), joined within comparable stretches; a break is a dashed line, a year excluded as
/// a single-year break a hollow dot, a missing year a gap. The latest year's dot is larger.
enum DashboardSpark {
    static let width = 88.0, height = 36.0

    static func svg(_ s: TrendSeries, format f: TrendFormat, years: [String]) -> String {
        let points = s.points
        let values = points.flatMap { p -> [Double] in
            guard let e = p.estimate else { return [] }
            return [e, p.interval95?.lower ?? e, p.interval95?.upper ?? e]
        }.map(f.format.scaled)
        guard !values.isEmpty, points.count > 0 else { return "" }
        var lo = values.min()!, hi = values.max()!
        if hi - lo < 1e-9 { lo -= 1; hi += 1 }
        let pad = 4.0
        func x(_ i: Int) -> Double { points.count == 1 ? width / 2 : pad + Double(i) * (width - 2 * pad) / Double(points.count - 1) }
        func y(_ v: Double) -> Double { height - pad - (f.format.scaled(v) - lo) / (hi - lo) * (height - 2 * pad) }
        let first = points.first?.year ?? "", last = points.last?.year ?? ""
        var out = SVG.open(id: HTML.id("spark", s.measure.id, s.area ?? "england", s.breakdown), width: width, height: height,
                           title: "\(s.displayCode): \(first) to \(last)",
                           desc: points.map { p in "\(p.year) \(p.estimate.map { f.value($0) } ?? (p.marker ?? "missing"))" }.joined(separator: ", "),
                           cssClass: "spark")
        var path: [String] = []
        func flush() {
            if path.count > 1 { out += "<polyline class=\"sl\" points=\"\(path.joined(separator: " "))\"/>" }
            path = []
        }
        var previous: TrendPoint?
        for (i, p) in points.enumerated() {
            if let prev = previous, s.breaks.contains(where: { $0.separates(prev.year, p.year) }) {
                flush()
                let bx = (x(i - 1) + x(i)) / 2
                out += SVG.line(bx, 1, bx, height - 1, cssClass: "sbreak")
            }
            guard let e = p.estimate else { flush(); previous = p; continue }
            if p.excluded != nil { flush() } else { path.append("\(Fmt.c(x(i))),\(Fmt.c(y(e)))") }
            if let iv = p.interval95 { out += SVG.line(x(i), y(iv.lower), x(i), y(iv.upper), cssClass: "sci") }
            let r = p.year == last ? 2.8 : 1.9
            out += "<circle class=\"\(p.excluded != nil ? "sdot hollow" : "sdot")\" cx=\"\(Fmt.c(x(i)))\" cy=\"\(Fmt.c(y(e)))\" r=\"\(Fmt.c(r))\"/>"
            if p.excluded != nil { path = [] }
            previous = p
        }
        flush()
        return out + "</svg>"
    }
}
