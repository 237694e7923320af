/// Cumulative thresholds on the standard normal scale for an ordinal answer: the answer is the
/// number of thresholds below the latent value, so shares are met exactly when the latent is N(0,1).
struct OrdinalScale: Sendable {
    /// Codes in scale order (best first).
    var codes: [Int]
    var thresholds: [Double]

    init(codes: [Int], shares: [Double], quantile: (Double) -> Double) {
        self.codes = codes
        let total = shares.reduce(0, +)
        var cumulative = 0.0
        var cuts: [Double] = []
        for share in shares.dropLast() {
            cumulative += total > 0 ? share / total : 1 / Double(shares.count)
            cuts.append(cumulative >= 1 ? .infinity : (cumulative <= 0 ? -.infinity : quantile(cumulative)))
        }
        thresholds = cuts
    }

    func code(latent: Double) -> Int {
        var index = 0
        while index < thresholds.count, latent >= thresholds[index] { index += 1 }
        return codes[index]
    }
}
