import SurveyModel
import SurveyEstimation

/// The `tables` JSON (cli.md) and CSV: one entry per question, answer code and group.
public enum TablesJSON {
    /// Streamed (`JSONStream`): the bytes a `JSONValue` of the document would serialise to, at a
    /// fraction of the cost for the national tables (~22,000 entries).
    public static func render(_ report: MeasuresReport) -> String {
        var w = JSONStream(capacity: 512 * report.results.count + 4096)
        w.beginObject()
        w.key("schemaVersion"); w.int(1)
        w.key("survey"); w.string(report.survey)
        w.key("surveyYear"); w.string(report.surveyYear)
        w.key("interval"); w.value(.object([("method", .string(report.interval.rawValue)), ("level", .double(report.level))]))
        w.key("codebook"); w.value(MeasuresJSON.codebook(report))
        w.key("tables")
        w.beginArray()
        // Written in parallel parts (the national tables are ~22,000 entries), joined in order.
        let results = report.results
        let aggregate = report.aggregate
        w.parallelMembers(count: results.count, parts: results.count < 2000 ? 1 : 8, capacityPerMember: 512) { range, part in
            // A group's entries follow each other: its `group` object is built once per run of them.
            var lastGroup: (key: GroupKey, json: JSONValue)?
            for r in results[range] {
                let group: JSONValue
                if let lastGroup, lastGroup.key == r.group { group = lastGroup.json } else {
                    group = MeasuresJSON.group(r.group, aggregate: aggregate)
                    lastGroup = (r.group, group)
                }
                write(r, group: group, to: &part)
            }
        }
        w.endArray()
        w.key("notes"); w.strings(report.notes)
        w.endObject()
        return w.finish()
    }

    /// One entry of the `tables` array. A suppressed result reveals no count from which its base
    /// could be read (#18).
    static func write(_ r: MeasureResult, group: JSONValue, to w: inout JSONStream) {
        let e = r.estimate
        let hide = r.isSuppressed
        w.beginObject()
        w.key("question"); w.string(r.measure)
        w.key("code"); w.int(r.code ?? 0)
        w.key("group"); w.value(group)
        w.key("estimate"); w.number(hide ? nil : e?.estimate)
        w.key("standardError"); w.number(hide ? nil : e?.standardError)
        w.key("lower"); w.number(hide ? nil : r.lower)
        w.key("upper"); w.number(hide ? nil : r.upper)
        w.key("respondents")
        if let s = r.suppression { w.string(s) } else { w.int(e?.respondents ?? 0) }
        w.key("population"); w.number(e?.population)
        w.key("cells")
        if hide { w.null() } else { w.int(e?.cells ?? 0) }
        w.key("singleRespondentCells")
        if hide { w.null() } else { w.int(e?.singleRespondentCells ?? 0) }
        w.key("suppressed"); w.bool(hide)
        w.key("notes"); w.strings(r.notes)
        w.key("caveat")
        if let c = r.caveat { w.string(c) } else { w.null() }
        w.endObject()
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
