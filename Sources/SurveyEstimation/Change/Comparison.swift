import SurveyModel

/// One side of a comparison: a measure's value for a group in one survey year.
public struct ComparisonInput: Sendable, Hashable {
    public var measure: String
    public var group: GroupKey
    public var estimate: Double
    public var standardError: Double
    public var surveyYear: String?
    /// The base, when known (for disclosure control).
    public var respondents: Int?
    /// The eligible population, when known (benchmarking: gaps in people, the design-based test).
    public var population: Double?

    public init(measure: String, group: GroupKey, estimate: Double, standardError: Double, surveyYear: String?, respondents: Int? = nil) {
        self.measure = measure
        self.group = group
        self.estimate = estimate
        self.standardError = standardError
        self.surveyYear = surveyYear
        self.respondents = respondents
    }
}

/// A year-on-year change with its test (statistics.md §5).
public struct Comparison: Sendable, Hashable {
    public enum Direction: String, Sendable { case improved, declined, noSignificantChange = "no-significant-change" }
    public enum Adjustment: String, Sendable, CaseIterable { case none, holm, bh }

    public var measure: String
    public var group: GroupKey
    public var before: ComparisonInput
    public var after: ComparisonInput
    public var difference: Double
    public var standardError: Double
    public var lower: Double
    public var upper: Double
    public var z: Double
    public var pValue: Double
    public var pHolm: Double
    public var pBH: Double
    public var significant: Bool
    public var direction: Direction
    public var comparable: Bool
    /// Whether the two confidence intervals overlap (information only: never the test).
    public var intervalsOverlap: Bool
    public var suppressed: Bool
}

/// The two-sample z test for independent samples:
///
///     Δ = θ̂_B − θ̂_A,   SE_Δ = √(SE_A² + SE_B²),   z = Δ / SE_Δ,   p = 2·Φ(−|z|)
///
/// (`CriticalValue.twoSidedP`, from the survival function) with the interval Δ ± z_{1−α/2}·SE_Δ
/// (`CriticalValue.z`: 1.96 at 95%, as published). Holm and Benjamini–Hochberg adjusted p are taken
/// over the family of comparisons that are published (not suppressed) and comparable (no series
/// break) — the only ones that can be flagged; the others keep `pHolm = pBH = 1`, are never
/// significant and get no direction. The direction comes from the measure's polarity.
/// Significance is never judged by overlapping intervals (far too conservative).
public enum ChangeTest {
    public struct Options: Sendable {
        public var alpha = 0.05
        public var adjust = Comparison.Adjustment.none
        public var level = 0.95
        public var suppressBelow = 3
        public init() {}
    }

    /// Compares every (measure, group) present in both inputs, in the order of `before`.
    public static func compare(before: [ComparisonInput], after: [ComparisonInput], options: Options,
                               polarity: (String) -> Measure.Polarity,
                               comparable: (String, String?, String?) -> Bool) -> [Comparison] {
        var afterIndex: [ResultKey: ComparisonInput] = [:]
        for a in after { afterIndex[key(a)] = a }
        let z975 = CriticalValue.z(level: options.level)
        var out: [Comparison] = []
        for b in before {
            guard let a = afterIndex[key(b)] else { continue }
            let difference = a.estimate - b.estimate
            let se = (b.standardError * b.standardError + a.standardError * a.standardError).squareRoot()
            let z = se > 0 ? difference / se : (difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity))
            let p = CriticalValue.twoSidedP(z: z)
            let overlap = b.estimate - z975 * b.standardError <= a.estimate + z975 * a.standardError
                && a.estimate - z975 * a.standardError <= b.estimate + z975 * b.standardError
            let small = options.suppressBelow > 0 && [b.respondents, a.respondents].contains { ($0 ?? Int.max) < options.suppressBelow }
            out.append(Comparison(measure: b.measure, group: b.group, before: b, after: a, difference: difference, standardError: se,
                                  lower: difference - z975 * se, upper: difference + z975 * se, z: z, pValue: p,
                                  pHolm: 1, pBH: 1, significant: false, direction: .noSignificantChange,
                                  comparable: comparable(b.measure, b.surveyYear, a.surveyYear), intervalsOverlap: overlap,
                                  suppressed: small))
        }
        let family = out.indices.filter { !out[$0].suppressed && out[$0].comparable }
        let holm = MultipleTesting.holm(family.map { out[$0].pValue })
        let bh = MultipleTesting.benjaminiHochberg(family.map { out[$0].pValue })
        for (k, i) in family.enumerated() {
            out[i].pHolm = holm[k]
            out[i].pBH = bh[k]
            let driving: Double
            switch options.adjust {
            case .none: driving = out[i].pValue
            case .holm: driving = holm[k]
            case .bh: driving = bh[k]
            }
            out[i].significant = driving < options.alpha
            if out[i].significant {
                let better = polarity(out[i].measure) == .higherIsBetter ? out[i].difference > 0 : out[i].difference < 0
                out[i].direction = better ? .improved : .declined
            }
        }
        return out
    }

    static func key(_ x: ComparisonInput) -> ResultKey { ResultKey(measure: x.measure, group: x.group) }
}
