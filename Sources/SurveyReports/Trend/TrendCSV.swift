import SurveyModel
import SurveyBenchmark

/// `trend --format csv`: the JSON's fields flattened, one row per series × year. Series fields
/// (recent trend, red–red, target) repeat on each of the series' rows; the change columns describe the
/// change from the previous point to this year; `breakBefore` gives the reason when a break lies
/// between the previous point and this one.
public enum TrendCSV {
    public static let header = [
        "measure", "code", "measureName", "unit", "polarity", "level", "council", "area", "name", "breakdown",
        "year", "yearCode", "estimate", "standardError", "lower", "upper", "respondents", "numerator", "denominator",
        "seSource", "marker", "excluded", "breakBefore",
        "changeFrom", "difference", "changeStandardError", "pValue", "pHolm", "pBH", "changeDirection", "comparable",
        "trendPoints", "trendMethod", "trendSlope", "trendChiSquared", "trendSignificant", "trendDirection", "trendReason",
        "england", "redRed", "target", "amber", "rag", "targetClear",
    ]

    public static func render(_ trends: [SeriesTrend]) -> String { table(trends).csv }

    /// The same rows as a typed table (the `trend --format xlsx` sheet). Estimates keep Excel's
    /// General format: their unit (percent, score, count) is the measure's, given in `unit`.
    public static func table(_ trends: [SeriesTrend]) -> ReportTable {
        let pValues: Set<String> = ["pValue", "pHolm", "pBH"]
        var w = ReportTable(title: "Table 1: Trends in every measure and series, by year", sheetName: "Trends",
                            description: "One row per series and year, as in the CSV output; the unit of each estimate is in the unit column.",
                            columns: header.map { ReportTable.Column($0, pValues.contains($0) ? .pValue : .general) })
        for t in trends {
            let s = t.series
            let r = t.recentTrend
            for p in s.points {
                let change = t.changes.first { $0.to == p.year }
                let brk = s.breaks.first { $0.after == p.year }
                var row: [CSVWriter.Cell] = [
                    .text(s.measure.id), .text(s.displayCode), .text(s.measure.name), .text(TrendJSON.unit(s.measure.unit)),
                    .text(s.measure.polarity == .higherIsBetter ? "higher" : "lower"), .text(s.level.rawValue),
                    s.level == .council ? .text(s.area ?? "") : .empty, s.area.map(CSVWriter.Cell.text) ?? .empty,
                    s.name.map(CSVWriter.Cell.text) ?? .empty, .text(s.breakdown),
                    .text(p.year), s.codes[p.year].map(CSVWriter.Cell.text) ?? .empty,
                    .optional(p.estimate), .optional(p.testStandardError), .optional(p.interval95?.lower), .optional(p.interval95?.upper),
                    p.respondents.map(CSVWriter.Cell.integer) ?? .empty, .optional(p.numerator), .optional(p.denominator),
                    p.seSource.map(CSVWriter.Cell.text) ?? .empty, p.marker.map(CSVWriter.Cell.text) ?? .empty,
                    p.excluded.map(CSVWriter.Cell.text) ?? .empty, brk.map { .text($0.reason) } ?? .empty,
                ]
                if let c = change {
                    row += [.text(c.from), .number(c.difference), .optional(c.standardError), .optional(c.pValue), .optional(c.pHolm),
                            .optional(c.pBH), .text(c.direction.rawValue), .text(c.comparable ? "true" : "false")]
                } else {
                    row += Array(repeating: .empty, count: 8)
                }
                row += [.integer(r.points), r.method.map { .text($0.rawValue) } ?? .empty, .optional(r.slope), .optional(r.chiSquared),
                        .text(r.significant ? "true" : "false"), .text(r.direction.rawValue), r.reason.map { .text($0.rawValue) } ?? .empty,
                        .optional(t.england), .text(t.redRed ? "true" : "false")]
                if let target = t.target {
                    row += [.number(target.target.value), .optional(target.target.amber), .text(target.rag.rawValue),
                            target.clear.map { .text($0 ? "true" : "false") } ?? .empty]
                } else {
                    row += Array(repeating: .empty, count: 4)
                }
                w.rows.append(row)
            }
        }
        return w
    }
}
