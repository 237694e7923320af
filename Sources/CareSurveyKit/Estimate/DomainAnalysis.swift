import SurveyModel
import SurveyScoring
import SurveyEstimation

/// Measures by demographic domain (`--by gender,age-band,…`), within each council and for England,
/// by the published method (default) or the design-based one (statistics.md §4).
enum DomainAnalysis {
    static func measures(_ scored: ScoredReturns, design: Design, populations: Populations, options: EstimationOptions) throws(EstimationError) -> [MeasureResult] {
        guard !options.domains.isEmpty else { return [] }
        var results: [MeasureResult] = []
        let groups = options.grouping.groups(design: design)
        for name in options.domains {
            // A domain this codebook lacks gives no results and a note (AnalysisNotes).
            guard let found = AnalysisNotes.domain(named: name, in: scored) else { continue }
            let (spec, column) = (found.spec, found.column)
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
                let values = scored.values(measure: i)
                let N = design.populations(populations, set: measure.populationSet)
                for (d, group) in spec.groups.enumerated() {
                    let include = domainOfRow.map { $0 == Int32(d) }
                    let stats = CellStats.accumulate(values: values, design: design, include: include)
                    let Nd = DomainEstimator.publishedPopulations(populations: N, respondentsPerCell: design.respondentsPerCell,
                                                                  domainRespondentsPerCell: perDomainCell[d])
                    for parent in groups {
                        let estimate = try estimate(options: options, values: values, stats: stats, splitPopulations: Nd,
                                                    populations: N, design: design, domainOfRow: domainOfRow, domain: Int32(d),
                                                    parent: parent, populationSet: measure.populationSet, item: measure.code)
                        let key = domainKey(spec: spec, value: group.label, parent: parent.key)
                        results.append(MeasuresAnalysis.makeResult(measure: measure, group: key, estimate: estimate, options: options))
                    }
                }
            }
        }
        return results
    }

    /// One domain estimate over a parent group's cells, by the chosen method (statistics.md §4).
    static func estimate(options: EstimationOptions, values: [Double], stats: [CellStats], splitPopulations: [Double?],
                         populations: [Double?], design: Design, domainOfRow: [Int32], domain: Int32, parent: GroupSpec,
                         populationSet: String, item: String) throws(EstimationError) -> Estimate? {
        switch options.domainMethod {
        case .published:
            var ignored: [DesignIssue] = []
            return try StratifiedEstimator.estimate(
                cells: parent.cells, stats: stats, populations: splitPopulations, policy: options.singleRespondent,
                missingPopulationIsError: false, describe: { (design.cells[$0].council, design.cells[$0].stratum) },
                populationSet: populationSet, item: item, issues: &ignored)
        case .design:
            return DomainEstimator.designBased(values: values, cellOfRow: design.cellOfRow, domainOfRow: domainOfRow, domain: domain,
                                               cells: parent.cells, populations: populations, cellCount: design.cells.count)
        }
    }

    /// The group key of a domain within a parent group (a council, a group of councils, or England).
    static func domainKey(spec: DomainSpec, value: String, parent: GroupKey) -> GroupKey {
        var key = GroupKey(level: .domain, council: parent.council, group: parent.group, byVariable: spec.name, byValue: value)
        if parent.level == .england { key.council = nil }
        return key
    }
}
