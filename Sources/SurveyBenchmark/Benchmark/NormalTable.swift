import Foundation
import SurveyModel

/// The first `count` standard normals of `SplitMix64(seed:)`'s `normal()`, as Floats, computed in
/// parallel and equal to calling `normal()` `count` times. The polar method turns the generator's
/// numbers 2p and 2p + 1 into the pair (u, v), accepted when 0 < s = u² + v² < 1; each accepted pair
/// gives two normals, u·f then v·f with f = √(−2 ln s / s) (the second is `normal()`'s spare). So
/// normals 2a and 2a + 1 come from the a-th accepted pair: chunks of pairs are first counted (which
/// needs no logarithm), then each chunk writes its normals from the number accepted before it.
enum NormalTable {
    /// Pairs per chunk of work.
    static let chunkPairs = 1 << 15

    /// `count` normals, read as rows of `rowLength`; only the first `columns` of each row are
    /// computed (the others are never read and left 0 — their pairs still count, so the computed
    /// ones keep their values).
    static func generate(seed: UInt64, count: Int, rowLength: Int, columns: Int) -> [Float] {
        guard count > 0, rowLength > 0 else { return [] }
        let pairsNeeded = (count + 1) / 2
        // Accepted pairs per chunk, for as many chunks as it takes (π/4 of the pairs are accepted).
        var accepted: [Int] = []
        var have = 0
        while have < pairsNeeded {
            let more = max(2, Int(Double(pairsNeeded - have) / 0.78 / Double(chunkPairs)) + 1)
            let first = accepted.count
            let counts = ParallelResults<Int>(count: more)
            DispatchQueue.concurrentPerform(iterations: more) { c in
                var rng = SplitMix64(seed: seed, skipping: UInt64(2 * (first + c) * chunkPairs))
                var n = 0
                for _ in 0..<chunkPairs {
                    let u = rng.symmetricUniform(), v = rng.symmetricUniform()
                    let s = u * u + v * v
                    if s > 0, s < 1 { n += 1 }
                }
                counts.set(c, n)
            }
            for n in counts.values {
                accepted.append(n)
                have += n
            }
        }
        var before = [Int](repeating: 0, count: accepted.count)
        var chunks = 0
        var sum = 0
        while sum < pairsNeeded {
            before[chunks] = sum
            sum += accepted[chunks]
            chunks += 1
        }
        let offsets = before
        var z = [Float](repeating: 0, count: count)
        z.withUnsafeMutableBufferPointer { buffer in
            let out = SharedFloats(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var rng = SplitMix64(seed: seed, skipping: UInt64(2 * c * chunkPairs))
                var j = 2 * offsets[c]
                var column = j % rowLength  // of normal j
                for _ in 0..<chunkPairs {
                    guard j < count else { break }
                    let u = rng.symmetricUniform(), v = rng.symmetricUniform()
                    let s = u * u + v * v
                    guard s > 0, s < 1 else { continue }
                    let next = column + 1 == rowLength ? 0 : column + 1
                    let first = column < columns, second = j + 1 < count && next < columns
                    if first || second {
                        let f = (-2 * log(s) / s).squareRoot()
                        if first { out.base[j] = Float(u * f) }
                        if second { out.base[j + 1] = Float(v * f) }
                    }
                    j += 2
                    column = next + 1 == rowLength ? 0 : next + 1
                }
            }
        }
        return z
    }
}

/// The table being written by the workers: each writes its own chunk's normals only.
private struct SharedFloats: @unchecked Sendable {
    let base: UnsafeMutablePointer<Float>
}
