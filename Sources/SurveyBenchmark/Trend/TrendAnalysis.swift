import Foundation
import SurveyModel
import SurveyEstimation

/// A series with its tests: direction of travel for each consecutive pair, the recent-trend test,
/// red–red and the status against a target (benchmarking.md §5, §6).
public struct SeriesTrend: Sendable, Hashable {
    public var series: TrendSeries
    public var changes: [YearChange]
    public var recentTrend: RecentTrend
    /// Worse than England in the latest tested year and significantly worsening (councils only).
    public var redRed: Bool
    /// England's value in the year of the latest point, when loaded.
    public var england: Double?
    public var target: TargetStatus?
}

/// Runs every test on a set of series at once (one multiple-testing family for the pairs).
public enum TrendAnalysis {
    public struct Options: Sendable {
        public var change = ChangeTest.Options()
        /// Targets by stable measure id, in CareSurvey's units (applied to council series).
        public var targets: [String: Target] = [:]
        public init() {}
    }

    /// Which England series a series is compared with: the same measure and breakdown.
    struct EnglandKey: Hashable {
        var measure: String
        var breakdown: String
    }

    /// A series' own tests (all but the pairs').
    struct Tested: Sendable {
        var recentTrend: RecentTrend
        var redRed: Bool
        var england: Double?
        var target: TargetStatus?
    }

    /// The pairs' tests (one family, `DirectionOfTravel`) run alongside the per-series tests, which
    /// are independent of one another and run in parallel parts; the results are those of doing it
    /// all in order.
    public static func analyse(_ series: [TrendSeries], options: Options) -> [SeriesTrend] {
        let inputs = series.map { DirectionOfTravel.Input(points: $0.points, breaks: $0.breaks, polarity: $0.measure.polarity) }
        let changeOptions = options.change
        let pending = ParallelResults<[[YearChange]]>(count: 1)
        let changesDone = DispatchGroup()
        DispatchQueue.global().async(group: changesDone) { pending.set(0, DirectionOfTravel.changes(inputs, options: changeOptions)) }
        // England's points by measure × breakdown (the last England series of each, as before).
        var england: [EnglandKey: [TrendPoint]] = [:]
        for s in series where s.level == .england { england[EnglandKey(measure: s.measure.id, breakdown: s.breakdown)] = s.points }
        let tested = ParallelMap.map(count: series.count, parts: 16) { [england] i in
            let s = series[i]
            let polarity = s.measure.polarity
            let counts = s.measure.source == .other && s.measure.unit == .percent
            let trend = RecentTrendTest.test(s.points, breaks: s.breaks, polarity: polarity, counts: counts)
            let latest = s.latest
            let englandPoints = england[EnglandKey(measure: s.measure.id, breakdown: s.breakdown)]
            let englandValue = latest.flatMap { p in englandPoints?.first { $0.year == p.year }?.estimate }
            var redRed = false
            if s.level == .council, let tested = s.points.last(where: \.isTestable) {
                let e = englandPoints?.first { $0.year == tested.year }?.estimate
                redRed = RedRed.isRedRed(latest: tested, england: e, polarity: polarity, trend: trend)
            }
            var status: TargetStatus?
            if s.level == .council, let target = options.targets[s.measure.id], let latest, let value = latest.estimate {
                let interval = latest.interval95
                status = TargetStatus.evaluate(estimate: value, lower: interval?.lower, upper: interval?.upper, target: target, polarity: polarity)
            }
            return Tested(recentTrend: trend, redRed: redRed, england: englandValue, target: status)
        }
        changesDone.wait()
        let changes = pending.take(0)
        return series.indices.map { i in
            let t = tested[i]
            return SeriesTrend(series: series[i], changes: changes[i], recentTrend: t.recentTrend, redRed: t.redRed, england: t.england, target: t.target)
        }
    }
}
