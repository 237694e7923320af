import SurveyBenchmark

/// The rank-interval simulation as it was before the speed work of issue #12 (commit d507df0),
/// kept verbatim as the reference the current `RankInterval` must equal on every input: the
/// same normals, the same 64-bit keys (ordered value bits above UInt32.max − place), a counting
/// sort into equally filled buckets and an insertion sort per draw.
struct RankIntervalBaseline: Sendable {
    let draws: Int
    let seed: UInt64
    /// draws × capacity standard normals, row-major by draw.
    private let normals: [Float]
    private let capacity: Int

    /// Prepares the normal draws for up to `capacity` councils.
    init(draws: Int = RankInterval.defaultDraws, seed: UInt64 = RankInterval.defaultSeed, capacity: Int = 200) {
        self.draws = max(1, draws)
        self.seed = seed
        self.capacity = capacity
        var rng = SplitMix64(seed: seed)
        var z = [Float](repeating: 0, count: self.draws * capacity)
        for i in z.indices { z[i] = Float(rng.normal()) }
        normals = z
    }

    /// A Float's bits as an unsigned integer with the same order (negative values flipped, positive
    /// values above them); -0 and +0 differ, which a draw hits with probability zero.
    @inline(__always)
    static func orderedBits(_ v: Float) -> UInt64 {
        let b = v.bitPattern
        return UInt64(b & 0x8000_0000 != 0 ? ~b : b | 0x8000_0000)
    }

    /// The 95% rank interval of every council (same order as the inputs).
    func intervals(estimates: [Double], standardErrors: [Double], higherIsBetter: Bool) -> [RankInterval.Bounds] {
        let n = estimates.count
        guard n > 0, n == standardErrors.count else { return [] }
        if n > capacity {
            return RankIntervalBaseline(draws: draws, seed: seed, capacity: n)
                .intervals(estimates: estimates, standardErrors: standardErrors, higherIsBetter: higherIsBetter)
        }
        // Work in "larger is better" order: negate for lower-is-better.
        let sign: Double = higherIsBetter ? 1 : -1
        // The estimates' order, best first, breaks ties: among equal draws the council earlier in it
        // ranks first. The low word of a key is UInt32.max − that place, so among equal values the
        // earlier place has the larger key.
        let start = estimates.indices.sorted { sign * estimates[$0] > sign * estimates[$1] }
        let low = UInt64(UInt32.max)
        // By input position (a council's normals are its input position's column of each draw).
        var mean = [Float](repeating: 0, count: n)
        var sd = [Float](repeating: 0, count: n)
        var tie = [UInt64](repeating: 0, count: n)
        for (place, k) in start.enumerated() {
            mean[k] = Float(sign * estimates[k])
            sd[k] = Float(standardErrors[k])
            tie[k] = low - UInt64(place)
        }
        var counts = [Int32](repeating: 0, count: n * n)  // place in the estimates' order × rank
        var keys = [UInt64](repeating: 0, count: n)
        var sorted = [UInt64](repeating: 0, count: n)
        var bucketOf = [Int32](repeating: 0, count: n)
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
        let lastCell = Float(cells - 1)
        var starts = [Int32](repeating: 0, count: buckets + 1)
        normals.withUnsafeBufferPointer { z in
            let table = Self.bucketTable(z: z.baseAddress!, capacity: capacity, draws: min(draws, 64), mean: mean, sd: sd,
                                         top: top, scale: scale, cells: cells, buckets: buckets)
            counts.withUnsafeMutableBufferPointer { counts in
                keys.withUnsafeMutableBufferPointer { key in
                    sorted.withUnsafeMutableBufferPointer { out in
                        bucketOf.withUnsafeMutableBufferPointer { bucketOf in
                            starts.withUnsafeMutableBufferPointer { starts in
                                mean.withUnsafeBufferPointer { mean in
                                    sd.withUnsafeBufferPointer { sd in
                                        tie.withUnsafeBufferPointer { tie in
                                            table.withUnsafeBufferPointer { table in
                                                for d in 0..<draws {
                                                    let row = z.baseAddress! + d * capacity
                                                    for b in 0...buckets { starts[b] = 0 }
                                                    for k in 0..<n {
                                                        // + 0 turns −0 into +0, so that zeros tie as they did.
                                                        let value = (mean[k] + sd[k] * row[k]) + 0
                                                        key[k] = Self.orderedBits(value) << 32 | tie[k]
                                                        let cell = min(max((top - value) * scale, 0), lastCell)
                                                        let b = table[Int(cell.isNaN ? 0 : cell)]
                                                        bucketOf[k] = b
                                                        starts[Int(b) + 1] &+= 1
                                                    }
                                                    for b in 0..<buckets { starts[b + 1] &+= starts[b] }
                                                    for k in 0..<n {
                                                        let b = Int(bucketOf[k])
                                                        out[Int(starts[b])] = key[k]
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
        }
        let lowCut = 0.025 * Double(draws), highCut = 0.975 * Double(draws)
        var result = [RankInterval.Bounds](repeating: RankInterval.Bounds(lower: 0, upper: 0), count: n)
        for (i, input) in start.enumerated() {
            var cumulative = 0.0
            var lower: Int?
            var upper = n
            for r in 0..<n {
                cumulative += Double(counts[i * n + r])
                if lower == nil, cumulative >= lowCut { lower = r + 1 }
                if cumulative >= highCut { upper = r + 1; break }
            }
            result[input] = RankInterval.Bounds(lower: lower ?? 1, upper: upper)
        }
        return result
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
