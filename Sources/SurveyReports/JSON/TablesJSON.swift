import SurveyModel
import SurveyEstimation

/// The `tables` JSON (cli.md) and CSV: one entry per question, answer code and group.
public enum TablesJSON {
    public static func render(_ report: MeasuresReport) -> String {
        JSONValue.object([
            ("schemaVersion", .int(1)),
            ("survey", .string(report.survey)),
            ("surveyYear", .string(report.surveyYear)),
            ("interval", .object([("method", .string(report.interval.rawValue)), ("level", .double(report.level))])),
            ("codebook", MeasuresJSON.codebook(report)),
            ("tables", .array(report.results.map { row($0, aggregate: report.aggregate) })),
            ("notes", .array(report.notes.map(JSONValue.string))),
        ]).serialized()
    }

    static func row(_ r: MeasureResult, aggregate: AggregateName = .england) -> JSONValue {
        let e = r.estimate
        let hide = r.isSuppressed
        return .object([
            ("question", .string(r.measure)),
            ("code", .int(r.code ?? 0)),
            ("group", MeasuresJSON.group(r.group, aggregate: aggregate)),
            ("estimate", hide ? .null : .number(e?.estimate)),
            ("standardError", hide ? .null : .number(e?.standardError)),
            ("lower", hide ? .null : .number(r.lower)),
            ("upper", hide ? .null : .number(r.upper)),
            ("respondents", r.suppression.map(JSONValue.string) ?? .int(e?.respondents ?? 0)),
            ("population", e.map { .double($0.population) } ?? .null),
            // A suppressed result reveals no count from which its base could be read (#18).
            ("cells", hide ? .null : .int(e?.cells ?? 0)),
            ("singleRespondentCells", hide ? .null : .int(e?.singleRespondentCells ?? 0)),
            ("suppressed", .bool(hide)),
            ("notes", .array(r.notes.map(JSONValue.string))),
            ("caveat", r.caveat.map(JSONValue.string) ?? .null),
        ])
    }

    public static func csv(_ report: MeasuresReport) -> String { table(report).csv }

    /// For a person: one block per question and group, a line per answer.
    public static func text(_ report: MeasuresReport, labels: (String, Int) -> String?) -> String {
        let symmetric = report.interval == .wald || report.interval == .waldT
        let level = MeasuresText.formatLevel(report.level)
        var out = "\(report.survey) \(report.surveyYear) — answer distributions (weighted %, "
            + (symmetric ? "±margin of error" : "\(report.interval.rawValue) interval") + " at \(level))\n"
        if let warning = report.provisionalWarning { out += warning + "\n" }
        var last: ResultKey?
        for r in report.results {
            let head = ResultKey(measure: r.measure, group: r.group)
            if head != last {
                out += "\n\(r.measure) — \(r.name) — \(r.group.label)"
                if let n = r.estimate?.respondents { out += " (n = \(n))" }
                out += "\n"
                last = head
            }
            let label = labels(r.measure, r.code ?? 0) ?? ""
            var value = "no answers"
            if let s = r.suppression {
                value = s + (r.tableNotes.contains(ComplementarySuppression.note) ? " (complementary suppression in this table)" : "")
            } else if let e = r.estimate {
                // The interval of the chosen method and level (never a fixed 1.96).
                value = MeasuresText.fixed(e.estimate * 100, 1) + "%"
                if let lo = r.lower, let hi = r.upper {
                    value += symmetric ? " ±" + MeasuresText.fixed((hi - lo) / 2 * 100, 1)
                        : " (" + MeasuresText.fixed(lo * 100, 1) + "–" + MeasuresText.fixed(hi * 100, 1) + ")"
                }
            }
            out += "  \(r.code ?? 0) \(MeasuresText.pad(String(label.prefix(60)), 62))\(value)\n"
            if let caveat = r.caveat { out += "      ! \(caveat)\n" }
        }
        if !report.notes.isEmpty { out += "\nNotes:\n" + report.notes.map { "  - \($0)\n" }.joined() }
        return out
    }
}
