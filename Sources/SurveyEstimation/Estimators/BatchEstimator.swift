import Foundation
import SurveyModel

/// An item to estimate: per-row values (NaN = no valid value) and the population set that weights it.
/// The values may be given as a function that computes them (`init(name:populationSet:values:)`), so
/// that an estimator holds only the items it is working on.
public struct ItemSpec: Sendable {
    public var name: String
    public var populationSet: String
    private let compute: @Sendable () -> [Double]
    /// The values, computed now when given as a function.
    public var values: [Double] { compute() }

    public init(name: String, values: [Double], populationSet: String) {
        self.name = name
        self.populationSet = populationSet
        compute = { values }
    }

    /// `values` is called once per estimate of the item and must give the same values every time.
    public init(name: String, populationSet: String, values: @escaping @Sendable () -> [Double]) {
        self.name = name
        self.populationSet = populationSet
        compute = values
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
        let stats = cellStats(items: items, design: design)
        for (i, item) in items.enumerated() {
            let N: [Double?]
            if let cached = populationCache[item.populationSet] {
                N = cached
            } else {
                N = design.populations(populations, set: item.populationSet)
                populationCache[item.populationSet] = N
            }
            let stats = stats[i]
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

    /// Every item's per-cell statistics, the items taken in parallel (`concurrentPerform` runs about
    /// as many at once as there are cores, so only that many items' values are held at once). Each
    /// item's sums run in row order, as in a single loop, so the statistics are the same.
    static func cellStats(items: [ItemSpec], design: Design) -> [[CellStats]] {
        let results = ParallelResults<[CellStats]>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            results.set(i, CellStats.accumulate(values: items[i].values, design: design))
        }
        return results.values
    }
}
