import Foundation
import Testing
import SurveyBenchmark

/// The rank-interval simulation against a direct implementation of its definition on the same draws:
/// every draw's rank of a council counted as 1 + the councils with a larger draw (ties: the council
/// earlier in the estimates' order first), percentiles by the inverse empirical distribution function.
/// Covers lower-is-better, equal estimates, councils with SE 0 (always tied) and estimates of 0.
@Suite("Benchmark: rank intervals equal a direct count on the same draws")
struct RankIntervalReferenceTests {
    /// The same normals as `RankInterval` (SplitMix64, fixed seed, row-major by draw).
    static func reference(estimates: [Double], ses: [Double], higher: Bool, draws: Int, capacity: Int) -> [RankInterval.Bounds] {
        var rng = SplitMix64(seed: RankInterval.defaultSeed)
        let z = (0..<(draws * capacity)).map { _ in Float(rng.normal()) }
        let n = estimates.count
        let sign: Double = higher ? 1 : -1
        let order = estimates.indices.sorted { sign * estimates[$0] > sign * estimates[$1] }
        let place = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var counts = Array(repeating: Array(repeating: 0, count: n), count: n)
        for d in 0..<draws {
            let values = (0..<n).map { i -> Float in (Float(sign * estimates[i]) + Float(ses[i]) * z[d * capacity + i]) + 0 }
            for i in 0..<n {
                var rank = 1
                for j in 0..<n where j != i && (values[j] > values[i] || (values[j] == values[i] && place[j]! < place[i]!)) { rank += 1 }
                counts[i][rank - 1] += 1
            }
        }
        return (0..<n).map { i in
            var cumulative = 0.0, lower: Int?, upper = n
            for r in 0..<n {
                cumulative += Double(counts[i][r])
                if lower == nil, cumulative >= 0.025 * Double(draws) { lower = r + 1 }
                if cumulative >= 0.975 * Double(draws) { upper = r + 1; break }
            }
            return RankInterval.Bounds(lower: lower ?? 1, upper: upper)
        }
    }

    @Test(arguments: [true, false])
    func equalsTheDirectCount(higher: Bool) {
        var rng = SplitMix64(seed: 99)
        let n = 40
        var estimates = (0..<n).map { _ in 60 + 10 * rng.normal() }
        var ses = (0..<n).map { _ in 0.5 + abs(rng.normal()) * 2 }
        estimates[3] = estimates[7]; ses[3] = ses[7]          // equal estimates and SEs
        estimates[10] = 0; estimates[11] = 0; ses[10] = 0; ses[11] = 0  // always tied at zero
        estimates[12] = 0                                      // zero with an SE
        estimates[20] = estimates[21]; ses[20] = 0; ses[21] = 0  // tied, no spread
        let draws = 2_000, capacity = 50
        let got = RankInterval(draws: draws, capacity: capacity).intervals(estimates: estimates, standardErrors: ses, higherIsBetter: higher)
        let want = Self.reference(estimates: estimates, ses: ses, higher: higher, draws: draws, capacity: capacity)
        #expect(got.count == n)
        #expect(got == want)
    }
}
