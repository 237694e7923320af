/// How a council compares with a benchmark value (benchmarking.md §3).
public enum BenchmarkComparison: String, Sendable, Hashable, Codable {
    case muchBetter = "much-better", better, similar, worse, muchWorse = "much-worse", notCompared = "not-compared"

    /// z for the two levels: 95% (1.959964) and 99.8% (3.090232).
    public static let z95 = 1.959964
    public static let z998 = 3.090232

    /// The public-health two-level rule: `similar` when B lies inside the council's 95% interval
    /// (bounds included); `better`/`worse` (by polarity) when outside the 95% but inside the 99.8%
    /// interval (bounds included); `much-better`/`much-worse` outside the 99.8% interval. Descriptive:
    /// B's own uncertainty is ignored. No interval → `not-compared`, never `similar`.
    public static func rule(estimate: Double, benchmark: Double, interval95: (Double, Double)?,
                            interval998: (Double, Double)?, higherIsBetter: Bool) -> BenchmarkComparison {
        guard let i95 = interval95, let i998 = interval998 else { return .notCompared }
        if benchmark >= i95.0 && benchmark <= i95.1 { return .similar }
        let councilAbove = estimate > benchmark
        let good = councilAbove == higherIsBetter
        let inside998 = benchmark >= i998.0 && benchmark <= i998.1
        switch (good, inside998) {
        case (true, true): return .better
        case (true, false): return .muchBetter
        case (false, true): return .worse
        case (false, false): return .muchWorse
        }
    }

    /// The rule with symmetric intervals estimate ± z·SE.
    public static func rule(estimate: Double, standardError: Double?, benchmark: Double,
                            higherIsBetter: Bool) -> BenchmarkComparison {
        guard let se = standardError, se.isFinite, se >= 0 else { return .notCompared }
        return rule(estimate: estimate, benchmark: benchmark,
                    interval95: (estimate - z95 * se, estimate + z95 * se),
                    interval998: (estimate - z998 * se, estimate + z998 * se), higherIsBetter: higherIsBetter)
    }

    /// The same flags from a two-sided p value of a difference test (design-based method).
    public static func fromTest(difference: Double, pValue: Double, higherIsBetter: Bool) -> BenchmarkComparison {
        if pValue >= 0.05 { return .similar }
        let good = (difference > 0) == higherIsBetter
        if pValue >= 0.002 { return good ? .better : .worse }
        return good ? .muchBetter : .muchWorse
    }
}
