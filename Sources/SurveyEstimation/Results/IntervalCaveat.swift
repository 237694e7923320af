/// A caveat on an interval that looks more certain than it is (#18 item 6): an interval of zero
/// width (every respondent of the base gave the same answer, or each cell is a census or holds one
/// respondent, so the design variance is 0), or one from a very small base (fewer than
/// `smallBase` respondents, e.g. a domain with n = 3). Published with the result in every output;
/// a suppressed result has none. The texts hold no comma (they go in one CSV cell).
public enum IntervalCaveat {
    /// Bases of fewer respondents than this get a caveat.
    public static let smallBase = 10

    /// The caveat for an estimate and its interval, nil when there is none.
    public static func caveat(for estimate: Estimate, lower: Double?, upper: Double?) -> String? {
        var parts: [String] = []
        if let lower, let upper, upper - lower <= 1e-12 * max(1, abs(estimate.estimate)) {
            parts.append("zero-width interval: it does not show the uncertainty of the estimate "
                + "(every respondent gave the same answer or each cell is a census or has one respondent)")
        }
        if estimate.respondents < smallBase {
            parts.append("very small base (n = \(estimate.respondents); fewer than \(smallBase)): treat the estimate and its interval with great caution")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
