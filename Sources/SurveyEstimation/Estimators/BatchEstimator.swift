import SurveyModel

/// An item to estimate: per-row values (NaN = no valid value) and the population set that weights it.
public struct ItemSpec: Sendable {
    public var name: String
    public var values: [Double]
    public var populationSet: String
    public init(name: String, values: [Double], populationSet: String) {
        self.name = name
        self.values = values
        self.populationSet = populationSet
    }
}

/// One estimator loop for every item and group: per-cell statistics once per item, then the
/// stratified estimator per group. Design problems from every item are collected and thrown
/// together, so a user sees all of them at once.
public enum BatchEstimator {
    /// The `stratum` set must cover every cell with respondents; finer sets may leave cells out.
    public static let primarySet = "stratum"

    public static func estimate(items: [ItemSpec], design: Design, populations: Populations, groups: [GroupSpec],
                                policy: SingleRespondentPolicy = .certainty) throws(EstimationError) -> [[Estimate?]] {
        var issues: [DesignIssue] = []
        var out: [[Estimate?]] = []
        var populationCache: [String: [Double?]] = [:]
        // Every cell with respondents must have a stratum population, whatever the item.
        let primary = design.populations(populations, set: primarySet)
        populationCache[primarySet] = primary
        for (h, N) in primary.enumerated() {
            let cell = design.cells[h]
            let n = design.respondentsPerCell[h]
            if N == nil {
                issues.append(DesignIssue(council: cell.council, stratum: cell.stratum, populationSet: primarySet,
                                          reason: "no eligible population for a cell with \(n) respondents"))
            } else if let N, N < Double(n) {
                issues.append(DesignIssue(council: cell.council, stratum: cell.stratum, populationSet: primarySet,
                                          reason: "eligible population \(StratifiedEstimator.format(N)) is below the \(n) respondents"))
            }
        }
        for item in items {
            let N: [Double?]
            if let cached = populationCache[item.populationSet] {
                N = cached
            } else {
                N = design.populations(populations, set: item.populationSet)
                populationCache[item.populationSet] = N
            }
            let stats = CellStats.accumulate(values: item.values, design: design)
            var row: [Estimate?] = []
            for group in groups {
                var groupIssues: [DesignIssue] = []
                let e = try StratifiedEstimator.estimate(
                    cells: group.cells, stats: stats, populations: N, policy: policy,
                    missingPopulationIsError: item.populationSet == primarySet,
                    describe: { (design.cells[$0].council, design.cells[$0].stratum) },
                    populationSet: item.populationSet, item: item.name, issues: &groupIssues)
                issues.append(contentsOf: groupIssues)
                row.append(e)
            }
            out.append(row)
        }
        let unique = DesignIssue.unique(issues)
        if !unique.isEmpty { throw .badDesign(unique) }
        return out
    }
}
