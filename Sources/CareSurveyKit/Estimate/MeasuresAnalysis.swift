import SurveyModel
import SurveyScoring
import SurveyEstimation

/// Scored returns + populations → every measure for every group (one estimator loop).
public enum MeasuresAnalysis {
    public static func run(_ scored: ScoredReturns, populations: Populations, options: EstimationOptions,
                           diagnostics: (errors: Int, warnings: Int) = (0, 0), notes: [String] = []) throws(EstimationError) -> MeasuresReport {
        let table = scored.table
        let design = Design(councilCodes: table.councils, councilOfRow: table.council, stratumOfRow: scored.stratum,
                            isRespondent: scored.isRespondent)
        let groups = options.grouping.groups(design: design)
        let items = scored.measures.enumerated().map { index, measure in
            ItemSpec(name: measure.code, populationSet: measure.populationSet) { scored.values(measure: index) }
        }
        let estimates = try BatchEstimator.estimate(items: items, design: design, populations: populations, groups: groups,
                                                    policy: options.singleRespondent)
        var results: [MeasureResult] = []
        for (i, measure) in scored.measures.enumerated() {
            for (g, group) in groups.enumerated() {
                results.append(makeResult(measure: measure, group: group.key, estimate: estimates[i][g], options: options))
            }
        }
        var allNotes = notes + AnalysisNotes.of(scored, design: design, options: options)
        let domainResults = try DomainAnalysis.measures(scored, design: design, populations: populations, options: options)
        results.append(contentsOf: domainResults)
        allNotes += complementarySuppression(&results, options: options, in: "domain breakdowns")
        // Measure by measure, in codebook order; groups keep their order within a measure.
        let order = Dictionary(uniqueKeysWithValues: scored.measures.enumerated().map { ($1.code, $0) })
        results = results.enumerated().sorted { a, b in
            let (x, y) = (order[a.element.measure] ?? 0, order[b.element.measure] ?? 0)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        var report = MeasuresReport(survey: table.codebook.survey, surveyYear: table.codebook.surveyYear, interval: options.interval,
                                    level: options.level, results: results, errors: diagnostics.errors, warnings: diagnostics.warnings,
                                    notes: allNotes)
        report.codebookID = table.codebook.id
        report.codebookStatus = table.codebook.status
        return report
    }

    /// Complementary suppression (when disclosure control is on), and the report's note on it.
    static func complementarySuppression(_ results: inout [MeasureResult], options: EstimationOptions, in what: String) -> [String] {
        guard options.suppressBelow > 0 else { return [] }
        let added = ComplementarySuppression.apply(&results)
        guard added > 0 else { return [] }
        return ["complementary suppression in the \(what): \(added) further value\(added == 1 ? " is" : "s are") shown as [c] (the smallest other value of "
            + "a table with a single [c]) so that no [c] value can be derived by subtraction from the published figures of its table"]
    }

    static func makeResult(measure: Measure, group: GroupKey, estimate: Estimate?, options: EstimationOptions) -> MeasureResult {
        var notes: [String] = []
        var lower: Double?
        var upper: Double?
        if let estimate {
            let interval = options.interval.interval(for: estimate, isProportion: measure.kind == .proportion, level: options.level)
            lower = interval.lower
            upper = interval.upper
            if let note = interval.note { notes.append(note) }
            if let note = estimate.coverageNote { notes.append(note) }
        }
        var result = MeasureResult(measure: measure.code, formerCode: measure.formerCode, name: measure.name, kind: measure.kind,
                                   group: group, estimate: estimate, lower: lower, upper: upper, notes: notes,
                                   disclosureCount: estimate?.respondents ?? 0)
        result.applyDisclosureControl(threshold: options.suppressBelow)
        return result
    }
}
