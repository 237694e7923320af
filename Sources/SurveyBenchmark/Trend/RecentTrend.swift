/// The result of the recent-trend test over the last five comparable points (benchmarking.md §5).
public struct RecentTrend: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        case weightedRegression = "weighted-regression"
        case chiSquaredTrend = "chi-squared-trend"
    }

    public enum Direction: String, Sendable, Hashable {
        case improving, worsening
        case noSignificantChange = "no-significant-change"
        case notTested = "not-tested"
    }

    /// Why no trend is declared. The raw values are the phrases of the spec and the JSON contract.
    public enum Reason: String, Sendable, Hashable {
        case fewerThanFivePoints = "fewer than 5 points"
        case breakInSeries = "break in series"
        case outlierFound = "outlier found"
        case notSignificant = "not significant at 99.8%"
        case noUncertainty = "a point without an interval or counts"
    }

    /// How many points the test used (5), or how many comparable points there were when it was not run.
    public var points: Int
    public var method: Method?
    /// Years of the points used (oldest first).
    public var years: [String]
    /// Weighted regression: the slope in the measure's unit per year. Chi-squared test for trend:
    /// the least-squares slope of the proportions weighted by n_t (fraction per year).
    public var slope: Double?
    public var slopeStandardError: Double?
    public var chiSquared: Double?
    /// The slopes with each point left out in turn (for proportions with counts: of log(r/(n − r))).
    public var leaveOneOutSlopes: [Double]
    public var significant: Bool
    public var direction: Direction
    public var reason: Reason?

    public init(points: Int, method: Method?, years: [String], slope: Double?, slopeStandardError: Double?, chiSquared: Double?,
                leaveOneOutSlopes: [Double], significant: Bool, direction: Direction, reason: Reason?) {
        self.points = points
        self.method = method
        self.years = years
        self.slope = slope
        self.slopeStandardError = slopeStandardError
        self.chiSquared = chiSquared
        self.leaveOneOutSlopes = leaveOneOutSlopes
        self.significant = significant
        self.direction = direction
        self.reason = reason
    }

    static func notTested(points: Int, years: [String], reason: Reason) -> RecentTrend {
        RecentTrend(points: points, method: nil, years: years, slope: nil, slopeStandardError: nil, chiSquared: nil,
                    leaveOneOutSlopes: [], significant: false, direction: .notTested, reason: reason)
    }
}
