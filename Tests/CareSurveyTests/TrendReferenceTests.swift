import Foundation
import Testing
import SurveyModel
import SurveyEstimation
@testable import SurveyBenchmark

/// The recent-trend test (benchmarking.md §5) against an independent implementation:
/// `Tests/Fixtures/trend/trend-reference.json`, written by `make-trend-reference.py` (numpy's weighted
/// polyfit for the regression and the left-out slopes; the centred form of the chi-squared test for trend).
@Suite("Trend: recent-trend test against the numpy reference")
struct TrendReferenceTests {
    static func cases() throws -> [[String: Any]] {
        let object = try #require(try Fixtures.json(Fixtures.path("trend/trend-reference.json")) as? [String: Any])
        return try #require(object["cases"] as? [[String: Any]])
    }

    static func points(_ c: [String: Any]) -> [TrendPoint] {
        (c["points"] as? [[String: Any]] ?? []).map { p in
            TrendPoint(year: p["year"] as! String, estimate: p["estimate"] as? Double, standardError: p["se"] as? Double,
                       lower: p["lower"] as? Double, upper: p["upper"] as? Double,
                       numerator: (p["r"] as? NSNumber)?.doubleValue, denominator: (p["n"] as? NSNumber)?.doubleValue)
        }
    }

    static func breaks(_ c: [String: Any]) -> [TrendBreak] {
        (c["breaks"] as? [[String: String]] ?? []).map { TrendBreak(before: $0["before"]!, after: $0["after"]!, reason: $0["reason"]!) }
    }

    /// Relative 1e-9, absolute 1e-12 (a flat series' slope is 0 up to rounding).
    static func near(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-9 * abs(b) || abs(a - b) <= 1e-12
    }

    @Test func everyCaseMatches() throws {
        let cases = try Self.cases()
        #expect(cases.count == 16)
        let names = Set(cases.compactMap { $0["name"] as? String })
        for required in ["fewer than 5 points", "break inside the last 5", "outlier flips the slope", "flat", "rising, lower is better",
                         "counts falling, lower is better", "counts with an outlier"] {
            #expect(names.contains(required), "fixture lacks the case \(required)")
        }
        for c in cases {
            let name = c["name"] as! String
            let expected = c["expected"] as! [String: Any]
            let polarity = Measure.Polarity(rawValue: c["polarity"] as! String)!
            let trend = RecentTrendTest.test(Self.points(c), breaks: Self.breaks(c), polarity: polarity, counts: c["counts"] as? Bool ?? false)
            #expect(trend.direction.rawValue == expected["direction"] as? String, "\(name): direction")
            #expect(trend.reason?.rawValue == expected["reason"] as? String, "\(name): reason")
            #expect(trend.points == expected["points"] as? Int, "\(name): points")
            guard let method = expected["method"] as? String else {
                #expect(trend.method == nil && trend.chiSquared == nil, "\(name): not tested")
                continue
            }
            #expect(trend.method?.rawValue == method, "\(name): method")
            #expect(trend.significant == expected["significant"] as? Bool, "\(name): significant")
            #expect(Self.near(trend.slope, expected["slope"] as? Double), "\(name): slope \(trend.slope ?? .nan)")
            #expect(Self.near(trend.slopeStandardError, expected["slopeStandardError"] as? Double), "\(name): SE(b)")
            let chi = try #require(expected["chiSquared"] as? Double)
            #expect(abs((trend.chiSquared ?? .nan) - chi) <= 1e-9 * max(1, chi), "\(name): chi2 \(trend.chiSquared ?? .nan) vs \(chi)")
            let loo = try #require(expected["leaveOneOut"] as? [Double])
            try #require(trend.leaveOneOutSlopes.count == loo.count, "\(name): left-out slopes")
            for (a, b) in zip(trend.leaveOneOutSlopes, loo) { #expect(Self.near(a, b), "\(name): left-out slope \(a) vs \(b)") }
        }
    }

    @Test func thresholdIsThe998PointSquared() {
        let z = Normal.quantile(0.999)
        #expect(abs(RecentTrendTest.threshold - z * z) < 1e-4)
    }

    /// Direct formula of the spec for the chi-squared form, on the fixture's "counts rising" case.
    @Test func chiSquaredFormulaAsWritten() throws {
        let c = try #require(try Self.cases().first { $0["name"] as? String == "counts rising" })
        let pts = Self.points(c)
        let r = pts.map { $0.numerator! }, n = pts.map { $0.denominator! }
        let t = (1...5).map(Double.init)
        let bigN = n.reduce(0, +), bigR = r.reduce(0, +)
        let srt = zip(r, t).map(*).reduce(0, +), snt = zip(n, t).map(*).reduce(0, +), snt2 = zip(n, t).map { $0 * $1 * $1 }.reduce(0, +)
        let chi = bigN * pow(bigN * srt - bigR * snt, 2) / (bigR * (bigN - bigR) * (bigN * snt2 - snt * snt))
        let trend = RecentTrendTest.test(pts, polarity: .higherIsBetter, counts: true)
        #expect(abs(trend.chiSquared! - chi) <= 1e-9 * chi)
    }

    /// Reversing a higher-is-better series (or flipping the polarity) swaps improving and worsening.
    @Test func polarityProperty() throws {
        let c = try #require(try Self.cases().first { $0["name"] as? String == "rising, higher is better" })
        let pts = Self.points(c)
        #expect(RecentTrendTest.test(pts, polarity: .higherIsBetter).direction == .improving)
        #expect(RecentTrendTest.test(pts, polarity: .lowerIsBetter).direction == .worsening)
        let mirrored = pts.map { p in var q = p; q.estimate = 1 - p.estimate!; return q }
        let m = RecentTrendTest.test(mirrored, polarity: .higherIsBetter)
        #expect(m.direction == .worsening)
        #expect(abs(m.chiSquared! - RecentTrendTest.test(pts, polarity: .higherIsBetter).chiSquared!) < 1e-9)
    }

    /// Without an interval or counts the test is not run, and says why.
    @Test func noUncertaintyIsNotTested() {
        let pts = (0..<5).map { TrendPoint(year: "20\(16 + $0)-\(17 + $0)", estimate: Double($0)) }
        let trend = RecentTrendTest.test(pts, polarity: .higherIsBetter)
        #expect(trend.direction == .notTested)
        #expect(trend.reason == .noUncertainty)
    }
}
