import SurveyModel
import SurveyEstimation
import SurveyBenchmark

/// What the council dashboard shows (benchmarking.md §1): one row per measure for one council, built
/// from the same trend and benchmark results that `trend` and `benchmark` write as JSON.
public struct DashboardInput: Sendable {
    public struct Row: Sendable {
        /// The council's series with its tests.
        public var trend: SeriesTrend
        /// Benchmark results of the council for the latest year and the year before (rank, quartile,
        /// region, England, peers), when the published files cover them.
        public var current: BenchmarkResult?
        public var previous: BenchmarkResult?
        public init(trend: SeriesTrend, current: BenchmarkResult?, previous: BenchmarkResult?) {
            self.trend = trend
            self.current = current
            self.previous = previous
        }
    }

    public var council: String
    public var name: String
    public var regionName: String?
    /// The year columns (oldest first; at most five).
    public var years: [String]
    public var rows: [Row]
    public var adjust: Comparison.Adjustment
    public var alpha: Double
    /// Where the peers came from (a file name), nil when no peer file was given.
    public var peers: String?
    public var sources: [String]
    public var notes: [String]
    public var diagnostics: Int
    public var generatedBy: String

    public init(council: String, name: String, regionName: String?, years: [String], rows: [Row], adjust: Comparison.Adjustment,
                alpha: Double, peers: String?, sources: [String], notes: [String], diagnostics: Int, generatedBy: String) {
        self.council = council
        self.name = name
        self.regionName = regionName
        self.years = years
        self.rows = rows
        self.adjust = adjust
        self.alpha = alpha
        self.peers = peers
        self.sources = sources
        self.notes = notes
        self.diagnostics = diagnostics
        self.generatedBy = generatedBy
    }
}
