import SurveyModel
import SurveyEstimation

/// The `measures` JSON and CSV contract (cli.md): field names, proportions as fractions,
/// nulls and `"[c]"`/`"[x]"` for suppressed values.
public enum MeasuresJSON {
    public static let schemaVersion = 1

    public static func render(_ report: MeasuresReport) -> String {
        JSONValue.object([
            ("schemaVersion", .int(schemaVersion)),
            ("survey", .string(report.survey)),
            ("surveyYear", .string(report.surveyYear)),
            ("interval", .object([("method", .string(report.interval.rawValue)), ("level", .double(report.level))])),
            ("codebook", codebook(report)),
            ("aggregate", .object([("label", .string(report.aggregate.label)), ("councils", report.aggregate.councils.map(JSONValue.int) ?? .null),
                                   ("allCouncils", .bool(report.aggregate.isEngland))])),
            ("results", .array(report.results.map { result($0, aggregate: report.aggregate) })),
            ("diagnostics", .object([("errors", .int(report.errors)), ("warnings", .int(report.warnings))])),
            ("notes", .array(report.notes.map(JSONValue.string))),
        ]).serialized()
    }

    /// `{"id": "ascs-2022-23", "status": "provisional"}`: the codebook used and its status.
    static func codebook(_ report: MeasuresReport) -> JSONValue {
        .object([("id", report.codebookID.map(JSONValue.string) ?? .null),
                 ("status", report.codebookStatus.map { .string($0.rawValue) } ?? .null)])
    }

    static func group(_ key: GroupKey, aggregate: AggregateName = .england) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("level", .string(key.level.rawValue))]
        if key.level == .england { pairs.append(("label", .string(aggregate.label))) }
        if let v = key.byVariable, let value = key.byValue { pairs.append(("by", .object([(v, .string(value))]))) }
        if let council = key.council { pairs.append(("council", .string(council))) }
        if let group = key.group { pairs.append(("group", .string(group))) }
        return .object(pairs)
    }

    static func result(_ r: MeasureResult, aggregate: AggregateName = .england) -> JSONValue {
        let e = r.estimate
        let hide = r.isSuppressed
        var pairs: [(String, JSONValue)] = [("measure", .string(r.measure))]
        if r.code == nil { pairs.append(("formerCode", .text(r.formerCode))) }
        pairs += [("name", .string(r.name)), ("kind", .string(r.kind.rawValue))]
        if let code = r.code { pairs.append(("code", .int(code))) }
        pairs += [
            ("group", group(r.group, aggregate: aggregate)),
            ("estimate", hide ? .null : .number(e?.estimate)),
            ("standardError", hide ? .null : .number(e?.standardError)),
            ("lower", hide ? .null : .number(r.lower)),
            ("upper", hide ? .null : .number(r.upper)),
            ("respondents", r.suppression.map(JSONValue.string) ?? .int(e?.respondents ?? 0)),
            ("population", e.map { .double($0.population) } ?? .null),
            // A suppressed result reveals no count from which its base could be read (#18).
            ("cells", hide ? .null : .int(e?.cells ?? 0)),
            ("singleRespondentCells", hide ? .null : .int(e?.singleRespondentCells ?? 0)),
            ("designEffect", hide ? .null : .number(e?.designEffect)),
            ("suppressed", .bool(hide)),
            ("notes", .array(r.notes.map(JSONValue.string))),
            ("caveat", r.caveat.map(JSONValue.string) ?? .null),
        ]
        return .object(pairs)
    }

    /// One row per result: `measure, formerCode, kind, level, council, byVariable, byValue, estimate,
    /// standardError, lower, upper, respondents, population, cells, singleRespondentCells, designEffect, suppressed`,
    /// then `group` (the `--by GROUPFILE` group name, after the contract's columns).
    public static func csv(_ report: MeasuresReport) -> String { table(report).csv }
}
