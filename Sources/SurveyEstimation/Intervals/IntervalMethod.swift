/// How a confidence interval at level `1 − α` is formed from an estimate `θ̂` and its standard
/// error `SE` (statistics spec §3). `df` is the design degrees of freedom, respondents − cells.
///
/// | case | formula | R `survey` equivalent |
/// |---|---|---|
/// | `wald` | `θ̂ ± z·SE`, `z = 1.96` literally at level 0.95 (the published margin of error), else `Φ⁻¹(1 − α/2)`; never clamped | — |
/// | `waldT` | `θ̂ ± t_{df,1−α/2}·SE` | `svyciprop(method = "mean")` |
/// | `wilson` | Wilson (1927) score interval on `n_eff = p̂(1−p̂)/SE²` with `z = Φ⁻¹(1 − α/2)` | — |
/// | `logit` | `expit(logit p̂ ± t_{df,1−α/2}·SE/(p̂(1−p̂)))` | `svyciprop(method = "xlogit")` |
/// | `kornGraubard` | Korn & Graubard (1998) Clopper–Pearson on `n* = n_eff·(t_{n−1,α/2}/t_{df,α/2})²` | `svyciprop(method = "beta")` |
///
/// Only `wald` and `waldT` apply to means; `wilson`, `logit` and `kornGraubard` requested for a mean
/// fall back to `wald` (reported in `Interval.method` and `Interval.note`).
///
/// References: E. B. Wilson (1927), "Probable inference, the law of succession, and statistical
/// inference", JASA 22, 209–212; E. L. Korn and B. I. Graubard (1998), "Confidence intervals for
/// proportions with small expected number of positive counts estimated from survey data",
/// Survey Methodology 24, 193–201; T. Lumley, R package `survey` (`svyciprop`).
public enum IntervalMethod: String, CaseIterable, Sendable, Codable {
    case wald
    case waldT = "wald-t"
    case wilson
    case logit
    case kornGraubard = "korn-graubard"

    /// Whether the method is defined for a mean (non-proportion) measure.
    public var appliesToMeans: Bool {
        switch self {
        case .wald, .waldT: return true
        case .wilson, .logit, .kornGraubard: return false
        }
    }

    /// Whether the method uses a t quantile on the design degrees of freedom.
    public var usesDegreesOfFreedom: Bool {
        switch self {
        case .waldT, .logit, .kornGraubard: return true
        case .wald, .wilson: return false
        }
    }
}
