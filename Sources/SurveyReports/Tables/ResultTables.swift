import SurveyModel
import SurveyEstimation

// The long tables of each command: one row per row of its CSV output, the same columns, typed for
// the workbook. The CSV renderers are `table(…).csv`, so the workbook and the CSV cannot disagree.

extension MeasuresJSON {
    /// One row per result: `measure, formerCode, kind, level, council, byVariable, byValue, estimate,
    /// standardError, lower, upper, respondents, population, cells, singleRespondentCells, designEffect,
    /// suppressed, group`.
    public static func table(_ report: MeasuresReport) -> ReportTable {
        var t = ReportTable(
            title: "Table 1: ASCOF survey measures, \(report.survey.uppercased()) \(report.surveyYear), by group",
            sheetName: "Measures",
            description: "One row per measure and group. Proportions are fractions shown as percentages; scores are on their own scale. "
                + "Interval: \(report.interval.rawValue), \(ResultTableText.percent(report.level)) level. Markers [c] and [x]: see the Notes sheet.",
            columns: [.init("measure"), .init("formerCode"), .init("kind"), .init("level"), .init("council"), .init("byVariable"),
                      .init("byValue"), .init("estimate", .estimate), .init("standardError", .estimate), .init("lower", .estimate),
                      .init("upper", .estimate), .init("respondents", .count), .init("population", .count), .init("cells", .count),
                      .init("singleRespondentCells", .count), .init("designEffect", .decimal), .init("suppressed"), .init("group"),
                      .init("notes"), .init("caveat"), .init("name"), .init("codebookStatus"),
                      .init("inputWarnings")])
        t.rows.reserveCapacity(report.results.count)
        let status = report.codebookStatus?.rawValue ?? ""
        let warnings = report.inputWarnings.joined(separator: "; ")
        t.isProportionRow.reserveCapacity(report.results.count)
        for r in report.results {
            let e = r.estimate
            let hide = r.isSuppressed
            t.rows.append([
                .text(r.measure), .text(r.formerCode ?? ""), .text(r.kind.rawValue), .text(r.group.level.rawValue),
                .text(r.group.council ?? ""), .text(r.group.byVariable ?? ""), .text(r.group.byValue ?? ""),
                hide ? .empty : .optional(e?.estimate), hide ? .empty : .optional(e?.standardError),
                hide ? .empty : .optional(r.lower), hide ? .empty : .optional(r.upper),
                r.suppression.map(CSVWriter.Cell.text) ?? .integer(e?.respondents ?? 0),
                // A suppressed result reveals no count from which its base could be read (#18).
                .optional(e?.population), hide ? .empty : .integer(e?.cells ?? 0), hide ? .empty : .integer(e?.singleRespondentCells ?? 0),
                hide ? .empty : .optional(e?.designEffect), .text(hide ? "true" : "false"), .text(r.group.group ?? ""),
                .text(ResultTableText.notes(r)), .text(r.caveat ?? ""), .text(r.name), .text(status), .text(warnings),
            ])
            t.isProportionRow.append(r.kind == .proportion)
        }
        t.frozenColumns = 1
        return t
    }
}

extension TablesJSON {
    /// One row per question, answer code and group: `question, code, level, council, byVariable,
    /// byValue, estimate, standardError, lower, upper, respondents, population, cells,
    /// singleRespondentCells, suppressed, group`.
    public static func table(_ report: MeasuresReport) -> ReportTable {
        var t = ReportTable(
            title: "Table 1: Weighted answers to every question, \(report.survey.uppercased()) \(report.surveyYear) (long format)",
            sheetName: "Answers (long)",
            description: "One row per question, answer code and group, as in the CSV output. Estimates are fractions of respondents "
                + "with a valid answer, shown as percentages. Interval: \(report.interval.rawValue), \(ResultTableText.percent(report.level)) level.",
            columns: [.init("question"), .init("code", .whole), .init("level"), .init("council"), .init("byVariable"), .init("byValue"),
                      .init("estimate", .percent), .init("standardError", .percent), .init("lower", .percent), .init("upper", .percent),
                      .init("respondents", .count), .init("population", .count), .init("cells", .count),
                      .init("singleRespondentCells", .count), .init("suppressed"), .init("group"), .init("notes"),
                      .init("caveat"), .init("name"), .init("label"), .init("codebookStatus"), .init("inputWarnings")])
        t.rows.reserveCapacity(report.results.count)
        let status = report.codebookStatus?.rawValue ?? ""
        let warnings = report.inputWarnings.joined(separator: "; ")
        for r in report.results {
            let e = r.estimate
            let hide = r.isSuppressed
            t.rows.append([.text(r.measure), .integer(r.code ?? 0), .text(r.group.level.rawValue), .text(r.group.council ?? ""),
                           .text(r.group.byVariable ?? ""), .text(r.group.byValue ?? ""),
                           hide ? .empty : .optional(e?.estimate), hide ? .empty : .optional(e?.standardError),
                           hide ? .empty : .optional(r.lower), hide ? .empty : .optional(r.upper),
                           r.suppression.map(CSVWriter.Cell.text) ?? .integer(e?.respondents ?? 0), .optional(e?.population),
                           hide ? .empty : .integer(e?.cells ?? 0), hide ? .empty : .integer(e?.singleRespondentCells ?? 0),
                           .text(hide ? "true" : "false"),
                           .text(r.group.group ?? ""), .text(ResultTableText.notes(r)), .text(r.caveat ?? ""),
                           .text(r.name), .text(r.label ?? ""), .text(status), .text(warnings)])
        }
        t.frozenColumns = 2
        return t
    }
}

