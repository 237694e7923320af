import SurveyModel
import SurveyEstimation

/// The `tables` results laid out as the published ASCS annex tables, so a publication can be
/// checked against them sheet by sheet: answers by council with respondents (T1), margins of
/// error (T5) and response rates (T4). One row per council (then England; groups of a
/// `--by GROUPFILE` follow), one column per question and answer; the question heading sits above
/// its first answer column (no merged cells). Domain results (`--by gender`, …) are in the long
/// table only.
public enum AnnexTables {
    public static func tables(_ report: MeasuresReport, responseRates: [ResponseRate], answerLabel: (String, Int) -> String?) -> [ReportTable] {
        let layout = Layout(report)
        return [answers(report, layout, answerLabel: answerLabel), margins(report, layout, answerLabel: answerLabel),
                rates(report, layout, responseRates: responseRates)]
    }

    /// Groups (rows) and questions with their codes (columns), in the order of the results.
    struct Layout {
        var groups: [GroupKey] = []
        var questions: [(question: String, name: String, codes: [Int])] = []
        /// (question, code, group) → result index.
        var index: [String: Int] = [:]

        init(_ report: MeasuresReport) {
            var seenGroups: Set<GroupKey> = []
            var questionIndex: [String: Int] = [:]
            for (i, r) in report.results.enumerated() where r.group.byVariable == nil {
                if seenGroups.insert(r.group).inserted { groups.append(r.group) }
                let code = r.code ?? 0
                if let q = questionIndex[r.measure] {
                    if !questions[q].codes.contains(code) { questions[q].codes.append(code) }
                } else {
                    questionIndex[r.measure] = questions.count
                    questions.append((r.measure, r.name, [code]))
                }
                index[Self.key(r.measure, code, r.group)] = i
            }
        }

        static func key(_ question: String, _ code: Int, _ group: GroupKey) -> String {
            "\(question)|\(code)|\(group.level.rawValue)|\(group.council ?? "")|\(group.group ?? "")"
        }

        func result(_ report: MeasuresReport, _ question: String, _ code: Int, _ group: GroupKey) -> MeasureResult? {
            index[Self.key(question, code, group)].map { report.results[$0] }
        }
    }

    static func rowLabels(_ group: GroupKey) -> [CSVWriter.Cell] {
        switch group.level {
        case .england: return [.text("England"), .text("England")]
        case .council: return [.text(group.council ?? ""), .text("Council")]
        default: return [.text(group.group ?? group.label), .text(group.level.rawValue)]
        }
    }

    private static func perAnswer(_ report: MeasuresReport, _ layout: Layout, title: String, sheet: String, description: String,
                                  answerLabel: (String, Int) -> String?, respondents: Bool,
                                  value: (MeasureResult) -> CSVWriter.Cell) -> ReportTable {
        var columns: [ReportTable.Column] = [.init("Council code"), .init("Level")]
        var headings: [String?] = [nil, nil]
        for q in layout.questions {
            for (i, code) in q.codes.enumerated() {
                columns.append(.init("\(code) \(answerLabel(q.question, code) ?? "")".trimmingCharacters(in: .whitespaces), .percent))
                headings.append(i == 0 ? "\(q.question) - \(q.name)" : nil)
            }
            if respondents {
                columns.append(.init("Respondents", .count))
                headings.append(nil)
            }
        }
        var t = ReportTable(title: title, sheetName: sheet, description: description, columns: columns)
        t.groupHeadings = headings
        t.frozenColumns = 2
        for group in layout.groups {
            var row = rowLabels(group)
            for q in layout.questions {
                var n: Int?
                for code in q.codes {
                    guard let r = layout.result(report, q.question, code, group) else { row.append(.text(MissingMarker.notAvailable.rawValue)); continue }
                    row.append(r.suppression.map(CSVWriter.Cell.text) ?? value(r))
                    if let e = r.estimate { n = e.respondents }
                }
                if respondents { row.append(n.map(CSVWriter.Cell.integer) ?? .text(MissingMarker.notAvailable.rawValue)) }
            }
            t.rows.append(row)
        }
        return t
    }

    static func answers(_ report: MeasuresReport, _ layout: Layout, answerLabel: (String, Int) -> String?) -> ReportTable {
        perAnswer(report, layout, title: "Table T1: Profile of answers to every question, by council",
                  sheet: "T1 - Answers by Council",
                  description: "Weighted percentage of respondents with a valid answer who gave each answer; Respondents: valid answers to the question. [c], [x]: see the Notes sheet.",
                  answerLabel: answerLabel, respondents: true) { r in .optional(r.estimate?.estimate) }
    }

    static func margins(_ report: MeasuresReport, _ layout: Layout, answerLabel: (String, Int) -> String?) -> ReportTable {
        perAnswer(report, layout, title: "Table T5: Margin of error for each estimate, by council, at the \(ResultTableText.percent(report.level)) confidence level",
                  sheet: "T5 - Margins of Error",
                  description: "Half the width of the \(report.interval.rawValue) confidence interval (percentage points, shown as a percentage).",
                  answerLabel: answerLabel, respondents: false) { r in
            guard let lower = r.lower, let upper = r.upper else { return .empty }
            return .number((upper - lower) / 2)
        }
    }

    static func rates(_ report: MeasuresReport, _ layout: Layout, responseRates: [ResponseRate]) -> ReportTable {
        let totals = Dictionary(responseRates.filter { $0.stratum == nil }.map { ($0.council, $0) }, uniquingKeysWith: { a, _ in a })
        var columns: [ReportTable.Column] = [.init("Council code"), .init("Level"), .init("Sampled", .count), .init("Respondents", .count),
                                             .init("Total questionnaire response rate", .percent)]
        columns += layout.questions.map { .init($0.question, .percent) }
        var t = ReportTable(title: "Table T4: Response rates for every question, by council", sheetName: "T4 - Response Rates",
                            description: "Total: respondents / people sampled. Per question: valid answers / respondents.",
                            columns: columns)
        t.frozenColumns = 2
        for group in layout.groups {
            var row = rowLabels(group)
            let councilRates: [ResponseRate]
            switch group.level {
            case .council: councilRates = group.council.flatMap { totals[$0] }.map { [$0] } ?? []
            case .england: councilRates = Array(totals.values)
            default: councilRates = []
            }
            let sampled = councilRates.reduce(0) { $0 + $1.sampled }
            let respondents = councilRates.reduce(0) { $0 + $1.respondents }
            if councilRates.isEmpty {
                row += [.text(MissingMarker.notAvailable.rawValue), .text(MissingMarker.notAvailable.rawValue), .text(MissingMarker.notAvailable.rawValue)]
            } else {
                row += [.integer(sampled), .integer(respondents), sampled > 0 ? .number(Double(respondents) / Double(sampled)) : .text(MissingMarker.notAvailable.rawValue)]
            }
            for q in layout.questions {
                let answered = q.codes.lazy.compactMap { layout.result(report, q.question, $0, group)?.estimate?.respondents }.first
                if let answered, respondents > 0 {
                    row.append(.number(Double(answered) / Double(respondents)))
                } else {
                    row.append(.text(MissingMarker.notAvailable.rawValue))
                }
            }
            t.rows.append(row)
        }
        return t
    }
}
