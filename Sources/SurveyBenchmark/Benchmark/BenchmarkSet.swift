import SurveyModel

/// Where a standard error came from (benchmarking.md §3).
public enum StandardErrorSource: String, Sendable, Hashable, Codable {
    /// SE = published margin of error / 1.96.
    case publishedMoE = "published-moe"
    /// √(p(1 − p)/base) for a proportion with only its base, or the width of a Wilson/Byar
    /// interval from numerator and denominator / (2 × 1.96).
    case approximate
    /// Computed by CareSurvey from returns.
    case computed
    case none
}

/// One area's figure for a measure, year and breakdown, ready for benchmarking. Values are in
/// CareSurvey's units (proportions as fractions).
public struct BenchmarkEntry: Sendable, Hashable {
    /// CASSR code (councils), ONS code (regions) or `England`.
    public var area: String
    public var name: String
    /// Councils: their ONS region code, when known.
    public var region: String?
    /// nil = missing (see `missing`); never zero in its place.
    public var estimate: Double?
    /// Why there is no estimate (`suppressed [c]`, `not available [x]`).
    public var missing: String?
    public var standardError: Double?
    public var seSource: StandardErrorSource
    /// 95% and 99.8% intervals (symmetric from the SE, or Wilson/Byar for counts).
    public var interval95: Interval?
    public var interval998: Interval?
    /// Survey respondents.
    public var base: Double?
    public var numerator: Double?
    public var denominator: Double?
    /// The eligible population (CareSurvey's own results), for gaps in people and the design-based test.
    public var population: Double?
    public var notes: [String]

    public struct Interval: Sendable, Hashable {
        public var lower: Double
        public var upper: Double
        public init(_ lower: Double, _ upper: Double) {
            self.lower = lower
            self.upper = upper
        }
    }

    public init(area: String, name: String, region: String? = nil, estimate: Double?, missing: String? = nil,
                standardError: Double? = nil, seSource: StandardErrorSource = .none, interval95: Interval? = nil,
                interval998: Interval? = nil, base: Double? = nil, numerator: Double? = nil, denominator: Double? = nil,
                population: Double? = nil, notes: [String] = []) {
        self.area = area
        self.name = name
        self.region = region
        self.estimate = estimate
        self.missing = missing
        self.standardError = standardError
        self.seSource = seSource
        self.interval95 = interval95
        self.interval998 = interval998
        self.base = base
        self.numerator = numerator
        self.denominator = denominator
        self.population = population
        self.notes = notes
    }

    /// Fills symmetric intervals from the SE when none are set.
    public mutating func fillIntervalsFromSE() {
        guard let e = estimate, let se = standardError, interval95 == nil else { return }
        interval95 = Interval(e - BenchmarkComparison.z95 * se, e + BenchmarkComparison.z95 * se)
        interval998 = Interval(e - BenchmarkComparison.z998 * se, e + BenchmarkComparison.z998 * se)
    }
}

/// Every council's figure for one measure, year and breakdown, with the published England and
/// region values.
public struct BenchmarkSet: Sendable {
    public var measure: AscofMeasure
    public var year: String
    public var breakdown: String
    public var councils: [BenchmarkEntry]
    public var england: BenchmarkEntry?
    /// Region ONS code → the region's figure.
    public var regions: [String: BenchmarkEntry]
    /// True when England (and regions) were computed by CareSurvey from the same returns as the
    /// councils, with variances and populations: the design-based test applies.
    public var designBased: Bool
    /// Said on every result of the set (e.g. which year's published figures the others come from).
    public var notes: [String] = []

    public init(measure: AscofMeasure, year: String, breakdown: String, councils: [BenchmarkEntry],
                england: BenchmarkEntry? = nil, regions: [String: BenchmarkEntry] = [:], designBased: Bool = false) {
        self.measure = measure
        self.year = year
        self.breakdown = breakdown
        self.councils = councils
        self.england = england
        self.regions = regions
        self.designBased = designBased
    }
}
