import SurveyModel
import SurveyEstimation
import SurveyBenchmark

/// `trend` for a person in a terminal: per series, each year with its interval and the change from the
/// previous point, then the recent trend, red–red and the target.
public enum TrendText {
    public static func render(_ trends: [SeriesTrend], context: TrendJSON.Context) -> String {
        var out = "Trends: \(trends.count) series. Changes: z test, flag by \(context.adjust == .none ? "raw p" : context.adjust.rawValue) "
            + "< \(context.alpha). Recent trend: last 5 comparable points, χ² > 9.5495 (99.8%) and a stable slope.\n"
        for t in trends {
            let s = t.series
            let f = TrendFormat(s)
            out += "\n\(s.displayCode) \(s.measure.name) — \(TrendFormat.area(s))"
            out += s.breakdown == "Total" ? "" : ", \(s.breakdown)"
            out += "\n"
            for p in s.points {
                if let b = s.breaks.first(where: { $0.after == p.year }) { out += "    ── break: \(b.reason)\n" }
                var line = "  " + MeasuresText.pad(p.year, 9)
                if let e = p.estimate {
                    line += MeasuresText.pad(f.value(e), 10) + MeasuresText.pad(f.interval(p).isEmpty ? "" : "(\(f.interval(p)))", 26)
                } else {
                    line += MeasuresText.pad(p.marker.map { "\($0) missing" } ?? "missing", 36)
                }
                if let c = t.changes.first(where: { $0.to == p.year }) {
                    line += "\(TrendFormat.arrow(c)) \(f.change(c.difference)) \(TrendFormat.words(c))"
                    if let pv = c.pValue { line += pv < 0.001 ? ", p < 0.001" : ", p = \(MeasuresText.fixed(pv, 3))" }
                    if !c.comparable { line += " [not comparable]" }
                }
                if let excluded = p.excluded { line += "  [excluded: \(excluded)]" }
                out += line.trimmingTrailingSpaces() + "\n"
            }
            out += "  Recent trend: \(TrendFormat.trendWords(t.recentTrend))"
            if let chi = t.recentTrend.chiSquared { out += ", χ² = \(MeasuresText.fixed(chi, 2))" }
            out += "\n"
            if t.redRed { out += "  RED–RED: worse than England and significantly worsening\n" }
            if let target = t.target {
                out += "  Target \(f.value(target.target.value)): \(target.rag.rawValue.uppercased())"
                if let clear = target.clear { out += clear ? " (the target is outside the 95% interval)" : " (within the margin of error)" }
                out += "\n"
            }
        }
        if !context.notes.isEmpty { out += "\nNotes:\n" + context.notes.map { "  - \($0)\n" }.joined() }
        if !context.diagnostics.isEmpty {
            out += "\n\(context.diagnostics.count) diagnostics (use --format json for all):\n"
            for d in context.diagnostics.prefix(10) { out += "  \(d.severity.rawValue): \(d.location.isEmpty ? "" : d.location + ": ")\(d.message)\n" }
        }
        return out
    }

}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
