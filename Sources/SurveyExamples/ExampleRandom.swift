/// The seeded generator behind `caresurvey example`: SplitMix64 (Steele, Lea & Flood 2014), chosen
/// because it is tiny, fast, passes BigCrush, and gives the same stream on every platform.
/// Never the system generator: the same seed must give byte-identical files.
///
/// Normal deviates use the Irwin–Hall sum of 12 uniforms minus 6 (mean 0, variance 1, range ±6):
/// only additions, so the stream of answers is identical on every platform and libm, which a
/// Box–Muller transform (log, cos) cannot promise.
struct ExampleRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one independent stream, derived from a seed and stream labels
    /// (survey, council index, purpose) by mixing, so streams do not depend on the order of work.
    init(seed: UInt64, stream: UInt64...) {
        var mixed = ExampleRandom.mix(seed ^ 0x5CA1_AB1E_0DDB_A11)
        for label in stream { mixed = ExampleRandom.mix(mixed ^ ExampleRandom.mix(label &+ 0x9E37_79B9_7F4A_7C15)) }
        state = mixed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return ExampleRandom.mix(state)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// Approximately standard normal (Irwin–Hall, n = 12).
    mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += uniform() }
        return sum - 6
    }

    /// A whole number in `range`, uniformly.
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// An index drawn with probability proportional to `weights` (all zero → uniform).
    mutating func index(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0 else { return integer(in: 0...(weights.count - 1)) }
        var target = uniform() * total
        for (i, w) in weights.enumerated() {
            target -= w
            if target < 0 { return i }
        }
        return weights.lastIndex { $0 > 0 } ?? weights.count - 1
    }

    /// Fisher–Yates shuffle.
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, integer(in: 0...i))
        }
    }
}
