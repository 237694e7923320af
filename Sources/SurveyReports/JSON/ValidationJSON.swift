import SurveyModel

/// The `validate` outputs: JSON contract (cli.md), CSV of diagnostics, and text for a person.
public enum ValidationOutput {
    public static func json(summary: ReadSummary, files: [FileReport], diagnostics: [Diagnostic], survey: String?,
                            responseRates: [ResponseRate] = []) -> String {
        JSONValue.object([
            ("schemaVersion", .int(1)),
            ("survey", .text(survey)),
            ("files", .array(files.map { f in
                .object([("path", .string(f.path)), ("format", .string(f.format)), ("sheet", .text(f.sheet)),
                         ("codebook", .text(f.codebook)), ("codebookStatus", .text(f.codebookStatus?.rawValue)),
                         ("rowsRead", .int(f.summary.rowsRead)),
                         ("respondents", .int(f.summary.respondents)), ("nonRespondents", .int(f.summary.nonRespondents)),
                         ("templateRowsSkipped", .int(f.summary.templateRowsSkipped)), ("errors", .int(f.summary.errors)),
                         ("warnings", .int(f.summary.warnings)), ("error", .text(f.error))])
            })),
            ("summary", summaryJSON(summary)),
            ("responseRates", .array(responseRates.map { r in
                .object([("council", .string(r.council)), ("stratum", r.stratum.map(JSONValue.int) ?? .null),
                         ("sampled", .int(r.sampled)), ("respondents", .int(r.respondents)), ("rate", .double(r.rate))])
            })),
            ("diagnostics", .array(diagnostics.map { d in
                .object([("severity", .string(d.severity.rawValue)), ("file", .text(d.file)), ("sheet", .text(d.sheet)),
                         ("row", d.row.map(JSONValue.int) ?? .null), ("column", .text(d.column)), ("value", .text(d.value)),
                         ("rule", .string(d.rule)), ("message", .string(d.message))])
            })),
        ]).serialized()
    }

    static func summaryJSON(_ s: ReadSummary) -> JSONValue {
        .object([("rowsRead", .int(s.rowsRead)), ("respondents", .int(s.respondents)), ("nonRespondents", .int(s.nonRespondents)),
                 ("responseUnknown", .int(s.responseUnknown)), ("templateRowsSkipped", .int(s.templateRowsSkipped)),
                 ("blankRowsSkipped", .int(s.blankRowsSkipped)), ("rowsWithErrors", .int(s.rowsWithErrors)), ("rowsNotUsed", .int(s.rowsNotUsed)),
                 ("errors", .int(s.errors)), ("warnings", .int(s.warnings))])
    }

    public static func csv(_ diagnostics: [Diagnostic]) -> String { table(diagnostics).csv }

    /// For a person: a summary, then each diagnostic on a line (at most `limit`, then a count).
    public static func text(summary s: ReadSummary, files: [FileReport], diagnostics: [Diagnostic], responseRates: [ResponseRate] = [],
                            limit: Int = 200) -> String {
        var out = ""
        for f in files {
            if let error = f.error {
                out += "✗ \(f.path): \(error)\n"
            } else if f.format == "population" {
                let rejected = f.summary.rowsWithErrors
                out += "\(rejected == 0 ? "✓" : "✗") \(f.path) — population: \(f.summary.rowsRead) rows, \(f.summary.rowsRead - rejected) used, \(rejected) rejected\n"
            } else {
                let provisional = f.codebookStatus == .provisional ? " (PROVISIONAL codebook)" : ""
                out += "✓ \(f.path)\(f.sheet.map { " [\($0)]" } ?? "") — \(f.codebook ?? "?")\(provisional): \(f.summary.rowsRead) rows, \(f.summary.respondents) respondents, \(f.summary.errors) errors, \(f.summary.warnings) warnings\n"
            }
        }
        out += "\nRows read: \(s.rowsRead) = \(s.respondents) respondents + \(s.nonRespondents) non-respondents"
        if s.responseUnknown > 0 { out += " + \(s.responseUnknown) with no valid response code" }
        out += "\nTemplate rows skipped: \(s.templateRowsSkipped)"
        if s.blankRowsSkipped > 0 { out += "; blank rows skipped: \(s.blankRowsSkipped)" }
        if s.rowsNotUsed > 0 { out += "\nRows not used: \(s.rowsNotUsed) (councils given by two files; see the diagnostics)" }
        out += "\nRows with errors: \(s.rowsWithErrors); errors: \(s.errors); warnings: \(s.warnings)\n"
        let totals = responseRates.filter { $0.stratum == nil }
        if !totals.isEmpty {
            out += "\nResponse rates (respondents / sampled):\n"
            for t in totals {
                let strata = responseRates.filter { $0.council == t.council && $0.stratum != nil }
                    .map { "stratum \($0.stratum!) \(MeasuresText.fixed($0.rate * 100, 1))%" }.joined(separator: ", ")
                out += "  council \(t.council): \(t.respondents)/\(t.sampled) = \(MeasuresText.fixed(t.rate * 100, 1))%\(strata.isEmpty ? "" : " (\(strata))")\n"
            }
        }
        if !diagnostics.isEmpty { out += "\n" }
        for d in diagnostics.prefix(limit) {
            out += "\(d.severity == .error ? "error" : "warning"): \(d.location): \(d.message) [\(d.rule)]\n"
        }
        if diagnostics.count > limit {
            out += "… and \(diagnostics.count - limit) more (use --format csv or json for all)\n"
        }
        return out
    }
}
