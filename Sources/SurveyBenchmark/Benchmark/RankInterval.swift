/// Rank intervals by simulation (Marshall & Spiegelhalter, BMJ 1998; benchmarking.md §3).
///
/// Each council's true value is drawn from N(estimate, SE²), independently; every draw is ranked
/// (1 = best by polarity) and each council's interval is the 2.5th and 97.5th percentiles of its
/// ranks over R draws: the smallest rank r whose cumulative share of draws reaches 2.5% (resp.
/// 97.5%), i.e. the inverse empirical distribution function. Councils without an SE take no part
/// (the caller says so). The standard normal draws come from `SplitMix64` with a fixed seed and
/// are shared by all measures (common random numbers): the same inputs always give the same intervals.
public struct RankInterval: Sendable {
    public static let defaultSeed: UInt64 = 20_240_401
    public static let defaultDraws = 10_000

    public let draws: Int
    public let seed: UInt64
    /// draws × capacity standard normals, row-major by draw.
    private let normals: [Float]
    private let capacity: Int

    /// Prepares the normal draws for up to `capacity` councils.
    public init(draws: Int = defaultDraws, seed: UInt64 = defaultSeed, capacity: Int = 200) {
        self.draws = max(1, draws)
        self.seed = seed
        self.capacity = capacity
        var rng = SplitMix64(seed: seed)
        var z = [Float](repeating: 0, count: self.draws * capacity)
        for i in z.indices { z[i] = Float(rng.normal()) }
        normals = z
    }

    public struct Bounds: Sendable, Hashable {
        public var lower: Int
        public var upper: Int
        public init(lower: Int, upper: Int) {
            self.lower = lower
            self.upper = upper
        }
    }

    /// The 95% rank interval of every council (same order as the inputs).
    public func intervals(estimates: [Double], standardErrors: [Double], higherIsBetter: Bool) -> [Bounds] {
        let n = estimates.count
        guard n > 0, n == standardErrors.count else { return [] }
        if n > capacity {
            return RankInterval(draws: draws, seed: seed, capacity: n)
                .intervals(estimates: estimates, standardErrors: standardErrors, higherIsBetter: higherIsBetter)
        }
        // Work in "larger is better" order: negate for lower-is-better.
        let sign: Double = higherIsBetter ? 1 : -1
        // Start each draw from the estimates' order, best first: an insertion sort then only moves
        // the councils whose draws swap places.
        let start = estimates.indices.sorted { sign * estimates[$0] > sign * estimates[$1] }
        let mean = start.map { Float(sign * estimates[$0]) }
        let sd = start.map { Float(standardErrors[$0]) }
        var counts = [Int32](repeating: 0, count: n * n)  // sorted position i × rank
        var value = [Float](repeating: 0, count: n)
        var who = [Int32](repeating: 0, count: n)
        normals.withUnsafeBufferPointer { z in
            for d in 0..<draws {
                let row = d * capacity
                for i in 0..<n {
                    // Index the normals by the council's input position, not its sorted place, so that a
                    // council keeps its draws whatever the others' values.
                    value[i] = mean[i] + sd[i] * z[row + start[i]]
                    who[i] = Int32(i)
                }
                // Insertion sort, descending.
                for i in 1..<max(n, 1) {
                    let v = value[i], w = who[i]
                    var j = i - 1
                    while j >= 0, value[j] < v {
                        value[j + 1] = value[j]
                        who[j + 1] = who[j]
                        j -= 1
                    }
                    value[j + 1] = v
                    who[j + 1] = w
                }
                for r in 0..<n { counts[Int(who[r]) * n + r] += 1 }
            }
        }
        let lowCut = 0.025 * Double(draws), highCut = 0.975 * Double(draws)
        var result = [Bounds](repeating: Bounds(lower: 0, upper: 0), count: n)
        for (i, input) in start.enumerated() {
            var cumulative = 0.0
            var lower: Int?
            var upper = n
            for r in 0..<n {
                cumulative += Double(counts[i * n + r])
                if lower == nil, cumulative >= lowCut { lower = r + 1 }
                if cumulative >= highCut { upper = r + 1; break }
            }
            result[input] = Bounds(lower: lower ?? 1, upper: upper)
        }
        return result
    }
}
