import SurveyModel
import SurveyEstimation
import SurveyBenchmark

/// The `caresurvey trend --format json` contract (benchmarking.md §7, schemaVersion 1). Proportions
/// are fractions. Fields beyond the contract (`code`, `area`, `name`, `measureName`, `unit`,
/// `polarity`, each point's `marker`/`excluded`, each change's `standardError`/`pHolm`/`pBH`, the trend's
/// `years`/`slopeStandardError`/`leaveOneOutSlopes`, the target's `rag` inputs) follow the contract's own.
public enum TrendJSON {
    public struct Context: Sendable {
        public var adjust: Comparison.Adjustment
        public var alpha: Double
        public var diagnostics: [Diagnostic]
        public var notes: [String]
        public init(adjust: Comparison.Adjustment = .none, alpha: Double = 0.05, diagnostics: [Diagnostic] = [], notes: [String] = []) {
            self.adjust = adjust
            self.alpha = alpha
            self.diagnostics = diagnostics
            self.notes = notes
        }
    }

    /// The document as `document(…).serialized()` writes it, byte for byte, with the series (nearly
    /// all of it: 34 MB for every council × measure × 10 years) written in parallel, each at its
    /// depth in the document, and joined in order. Each series goes straight to bytes
    /// (`write(_:into:)`), not through a `JSONValue` tree (building and freeing that tree cost more
    /// than writing it).
    public static func render(_ trends: [SeriesTrend], context: Context) -> String {
        guard !trends.isEmpty, case let .object(pairs) = document([], context: context) else { return document(trends, context: context).serialized() }
        var w = JSONStream(capacity: 8192 * trends.count + 4096)
        w.beginObject()
        for (key, value) in pairs {
            w.key(key)
            guard key == "series" else { w.value(value); continue }
            w.beginArray()
            w.parallelMembers(count: trends.count, parts: 64, capacityPerMember: 8192) { range, part in
                for i in range { write(trends[i], into: &part) }
            }
            w.endArray()
        }
        w.endObject()
        return w.finish()
    }

    public static func document(_ trends: [SeriesTrend], context: Context) -> JSONValue {
        .object([
            ("schemaVersion", .int(1)),
            ("adjust", .string(context.adjust.rawValue)),
            ("alpha", .double(context.alpha)),
            ("trendThreshold", .double(RecentTrendTest.threshold)),
            ("series", .array(trends.map(series))),
            ("notes", .array(context.notes.map(JSONValue.string))),
            ("diagnostics", .array(context.diagnostics.map(diagnostic))),
        ])
    }

    public static func series(_ t: SeriesTrend) -> JSONValue {
        let s = t.series
        return .object([
            ("measure", .string(s.measure.id)),
            ("code", .string(s.displayCode)),
            ("measureName", .string(s.measure.name)),
            ("unit", .string(unit(s.measure.unit))),
            ("polarity", .string(s.measure.polarity == .higherIsBetter ? "higher" : "lower")),
            ("council", s.level == .council ? .text(s.area) : .null),
            ("level", .string(s.level.rawValue)),
            ("area", .text(s.area)),
            ("name", .text(s.name)),
            ("breakdown", .string(s.breakdown)),
            ("points", .array(s.points.map { point($0, code: s.codes[$0.year]) })),
            ("breaks", .array(s.breaks.map { .object([("before", .string($0.before)), ("after", .string($0.after)), ("reason", .string($0.reason))]) })),
            ("changes", .array(t.changes.map(change))),
            ("recentTrend", recentTrend(t.recentTrend)),
            ("england", .number(t.england)),
            ("redRed", .bool(t.redRed)),
            ("target", t.target.map(target) ?? .null),
        ])
    }

    /// `percent` (a fraction here), `score`, `rate` (per 100,000).
    public static func unit(_ u: MeasureUnit) -> String {
        switch u {
        case .percent: return "percent"
        case .score: return "score"
        case .ratePer100000: return "rate"
        }
    }

    static func point(_ p: TrendPoint, code: String?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("year", .string(p.year)),
            ("code", .text(code)),
            ("estimate", .number(p.estimate)),
            ("standardError", .number(p.testStandardError)),
            ("lower", .number(p.interval95?.lower)),
            ("upper", .number(p.interval95?.upper)),
            ("respondents", p.respondents.map(JSONValue.int) ?? .null),
            ("numerator", .number(p.numerator)),
            ("denominator", .number(p.denominator)),
        ]
        if let marker = p.marker { pairs.append(("marker", .string(marker))) }
        if let excluded = p.excluded { pairs.append(("excluded", .string(excluded))) }
        return .object(pairs)
    }

    static func change(_ c: YearChange) -> JSONValue {
        .object([
            ("from", .string(c.from)), ("to", .string(c.to)),
            ("difference", .double(c.difference)),
            ("standardError", .number(c.standardError)),
            ("pValue", .number(c.pValue)), ("pHolm", .number(c.pHolm)), ("pBH", .number(c.pBH)),
            ("direction", .string(c.suppressed && c.direction == .noSignificantChange ? "no-significant-change" : c.direction.rawValue)),
            ("comparable", .bool(c.comparable)),
            ("suppressed", .bool(c.suppressed)),
        ])
    }

    static func recentTrend(_ r: RecentTrend) -> JSONValue {
        .object([
            ("points", .int(r.points)),
            ("years", .array(r.years.map(JSONValue.string))),
            ("method", .text(r.method?.rawValue)),
            ("slope", .number(r.slope)),
            ("slopeStandardError", .number(r.slopeStandardError)),
            ("chiSquared", .number(r.chiSquared)),
            ("leaveOneOutSlopes", .array(r.leaveOneOutSlopes.map { .number($0) })),
            ("significant", .bool(r.significant)),
            ("direction", .string(r.direction.rawValue)),
            ("reason", .text(r.reason?.rawValue)),
        ])
    }

    static func target(_ t: TargetStatus) -> JSONValue {
        .object([
            ("value", .double(t.target.value)),
            ("amber", .number(t.target.amber)),
            ("rag", .string(t.rag.rawValue)),
            ("shortfall", .double(t.shortfall)),
            ("clear", t.clear.map(JSONValue.bool) ?? .null),
        ])
    }

    static func diagnostic(_ d: Diagnostic) -> JSONValue {
        .object([
            ("severity", .string(d.severity.rawValue)), ("rule", .string(d.rule)), ("message", .string(d.message)),
            ("file", .text(d.file)), ("row", d.row.map(JSONValue.int) ?? .null),
        ])
    }
}
