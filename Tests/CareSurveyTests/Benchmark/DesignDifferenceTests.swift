import Foundation
import Testing
import SurveyBenchmark

/// The design-based council-vs-England difference equals R `survey::svycontrast` on the same
/// design (Tests/Fixtures/benchmark/design-difference.R, its data and output committed).
@Suite("Design-based difference")
struct DesignDifferenceTests {
    struct Cell { var n = 0.0, sum = 0.0, sumSq = 0.0, population = 0.0 }

    /// statistics.md §1–2 computed directly: θ̂ = Σ N_h ȳ_h / Σ N_h, V = Σ N_h²(1 − n_h/N_h)s_h²/n_h / (Σ N_h)²,
    /// single-respondent cells contributing zero.
    static func estimate(_ cells: [Cell]) -> (mean: Double, variance: Double, population: Double) {
        let total = cells.reduce(0) { $0 + $1.population }
        let mean = cells.reduce(0) { $0 + $1.population * $1.sum / $1.n } / total
        let v = cells.reduce(0.0) { acc, c in
            guard c.n > 1 else { return acc }
            let s2 = (c.sumSq - c.sum * c.sum / c.n) / (c.n - 1)
            return acc + c.population * c.population * (1 - c.n / c.population) * s2 / c.n
        } / (total * total)
        return (mean, v, total)
    }

    @Test func equalsSvycontrast() throws {
        let text = try String(contentsOfFile: try Fixtures.require(Fixtures.path("benchmark/design-difference.csv")), encoding: .utf8)
        var cells: [String: [String: Cell]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            let y = Double(f[3])!
            var c = cells[f[0], default: [:]][f[1], default: Cell()]
            c.n += 1; c.sum += y; c.sumSq += y * y; c.population = Double(f[2])!
            cells[f[0], default: [:]][f[1]] = c
        }
        let reference = try #require(Fixtures.json(Fixtures.path("benchmark/design-difference.json")) as? [String: Any])
        let england = Self.estimate(cells.values.flatMap(\.values))
        let e = try #require(reference["england"] as? [String: Double])
        #expect(close(england.mean, e["mean"]!, rel: 1e-10) && close(england.variance, e["variance"]!, rel: 1e-10))
        let councils = try #require(reference["councils"] as? [[String: Any]])
        #expect(councils.count == 4)
        for r in councils {
            let code = r["council"] as! String
            let c = Self.estimate(Array(cells[code]!.values))
            #expect(close(c.variance, r["variance"] as? Double, rel: 1e-10), "\(code) variance")
            let test = try #require(DesignDifference(council: c.mean, councilVariance: c.variance, councilPopulation: c.population,
                                                     england: england.mean, englandVariance: england.variance,
                                                     englandPopulation: england.population))
            #expect(close(test.difference, r["difference"] as? Double, rel: 1e-10), "\(code) difference")
            #expect(close(test.variance.squareRoot(), r["se"] as? Double, rel: 1e-10), "\(code) SE")
            #expect(test.variance >= 0)
        }
    }

    @Test func varianceIsNeverNegative() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<2_000 {
            let vc = abs(rng.normal()) * 1e-3, vo = abs(rng.normal()) * 1e-3
            let f = Double(rng.next() % 1000) / 1000
            let n = 10_000.0, nc = max(1, f * n)
            let frac = nc / n
            // A consistent England variance: f²V(ĉ) + (1 − f)²V(ô).
            let ve = frac * frac * vc + (1 - frac) * (1 - frac) * vo
            let d = DesignDifference(council: 0.7, councilVariance: vc, councilPopulation: nc, england: 0.72,
                                     englandVariance: ve, englandPopulation: n)
            #expect(d != nil && d!.variance >= 0)
        }
        // Inconsistent inputs (England's variance below f²V(ĉ)) are refused, not turned into a negative variance.
        #expect(DesignDifference(council: 0.7, councilVariance: 0.01, councilPopulation: 900, england: 0.72,
                                 englandVariance: 0.001, englandPopulation: 1000) == nil)
        // The whole of England: no difference to test.
        let all = DesignDifference(council: 0.7, councilVariance: 0.01, councilPopulation: 1000, england: 0.7,
                                   englandVariance: 0.01, englandPopulation: 1000)
        #expect(all?.variance == 0 && all?.pValue == 1)
    }
}
