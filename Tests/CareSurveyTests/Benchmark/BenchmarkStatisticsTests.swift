import Foundation
import Testing
import SurveyBenchmark
import SurveyModel

/// Ranks, quartiles, rank intervals, funnel, comparisons and count intervals (benchmarking.md §3–4).
@Suite("Benchmark statistics")
struct BenchmarkStatisticsTests {
    @Test func ranksQuartileCutPointsAndBinsEqualR() throws {
        let reference = try #require(Fixtures.json(Fixtures.path("benchmark/ranks-quartiles.json")) as? [String: Any])
        let cases = try #require(reference["cases"] as? [[String: Any]])
        #expect(cases.count == 10)
        for c in cases {
            let name = c["name"] as! String
            let higher = c["higher"] as! Bool
            let values = (c["values"] as! [NSNumber]).map(\.doubleValue)
            #expect(Ranking.ranks(values, higherIsBetter: higher) == (c["ranks"] as! [NSNumber]).map(\.doubleValue), "\(name) ranks")
            let cuts = try #require(Quartiles.cutPoints(values))
            let expected = (c["cutPoints"] as! [NSNumber]).map(\.doubleValue)
            #expect(zip(cuts, expected).allSatisfy { close($0, $1, rel: 1e-14, abs: 1e-14) }, "\(name) cut points \(cuts) vs \(expected)")
            #expect(values.map { Quartiles.bin($0, cutPoints: expected) } == (c["bins"] as! [NSNumber]).map(\.intValue), "\(name) bins")
            #expect(values.map { Quartiles.quartile($0, cutPoints: expected, higherIsBetter: higher) }
                    == (c["quartiles"] as! [NSNumber]).map(\.intValue), "\(name) quartiles")
        }
    }

    @Test func distanceToTheNextAndTopQuartile() throws {
        let cuts = [70.0, 75.0, 80.0]
        // Higher is better: 72 is in quartile 3 (bin 2); next = above 75, top = above 80.
        #expect(Quartiles.quartile(72, cutPoints: cuts, higherIsBetter: true) == 3)
        let next = try #require(Quartiles.distance(from: 72, quartile: 3, to: 2, cutPoints: cuts, higherIsBetter: true))
        #expect(next.cutPoint == 75 && next.gap == 3)
        #expect(try #require(Quartiles.distance(from: 72, quartile: 3, to: 1, cutPoints: cuts, higherIsBetter: true)).cutPoint == 80)
        // Lower is better: 78 is in quartile 3; next = down to 75, top = down to 70.
        #expect(Quartiles.quartile(78, cutPoints: cuts, higherIsBetter: false) == 3)
        let lowerNext = try #require(Quartiles.distance(from: 78, quartile: 3, to: 2, cutPoints: cuts, higherIsBetter: false))
        #expect(lowerNext.cutPoint == 75 && lowerNext.gap == 3)
        #expect(Quartiles.distance(from: 90, quartile: 1, to: 0, cutPoints: cuts, higherIsBetter: true) == nil)
    }

    static func randomSet(_ n: Int, seed: UInt64, seScale: Double = 1) -> ([Double], [Double]) {
        var rng = SplitMix64(seed: seed)
        let values = (0..<n).map { _ in 0.75 + 0.04 * rng.normal() }
        let ses = (0..<n).map { _ in seScale * (0.01 + 0.02 * Double(rng.next() % 1000) / 1000) }
        return (values, ses)
    }

    @Test func rankIntervalsAreReproducibleContainTheRankAndShrinkWithTheSE() {
        let sim = RankInterval(draws: 10_000)
        #expect(sim.draws >= 10_000 && sim.seed == RankInterval.defaultSeed)
        for seed in UInt64(1)...UInt64(3) {
            let (values, ses) = Self.randomSet(40, seed: seed)
            let a = sim.intervals(estimates: values, standardErrors: ses, higherIsBetter: true)
            let b = RankInterval(draws: 10_000).intervals(estimates: values, standardErrors: ses, higherIsBetter: true)
            #expect(a == b, "same seed, same intervals")
            let ranks = Ranking.ranks(values, higherIsBetter: true)
            #expect(a.count == 40)
            #expect(zip(a, ranks).allSatisfy { Double($0.lower) <= $1 && $1 <= Double($0.upper) }, "contains the rank")
            let narrow = sim.intervals(estimates: values, standardErrors: ses.map { $0 / 10 }, higherIsBetter: true)
            #expect(zip(narrow, a).allSatisfy { $0.upper - $0.lower <= $1.upper - $1.lower }, "shrinks with the SE")
            let narrowWidth: Int = narrow.map { $0.upper - $0.lower }.reduce(0, +)
            let width: Int = a.map { $0.upper - $0.lower }.reduce(0, +)
            #expect(narrowWidth < width)
            // Lower is better mirrors higher is better.
            let mirrored = sim.intervals(estimates: values.map { -$0 }, standardErrors: ses, higherIsBetter: false)
            #expect(mirrored == a)
        }
        // Tiny SEs: the interval is the rank itself.
        let exact = sim.intervals(estimates: [3, 1, 2], standardErrors: [1e-9, 1e-9, 1e-9], higherIsBetter: true)
        #expect(exact == [.init(lower: 1, upper: 1), .init(lower: 3, upper: 3), .init(lower: 2, upper: 2)])
    }

    @Test func funnelEqualsADirectComputation() throws {
        let values = [0.70, 0.82, 0.75, 0.64, 0.77, 0.79, 0.71, 0.90, 0.73, 0.76, 0.68, 0.81]
        let ses = [0.02, 0.03, 0.015, 0.025, 0.02, 0.04, 0.018, 0.03, 0.022, 0.017, 0.026, 0.021]
        let target = 0.755
        let funnel = try #require(Funnel(values: values, standardErrors: ses, target: target))
        // Direct: z, winsorise at type-7 10th/90th percentiles, φ, τ².
        let z = zip(values, ses).map { ($0 - target) / $1 }
        let s = z.sorted()
        func q7(_ p: Double) -> Double { let h = Double(s.count - 1) * p; let l = Int(h); return s[l] + (h - Double(l)) * (s[l + 1] - s[l]) }
        let (lo, hi) = (q7(0.1), q7(0.9))
        let phi = z.map { min(max($0, lo), hi) }.map { $0 * $0 }.reduce(0, +) / 12
        let w = ses.map { 1 / ($0 * $0) }
        let tau2 = max(0, (12 * phi - 11) / (w.reduce(0, +) - w.map { $0 * $0 }.reduce(0, +) / w.reduce(0, +)))
        #expect(close(funnel.phi, phi, rel: 1e-12))
        #expect(close(funnel.tau2, tau2, rel: 1e-12))
        #expect(phi > 1 && tau2 > 0, "the fixture is over-dispersed")
        for (i, p) in funnel.points.enumerated() {
            let sd = (ses[i] * ses[i] + tau2).squareRoot()
            #expect(close(p.upper95, target + 1.959964 * sd, rel: 1e-12) && close(p.lower998, target - 3.090232 * sd, rel: 1e-12))
            #expect(close(p.z, z[i], rel: 1e-12))
        }
        // Classes follow the limits (strictly beyond = outside).
        for (i, p) in funnel.points.enumerated() {
            let y = values[i]
            let expected: Funnel.Class = y > p.upper998 ? .above998 : y > p.upper95 ? .above95 : y < p.lower998 ? .below998 : y < p.lower95 ? .below95 : .within
            #expect(p.class == expected, "council \(i)")
        }
        #expect(Set(funnel.points.map(\.class)).count > 1)
        // A council exactly on a limit is within; just beyond, outside. Without over-dispersion (τ² = 0):
        let se = 0.02
        var flat = [0, 0.1, -0.1, 0.2, -0.2, 0.3, -0.3, 0.1, -0.1, -0.5].map { 0.75 + $0 * se }
        flat.append(0.75 + 1.959964 * se)
        let flatSE = [Double](repeating: se, count: flat.count)
        let f = try #require(Funnel(values: flat, standardErrors: flatSE, target: 0.75))
        #expect(f.tau2 == 0 && f.phi < 1)
        #expect(f.points[10].class == .within, "on the 95% limit")
        #expect(f.points[10].upper95 == flat[10])
        var beyondValues = flat
        beyondValues[10] = beyondValues[10].nextUp
        let beyond = try #require(Funnel(values: beyondValues, standardErrors: flatSE, target: 0.75))
        #expect(beyond.tau2 == 0 && beyond.points[10].class == .above95)
    }

    @Test func twoLevelComparisonRule() {
        func cmp(_ b: Double, higher: Bool = true) -> BenchmarkComparison {
            BenchmarkComparison.rule(estimate: 0.80, standardError: 0.01, benchmark: b, higherIsBetter: higher)
        }
        #expect(cmp(0.80) == .similar && cmp(0.80 - 1.959964 * 0.01) == .similar)
        #expect(cmp(0.77) == .better && cmp(0.75) == .muchBetter && cmp(0.83) == .worse && cmp(0.85) == .muchWorse)
        #expect(cmp(0.77, higher: false) == .worse && cmp(0.85, higher: false) == .muchBetter)
        #expect(BenchmarkComparison.rule(estimate: 0.8, standardError: nil, benchmark: 0.5, higherIsBetter: true) == .notCompared)
    }

    @Test func wilsonAndByarIntervals() throws {
        // Wilson, direct formula: O = 45, n = 100, z = 1.96.
        let w = try #require(CountIntervals.wilson(numerator: 45, denominator: 100, z: 1.96))
        let z = 1.96, o = 45.0, n = 100.0
        let root = z * (z * z + 4 * o * (1 - o / n)).squareRoot()
        #expect(close(w.lower, (2 * o + z * z - root) / (2 * (n + z * z))) && close(w.upper, (2 * o + z * z + root) / (2 * (n + z * z))))
        #expect(close(w.lower, 0.3561, rel: 1e-3) && close(w.upper, 0.5476, rel: 1e-3))
        #expect(CountIntervals.wilson(numerator: 5, denominator: 3, z: 1.96) == nil)
        // Exact Poisson for small counts (R: poisson.test(k)$conf.int), per 100,000 of 100,000.
        let exact: [(Double, Double, Double)] = [(0, 0, 3.688879), (1, 0.02531781, 5.571643), (5, 1.623486, 11.668332), (9, 4.115373, 17.084803)]
        for (k, lo, up) in exact {
            let r = try #require(CountIntervals.rate(count: k, population: 100_000, z: 1.959964))
            #expect(close(r.lower, lo, rel: 1e-5, abs: 1e-9) && close(r.upper, up, rel: 1e-5), "k = \(k): \(r)")
        }
        // Byar from 10 on: direct formula.
        let b = try #require(CountIntervals.rate(count: 20, population: 50_000, z: 1.959964))
        let lowBase: Double = 1 - 1.0 / 180 - 1.959964 / (3 * 20.0.squareRoot())
        let upBase: Double = 1 - 1.0 / 189 + 1.959964 / (3 * 21.0.squareRoot())
        let byarLow: Double = 20 * pow(lowBase, 3) * 2
        let byarUp: Double = 21 * pow(upBase, 3) * 2
        #expect(close(b.lower, byarLow) && close(b.upper, byarUp))
        #expect(close(b.lower, 24.43, rel: 2e-3) && close(b.upper, 61.77, rel: 2e-3))
    }
}
