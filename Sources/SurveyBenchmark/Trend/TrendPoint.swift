/// One year of a series: the value with whatever uncertainty the input carried.
///
/// Proportions are fractions (as in `measures`), whatever the published file's unit. A year whose
/// value is missing (a published marker such as `[c]` or `[x]`) keeps the marker and no estimate;
/// it is shown but never enters a test.
public struct TrendPoint: Sendable, Hashable {
    /// Survey or financial year, `YYYY-YY`.
    public var year: String
    public var estimate: Double?
    public var standardError: Double?
    /// The 95% interval, when the input gave or implied one.
    public var lower: Double?
    public var upper: Double?
    public var respondents: Int?
    /// Published counts (non-survey measures): the numerator r and denominator n.
    public var numerator: Double?
    public var denominator: Double?
    /// The published marker of a missing value (`[c]`, `[x]`, `[z]`, `[w]`).
    public var marker: String?
    /// Where the value came from (file name), for notes.
    public var source: String?
    /// Why this year alone is not comparable with any other (a single-year break such as the voluntary
    /// ASCS 2020-21); such a point is shown but enters neither a test nor a comparable change.
    public var excluded: String?
    /// Where the SE came from: `published-moe`, `approximate`, `computed` or `none` (benchmarking.md §7).
    public var seSource: String?

    public init(year: String, estimate: Double?, standardError: Double? = nil, lower: Double? = nil, upper: Double? = nil,
                respondents: Int? = nil, numerator: Double? = nil, denominator: Double? = nil, marker: String? = nil,
                source: String? = nil, seSource: String? = nil, excluded: String? = nil) {
        self.year = year
        self.estimate = estimate
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
        self.respondents = respondents
        self.numerator = numerator
        self.denominator = denominator
        self.marker = marker
        self.source = source
        self.excluded = excluded
        self.seSource = seSource
    }

    /// The 95% interval: the point's own, else `estimate ± 1.959964·SE`; nil without either.
    public var interval95: (lower: Double, upper: Double)? {
        if let lower, let upper { return (lower, upper) }
        if let estimate, let se = testStandardError { return (estimate - 1.959964 * se, estimate + 1.959964 * se) }
        return nil
    }

    /// Has a value that can enter the trend test.
    public var isTestable: Bool { estimate?.isFinite == true && excluded == nil }

    /// The standard error used by the trend tests: the SE itself, else `SE = (U95 − L95) / 3.92`
    /// (benchmarking.md §5). nil when neither is known or the result is not a positive finite number.
    public var testStandardError: Double? {
        if let standardError, standardError.isFinite, standardError > 0 { return standardError }
        if let lower, let upper, lower.isFinite, upper.isFinite, upper > lower { return (upper - lower) / 3.92 }
        return nil
    }
}

/// A break in comparability between two years of a series (ASCOF 2023-24 renumbering with a changed
/// definition, a questionnaire change, the voluntary 2020-21 survey): the series is split there.
public struct TrendBreak: Sendable, Hashable {
    /// The last year before the break that has a point (or the year before `after`).
    public var before: String
    /// The first year not comparable with earlier ones.
    public var after: String
    public var reason: String

    public init(before: String, after: String, reason: String) {
        self.before = before
        self.after = after
        self.reason = reason
    }

    /// Whether the break lies between the two years (`earlier < after ≤ later`).
    public func separates(_ earlier: String, _ later: String) -> Bool {
        after > earlier && after <= later
    }
}
