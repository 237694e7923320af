import SurveyModel
import SurveyBenchmark

/// How a series' values read: percentages with one decimal for percentage measures (stored as
/// fractions), rates per 100,000 with one decimal, scores by their scale (`ValueFormat`).
struct TrendFormat {
    let format: ValueFormat
    let unit: MeasureUnit

    init(_ series: TrendSeries) {
        unit = series.measure.unit
        let typical = series.points.compactMap(\.estimate).last
        switch unit {
        case .percent: format = ValueFormat(kind: .proportion, typical: nil)
        case .score: format = ValueFormat(kind: .mean, typical: typical)
        case .ratePer100000: format = ValueFormat(kind: .mean, typical: 100)
        }
    }

    func value(_ x: Double?) -> String { x.map(format.value) ?? "–" }
    /// The value without a unit sign (`78.3` for 78.3%).
    func bare(_ x: Double) -> String { Fmt.display(format.scaled(x), format.decimals) }
    func change(_ d: Double) -> String { format.change(d) }
    func interval(_ p: TrendPoint) -> String { p.interval95.map { format.interval($0.lower, $0.upper) } ?? "" }

    /// `↑ improved`, `↓ declined`, `↔ no significant change` — the arrow shows the direction of the
    /// value, the word whether that is better or worse.
    static func arrow(_ c: YearChange) -> String {
        switch c.direction {
        case .improved, .declined: return c.difference > 0 ? "↑" : "↓"
        case .noSignificantChange: return "↔"
        case .notCompared: return "·"
        }
    }

    static func words(_ c: YearChange) -> String {
        switch c.direction {
        case .improved: return "improved"
        case .declined: return "declined"
        case .noSignificantChange: return "no significant change"
        case .notCompared: return "not compared (no interval)"
        }
    }

    static func trendWords(_ r: RecentTrend) -> String {
        switch r.direction {
        case .improving: return "improving"
        case .worsening: return "worsening"
        case .noSignificantChange: return "no significant change" + (r.reason.map { " (\($0.rawValue))" } ?? "")
        case .notTested: return "not tested" + (r.reason.map { " (\($0.rawValue))" } ?? "")
        }
    }

    static func area(_ s: TrendSeries) -> String {
        switch s.level {
        case .council: return "council \(s.area ?? "?")" + (s.name.map { " \($0)" } ?? "")
        case .region: return s.name ?? s.area ?? "region"
        case .england: return "England"
        }
    }
}
