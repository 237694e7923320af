/// The reported interval of one design estimate: lower and upper bounds and, when the method was
/// replaced, why.
public struct EstimateInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var note: String?
}

extension IntervalMethod {
    /// The interval of this method for a design estimate (statistics.md §3), with the design's
    /// degrees of freedom `df = respondents − cells` (R `degf`). Where the method is undefined for
    /// the inputs (a t interval with no degrees of freedom left), the Wald interval `p̂ ± z·SE` is
    /// reported and the note says so: a visible fallback, never a silent one.
    public func interval(for estimate: Estimate, isProportion: Bool, level: Double) -> EstimateInterval {
        let inputs = IntervalInputs(estimate: estimate.estimate, standardError: estimate.standardError, respondents: estimate.respondents,
                                    degreesOfFreedom: Double(estimate.respondents - estimate.cells), isProportion: isProportion)
        do {
            let interval = try interval(for: inputs, level: level)
            let note = interval.method != self || interval.note != nil ? interval.note : nil
            return EstimateInterval(lower: interval.lower, upper: interval.upper, note: note)
        } catch {
            let z = CriticalValue.z(level: level)
            return EstimateInterval(lower: estimate.estimate - z * estimate.standardError, upper: estimate.estimate + z * estimate.standardError,
                                    note: "\(rawValue) interval undefined here (\(error)); Wald interval reported")
        }
    }
}
