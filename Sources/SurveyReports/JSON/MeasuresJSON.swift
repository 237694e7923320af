import SurveyModel
import SurveyEstimation

/// The `measures` JSON and CSV contract (cli.md): field names, proportions as fractions,
/// nulls and the suppression markers (`MissingMarker`) for suppressed values.
public enum MeasuresJSON {
    public static let schemaVersion = 1

    /// The results JSON: the report as a `ResultsFile` (the one model that `compare`, `report
    /// --previous`, `benchmark` and `trend` read back), encoded in the contract's order.
    /// Streamed (`ResultsFileJSON`): the bytes `JSONValueEncoder` gives for the same model, without
    /// an encoder and a tree per field.
    public static func render(_ report: MeasuresReport) -> String {
        ResultsFileJSON.render(file(report))
    }

    /// The report as the results file's model: suppressed results carry their marker and no figures.
    public static func file(_ report: MeasuresReport) -> ResultsFile {
        ResultsFile(schemaVersion: schemaVersion, survey: report.survey, surveyYear: report.surveyYear,
                    interval: .init(method: report.interval.rawValue, level: report.level),
                    codebook: ResultsFile.CodebookFacts(id: report.codebookID, status: report.codebookStatus),
                    aggregate: .init(label: report.aggregate.label, councils: report.aggregate.councils, allCouncils: report.aggregate.isEngland),
                    results: report.results.map { result($0, aggregate: report.aggregate) },
                    diagnostics: .init(errors: report.errors, warnings: report.warnings), notes: report.notes)
    }

    /// `{"id": "ascs-2022-23", "status": "provisional"}`: the codebook used and its status (also in
    /// the `tables` JSON).
    static func codebook(_ report: MeasuresReport) -> JSONValue {
        JSONValueEncoder.value(of: ResultsFile.CodebookFacts(id: report.codebookID, status: report.codebookStatus))
    }

    /// A result's `group` object (also in the `tables` and `compare` JSON).
    static func group(_ key: GroupKey, aggregate: AggregateName = .england) -> JSONValue {
        ResultsFileJSON.group(ResultsFile.GroupField(key: key, label: key.level == .england ? aggregate.label : nil))
    }

    static func result(_ r: MeasureResult, aggregate: AggregateName = .england) -> ResultsFile.Result {
        let e = r.estimate
        let hide = r.isSuppressed
        // A suppressed result reveals no count from which its base could be read (#18).
        return ResultsFile.Result(
            measure: r.measure, formerCode: r.formerCode, name: r.name, kind: r.kind, code: r.code, group: r.group,
            groupLabel: r.group.level == .england ? aggregate.label : nil,
            estimate: hide ? nil : e?.estimate, standardError: hide ? nil : e?.standardError,
            lower: hide ? nil : r.lower, upper: hide ? nil : r.upper,
            respondents: r.marker.map(ResultsFile.Respondents.marker) ?? .count(e?.respondents ?? 0),
            population: e?.population, cells: hide ? nil : e?.cells ?? 0,
            singleRespondentCells: hide ? nil : e?.singleRespondentCells ?? 0, designEffect: hide ? nil : e?.designEffect,
            suppressed: hide, notes: r.notes, caveat: r.caveat)
    }

    /// One row per result: `measure, formerCode, kind, level, council, byVariable, byValue, estimate,
    /// standardError, lower, upper, respondents, population, cells, singleRespondentCells, designEffect, suppressed`,
    /// then `group` (the `--by GROUPFILE` group name, after the contract's columns).
    public static func csv(_ report: MeasuresReport) -> String { table(report).csv }
}
