import Testing
@testable import SurveyBenchmark

/// The rank-interval simulation against its pre-#12 implementation (`RankIntervalBaseline`) on
/// random inputs: the Bounds must be identical whatever the inputs — sizes 1…300, ties, zero SEs,
/// lower-is-better, clustered estimates with outliers, estimates of 0, a call with more councils
/// than the normals were computed for — and the parallel normal table must equal the sequential
/// `SplitMix64.normal()` draws.
@Suite("Benchmark: rank intervals equal the reference implementation on random inputs")
struct RankIntervalPropertyTests {
    /// Estimates and SEs of `n` councils in one of several shapes.
    static func inputs(n: Int, shape: Int, rng: inout SplitMix64) -> (estimates: [Double], ses: [Double]) {
        var estimates: [Double] = [], ses: [Double] = []
        for i in 0..<n {
            switch shape {
            case 0:  // spread out
                estimates.append(50 + 15 * rng.normal())
                ses.append(0.5 + abs(rng.normal()) * 3)
            case 1:  // clustered, a few far out, some without spread
                estimates.append(i % 17 == 0 ? 500 * rng.normal() : 19 + 0.01 * rng.normal())
                ses.append(i % 5 == 0 ? 0 : 0.001 + abs(rng.normal()) * 0.05)
            case 2:  // few distinct values: many ties, zero SEs and zeros
                estimates.append(Double(Int(rng.next() % 4)))
                ses.append(rng.next() % 3 == 0 ? 0 : Double(rng.next() % 3) * 0.5)
            default:  // tiny SEs: ranks almost fixed
                estimates.append(Double(rng.next() % 1000) / 10)
                ses.append(1e-4 * abs(rng.normal()))
            }
        }
        return (estimates, ses)
    }

    @Test(arguments: [1, 2, 3, 7, 40, 151, 300])
    func equalsTheReference(n: Int) {
        var rng = SplitMix64(seed: UInt64(1_000 + n))
        let draws = n > 100 ? 1_000 : 2_000
        let capacity = 160
        let reference = RankIntervalBaseline(draws: draws, capacity: capacity)
        // Normals computed for fewer councils than some calls have: those compute their own.
        let simulation = RankInterval(draws: draws, capacity: capacity, columns: 120)
        for shape in 0..<4 {
            for higher in [true, false] {
                let (estimates, ses) = Self.inputs(n: n, shape: shape, rng: &rng)
                let want = reference.intervals(estimates: estimates, standardErrors: ses, higherIsBetter: higher)
                let got = simulation.intervals(estimates: estimates, standardErrors: ses, higherIsBetter: higher)
                #expect(got == want, "n \(n), shape \(shape), higher \(higher)")
            }
        }
    }

    @Test func defaultSizesEqualTheReference() {
        var rng = SplitMix64(seed: 7)
        let (estimates, ses) = Self.inputs(n: 151, shape: 0, rng: &rng)
        let want = RankIntervalBaseline(draws: 3_000).intervals(estimates: estimates, standardErrors: ses, higherIsBetter: true)
        let got = RankInterval(draws: 3_000).intervals(estimates: estimates, standardErrors: ses, higherIsBetter: true)
        #expect(got == want)
    }

    @Test(arguments: [1, 2, 5, 1_000, 65_537, 200_001])
    func normalTableEqualsTheSequentialDraws(count: Int) {
        var rng = SplitMix64(seed: RankInterval.defaultSeed)
        let want = (0..<count).map { _ in Float(rng.normal()) }
        #expect(NormalTable.generate(seed: RankInterval.defaultSeed, count: count, rowLength: count, columns: count) == want)
        // Only some columns computed: those equal, the others 0.
        let rowLength = 7, columns = 4
        let some = NormalTable.generate(seed: RankInterval.defaultSeed, count: count, rowLength: rowLength, columns: columns)
        #expect(some.indices.allSatisfy { some[$0] == ($0 % rowLength < columns ? want[$0] : 0) })
    }

    @Test func skippingReachesTheSameSequence() {
        var a = SplitMix64(seed: 42)
        for _ in 0..<1_000 { _ = a.next() }
        var b = SplitMix64(seed: 42, skipping: 1_000)
        #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
    }
}
