import SurveyModel
import SurveyScoring
import SurveyEstimation

/// Measures by demographic domain (`--by gender,age-band,…`), within each council and for England,
/// by the published method (default) or the design-based one (statistics.md §4).
enum DomainAnalysis {
    static func measures(_ scored: ScoredReturns, design: Design, populations: Populations, options: EstimationOptions) throws(EstimationError) -> [MeasureResult] {
        guard !options.domains.isEmpty else { return [] }
        let codebook = scored.table.codebook
        var results: [MeasureResult] = []
        let groups = GroupBuilder.groups(for: options, design: design)
        for name in options.domains {
            guard let spec = codebook.domains?.first(where: { $0.name == name }), let column = scored.variables[spec.field] else { continue }
            let domainOfRow = column.map { v -> Int32 in
                Int32(spec.groupIndex(of: v == ResponseTable.missing ? nil : Int(v)) ?? -1)
            }
            // Respondents per cell and per (domain, cell), any item.
            var perDomainCell = [[Int]](repeating: [Int](repeating: 0, count: design.cells.count), count: spec.groups.count)
            for row in 0..<column.count {
                let h = Int(design.cellOfRow[row])
                let d = Int(domainOfRow[row])
                if h >= 0, d >= 0 { perDomainCell[d][h] += 1 }
            }
            for (i, measure) in scored.measures.enumerated() {
                let N = design.populations(populations, set: measure.populationSet)
                for (d, group) in spec.groups.enumerated() {
                    let include = domainOfRow.map { $0 == Int32(d) }
                    let stats = CellStats.accumulate(values: scored.values[i], cellOfRow: design.cellOfRow, cellCount: design.cells.count,
                                                     include: include)
                    let Nd = DomainEstimator.publishedPopulations(populations: N, respondentsPerCell: design.respondentsPerCell,
                                                                  domainRespondentsPerCell: perDomainCell[d])
                    for parent in groups {
                        let estimate: Estimate?
                        switch options.domainMethod {
                        case .published:
                            var ignored: [DesignIssue] = []
                            estimate = try StratifiedEstimator.estimate(
                                cells: parent.cells, stats: stats, populations: Nd, policy: options.singleRespondent,
                                missingPopulationIsError: false, describe: { (design.cells[$0].council, design.cells[$0].stratum) },
                                populationSet: measure.populationSet, item: measure.code, issues: &ignored)
                        case .design:
                            estimate = DomainEstimator.designBased(values: scored.values[i], cellOfRow: design.cellOfRow, domainOfRow: domainOfRow,
                                                                   domain: Int32(d), cells: parent.cells, populations: N, cellCount: design.cells.count)
                        }
                        var key = GroupKey(level: .domain, council: parent.key.council, group: parent.key.group,
                                           byVariable: spec.name, byValue: group.label)
                        if parent.key.level == .england { key.council = nil }
                        results.append(MeasuresAnalysis.makeResult(measure: measure, group: key, estimate: estimate, options: options))
                    }
                }
            }
        }
        return results
    }
}
