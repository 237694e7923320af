import SurveyModel
import SurveyScoring
import SurveyEstimation

/// What an analysis could not do, as notes every output carries: nothing is left out silently.
enum AnalysisNotes {
    /// The notes of the design and the options: respondents outside every cell, councils in no group
    /// of the group file, and `--by` domains this return's codebook does not define.
    static func of(_ scored: ScoredReturns, design: Design, options: EstimationOptions) -> [String] {
        var notes: [String] = []
        if design.excludedRespondents > 0 {
            notes.append("\(design.excludedRespondents) respondents have no derived stratum or council and are excluded from weighted results")
        }
        let ungrouped = options.grouping.councilsWithoutGroup(design: design)
        if !ungrouped.isEmpty {
            notes.append("\(ungrouped.count) loaded council\(ungrouped.count == 1 ? " is" : "s are") in no group of the group file and appear\(ungrouped.count == 1 ? "s" : "") only in the aggregate: \(ungrouped.joined(separator: ", "))")
        }
        let missing = options.domains.filter { domain(named: $0, in: scored) == nil }
        if !missing.isEmpty {
            let codebook = scored.table.codebook
            let defined = (codebook.domains ?? []).map(\.name)
            notes.append("--by \(missing.joined(separator: ", ")): not a domain of \(codebook.survey) \(codebook.surveyYear) (its domains: \(defined.isEmpty ? "none" : defined.joined(separator: ", "))); no results by \(missing.count == 1 ? "it" : "them")")
        }
        return notes
    }

    /// A `--by` domain of the return's codebook with its per-row variable, or nil when the codebook
    /// does not define it.
    static func domain(named name: String, in scored: ScoredReturns) -> (spec: DomainSpec, column: [ResponseTable.Code])? {
        guard let spec = scored.table.codebook.domains?.first(where: { $0.name == name }),
              let column = scored.variables[spec.field] else { return nil }
        return (spec, column)
    }
}
