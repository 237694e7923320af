/// A problem with the design inputs for one cell.
public struct DesignIssue: Sendable, Hashable, CustomStringConvertible {
    public var council: String
    public var stratum: Int
    public var populationSet: String
    public var reason: String
    public init(council: String, stratum: Int, populationSet: String, reason: String) {
        self.council = council
        self.stratum = stratum
        self.populationSet = populationSet
        self.reason = reason
    }
    /// The cell and population set: one issue per key is reported.
    public struct Key: Hashable, Sendable { var council: String; var stratum: Int; var populationSet: String }
    public var key: Key { Key(council: council, stratum: stratum, populationSet: populationSet) }

    /// The first issue of each cell and population set, in order.
    public static func unique(_ issues: [DesignIssue]) -> [DesignIssue] {
        var seen: Set<Key> = []
        return issues.filter { seen.insert($0.key).inserted }
    }

    public var description: String {
        "council \(council), stratum \(stratum)" + (populationSet == "stratum" ? "" : " (\(populationSet) population)") + ": \(reason)"
    }
}

public enum EstimationError: Error, Equatable, CustomStringConvertible {
    /// Populations missing, non-positive, or below the respondents — never a silent zero.
    case badDesign([DesignIssue])
    /// A single-respondent cell under the `.fail` policy.
    case singleRespondentCell(council: String, stratum: Int, item: String)

    public var description: String {
        switch self {
        case let .badDesign(issues):
            return "the eligible populations do not fit the returns:\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
        case let .singleRespondentCell(council, stratum, item):
            return "council \(council), stratum \(stratum): only one valid answer to \(item), so its variance cannot be estimated (policy: fail; use --single-respondent certainty or average)"
        }
    }
}
