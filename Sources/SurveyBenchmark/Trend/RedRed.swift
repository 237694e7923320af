import SurveyModel

/// Red–red (benchmarking.md §3, §5): a council worse than England in its latest year **and**
/// significantly worsening by the recent-trend test — the councils the public-health profiles single out.
///
/// "Worse than England" is the benchmark rule at 95%: England's value E lies outside the council's
/// 95% interval on the worse side (for higher-is-better, `U95 < E`; for lower-is-better, `L95 > E`),
/// the interval being `TrendPoint.interval95`.
public enum RedRed {
    public static func isRedRed(latest: TrendPoint, england: Double?, polarity: Measure.Polarity, trend: RecentTrend) -> Bool {
        guard trend.direction == .worsening, let england, isWorse(latest, than: england, polarity: polarity) else { return false }
        return latest.year == trend.years.last
    }

    /// Whether the point is worse than the benchmark value at 95% (nil interval: never).
    public static func isWorse(_ point: TrendPoint, than benchmark: Double, polarity: Measure.Polarity) -> Bool {
        guard let (lower, upper) = point.interval95 else { return false }
        return polarity == .higherIsBetter ? upper < benchmark : lower > benchmark
    }
}
