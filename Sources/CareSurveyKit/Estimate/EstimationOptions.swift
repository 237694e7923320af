import SurveyModel
import SurveyEstimation

/// Choices shared by `measures`, `tables`, `report` and `compare`.
public struct EstimationOptions: Sendable {
    public var interval: IntervalMethod = .wald
    public var level: Double = 0.95
    public var singleRespondent: SingleRespondentPolicy = .certainty
    /// Disclosure control threshold (statistics.md §6); 0 turns it off.
    public var suppressBelow: Int = 3
    /// Which groups: councils and England (default), England only, or `--by GROUPFILE` groups.
    public var grouping: Grouping = .councilsAndEngland
    /// Demographic domains (`gender`, `age-band`, …); empty = none.
    public var domains: [String] = []
    public var domainMethod: DomainMethod = .published

    public enum DomainMethod: String, Sendable, CaseIterable {
        /// Cell populations split by the respondents' shares (the published pipeline).
        case published
        /// Domain estimation over the full cell design (R `svyby`).
        case design
    }

    public init() {}
}
