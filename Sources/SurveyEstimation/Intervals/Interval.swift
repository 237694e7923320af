/// What an interval method needs to know about one estimate.
public struct IntervalInputs: Sendable, Hashable, Codable {
    /// The point estimate `θ̂` (a proportion in [0, 1] or a mean).
    public var estimate: Double
    /// Its standard error (`√V`), ≥ 0.
    public var standardError: Double
    /// Respondents with a valid value, `n` (Korn–Graubard uses `t_{n−1}`; the boundary cases use n).
    public var respondents: Int
    /// Design degrees of freedom, respondents − cells (R's `degf(design)`).
    public var degreesOfFreedom: Double
    /// Whether `estimate` is a proportion; only `wald` and `wald-t` apply otherwise.
    public var isProportion: Bool

    public init(estimate: Double, standardError: Double, respondents: Int,
                degreesOfFreedom: Double, isProportion: Bool)
    {
        self.estimate = estimate
        self.standardError = standardError
        self.respondents = respondents
        self.degreesOfFreedom = degreesOfFreedom
        self.isProportion = isProportion
    }
}

/// A confidence interval as reported.
public struct Interval: Sendable, Hashable, Codable {
    public var lower: Double
    public var upper: Double
    /// The method actually used (differs from `requestedMethod` after a documented fallback).
    public var method: IntervalMethod
    public var requestedMethod: IntervalMethod
    /// Confidence level `1 − α`.
    public var level: Double
    /// True when a proportion's interval reaches below 0 or above 1 (Wald-type intervals are
    /// reported raw, never clamped — spec §3).
    public var extendsOutsideUnitRange: Bool
    /// Why a fallback or convention was applied, or that the interval leaves [0, 1]; nil otherwise.
    public var note: String?

    public init(lower: Double, upper: Double, method: IntervalMethod, requestedMethod: IntervalMethod,
                level: Double, extendsOutsideUnitRange: Bool = false, note: String? = nil)
    {
        self.lower = lower
        self.upper = upper
        self.method = method
        self.requestedMethod = requestedMethod
        self.level = level
        self.extendsOutsideUnitRange = extendsOutsideUnitRange
        self.note = note
    }
}

/// Inputs for which no interval is defined.
public enum IntervalError: Error, Sendable, Hashable {
    /// The level must lie strictly between 0 and 1.
    case invalidLevel(Double)
    /// The standard error must be finite and ≥ 0.
    case invalidStandardError(Double)
    /// The estimate must be finite, and within [0, 1] for a proportion.
    case invalidEstimate(Double)
    /// A t quantile needs df > 0 (respondents > cells).
    case insufficientDegreesOfFreedom(Double)
    /// Korn–Graubard needs at least 2 respondents (t on n − 1 df); the boundary conventions at
    /// p̂ ∈ {0, 1} need at least 1.
    case insufficientRespondents(Int)
}
