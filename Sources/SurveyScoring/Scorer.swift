import SurveyModel

/// Per-respondent values of every measure of a codebook, from the measure definitions and the
/// score models in `Weights/`. One evaluator; no code is specific to a measure.
public struct Scorer: Sendable {
    public let codebook: Codebook
    public let models: [String: ScoreModel]

    public init(codebook: Codebook, models: [String: ScoreModel]) {
        self.codebook = codebook
        self.models = models
    }

    /// Scores every row. Non-respondents and respondents without a value get NaN.
    public func score(_ table: ResponseTable) throws(ScoringError) -> ScoredReturns {
        let variables = Variables(table: table)
        // The respondent condition, compiled, over its column (no column: every value missing).
        let column = variables[codebook.respondent.field] ?? []
        let respondent = CompiledRules([(when: [codebook.respondent], whenAny: nil, value: 1)], emptyAnyMatches: true) { _ in 0 }
        let matched = respondent.firstMatchingRules(
            columns: [column.isEmpty ? [ResponseTable.Code](repeating: ResponseTable.missing, count: table.count) : column], count: table.count)
        let isRespondent = matched.map { $0 == 0 }
        var values: [[Double]] = []
        for measure in codebook.measures {
            let compiled = try CompiledMeasure(measure, variables: variables, models: models)
            values.append(compiled.values(isRespondent: isRespondent))
        }
        return ScoredReturns(table: table, variables: variables, isRespondent: isRespondent,
                             measures: codebook.measures, values: values)
    }
}

/// Returns with every respondent's measure values.
public struct ScoredReturns: Sendable {
    public let table: ResponseTable
    public let variables: Variables
    public let isRespondent: [Bool]
    public let measures: [Measure]
    /// Per measure (same order as `measures`), per row: the value or NaN.
    public let values: [[Double]]

    public var stratum: [ResponseTable.Code] { variables[Variables.stratum]! }

    public func values(of code: String) -> [Double]? {
        measures.firstIndex { $0.code == code }.map { values[$0] }
    }
}
