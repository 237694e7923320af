/// Rank intervals by simulation (Marshall & Spiegelhalter, BMJ 1998; benchmarking.md §3).
///
/// Each council's true value is drawn from N(estimate, SE²), independently; every draw is ranked
/// (1 = best by polarity) and each council's interval is the 2.5th and 97.5th percentiles of its
/// ranks over R draws: the smallest rank r whose cumulative share of draws reaches 2.5% (resp.
/// 97.5%), i.e. the inverse empirical distribution function. Councils without an SE take no part
/// (the caller says so). The standard normal draws come from `SplitMix64` with a fixed seed and
/// are shared by all measures (common random numbers): the same inputs always give the same intervals.
///
/// Cost: each draw is ranked in linear time — a counting sort of the draws into 2n buckets over the
/// values' range, then an insertion sort that only moves councils sharing a bucket — instead of an
/// insertion sort from the estimates' order, whose work grows with the pairs whose draws swap places
/// (about 1,200 of 11,000 pairs per draw for 151 councils with typical survey margins). Value and
/// council are packed into one 64-bit key (the value's bits made order-preserving above the
/// position): the order is total and exact; all buffers are allocated once per call, none per draw.
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

    /// A Float's bits as an unsigned integer with the same order (negative values flipped, positive
    /// values above them); -0 and +0 differ, which a draw hits with probability zero.
    @inline(__always)
    static func orderedBits(_ v: Float) -> UInt64 {
        let b = v.bitPattern
        return UInt64(b & 0x8000_0000 != 0 ? ~b : b | 0x8000_0000)
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
        // Normals by the council's input position, not its sorted place, so that a council keeps its
        // draws whatever the others' values.
        let column = start
        var counts = [Int32](repeating: 0, count: n * n)  // sorted position i × rank
        var keys = [UInt64](repeating: 0, count: n)
        var sorted = [UInt64](repeating: 0, count: n)
        var bucketOf = [Int32](repeating: 0, count: n)
        // Buckets over the values' range (±6 SE around every estimate), best first: a draw is first
        // placed by bucket (counting sort), then an insertion sort puts each bucket in order, so the
        // work per draw is linear in the councils plus the few pairs that share a bucket. Values
        // outside the range go to the end buckets; the insertion sort makes the order exact whatever
        // the buckets.
        let buckets = 2 * n
        var top = -Float.greatestFiniteMagnitude, bottom = Float.greatestFiniteMagnitude
        for i in 0..<n {
            top = max(top, mean[i] + 6 * sd[i])
            bottom = min(bottom, mean[i] - 6 * sd[i])
        }
        let scale: Float = top > bottom && (top - bottom).isFinite ? Float(buckets) / (top - bottom) : 0
        var starts = [Int32](repeating: 0, count: buckets + 1)
        // Ties (equal draws) keep the earlier sorted position first: the low word is UInt32.max − i,
        // so among equal values the smaller i has the larger key.
        let low = UInt64(UInt32.max)
        let last = Float(buckets - 1)
        normals.withUnsafeBufferPointer { z in
            counts.withUnsafeMutableBufferPointer { counts in
                keys.withUnsafeMutableBufferPointer { key in
                    sorted.withUnsafeMutableBufferPointer { out in
                        bucketOf.withUnsafeMutableBufferPointer { bucketOf in
                            starts.withUnsafeMutableBufferPointer { starts in
                                mean.withUnsafeBufferPointer { mean in
                                    sd.withUnsafeBufferPointer { sd in
                                        column.withUnsafeBufferPointer { column in
                                            for d in 0..<draws {
                                                let row = z.baseAddress! + d * capacity
                                                for b in 0...buckets { starts[b] = 0 }
                                                for i in 0..<n {
                                                    // + 0 turns −0 into +0, so that zeros tie as they did.
                                                    let value = (mean[i] + sd[i] * row[column[i]]) + 0
                                                    key[i] = Self.orderedBits(value) << 32 | (low - UInt64(i))
                                                    let place = min(max((top - value) * scale, 0), last)
                                                    let b = Int32(place.isNaN ? 0 : place)
                                                    bucketOf[i] = b
                                                    starts[Int(b) + 1] &+= 1
                                                }
                                                for b in 0..<buckets { starts[b + 1] &+= starts[b] }
                                                for i in 0..<n {
                                                    let b = Int(bucketOf[i])
                                                    out[Int(starts[b])] = key[i]
                                                    starts[b] &+= 1
                                                }
                                                // Insertion sort, descending: only pairs within a bucket move.
                                                for i in 1..<max(n, 1) {
                                                    let v = out[i]
                                                    var j = i
                                                    while j > 0, out[j - 1] < v {
                                                        out[j] = out[j - 1]
                                                        j -= 1
                                                    }
                                                    out[j] = v
                                                }
                                                for r in 0..<n {
                                                    let who = Int(low - (out[r] & low))
                                                    counts[who &* n &+ r] &+= 1
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
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
