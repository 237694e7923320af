import Foundation
import SurveyEstimation

/// Intervals for measures that are not from a survey, from the published numerator O and
/// denominator n (benchmarking.md §4).
public enum CountIntervals {
    /// Wilson score interval for the proportion O/n:
    /// `(2O + z² ± z√(z² + 4O(1 − O/n))) / (2(n + z²))`. nil unless 0 ≤ O ≤ n, n > 0.
    public static func wilson(numerator o: Double, denominator n: Double, z: Double) -> (lower: Double, upper: Double)? {
        guard n > 0, o >= 0, o <= n else { return nil }
        let root = z * (z * z + 4 * o * (1 - o / n)).squareRoot()
        let d = 2 * (n + z * z)
        return ((2 * o + z * z - root) / d, (2 * o + z * z + root) / d)
    }

    /// Limits for a rate per 100,000 from a count O in a population n: Byar's approximation
    /// `O(1 − 1/(9O) − z/(3√O))³` and `(O + 1)(1 − 1/(9(O + 1)) + z/(3√(O + 1)))³`, times 100,000/n;
    /// for O < 10 the exact Poisson limits (the means whose P(X ≥ O) and P(X ≤ O) are α/2), found by
    /// bisection on the Poisson distribution. O = 0 has lower limit 0.
    public static func rate(count o: Double, population n: Double, z: Double) -> (lower: Double, upper: Double)? {
        guard n > 0, o >= 0, o == o.rounded() else { return nil }
        let scale = 100_000 / n
        if o < 10 {
            let alpha = 2 * Normal.survival(z)
            let k = Int(o)
            // Lower: P(X ≥ k | μ) = α/2, i.e. P(X ≤ k − 1 | μ) = 1 − α/2; upper: P(X ≤ k | μ) = α/2.
            let lower = k == 0 ? 0 : solve { 1 - poissonCDF(k - 1, $0) - alpha / 2 }
            let upper = solve { alpha / 2 - poissonCDF(k, $0) }
            return (lower * scale, upper * scale)
        }
        let lower = o * pow3(1 - 1 / (9 * o) - z / (3 * o.squareRoot()))
        let o1 = o + 1
        let upper = o1 * pow3(1 - 1 / (9 * o1) + z / (3 * o1.squareRoot()))
        return (lower * scale, upper * scale)
    }

    static func pow3(_ x: Double) -> Double { x * x * x }

    /// P(X ≤ k) for X ~ Poisson(μ).
    static func poissonCDF(_ k: Int, _ mu: Double) -> Double {
        var term = exp(-mu)
        var sum = term
        if k > 0 { for i in 1...k { term *= mu / Double(i); sum += term } }
        return sum
    }

    /// The root in (0, 100) of an increasing function, by bisection.
    static func solve(_ f: (Double) -> Double) -> Double {
        var lo = 0.0, hi = 100.0
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if f(mid) < 0 { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
