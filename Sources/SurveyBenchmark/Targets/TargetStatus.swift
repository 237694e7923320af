import SurveyModel

/// A measure's status against its target (benchmarking.md §6, the cabinet scorecard).
///
/// With the shortfall `s = target − estimate` (higher-is-better) or `s = estimate − target`
/// (lower-is-better):
/// - GREEN when `s ≤ 0` (meets the target; exactly on it is GREEN);
/// - AMBER when `0 < s ≤ amber` (short by no more than the tolerance; exactly on the edge is AMBER);
/// - RED otherwise (and whenever there is no amber band and `s > 0`).
///
/// Comparisons allow a rounding slack of 1e-9 × max(1, |target|) so that values typed in a file
/// (0.75 against 0.8 − 0.05) land on the side they were meant to. `clear` says whether the gap is
/// statistically clear: the target lies outside the 95% interval (nil without an interval), so a
/// RED within the margin of error is told apart from a RED outside it.
public struct TargetStatus: Sendable, Hashable {
    public enum RAG: String, Sendable, Hashable { case red, amber, green }

    public var target: Target
    public var rag: RAG
    /// The shortfall `s` in the measure's unit (negative = better than the target).
    public var shortfall: Double
    public var clear: Bool?

    public init(target: Target, rag: RAG, shortfall: Double, clear: Bool?) {
        self.target = target
        self.rag = rag
        self.shortfall = shortfall
        self.clear = clear
    }

    /// The status of an estimate with its 95% interval (if any).
    public static func evaluate(estimate: Double, lower: Double?, upper: Double?, target: Target,
                                polarity: Measure.Polarity) -> TargetStatus {
        let shortfall = polarity == .higherIsBetter ? target.value - estimate : estimate - target.value
        let slack = 1e-9 * max(1, abs(target.value))
        let rag: RAG
        if shortfall <= slack {
            rag = .green
        } else if let amber = target.amber, amber > 0, shortfall <= amber + slack {
            rag = .amber
        } else {
            rag = .red
        }
        var clear: Bool?
        if let lower, let upper { clear = target.value < lower || target.value > upper }
        return TargetStatus(target: target, rag: rag, shortfall: shortfall, clear: clear)
    }
}
