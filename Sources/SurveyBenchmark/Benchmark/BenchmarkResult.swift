import SurveyModel

/// One council × measure × year × breakdown, as in the JSON contract (benchmarking.md §7).
public struct BenchmarkResult: Sendable, Hashable {
    public var measure: String
    /// The code in the year's numbering and, if different, the other framework's (`1B (was 1J)`).
    public var displayCode: String
    public var measureName: String
    public var year: String
    public var breakdown: String
    public var council: String
    public var name: String
    public var unit: MeasureUnit
    public var higherIsBetter: Bool
    public var estimate: Double?
    public var standardError: Double?
    public var seSource: StandardErrorSource
    public var lower: Double?
    public var upper: Double?
    public var rank: Double?
    public var of: Int
    public var rankLower: Int?
    public var rankUpper: Int?
    public var quartile: Int?
    public var cutPoints: [Double]?
    public var nextQuartile: QuartileDistance?
    public var topQuartile: QuartileDistance?
    public var england: Versus?
    public var region: Versus?
    public var peers: Peers?
    public var funnel: FunnelPoint?
    public var suppressed: Bool
    public var notes: [String]
    /// The status against the measure's target (`benchmark --targets`); nil without one or without a value.
    public var target: TargetStatus? = nil

    public struct QuartileDistance: Sendable, Hashable {
        public var cutPoint: Double
        public var gap: Double
        /// The gap in people: × population (or × base, said in `peopleUnit`) for proportions;
        /// × denominator / 100,000 for rates; nil for scores.
        public var gapPeople: Double?
        public var peopleUnit: String?
    }

    public struct Versus: Sendable, Hashable {
        public var value: Double?
        public var comparison: BenchmarkComparison
        /// `ci-rule` or `design-based`.
        public var method: String
        public var pValue: Double?
    }

    public struct Peers: Sendable, Hashable {
        public var average: Double?
        public var standardError: Double?
        public var comparison: BenchmarkComparison
        public var rankInPeers: Double?
        public var of: Int
        /// Peers listed, and how many had a value.
        public var peers: Int
    }

    public struct FunnelPoint: Sendable, Hashable {
        public var `class`: Funnel.Class
        public var z: Double
        public var phi: Double
        public var tau2: Double
        public var lower95, upper95, lower998, upper998: Double
        /// Precision for the plot's x axis: 1/SE.
        public var precision: Double
    }
}
