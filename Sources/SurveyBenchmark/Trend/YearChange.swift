import SurveyEstimation

/// The direction of travel between two consecutive points of a series (benchmarking.md §5): the
/// z test of `statistics.md` §5 (`ChangeTest`), with the flag driven by the raw, Holm or BH p as chosen.
public struct YearChange: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        case improved, declined
        case noSignificantChange = "no-significant-change"
        /// One of the two years has no standard error or interval: no test.
        case notCompared = "not-compared"
    }

    public var from: String
    public var to: String
    public var difference: Double
    public var standardError: Double?
    public var pValue: Double?
    public var pHolm: Double?
    public var pBH: Double?
    public var significant: Bool
    public var direction: Direction
    /// False when a break in comparability lies between the two years (the change is shown, flagged).
    public var comparable: Bool
    /// Below the disclosure threshold: shown, never flagged.
    public var suppressed: Bool

    public init(from: String, to: String, difference: Double, standardError: Double?, pValue: Double?, pHolm: Double?, pBH: Double?,
                significant: Bool, direction: Direction, comparable: Bool, suppressed: Bool) {
        self.from = from
        self.to = to
        self.difference = difference
        self.standardError = standardError
        self.pValue = pValue
        self.pHolm = pHolm
        self.pBH = pBH
        self.significant = significant
        self.direction = direction
        self.comparable = comparable
        self.suppressed = suppressed
    }
}
