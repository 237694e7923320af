import Foundation

/// Asymptotic expansions of the incomplete beta ratio `I_x(a, b)` where the continued fractions of
/// `Beta` are ill conditioned or slow: a large `a` with a small `b` and `x` near 1 (they lose about
/// `log₁₀ a` digits; this is Student's t with many degrees of freedom, `a = ν/2`, `b = ½`), and
/// large `a` and `b` near the mean (they need O(√min(a, b)) steps).
///
/// Algorithms of DiDonato & Morris (1992), ACM TOMS 708:
/// - **BGRAT** — asymptotic expansion for `a ≥ 15`, `b ≤ 1` (Temme's expansion in incomplete gamma
///   functions): with `T = a + (b − 1)/2` and `z = −T·log x`,
///   `I_x(a, b) = Γ(a+b)/(Γ(a)·T^b) · Σₙ pₙ Jₙ(b, z)`, `J₀ = Γ(b)·eᶻ z^(−b) · Q(b, z)` and the
///   recurrences for `Jₙ`, `pₙ` of TOMS 708 §9;
/// - **BUP** — the upward recurrence `I_x(a, b + 1) = I_x(a, b) + x^a (1−x)^b / (b·B(a, b))`, which
///   reduces `b < 40` to `b₀ = b − ⌊b⌋ ∈ (0, 1]` by adding positive terms only;
/// - **BASYM** — Temme's asymptotic expansion for large a and b near the mean (see `basym`);
/// - `Q(b, z)` for `b ≤ 1`: the alternating series `γ(b, z) = z^b/b · (1 + J)` around `1/Γ(1 + b) − 1`
///   for `z < 1.1` (as GRAT1), Legendre's continued fraction (modified Lentz) otherwise.
enum BetaAsymptotic {
    /// `I_x(a, b)` by BUP + BGRAT, for `a ≥ 15`, `0 < b < 40`, `x > 0.7`; nil if the expansion fails
    /// (the caller then falls back to the continued fraction).
    static func lowerRatio(x: Double, y: Double, a: Double, b: Double) -> Double? {
        var b0 = b - b.rounded(.down)
        var n = Int(b.rounded(.down))
        if b0 == 0 {
            b0 = 1
            n -= 1
        }
        var w = 0.0
        if n > 0 {
            // Σ_{k<n} x^a y^(b0+k) / ((b0+k)·B(a, b0+k)); term ratio y·(a + b0 + k)/(b0 + k + 1).
            var term = exp(SpecialFunctions.logBetaPrefactor(a: a, b: b0, x: x, y: y)) / b0
            for k in 0..<n {
                w += term
                let c = b0 + Double(k)
                term *= y * (a + c) / (c + 1)
            }
        }
        guard let g = bgrat(a: a, b: b0, x: x, y: y, w: w) else { return nil }
        return g
    }

    /// BGRAT: returns `w + I_x(a, b)` for `a ≥ 15`, `0 < b ≤ 1`; nil when the expansion fails.
    static func bgrat(a: Double, b: Double, x: Double, y: Double, w: Double) -> Double? {
        let eps = 15 * Double.ulpOfOne
        let bm1 = b - 1
        let nu = a + 0.5 * bm1
        let lnx = y > 0.375 ? log(x) : log1p(-y)
        let z = -nu * lnx
        guard b * z > 0, z.isFinite else { return nil }
        // r = e^(−z) z^b / Γ(b);  u = r · Γ(a+b) / (Γ(a) · ν^b)
        let r = exp(b * log(z) - lgamma(b) + a * lnx + 0.5 * bm1 * lnx)
        let u = r * exp(SpecialFunctions.logGammaIncrement(a, by: b) - b * log(nu))
        guard u > 0, u.isFinite, r > 0 else { return nil }
        let q = gammaQ(b, z, scaledBy: r)   // Q(b, z) / r
        let v = 0.25 / (nu * nu)
        let t2 = 0.25 * lnx * lnx
        let l = w / u
        var j = q
        var sum = j
        var t = 1.0
        var cn = 1.0
        var n2 = 0.0
        var c = [Double](repeating: 0, count: 31)
        var d = [Double](repeating: 0, count: 31)
        for n in 1...30 {
            let bp2n = b + n2
            j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v
            n2 += 2
            t *= t2
            cn /= n2 * (n2 + 1)
            c[n] = cn
            var s = 0.0
            if n > 1 {
                var coef = b - Double(n)
                for i in 1..<n {
                    s += coef * c[i] * d[n - i]
                    coef += b
                }
            }
            d[n] = bm1 * cn + s / Double(n)
            let dj = d[n] * j
            sum += dj
            guard sum > 0 else { return nil }
            if abs(dj) <= eps * (sum + l) { break }
        }
        return w + u * sum
    }

