import Foundation

/// Student's t distribution with `ν > 0` degrees of freedom (any real ν, including very large ν).
///
/// **CDF.** With `x = ν/(ν + t²)` and `y = t²/(ν + t²)` (both formed without cancellation),
/// `P(T > |t|) = ½·I_x(ν/2, ½)` and `P(0 < T < |t|) = ½·I_y(½, ν/2)`, so
/// `F(t) = ½·I_x(ν/2, ½)` for `t < 0` and `½ + ½·I_y(½, ν/2)` for `t > 0`
/// (Abramowitz & Stegun 26.7.1, 26.5.27). The incomplete beta ratios come from `Beta.ratios`
/// (continued fraction; for large ν the TOMS 708 BGRAT expansion), each tail with full relative
/// accuracy; ν = ∞ (or ν > 10²⁵) is the normal distribution.
///
/// **Quantile.** ν = 1 and ν = 2 in closed form (`cot(π q)`, `(1 − 2q)/√(2q(1 − q))`); otherwise
/// Hill's approximation (G. W. Hill 1970, "Algorithm 396: Student's t-quantiles", CACM 13(10),
/// 619–620, as used by R's `qt`) as the start for Halley's method on the tail (or, near the
/// centre, on the exactly representable `½ − q`), safeguarded by a bracket that is bisected
/// (geometrically for wide brackets) whenever a step leaves it. Converged to ~1e-15 relative.
public enum StudentT {
    /// `F(t) = P(T ≤ t)`. NaN for NaN inputs or `ν ≤ 0`.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard !t.isNaN, !nu.isNaN, nu > 0 else { return .nan }
        if nu.isInfinite || nu > 1e25 { return Normal.cdf(t) }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        if t == 0 { return 0.5 }
        let s = split(abs(t), nu)
        return t < 0 ? s.tail : 0.5 + s.centre
    }

    /// Upper tail `1 − F(t) = P(T > t)`, accurate when small.
    public static func survival(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        cdf(-t, degreesOfFreedom: nu)
    }

    /// Density `Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2)`.
    public static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard !t.isNaN, !nu.isNaN, nu > 0 else { return .nan }
        if nu.isInfinite || nu > 1e25 { return Normal.density(t) }
        if t.isInfinite { return 0 }
        let half = nu / 2
        let logGammaRatio = half >= SpecialFunctions.stirlingThreshold
            ? SpecialFunctions.logGammaIncrement(half, by: 0.5)
            : lgamma(half + 0.5) - lgamma(half)
        let logC = logGammaRatio - 0.5 * log(nu) - 0.5723649429247001  // − ½·log π
        let at = abs(t)
        let logKernel = at > 1e150
            ? 2 * log(at) - log(nu)
            : log1p(at / nu * at)
        return exp(logC - (nu + 1) / 2 * logKernel)
    }

    /// `F⁻¹(p)`. −∞ at 0, +∞ at 1, NaN for `p ∉ [0, 1]` or `ν ≤ 0`.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        guard p >= 0, p <= 1, !nu.isNaN, nu > 0 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if nu.isInfinite || nu > 1e25 { return Normal.quantile(p) }
        let q = p < 0.5 ? p : 1 - p          // upper-tail probability of |t|; exact for p ≥ ½
        let magnitude = upperQuantile(q, nu)
        return p < 0.5 ? -magnitude : magnitude
    }

    // MARK: - Internals

    /// `(P(T > t), P(0 < T < t))` for `t > 0`.
    static func split(_ t: Double, _ nu: Double) -> (tail: Double, centre: Double) {
        let x: Double
        let y: Double
        if t > 1 {
            let r = nu / t / t                 // ν/t², no overflow
            x = r / (1 + r)
            y = 1 / (1 + r)
        } else {
            let s = t * t / nu
            x = 1 / (1 + s)
            y = s / (1 + s)
        }
        if y == 0 { return (0.5, 0) }
        if x == 0 { return (0, 0.5) }
        let r = Beta.ratios(x: x, y: y, a: nu / 2, b: 0.5)
        return (0.5 * r.lower, 0.5 * r.upper)
    }

    /// The `t > 0` with `P(T > t) = q`, `0 < q < ½`.
    static func upperQuantile(_ q: Double, _ nu: Double) -> Double {
        if nu == 1 { return q < 0.25 ? 1 / tan(Double.pi * q) : tan(Double.pi * (0.5 - q)) }
        if nu == 2 { return (1 - 2 * q) / (2 * q * (1 - q)).squareRoot() }
        let useCentre = q > 0.25
        let centreTarget = 0.5 - q            // exact for q > ¼
        var lo = 0.0
        var hi = Double.infinity
        var t = nu >= 1 ? hillStart(q, nu) : 1
        if !(t > 0 && t.isFinite) { t = 1 }
        for _ in 0..<500 {
            let s = split(t, nu)
            // f increasing in t in both formulations.
            let f = useCentre ? s.centre - centreTarget : q - s.tail
            if f == 0 { return t }
            if f < 0 { lo = t } else { hi = t }
            var next = Double.nan
            let pdf = density(t, degreesOfFreedom: nu)
            if pdf > 0 && pdf.isFinite {
                let newton = f / pdf
                let denominator = 1 + 0.5 * newton * (nu + 1) * t / (nu + t * t)  // Halley
                let step = (denominator > 0.5 && denominator < 1.5) ? newton / denominator : newton
                next = t - step
            }
            if !(next > lo && next < hi) {
                if hi.isInfinite {
                    next = 2 * max(t, lo, 1)
                } else if lo > 0 && hi > 4 * lo {
                    next = (lo * hi).squareRoot()
                } else {
                    next = lo + (hi - lo) / 2
                }
            }
            if abs(next - t) <= 1e-15 * next || next == t { return next }
            if hi - lo <= 4 * hi.ulp { return next }
            t = next
        }
        return t
    }

    /// Hill (1970) Algorithm 396 approximation to the upper-q quantile for ν ≥ 1.
    static func hillStart(_ q: Double, _ nu: Double) -> Double {
        let p2 = 2 * q                        // two-sided probability
        let a = 1 / (nu - 0.5)
        let b = 48 / (a * a)
        var c = ((20700 * a / b - 98) * a - 16) * a + 96.36
        let d = ((94.5 / (b + c) - 3) / b + 1) * (a * Double.pi / 2).squareRoot() * nu
        var y = pow(d * p2, 2 / nu)
        if y > 0.05 + a {
            let x = Normal.quantile(0.5 * p2)
            y = x * x
            if nu < 5 { c += 0.3 * (nu - 4.5) * (x + 0.6) }
            c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c
            y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x
            y = expm1(a * y * y)
        } else {
            y = ((1 / (((nu + 6) / (nu * y) - 0.089 * d - 0.822) * (nu + 2) * 3)
                + 0.5 / (nu + 4)) * y - 1) * (nu + 1) / (nu + 2) + 1 / y
        }
        return (nu * y).squareRoot()
    }
}
