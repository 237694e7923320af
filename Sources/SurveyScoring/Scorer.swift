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
        let respondentColumn = variables[codebook.respondent.field] ?? []
        var isRespondent = [Bool](repeating: false, count: table.count)
        for row in 0..<table.count {
            let v = respondentColumn.isEmpty ? ResponseTable.missing : respondentColumn[row]
            isRespondent[row] = codebook.respondent.holds(for: v == ResponseTable.missing ? nil : Int(v))
        }
        var values: [[Double]] = []
        for measure in codebook.measures {
            let compiled = try CompiledMeasure(measure, variables: variables, models: models)
            var column = [Double](repeating: .nan, count: table.count)
            for row in 0..<table.count where isRespondent[row] { column[row] = compiled.value(row: row) }
            values.append(column)
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

    public var stratum: [Int16] { variables[Variables.stratum]! }

    public func values(of code: String) -> [Double]? {
        measures.firstIndex { $0.code == code }.map { values[$0] }
    }
}
