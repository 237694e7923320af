import SurveyModel
import SurveyScoring
import SurveyEstimation

/// Demographic domains (statistics.md §4). Filled in by the domains work.
enum DomainAnalysis {
    static func measures(_ scored: ScoredReturns, design: Design, populations: Populations, options: EstimationOptions) throws(EstimationError) -> [MeasureResult] {
        []
    }
}
