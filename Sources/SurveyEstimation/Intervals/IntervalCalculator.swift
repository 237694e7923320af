import Foundation

extension IntervalMethod {
    /// The confidence interval at `level` (default 0.95) for one estimate.
    ///
    /// With `α = 1 − level`, `p̂ = estimate`, `SE = standardError`, `df = degreesOfFreedom`,
    /// `n = respondents` and `n_eff = p̂(1 − p̂)/SE²`:
    /// - `wald`: `p̂ ± z·SE`, `z = 1.96` when `level == 0.95` (the published figures), else `Φ⁻¹(1 − α/2)`.
    /// - `wald-t`: `p̂ + t_{df}(α/2)·SE`, `p̂ + t_{df}(1 − α/2)·SE` (R `confint(…, df = degf)`).
    /// - `wilson`: `(p̂ + z²/(2n_eff) ± z·√(p̂(1−p̂)/n_eff + z²/(4n_eff²))) / (1 + z²/n_eff)`,
    ///   `z = Φ⁻¹(1 − α/2)` (exact quantile).
    /// - `logit`: `expit(logit p̂ ± t_{df}(1 − α/2)·SE/(p̂(1 − p̂)))`.
    /// - `korn-graubard`: `n* = n_eff·(t_{n−1}(α/2)/t_{df}(α/2))²`,
    ///   lower `= Beta⁻¹(α/2; n*p̂, n*(1−p̂) + 1)`, upper `= Beta⁻¹(1 − α/2; n*p̂ + 1, n*(1−p̂))`.
    ///
    /// Conventions (each reported in `note`):
    /// - a mean (`isProportion == false`) with `wilson`, `logit` or `korn-graubard` gets `wald`;
    /// - `logit` at `p̂ ∈ {0, 1}` is undefined and falls back to `korn-graubard`;
    /// - at `p̂ ∈ {0, 1}` (zero variance) `wilson` and `korn-graubard` take `n_eff = n` (design
    ///   effect 1), so Korn–Graubard becomes Clopper–Pearson with the df adjustment: for `p̂ = 0`,
    ///   `[0, Beta⁻¹(1 − α/2; 1, n*)]`; for `p̂ = 1`, `[Beta⁻¹(α/2; n*, 1), 1]`. (R's `svyciprop`
    ///   returns NaN there: `n_eff = 0/0`.)
    /// - `SE = 0` with `0 < p̂ < 1` (every cell fully enumerated): `n_eff = ∞` and every method's
    ///   interval collapses to `[p̂, p̂]`.
    /// - Wald-type intervals of a proportion are never clamped; leaving [0, 1] sets
    ///   `extendsOutsideUnitRange` and a note.
    ///
    /// - Throws: `IntervalError` for a level outside (0, 1), a negative or non-finite SE, a
    ///   non-finite estimate (or a proportion outside [0, 1] for the proportion methods), `df ≤ 0`
    ///   for a t-based method, fewer than 2 respondents for Korn–Graubard (it uses `t_{n−1}`), or
    ///   no respondents for Wilson at `p̂ ∈ {0, 1}`. A collapsed interval (`SE = 0`, `0 < p̂ < 1`)
    ///   needs neither.
    public func interval(for inputs: IntervalInputs, level: Double = 0.95) throws(IntervalError)
        -> Interval
    {
        guard level > 0, level < 1 else { throw .invalidLevel(level) }
        let se = inputs.standardError
        guard se.isFinite, se >= 0 else { throw .invalidStandardError(se) }
        let p = inputs.estimate
        guard p.isFinite else { throw .invalidEstimate(p) }

        var method = self
        var notes: [String] = []
        if !inputs.isProportion && !appliesToMeans {
            method = .wald
            notes.append("\(rawValue) applies to proportions only; the Wald interval is reported for this mean")
        }
        let boundary = inputs.isProportion && (p == 0 || p == 1)
        if method == .logit && boundary {
            method = .kornGraubard
            notes.append("logit is undefined at an estimate of \(p == 0 ? "0" : "1"); korn-graubard is reported")
        }
        if !(method == .wald || method == .waldT), !(0...1).contains(p) { throw .invalidEstimate(p) }
        if method.usesDegreesOfFreedom {
            guard inputs.degreesOfFreedom > 0 else { throw .insufficientDegreesOfFreedom(inputs.degreesOfFreedom) }
        }

        let alpha = 1 - level
        let collapsed = se == 0 && !boundary
        if collapsed && inputs.isProportion && method != .wald && method != .waldT {
            notes.append("standard error is 0 (no sampling variance); the interval collapses to the estimate")
        }
        var bounds: (lower: Double, upper: Double)
        switch method {
        case .wald:
            let z = CriticalValue.z(level: level)
            bounds = (p - z * se, p + z * se)
        case .waldT:
            let a = alpha / 2
            let df = inputs.degreesOfFreedom
            bounds = (p + StudentT.quantile(a, degreesOfFreedom: df) * se,
                      p + StudentT.quantile(1 - a, degreesOfFreedom: df) * se)
        case .logit:
            if collapsed {
                bounds = (p, p)
            } else {
                let t = CriticalValue.t(level: level, degreesOfFreedom: inputs.degreesOfFreedom)
                let centre = log(p / (1 - p))
                let halfWidth = t * se / (p * (1 - p))
                bounds = (expit(centre - halfWidth), expit(centre + halfWidth))
            }
        case .wilson:
            if collapsed {
                bounds = (p, p)
            } else {
                let nEff = try effectiveSize(p: p, se: se, inputs: inputs, boundary: boundary, notes: &notes)
                let z = CriticalValue.exactZ(level: level)
                let z2n = z * z / nEff
                let centre = (p + z2n / 2) / (1 + z2n)
                let halfWidth = z * (p * (1 - p) / nEff + z2n / (4 * nEff)).squareRoot() / (1 + z2n)
                bounds = (p == 0 ? 0 : centre - halfWidth, p == 1 ? 1 : centre + halfWidth)
            }
        case .kornGraubard:
            if collapsed {
                bounds = (p, p)
            } else {
                guard inputs.respondents >= 2 else { throw .insufficientRespondents(inputs.respondents) }
                let nEff = try effectiveSize(p: p, se: se, inputs: inputs, boundary: boundary, notes: &notes)
                let ratio = StudentT.quantile(alpha / 2, degreesOfFreedom: Double(inputs.respondents - 1))
                    / StudentT.quantile(alpha / 2, degreesOfFreedom: inputs.degreesOfFreedom)
                let nStar = nEff * ratio * ratio
                bounds = (Beta.quantile(alpha / 2, a: nStar * p, b: nStar * (1 - p) + 1),
                          Beta.quantile(1 - alpha / 2, a: nStar * p + 1, b: nStar * (1 - p)))
            }
        }

        let outside = inputs.isProportion && (bounds.lower < 0 || bounds.upper > 1)
        if outside { notes.append("the interval extends outside [0, 1]; it is reported unclamped") }
        return Interval(lower: bounds.lower, upper: bounds.upper, method: method, requestedMethod: self,
                        level: level, extendsOutsideUnitRange: outside,
                        note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// `n_eff = p̂(1 − p̂)/SE²`, or the respondent count at `p̂ ∈ {0, 1}` (with a note).
    private func effectiveSize(p: Double, se: Double, inputs: IntervalInputs, boundary: Bool,
                               notes: inout [String]) throws(IntervalError) -> Double
    {
        guard boundary else { return p * (1 - p) / (se * se) }
        guard inputs.respondents >= 1 else { throw .insufficientRespondents(inputs.respondents) }
        notes.append("estimate \(p == 0 ? "0" : "1") has no sampling variance; effective sample size taken as the \(inputs.respondents) respondents (design effect 1)")
        return Double(inputs.respondents)
    }

    /// `expit(u) = 1/(1 + e^(−u))`.
    private func expit(_ u: Double) -> Double {
        u >= 0 ? 1 / (1 + exp(-u)) : exp(u) / (1 + exp(u))
    }
}