extension CompareOutput {
    /// One row per comparison (the CSV columns). `kinds` decides how estimates are shown in a
    /// workbook (proportions as percentages); CSV ignores it.
    public static func table(_ comparisons: [Comparison], kinds: (String) -> Measure.Kind = { _ in .proportion },
                             names: (String) -> String? = { _ in nil }) -> ReportTable {
        var t = ReportTable(
            title: "Table 1: Year-on-year change in every measure, by group",
            sheetName: "Change",
            description: "Two-sided z test on independent samples; pHolm and pBH are the Holm and Benjamini–Hochberg adjusted p-values. "
                + "Suppressed comparisons show no figures.",
            columns: [.init("measure"), .init("level"), .init("council"), .init("group"), .init("byVariable"), .init("byValue"),
                      .init("beforeYear"), .init("before", .estimate), .init("beforeSE", .estimate), .init("afterYear"),
                      .init("after", .estimate), .init("afterSE", .estimate), .init("difference", .estimate),
                      .init("standardError", .estimate), .init("lower", .estimate), .init("upper", .estimate), .init("z", .decimal),
                      .init("pValue", .pValue), .init("pHolm", .pValue), .init("pBH", .pValue), .init("significant"),
                      .init("direction"), .init("comparable"), .init("suppressed"), .init("name")])
        for c in comparisons {
            let h = c.suppressed
            func n(_ x: Double) -> CSVWriter.Cell { h ? .empty : .optional(x) }
            t.rows.append([.text(c.measure), .text(c.group.level.rawValue), .text(c.group.council ?? ""), .text(c.group.group ?? ""),
                           .text(c.group.byVariable ?? ""), .text(c.group.byValue ?? ""), .text(c.before.surveyYear ?? ""),
                           n(c.before.estimate), n(c.before.standardError), .text(c.after.surveyYear ?? ""), n(c.after.estimate),
                           n(c.after.standardError), n(c.difference), n(c.standardError), n(c.lower), n(c.upper), n(c.z),
                           n(c.pValue), n(c.pHolm), n(c.pBH), .text(String(c.significant)), .text(c.direction.rawValue),
                           .text(String(c.comparable)), .text(String(h)), .text(names(c.measure) ?? "")])
            t.isProportionRow.append(kinds(c.measure) == .proportion)
        }
        t.frozenColumns = 1
        return t
    }
}

extension ValidationOutput {
    /// One row per diagnostic: `severity, file, sheet, row, column, value, rule, message`.
    public static func table(_ diagnostics: [Diagnostic]) -> ReportTable {
        var t = ReportTable(
            title: "Table 1: Problems found in the returns",
            sheetName: "Problems",
            description: "One row per problem: the file, sheet, row and column of the cell, the value found and the rule it breaks.",
            columns: [.init("severity"), .init("file"), .init("sheet"), .init("row", .whole), .init("column"), .init("value"),
                      .init("rule"), .init("message")])
        for d in diagnostics {
            t.rows.append([.text(d.severity.rawValue), .text(d.file ?? ""), .text(d.sheet ?? ""), d.row.map(CSVWriter.Cell.integer) ?? .empty,
                           .text(d.column ?? ""), .text(d.value ?? ""), .text(d.rule), .text(d.message)])
        }
        return t
    }
}

/// Small text helpers for table titles and notes.
enum ResultTableText {
    /// A result's notes in one cell (`; ` between them; none for a suppressed result, as in JSON).
    static func notes(_ r: MeasureResult) -> String {
        r.notes.joined(separator: "; ")
    }

    /// 0.95 → "95%".
    static func percent(_ level: Double) -> String {
        let p = level * 100
        return (p == p.rounded() ? String(Int(p)) : String(p)) + "%"
    }
}
