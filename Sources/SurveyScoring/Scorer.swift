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

    /// Compiles every measure against the table's variables (so every definition error is
    /// found here) and finds the respondents; the values themselves are computed on demand
    /// (`ScoredReturns.values(measure:)`). Non-respondents and respondents without a value get NaN.
    public func score(_ table: ResponseTable) throws(ScoringError) -> ScoredReturns {
        let variables = Variables(table: table)
        // The respondent condition, compiled, over its column (no column: every value missing).
        let column = variables[codebook.respondent.field] ?? []
        let respondent = CompiledRules([(when: [codebook.respondent], whenAny: nil, value: 1)], emptyAnyMatches: true) { _ in 0 }
        let matched = respondent.firstMatchingRules(
            columns: [column.isEmpty ? [ResponseTable.Code](repeating: ResponseTable.missing, count: table.count) : column], count: table.count)
        let isRespondent = matched.map { $0 == 0 }
        var compiled: [CompiledMeasure] = []
        for measure in codebook.measures {
            compiled.append(try CompiledMeasure(measure, variables: variables, models: models))
        }
        return ScoredReturns(table: table, variables: variables, isRespondent: isRespondent,
                             measures: codebook.measures, compiled: compiled)
    }
}

/// Returns with every respondent's measure values.
///
/// The values are not held: at ten million rows the eight measures' values (8 bytes a row each)
/// would be most of a run's memory. `values(measure:)` computes one measure's from the table's
/// columns (a few table lookups a row), the same numbers every time, so a caller holds only the
/// measures it is working on.
public struct ScoredReturns: Sendable {
    public let table: ResponseTable
    public let variables: Variables
    public let isRespondent: [Bool]
    public let measures: [Measure]
    /// Per measure (same order as `measures`): its compiled definition over the table's columns.
    let compiled: [CompiledMeasure]

    public var stratum: [ResponseTable.Code] { variables[Variables.stratum]! }

    /// The value of measure `index` (into `measures`) for every row, or NaN (non-respondents,
    /// ineligible respondents, missing answers), computed now.
    public func values(measure index: Int) -> [Double] {
        compiled[index].values(isRespondent: isRespondent)
    }

    /// Every measure's values (same order as `measures`), computed now: `measures.count` full
    /// columns of `Double`, for callers that need them all at once (`scores`).
    public var values: [[Double]] { compiled.indices.map(values(measure:)) }

    /// The values of the measure with this code, computed now; nil when the codebook has none.
    public func values(of code: String) -> [Double]? {
        measures.firstIndex { $0.code == code }.map(values(measure:))
    }
}
