import SurveyEstimation

/// Forms the chosen interval for an estimate (statistics.md §3), with the design's degrees of
/// freedom (respondents − cells). Where a method is undefined for the inputs (e.g. a t interval
/// with no degrees of freedom left), falls back to Wald and says so.
enum IntervalBridge {
    struct Bounds { var lower: Double; var upper: Double; var note: String? }

    static func interval(for estimate: Estimate, isProportion: Bool, method: IntervalMethod, level: Double) -> Bounds {
        let inputs = IntervalInputs(estimate: estimate.estimate, standardError: estimate.standardError, respondents: estimate.respondents,
                                    degreesOfFreedom: Double(estimate.respondents - estimate.cells), isProportion: isProportion)
        do {
            let interval = try method.interval(for: inputs, level: level)
            let note = interval.method != method || interval.note != nil ? interval.note : nil
            return Bounds(lower: interval.lower, upper: interval.upper, note: note)
        } catch {
            let fallback = (try? IntervalMethod.wald.interval(for: inputs, level: level))
            let z = CriticalValue.z(level: level)
            return Bounds(lower: fallback?.lower ?? estimate.estimate - z * estimate.standardError,
                          upper: fallback?.upper ?? estimate.estimate + z * estimate.standardError,
                          note: "\(method.rawValue) interval undefined here (\(error)); Wald interval reported")
        }
    }
}
