import Foundation
import Testing
import SurveyModel
import SurveyEstimation
@testable import SurveyBenchmark

/// Direction of travel between consecutive years: the z test of statistics.md §5 through
/// `ChangeTest`, adjusted over all pairs of a run; breaks flagged; red–red.
@Suite("Trend: direction of travel and red-red")
struct DirectionOfTravelTests {
    static let points = [
        TrendPoint(year: "2019-20", estimate: 0.60, standardError: 0.010),
        TrendPoint(year: "2020-21", estimate: nil, marker: "[x]"),
        TrendPoint(year: "2021-22", estimate: 0.64, standardError: 0.012),
        TrendPoint(year: "2022-23", estimate: 0.645, standardError: 0.011),
        TrendPoint(year: "2023-24", estimate: 0.60, standardError: 0.010),
    ]

    @Test func pairsMatchTheDirectZTest() throws {
        let breaks = [TrendBreak(before: "2022-23", after: "2023-24", reason: "definition changed")]
        let out = DirectionOfTravel.changes([.init(points: Self.points, breaks: breaks, polarity: .higherIsBetter)], options: .init())
        let changes = try #require(out.first)
        try #require(changes.count == 3)                                     // the missing year is skipped
        #expect(changes.map(\.from) == ["2019-20", "2021-22", "2022-23"])
        #expect(changes.map(\.to) == ["2021-22", "2022-23", "2023-24"])
        let z = 0.04 / (0.010 * 0.010 + 0.012 * 0.012).squareRoot()
        let p = 2 * (1 - Normal.cdf(z))
        #expect(abs(changes[0].pValue! - p) < 1e-12)
        #expect(changes[0].direction == .improved)
        #expect(changes[1].direction == .noSignificantChange)
        // Across the series break the change is tested but gets no direction (issue #16).
        #expect(changes[2].direction == .noSignificantChange)
        #expect(changes.map(\.comparable) == [true, true, false])
        // Holm over the comparable pairs of the run (issue #16: the family is what can be flagged).
        let holm = MultipleTesting.holm(changes.prefix(2).map { $0.pValue! })
        for (c, h) in zip(changes, holm) { #expect(abs(c.pHolm! - h) < 1e-15) }
    }

    @Test func adjustmentSpansAllSeriesOfARun() throws {
        var options = ChangeTest.Options()
        options.adjust = .holm
        let a = DirectionOfTravel.Input(points: Self.points, breaks: [], polarity: .higherIsBetter)
        let b = DirectionOfTravel.Input(points: Self.points, breaks: [], polarity: .lowerIsBetter)
        let out = DirectionOfTravel.changes([a, b], options: options)
        try #require(out.count == 2 && out[0].count == 3 && out[1].count == 3)
        let all = (out[0] + out[1]).map { $0.pValue! }
        let holm = MultipleTesting.holm(all)
        #expect(zip(out[0] + out[1], holm).allSatisfy { abs($0.pHolm! - $1) < 1e-15 })
        #expect(out[1][2].direction == .improved)                               // lower is better: a fall improves
    }

    @Test func noIntervalIsNotCompared() throws {
        let pts = [TrendPoint(year: "2022-23", estimate: 0.5), TrendPoint(year: "2023-24", estimate: 0.6, standardError: 0.01)]
        let out = DirectionOfTravel.changes([.init(points: pts, breaks: [], polarity: .higherIsBetter)], options: .init())
        let c = try #require(out.first?.first)
        #expect(c.direction == .notCompared && c.pValue == nil)
        #expect(abs(c.difference - 0.1) < 1e-12)
    }

    @Test func redRedNeedsBothWorseThanEnglandAndWorsening() {
        let years = ["2019-20", "2020-21", "2021-22", "2022-23", "2023-24"]
        let falling = zip(years, [0.70, 0.66, 0.62, 0.58, 0.54]).map { TrendPoint(year: $0, estimate: $1, standardError: 0.01) }
        let trend = RecentTrendTest.test(falling, polarity: .higherIsBetter)
        #expect(trend.direction == .worsening)
        #expect(RedRed.isRedRed(latest: falling[4], england: 0.60, polarity: .higherIsBetter, trend: trend))
        #expect(!RedRed.isRedRed(latest: falling[4], england: 0.55, polarity: .higherIsBetter, trend: trend))  // England inside the interval
        #expect(!RedRed.isRedRed(latest: falling[4], england: nil, polarity: .higherIsBetter, trend: trend))
        let rising = zip(years, [0.40, 0.44, 0.48, 0.52, 0.56]).map { TrendPoint(year: $0, estimate: $1, standardError: 0.01) }
        let up = RecentTrendTest.test(rising, polarity: .higherIsBetter)
        #expect(!RedRed.isRedRed(latest: rising[4], england: 0.60, polarity: .higherIsBetter, trend: up))     // worse but improving
        let lower = RecentTrendTest.test(rising, polarity: .lowerIsBetter)
        #expect(RedRed.isRedRed(latest: rising[4], england: 0.50, polarity: .lowerIsBetter, trend: lower))
    }
}
