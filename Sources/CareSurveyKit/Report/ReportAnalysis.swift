import Foundation
import SurveyModel
import SurveyFiles
import SurveyEstimation
import SurveyReports

/// Choices for `report`.
public struct ReportOptions: Sendable {
    /// Interval method, level, single-respondent policy and `--suppress-below` (default 3).
    /// The grouping is always councils and England; domains are not used.
    public var estimation = EstimationOptions()
    /// The council the report is about; nil = the only council when there is one, else all councils.
    public var focusCouncil: String?
    /// Year-on-year test: α and which p drives the flag.
    public var alpha = 0.05
    public var adjust = Comparison.Adjustment.none
    /// Shown in the report's footer and `generator` meta tag.
    public var generatedBy = "caresurvey report"
    public init() {}
}

extension Toolkit {
    /// Everything the HTML report shows, from prepared returns and (optionally) the previous
    /// year's figures (`yearFigures`, any of its three input kinds). File paths are reduced to
    /// file names so the report is the same wherever the files are.
    public func reportInput(_ survey: PreparedSurvey, options: ReportOptions, previous: YearFigures? = nil,
                            previousPaths: [String] = []) throws(PipelineError) -> ReportInput {
        let table = survey.scored.table
        let councils = table.councils.sorted()
        var focus = options.focusCouncil
        if let code = focus, !councils.contains(code) {
            let listed = councils.prefix(20).joined(separator: ", ") + (councils.count > 20 ? ", …" : "")
            throw .invalidInput("--council \(code): not a council in the returns (councils: \(listed))")
        }
        if focus == nil, councils.count == 1 { focus = councils[0] }

        var estimation = options.estimation
        estimation.grouping = .councilsAndEngland
        estimation.domains = []
        let measuresReport = try measures(survey, options: estimation)
        let tablesReport = try tables(survey, options: estimation)

        var comparisons: [Comparison]?
        var previousFacts: ReportInput.PreviousFigures?
        if let previous {
            let current = measuresReport.results.compactMap { $0.comparisonInput(surveyYear: measuresReport.surveyYear) }
            var test = ChangeTest.Options()
            test.alpha = options.alpha
            test.adjust = options.adjust
            test.level = estimation.level
            test.suppressBelow = estimation.suppressBelow
            comparisons = compare(before: previous, after: YearFigures(survey: measuresReport.survey, surveyYear: measuresReport.surveyYear,
                                                                       inputs: current, notes: [], source: ""), options: test)
            let expanded = previousPaths.count == 1 ? previousPaths : ReturnLoader.expand(previousPaths)
            let kind: String
            if previousPaths.count == 1, let sniffed = Self.sniffFigures(previousPaths[0]) {
                kind = sniffed == .resultsJSON ? "results JSON written by caresurvey measures" : "published figures (estimate and margin of error)"
            } else {
                kind = "returns with their populations, estimated as this year’s"
            }
            var notes = previous.notes.map { Self.hidePaths($0) }
            if let year = previous.surveyYear, year >= measuresReport.surveyYear {
                notes.append("the previous figures’ survey year (\(year)) is not earlier than this year’s (\(measuresReport.surveyYear))")
            }
            if let s = previous.survey, s.lowercased() != measuresReport.survey.lowercased() {
                notes.append("the previous figures are from the \(s) survey, this year’s from \(measuresReport.survey)")
            }
            if comparisons?.isEmpty == true { notes.append("no measure and council is present in both years") }
            previousFacts = ReportInput.PreviousFigures(kind: kind, files: expanded.map(Self.fileName), surveyYear: previous.surveyYear,
                                                        notes: notes)
        }

        var files = survey.loaded.files
        for i in files.indices {
            files[i].error = files[i].error.map { Self.hidePaths($0) }
            files[i].path = Self.fileName(files[i].path)
        }
        struct RuleKey: Hashable { var severity: Diagnostic.Severity; var rule: String }
        var counts: [RuleKey: Int] = [:]
        for d in survey.loaded.diagnostics + survey.populationDiagnostics { counts[RuleKey(severity: d.severity, rule: d.rule), default: 0] += 1 }
        let ruleCounts = counts.map { key, count in ReportInput.RuleCount(rule: key.rule, severity: key.severity, count: count) }.sorted { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            if a.count != b.count { return a.count > b.count }
            return a.rule < b.rule
        }

        let codebook = survey.codebook
        var modelIDs: [String] = []
        for m in codebook.measures {
            for include in m.score?.include ?? [] where !modelIDs.contains(include.model) { modelIDs.append(include.model) }
        }
        let models = modelIDs.compactMap { self.models[$0] }.map {
            ReportInput.ScoreModelFact(id: $0.id, name: $0.name, status: $0.status, source: $0.source, year: $0.year)
        }
        let method = ReportInput.MethodFacts(interval: estimation.interval, level: estimation.level, suppressBelow: estimation.suppressBelow,
                                             singleRespondent: estimation.singleRespondent, alpha: options.alpha, adjust: options.adjust,
                                             scoreModels: models)
        let notes = measuresReport.notes.map { Self.hidePaths($0) }
        var measuresOut = measuresReport
        measuresOut.notes = notes
        var tablesOut = tablesReport
        tablesOut.notes = tablesReport.notes.map { Self.hidePaths($0) }
        return ReportInput(measures: measuresOut, tables: tablesOut, comparisons: comparisons, previous: previousFacts,
                           summary: survey.loaded.summary, files: files, diagnosticCounts: ruleCounts, codebook: codebook,
                           councils: councils, respondentsByCouncil: Self.respondentsByCouncil(survey), focusCouncil: focus, method: method, notes: [], generatedBy: options.generatedBy)
    }

    static func respondentsByCouncil(_ survey: PreparedSurvey) -> [String: Int] {
        let table = survey.scored.table
        var counts = [Int](repeating: 0, count: table.councils.count)
        for row in 0..<min(table.count, survey.scored.isRespondent.count) where survey.scored.isRespondent[row] {
            let index = Int(table.council[row])
            if index >= 0, index < counts.count { counts[index] += 1 }
        }
        var out: [String: Int] = [:]
        for (i, code) in table.councils.enumerated() { out[code, default: 0] += counts[i] }
        return out
    }

    static func fileName(_ path: String) -> String { (path as NSString).lastPathComponent }

    /// Replaces every absolute (or `./`, `../`, `~/`) path in `text` by its file name, so messages
    /// never show where the files were.
    static func hidePaths(_ text: String) -> String {
        guard text.contains("/"),
              let regex = try? NSRegularExpression(pattern: #"(?<![\w.])(?:~?/|\.\.?/)(?:[^\s/:,;()"'`]+/)*([^\s/:,;()"'`]+)"#) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return regex.stringByReplacingMatches(in: text, range: range, withTemplate: "$1")
    }
}
