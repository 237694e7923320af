/// The ranking of one set's draws for `RankInterval`: each draw's values (mean + SE × z, per council
/// in input order), sorted best first by an exact 64-bit key, and the ranks counted per council.
///
/// Key: the value's bits made order-preserving (`RankInterval.orderedBits`) above the tie word
/// UInt32.max − place in the estimates' order, so the order is total and exact: among equal values
/// the council earlier in the estimates' order ranks first. The sort is a counting sort into the
/// equally filled buckets of `table` (a grid cell → bucket, monotone) and then an insertion sort
/// that only moves councils sharing a bucket; any bucketing gives the same order (the insertion
/// sort runs over the whole draw), so the buckets change the speed, never a rank. The cell is
/// rounded to the nearest integer by adding 2²³ (exact for the grid's 16n < 2²² cells; n² counts
/// are far beyond memory long before that) so that the values' loop has no checked conversion and
/// vectorises (it writes only the 32-bit ordered bits, four councils per vector; the 64-bit key is
/// put together as it is scattered into its bucket); the table look-up and the bucket counts follow
/// in a second loop.
struct RankDraws {
    /// By input position.
    var mean: [Float]
    var sd: [Float]
    var tie: [UInt64]
    /// Grid cell → bucket (2n buckets); cell = (top − value) × scale, clamped to the grid.
    var table: [Int32]
    var top: Float
    var scale: Float

    /// counts[place × n + rank − 1] over the draws `draws` (rows of `z`, `rowLength` apart).
    func counts(z: UnsafePointer<Float>, rowLength: Int, draws: Range<Int>) -> [Int32] {
        let n = mean.count
        let buckets = 2 * n
        let lastCell = Float(table.count - 1)
        let low = UInt64(UInt32.max)
        var counts = [Int32](repeating: 0, count: n * n)
        let bits = UnsafeMutablePointer<UInt32>.allocate(capacity: n)
        let out = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
        let bucketOf = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let starts = UnsafeMutablePointer<Int32>.allocate(capacity: buckets + 1)
        defer {
            bits.deallocate()
            out.deallocate()
            bucketOf.deallocate()
            starts.deallocate()
        }
        let top = self.top, scale = self.scale
        mean.withUnsafeBufferPointer { mean in
            sd.withUnsafeBufferPointer { sd in
                tie.withUnsafeBufferPointer { tie in
                    table.withUnsafeBufferPointer { table in
                        counts.withUnsafeMutableBufferPointer { counts in
                            let mean = mean.baseAddress!, sd = sd.baseAddress!, tie = tie.baseAddress!
                            let table = table.baseAddress!, counts = counts.baseAddress!
                            for d in draws {
                                let row = z + d * rowLength
                                starts.initialize(repeating: 0, count: buckets + 1)
                                // Values' ordered bits and grid cells (32-bit lanes, no table look-up: this
                                // loop vectorises four councils at a time).
                                for k in 0..<n {
                                    // + 0 turns −0 into +0, so that zeros tie as they did.
                                    let value = (mean[k] + sd[k] * row[k]) + 0
                                    bits[k] = RankInterval.orderedBits(value)
                                    // NaN and values below the grid go to cell 0, above it to the last.
                                    var cell = (top - value) * scale
                                    cell = cell > 0 ? cell : 0
                                    cell = cell < lastCell ? cell : lastCell
                                    // 0 ≤ cell < 2²²: adding 2²³ leaves the nearest integer in the low bits.
                                    bucketOf[k] = Int32(bitPattern: (cell + 8_388_608).bitPattern & 0x7F_FFFF)
                                }
                                for k in 0..<n {
                                    let b = table[Int(bucketOf[k])]
                                    bucketOf[k] = b
                                    starts[Int(b) + 1] &+= 1
                                }
                                for b in 0..<buckets { starts[b + 1] &+= starts[b] }
                                for k in 0..<n {
                                    let b = Int(bucketOf[k])
                                    out[Int(starts[b])] = UInt64(bits[k]) << 32 | tie[k]
                                    starts[b] &+= 1
                                }
                                // Insertion sort, descending: only pairs within a bucket move (a key already
                                // in place costs one comparison).
                                var i = 1
                                while i < n {
                                    let v = out[i]
                                    if out[i - 1] < v {
                                        var j = i
                                        repeat {
                                            out[j] = out[j - 1]
                                            j -= 1
                                        } while j > 0 && out[j - 1] < v
                                        out[j] = v
                                    }
                                    i += 1
                                }
                                for r in 0..<n {
                                    let who = Int(truncatingIfNeeded: low - (out[r] & low))
                                    counts[who &* n &+ r] &+= 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return counts
    }
}