    /// BASYM: `I_x(a, b)` for large `a, b ≥ 15` near the mean, `0 ≤ λ = (a + b)y − b ≤ 0.03·min(a, b)`,
    /// where the continued fractions need O(√min(a, b)) steps. Temme's expansion as in TOMS 708:
    /// with `f = a·ρ(−λ/a) + b·ρ(λ/b)`, `ρ(u) = u − log(1 + u)`,
    /// `I_x = (2/√π)·e^(−f)·e^(−(δ(a) + δ(b) − δ(a+b)))·Σ dₙ wⁿ Jₙ`, `J₀ = (√π/4)·e^f·erfc(√f)`.
    static func basym(a: Double, b: Double, lambda: Double) -> Double {
        let eps = 100 * Double.ulpOfOne
        let e0 = 1.1283791670955126          // 2/√π
        let e1 = 0.35355339059327373         // 2^(−3/2)
        let h: Double, r0: Double, r1: Double, w0: Double
        if a < b {
            h = a / b
            r0 = 1 / (1 + h)
            r1 = (b - a) / b
            w0 = 1 / (a * (1 + h)).squareRoot()
        } else {
            h = b / a
            r0 = 1 / (1 + h)
            r1 = (b - a) / a
            w0 = 1 / (b * (1 + h)).squareRoot()
        }
        let f = a * SpecialFunctions.logOnePlusRemainder(-lambda / a)
            + b * SpecialFunctions.logOnePlusRemainder(lambda / b)
        let t = exp(-f)
        if t == 0 { return 0 }
        let z0 = f.squareRoot()
        let z = 0.5 * (z0 / e1)
        let z2 = f + f
        let num = 20
        var a0 = [Double](repeating: 0, count: num + 2)
        var b0 = [Double](repeating: 0, count: num + 2)
        var c = [Double](repeating: 0, count: num + 2)
        var d = [Double](repeating: 0, count: num + 2)
        a0[1] = (2.0 / 3.0) * r1
        c[1] = -0.5 * a0[1]
        d[1] = -c[1]
        var j0 = (0.5 / e0) * scaledErfc(z0)
        var j1 = e1
        var sum = j0 + d[1] * w0 * j1
        var s = 1.0
        let h2 = h * h
        var hn = 1.0
        var w = w0
        var znm1 = z
        var zn = z2
        for n in stride(from: 2, through: num, by: 2) {
            hn *= h2
            a0[n] = 2 * r0 * (1 + h * hn) / (Double(n) + 2)
            let np1 = n + 1
            s += hn
            a0[np1] = 2 * r1 * s / (Double(n) + 3)
            for i in n...np1 {
                let r = -0.5 * (Double(i) + 1)
                b0[1] = r * a0[1]
                if i >= 2 {
                    for m in 2...i {
                        var bsum = 0.0
                        for j in 1..<m { bsum += (Double(j) * r - Double(m - j)) * a0[j] * b0[m - j] }
                        b0[m] = r * a0[m] + bsum / Double(m)
                    }
                }
                c[i] = b0[i] / (Double(i) + 1)
                var dsum = 0.0
                for j in 1..<i { dsum += d[i - j] * c[j] }
                d[i] = -(dsum + c[i])
            }
            j0 = e1 * znm1 + (Double(n) - 1) * j0
            j1 = e1 * zn + Double(n) * j1
            znm1 *= z2
            zn *= z2
            w *= w0
            let t0 = d[n] * w * j0
            w *= w0
            let t1 = d[np1] * w * j1
            sum += t0 + t1
            if abs(t0) + abs(t1) <= eps * sum { break }
        }
        let correction = SpecialFunctions.stirlingRemainder(a) + SpecialFunctions.stirlingRemainder(b)
            - SpecialFunctions.stirlingRemainder(a + b)
        return e0 * t * exp(-correction) * sum
    }

