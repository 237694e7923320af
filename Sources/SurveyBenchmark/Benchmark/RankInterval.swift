/// Rank intervals by simulation (Marshall & Spiegelhalter, BMJ 1998; benchmarking.md §3).
///
/// Each council's true value is drawn from N(estimate, SE²), independently; every draw is ranked
/// (1 = best by polarity) and each council's interval is the 2.5th and 97.5th percentiles of its
/// ranks over R draws: the smallest rank r whose cumulative share of draws reaches 2.5% (resp.
/// 97.5%), i.e. the inverse empirical distribution function. Councils without an SE take no part
/// (the caller says so). The standard normal draws come from `SplitMix64` with a fixed seed and
/// are shared by all measures (common random numbers): the same inputs always give the same intervals.
///
/// Cost: each draw is ranked in linear time — a counting sort of the draws into 2n buckets, then an
/// insertion sort that only moves councils sharing a bucket. The buckets are equally filled rather
/// than equally wide: a monotone table from a fine grid over the values' range to buckets, built from
/// the first draws' histogram, so that few councils share one even when most estimates cluster and a
/// few lie far out (equal widths left ≈ 20% of the time in the insertion sort). Value and council are
/// packed into one 64-bit key (the value's bits made order-preserving above the position): the order
/// is total and exact whatever the buckets, so the buckets change the speed, never a rank. A draw reads
/// its normals in the councils' input order, one contiguous run of the draw's row (the hardware
/// prefetches it). All buffers are allocated once per call, none per draw.
public struct RankInterval: Sendable {
    public static let defaultSeed: UInt64 = 20_240_401
    public static let defaultDraws = 10_000

    public let draws: Int
    public let seed: UInt64
    /// draws × capacity standard normals, row-major by draw (only the first `columns` of each row computed).
    private let normals: [Float]
    private let capacity: Int
    /// Councils per call the normals are computed for (≤ capacity); a larger call computes its own.
    private let columns: Int

    /// Prepares the normal draws for up to `capacity` councils: normal d × capacity + k of the
    /// SplitMix64 sequence is council k's in draw d. `columns`: only the first that many councils of
    /// each draw are computed (a call with more computes its own, the same values); nil = all.
    public init(draws: Int = defaultDraws, seed: UInt64 = defaultSeed, capacity: Int = 200, columns: Int? = nil) {
        self.draws = max(1, draws)
        self.seed = seed
        self.capacity = capacity
        self.columns = min(capacity, max(0, columns ?? capacity))
        normals = NormalTable.generate(seed: seed, count: self.draws * capacity, rowLength: capacity, columns: self.columns)
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
    static func orderedBits(_ v: Float) -> UInt32 {
        let b = v.bitPattern
        // Negative: every bit flipped; positive: the sign bit set.
        return b ^ (UInt32(bitPattern: Int32(bitPattern: b) >> 31) | 0x8000_0000)
    }

    /// The 95% rank interval of every council (same order as the inputs).
    public func intervals(estimates: [Double], standardErrors: [Double], higherIsBetter: Bool) -> [Bounds] {
        let n = estimates.count
        guard n > 0, n == standardErrors.count else { return [] }
        if n > capacity || n > columns {
            return RankInterval(draws: draws, seed: seed, capacity: max(n, capacity), columns: n)
                .intervals(estimates: estimates, standardErrors: standardErrors, higherIsBetter: higherIsBetter)
        }
        // Work in "larger is better" order: negate for lower-is-better.
        let sign: Double = higherIsBetter ? 1 : -1
        // The estimates' order, best first, breaks ties: among equal draws the council earlier in it
        // ranks first. The low word of a key is UInt32.max − that place, so among equal values the
        // earlier place has the larger key.
        let start = estimates.indices.sorted { sign * estimates[$0] > sign * estimates[$1] }
        // By input position (a council's normals are its input position's column of each draw).
        var mean = [Float](repeating: 0, count: n)
        var sd = [Float](repeating: 0, count: n)
        var tie = [UInt64](repeating: 0, count: n)
        for (place, k) in start.enumerated() {
            mean[k] = Float(sign * estimates[k])
            sd[k] = Float(standardErrors[k])
            tie[k] = UInt64(UInt32.max) - UInt64(place)
        }
        // A grid of 16n cells over the values' range (±6 SE around every estimate), best first; each
        // cell maps to one of 2n buckets. Values outside the range go to the end cells.
        let buckets = 2 * n
        let cells = 16 * n
        var top = -Float.greatestFiniteMagnitude, bottom = Float.greatestFiniteMagnitude
        for i in 0..<n {
            top = max(top, mean[i] + 6 * sd[i])
            bottom = min(bottom, mean[i] - 6 * sd[i])
        }
        let scale: Float = top > bottom && (top - bottom).isFinite ? Float(cells) / (top - bottom) : 0
        let table = normals.withUnsafeBufferPointer { z in
            Self.bucketTable(z: z.baseAddress!, capacity: capacity, draws: min(draws, 64), mean: mean, sd: sd,
                             top: top, scale: scale, cells: cells, buckets: buckets)
        }
        let counts = simulate(RankDraws(mean: mean, sd: sd, tie: tie, table: table, top: top, scale: scale))
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

    /// counts[place × n + rank − 1]: the draws in which the council at `place` of the estimates'
    /// order took `rank`, over every draw.
    func simulate(_ ranking: RankDraws) -> [Int32] {
        normals.withUnsafeBufferPointer { z in
            ranking.counts(z: z.baseAddress!, rowLength: capacity, draws: 0..<draws)
        }
    }

    /// Grid cell → bucket, monotone (a better cell never maps to a later bucket), so that buckets
    /// fill about equally: each cell goes to the bucket of its midpoint's share of the first `draws`
    /// draws' values (their empirical distribution over the grid).
    static func bucketTable(z: UnsafePointer<Float>, capacity: Int, draws: Int, mean: [Float], sd: [Float], top: Float,
                            scale: Float, cells: Int, buckets: Int) -> [Int32] {
        let n = mean.count
        var histogram = [Int](repeating: 0, count: cells)
        let lastCell = Float(cells - 1)
        for d in 0..<draws {
            let row = z + d * capacity
            for k in 0..<n {
                let value = (mean[k] + sd[k] * row[k]) + 0
                let cell = min(max((top - value) * scale, 0), lastCell)
                histogram[Int(cell.isNaN ? 0 : cell)] += 1
            }
        }
        let total = Double(max(draws * n, 1))
        var table = [Int32](repeating: 0, count: cells)
        var below = 0
        for c in 0..<cells {
            let share = (Double(below) + Double(histogram[c]) / 2) / total
            table[c] = Int32(min(Double(buckets - 1), (share * Double(buckets)).rounded(.down)))
            below += histogram[c]
        }
        return table
    }
}
