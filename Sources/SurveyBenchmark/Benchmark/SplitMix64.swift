import Foundation

/// A small deterministic random number generator (SplitMix64, Steele, Lea & Flood 2014) with
/// standard normal draws by the polar Box–Muller method (Marsaglia). Same seed, same numbers, on
/// every platform: the rank intervals are reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    private var spare: Double?

    public init(seed: UInt64) { state = seed }

    /// The generator of `seed` after `count` numbers of its sequence (the state only ever advances
    /// by the same constant, so any point of the sequence is reached directly).
    public init(seed: UInt64, skipping count: UInt64) { state = seed &+ count &* Self.gamma }

    static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    public mutating func next() -> UInt64 {
        state &+= Self.gamma
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on (−1, 1) from the top 53 bits.
    mutating func symmetricUniform() -> Double { Double(next() >> 11) * 0x1p-52 - 1 }

    /// A standard normal draw.
    public mutating func normal() -> Double {
        if let s = spare { spare = nil; return s }
        while true {
            let u = symmetricUniform(), v = symmetricUniform()
            let s = u * u + v * v
            if s > 0, s < 1 {
                let f = (-2 * log(s) / s).squareRoot()
                spare = v * f
                return u * f
            }
        }
    }
}