    /// `e^(z²)·erfc(z)` for `z ≥ 0`: direct below 2, else Laplace's continued fraction
    /// `1/√π · 1/(z + ½/(z + 1/(z + (3/2)/(z + …))))` (modified Lentz).
    static func scaledErfc(_ z: Double) -> Double {
        if z < 2 { return exp(z * z) * erfc(z) }
        let tiny = 1e-300
        var f = z
        var c = z
        var d = 0.0
        var k = 1.0
        while k < 5000 {
            let an = k / 2
            d = z + an * d
            if abs(d) < tiny { d = tiny }
            c = z + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = c * d
            f *= delta
            if abs(delta - 1) <= 1e-16 { break }
            k += 1
        }
        return 1 / (f * 1.7724538509055159)   // √π
    }

    /// `Q(b, z) / r` for `0 < b ≤ 1`, `z > 0`, where `r = e^(−z) z^b / Γ(b)` is supplied by the caller.
    static func gammaQ(_ b: Double, _ z: Double, scaledBy r: Double) -> Double {
        if z < 1.1 {
            // P = z^b (1 + J) / Γ(1+b),  J = b Σ_{n≥1} (−z)^n / (n! (b+n)).
            var term = 1.0
            var sum = 0.0
            var n = 1.0
            while n < 200 {
                term *= -z / n
                let add = term / (b + n)
                sum += add
                if abs(add) <= 1e-17 * abs(sum) { break }
                n += 1
            }
            let jj = b * sum
            let g = reciprocalGammaOnePlusMinusOne(b)
            let l = expm1(b * log(z))
            let q = -(l + (1 + l) * (jj + g + jj * g))
            return q / r
        }
        // Legendre: Γ(b, z) = e^(−z) z^b · 1/(z+1−b− 1(1−b)/(z+3−b− 2(2−b)/(z+5−b− …))), so Q/r = CF.
        let tiny = 1e-300
        var bb = z + 1 - b
        var cc = 1 / tiny
        var dd = 1 / bb
        var h = dd
        var i = 1.0
        while i < 10_000 {
            let an = -i * (i - b)
            bb += 2
            dd = an * dd + bb
            if abs(dd) < tiny { dd = tiny }
            cc = bb + an / cc
            if abs(cc) < tiny { cc = tiny }
            dd = 1 / dd
            let delta = dd * cc
            h *= delta
            if abs(delta - 1) <= 1e-16 { break }
            i += 1
        }
        return h
    }

    /// `1/Γ(1 + x) − 1` for `0 ≤ x ≤ 1` without cancellation, from A&S 6.1.33:
    /// `log Γ(1+x) = −log(1+x) + x(1 − γ) + Σ_{n≥2} (−1)ⁿ (ζ(n) − 1) xⁿ / n`.
    static func reciprocalGammaOnePlusMinusOne(_ x: Double) -> Double {
        let eulerGamma = 0.577_215_664_901_532_860_6
        var sum = 0.0
        var power = x
        for n in 2..<zetaMinusOne.count {
            power *= -x
            let add = zetaMinusOne[n] * power / Double(n)
            sum += add
            if abs(add) <= 1e-18 * max(abs(sum), 1e-300) { break }
        }
        let logGamma = -log1p(x) + x * (1 - eulerGamma) + sum
        return expm1(-logGamma)
    }

    /// `ζ(n) − 1` for n = 0…63 (entries 0 and 1 unused): constants for n ≤ 10, direct sums above.
    static let zetaMinusOne: [Double] = {
        var table = [Double](repeating: 0, count: 64)
        let known = [
            0.644_934_066_848_226_436_47, 0.202_056_903_159_594_285_4,
            0.082_323_233_711_138_191_516, 0.036_927_755_143_369_926_331,
            0.017_343_061_984_449_139_715, 0.008_349_277_381_922_826_839_8,
            0.004_077_356_197_944_339_378_7, 0.002_008_392_826_082_214_417_9,
            0.000_994_575_127_818_085_337_15,
        ]
        for (i, v) in known.enumerated() { table[i + 2] = v }
        for n in 11..<64 {
            var s = 0.0
            for k in stride(from: 60, through: 2, by: -1) { s += pow(Double(k), -Double(n)) }
            table[n] = s
        }
        return table
    }()
}
