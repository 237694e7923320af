import Foundation

/// Shared building blocks for the distribution functions: the Stirling-series remainder of
/// log Γ, the function `u − log(1 + u)`, and the logarithm of the incomplete-beta prefactor
/// `x^a · y^b / B(a, b)` evaluated without the cancellation that the naive
/// `a·log x + b·log y + lgamma(a + b) − lgamma(a) − lgamma(b)` suffers when a or b is large.
///
/// References:
/// - A. R. DiDonato and A. H. Morris (1992), "Algorithm 708: Significant digit computation of
///   the incomplete beta function ratios", ACM TOMS 18(3), 360–373 (functions BRCOMP, RLOG1).
/// - Abramowitz & Stegun (1964) 6.1.41 (Stirling series).
enum SpecialFunctions {
    /// `½ · log(2π)`.
    static let halfLogTwoPi = 0.918_938_533_204_672_741_780_329_736_4

    /// Arguments at or above this use the Stirling series for log Γ.
    static let stirlingThreshold = 10.0

    /// Stirling remainder `δ(z) = log Γ(z) − [(z − ½)·log z − z + ½·log 2π]` for `z ≥ 10`.
    ///
    /// Series `Σ B₂ₖ / (2k(2k − 1) z^(2k−1))`, k = 1…8 (A&S 6.1.41); the first omitted term is
    /// below 2·10⁻¹⁸ at z = 10.
    static func stirlingRemainder(_ z: Double) -> Double {
        let w = 1 / (z * z)
        var s = -3617.0 / 122_400.0
        s = s * w + 1.0 / 156.0
        s = s * w - 691.0 / 360_360.0
        s = s * w + 1.0 / 1188.0
        s = s * w - 1.0 / 1680.0
        s = s * w + 1.0 / 1260.0
        s = s * w - 1.0 / 360.0
        s = s * w + 1.0 / 12.0
        return s / z
    }

    /// `log Γ(z)`; Stirling series for `z ≥ 10`, otherwise Foundation's `lgamma`.
    static func logGamma(_ z: Double) -> Double {
        if z >= stirlingThreshold {
            return (z - 0.5) * log(z) - z + halfLogTwoPi + stirlingRemainder(z)
        }
        return lgamma(z)
    }

    /// `log Γ(g + e) − log Γ(g)` for `g ≥ 10`, `e ≥ 0`, without cancellation:
    /// `(g − ½)·log1p(e/g) + e·log(g + e) − e + δ(g + e) − δ(g)`.
    static func logGammaIncrement(_ g: Double, by e: Double) -> Double {
        (g - 0.5) * log1p(e / g) + e * log(g + e) - e
            + stirlingRemainder(g + e) - stirlingRemainder(g)
    }

    /// `u − log(1 + u)` for `u > −1`, accurate also for small `|u|`.
    ///
    /// With `r = u/(2 + u)`, `log(1 + u) = 2·atanh r`, so `u − log(1 + u) = u·r − 2(r³/3 + r⁵/5 + …)`
    /// (no cancellation for `|u| ≤ ½`, where `|r| ≤ ⅓`).
    static func logOnePlusRemainder(_ u: Double) -> Double {
        guard abs(u) <= 0.5 else { return u - log1p(u) }
        let r = u / (2 + u)
        let r2 = r * r
        var term = r2 * r
        var sum = 0.0
        var k = 3.0
        while true {
            let add = term / k
            sum += add
            if abs(add) <= 1e-17 * abs(sum) { break }
            term *= r2
            k += 2
        }
        return u * r - 2 * sum
    }

    /// `log(x^a · y^b / B(a, b))` with `y = 1 − x` supplied separately (both > 0, a, b > 0).
    ///
    /// - both a, b ≥ 10 (BRCOMP): with `s = a + b` and `d = x·b − y·a`,
    ///   `−a·ρ(d/a) − b·ρ(−d/b) + ½·log(ab/s) − ½·log 2π + δ(s) − δ(a) − δ(b)`, ρ(u) = u − log(1+u)
    ///   (a term with |d/a| or |d/b| > ½ is formed as `a·log(x·s/a) − d`, resp. `b·log(y·s/b) + d`);
    /// - one of them ≥ 10: `a·log x + b·log y + [log Γ(big + small) − log Γ(big)] − log Γ(small)`;
    /// - both small: `a·log x + b·log y − lgamma(a) − lgamma(b) + lgamma(a + b)`.
    static func logBetaPrefactor(a: Double, b: Double, x: Double, y: Double) -> Double {
        let small = min(a, b)
        let big = max(a, b)
        if small >= stirlingThreshold {
            let s = a + b
            let d = x * b - y * a
            let u = d / a
            let v = -d / b
            // a·log(x/x₀) + b·log(y/y₀) with x₀ = a/s, y₀ = b/s equals −a·ρ(u) − b·ρ(v) because
            // a·u + b·v = 0. Far from the mode (|u| > ½) the term is formed from log x instead,
            // since 1 + u = x·s/a loses relative accuracy when formed from d.
            let logX = y < 0.5 ? log1p(-y) : log(x)
            let logY = x < 0.5 ? log1p(-x) : log(y)
            let termA = abs(u) <= 0.5
                ? -a * logOnePlusRemainder(u) : a * (logX + log1p(b / a)) - d
            let termB = abs(v) <= 0.5
                ? -b * logOnePlusRemainder(v) : b * (logY + log1p(a / b)) + d
            let core = termA + termB
            return core + 0.5 * log(a / s * b) - halfLogTwoPi
                + stirlingRemainder(s) - stirlingRemainder(a) - stirlingRemainder(b)
        }
        let logX = y < 0.5 ? log1p(-y) : log(x)
        let logY = x < 0.5 ? log1p(-x) : log(y)
        let powers = a * logX + b * logY
        if big >= stirlingThreshold {
            return powers + logGammaIncrement(big, by: small) - lgamma(small)
        }
        return powers - lgamma(a) - lgamma(b) + lgamma(a + b)
    }
}
