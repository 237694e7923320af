import Foundation
import SurveyModel
import SurveyBenchmark

/// A published figure as a point of a series, with its uncertainty (benchmarking.md §3, §4):
/// - a margin of error: SE = MoE/1.96 and the interval estimate ± MoE (`published-moe`);
/// - else a survey proportion with a base b: SE ≈ √(p(1 − p)/b) (`approximate`);
/// - else a measure not from a survey with numerator O and denominator n: a proportion keeps its counts
///   (the chi-squared test for trend uses them) with the Wilson score interval
///   `(2O + z² ± z√(z² + 4O(1 − O/n))) / (2(n + z²))`; a rate per 100,000 gets Byar's limits on O,
///   `O(1 − 1/(9O) − z/(3√O))³` and `(O + 1)(1 − 1/(9(O + 1)) + z/(3√(O + 1)))³`, times 100,000/n, for O ≥ 10
///   (no interval below 10); SE = (U − L)/3.92 (`computed`);
/// - else no uncertainty (`none`): shown, never tested.
enum PublishedPoint {
    static let z = 1.959964

    static func make(_ f: PublishedFigure, measure: AscofMeasure) -> TrendPoint {
        var p = TrendPoint(year: f.year, estimate: f.outcome?.number, respondents: f.base?.number.map { Int($0.rounded()) },
                           numerator: f.numerator?.number, denominator: f.denominator?.number,
                           marker: f.outcome?.marker?.rawValue ?? (f.outcome == nil ? MissingMarker.blank.rawValue : nil),
                           source: f.origin, seSource: "none")
        guard let estimate = p.estimate else { return p }
        if let moe = f.marginOfError?.number, moe > 0 {
            p.standardError = moe / 1.96
            p.lower = estimate - moe
            p.upper = estimate + moe
            p.seSource = "published-moe"
        } else if measure.source == .survey, measure.unit == .percent, let b = p.respondents, b > 0 {
            p.standardError = (estimate * (1 - estimate) / Double(b)).squareRoot()
            p.seSource = "approximate"
        } else if measure.source == .other, let o = p.numerator, let n = p.denominator, n > 0, o >= 0 {
            switch measure.unit {
            case .percent where o <= n:
                let root = z * (z * z + 4 * o * (1 - o / n)).squareRoot()
                p.lower = (2 * o + z * z - root) / (2 * (n + z * z))
                p.upper = (2 * o + z * z + root) / (2 * (n + z * z))
            case .ratePer100000 where o >= 10:
                let lo = o * pow(1 - 1 / (9 * o) - z / (3 * o.squareRoot()), 3)
                let hi = (o + 1) * pow(1 - 1 / (9 * (o + 1)) + z / (3 * (o + 1).squareRoot()), 3)
                p.lower = lo * 100_000 / n
                p.upper = hi * 100_000 / n
            default:
                return p
            }
            p.seSource = "computed"
        } else {
            return p
        }
        return p
    }
}
