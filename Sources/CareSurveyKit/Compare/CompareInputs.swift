import Foundation
import SurveyModel
import SurveyFiles
import SurveyEstimation

/// One year's figures for `compare`, from any of the three input kinds (statistics.md §5):
/// a results JSON written by `measures`, a published-figures CSV
/// (`measure,council,estimate,marginOfError[,surveyYear]`, SE = MoE/1.96), or returns with populations.
public struct YearFigures: Sendable {
    public var survey: String?
    public var surveyYear: String?
    public var inputs: [ComparisonInput]
    public var notes: [String]
    public var source: String
}

extension Toolkit {
    /// Reads one side of a comparison. `populations` are used when `paths` are returns.
    public func yearFigures(paths: [String], populations: [String], options: LoadOptions,
                            estimation: EstimationOptions) throws(PipelineError) -> YearFigures {
        guard !paths.isEmpty else { throw .invalidInput("compare needs --before and --after inputs") }
        if paths.count == 1, let kind = Self.sniffFigures(paths[0]) {
            switch kind {
            case .resultsJSON: return try Self.readResultsJSON(paths[0])
            case .published: return try readPublished(paths[0], surveyYear: options.surveyYear)
            }
        }
        var unsuppressed = estimation
        unsuppressed.suppressBelow = 0
        unsuppressed.domains = []
        let prepared = try prepare(returns: paths, populationFiles: populations, options: options)
        let report = try measures(prepared, options: unsuppressed)
        let inputs = report.results.compactMap { r -> ComparisonInput? in
            guard let e = r.estimate else { return nil }
            return ComparisonInput(measure: r.measure, group: r.group, estimate: e.estimate, standardError: e.standardError,
                                   surveyYear: report.surveyYear, respondents: e.respondents)
        }
        return YearFigures(survey: report.survey, surveyYear: report.surveyYear, inputs: inputs, notes: report.notes,
                           source: paths.joined(separator: ", "))
    }

    enum FiguresKind { case resultsJSON, published }

    static func sniffFigures(_ path: String) -> FiguresKind? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
        let trimmed = head.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
        if trimmed.hasPrefix("{") { return .resultsJSON }
        let firstLine = trimmed.split(whereSeparator: \.isNewline).first.map(String.init)?.lowercased() ?? ""
        if firstLine.contains("marginoferror") { return .published }
        return nil
    }

    /// A results JSON, read by the one model of that file (`ResultsFile`). Suppressed results and
    /// results without an estimate are not compared, and the notes say how many.
    static func readResultsJSON(_ path: String) throws(PipelineError) -> YearFigures {
        guard let data = FileManager.default.contents(atPath: path) else { throw .invalidInput("\(path): cannot be read") }
        let file: ResultsFile
        do throws(ResultsFile.DecodeError) { file = try ResultsFile.decode(data) } catch { throw .invalidInput("\(path): \(error)") }
        var inputs: [ComparisonInput] = []
        var suppressed = 0, empty = 0
        for r in file.results {
            guard !r.suppressed else { suppressed += 1; continue }
            guard let estimate = r.estimate, let se = r.standardError else { empty += 1; continue }
            var input = ComparisonInput(measure: r.measure, group: r.group, estimate: estimate, standardError: se,
                                        surveyYear: file.surveyYear, respondents: r.respondents?.count)
            input.population = r.population
            inputs.append(input)
        }
        var notes: [String] = []
        if suppressed > 0 { notes.append("\(path): \(suppressed) suppressed results were not compared") }
        if empty > 0 { notes.append("\(path): \(empty) results without an estimate were not compared") }
        return YearFigures(survey: file.survey, surveyYear: file.surveyYear, inputs: inputs, notes: notes, source: path)
    }

    /// A published-figures CSV: `measure,council,estimate,marginOfError[,surveyYear][,unit]`. The
    /// unit of each row is the measure definition's published unit (`Reference/ascof-measures.json`:
    /// a proportion is published in percent, a score as is) unless the file's `unit` column says
    /// `percent` or `fraction`; never the size of the number. A value impossible in its unit is an
    /// error; a percentage of 1 or less is read as given and named in a note (a file of fractions
    /// needs `unit` = `fraction`).
    func readPublished(_ path: String, surveyYear: String?) throws(PipelineError) -> YearFigures {
        let rows: [[String: String]]
        do { rows = try SimpleCSV.records(path: path) } catch { throw .invalidInput(error.description) }
        var inputs: [ComparisonInput] = []
        var notes: [String] = []
        var year = surveyYear
        let proportions = Set(codebooks.flatMap(\.measures).filter { $0.kind == .proportion }.map(\.code))
        // Codes are read in the ASCOF numbering of the figures' year (1B was control before 2023-24).
        let catalogue: MeasureCatalogue
        do { catalogue = try data.measureCatalogue() } catch { throw .data(error) }
        var unknown: [String] = []
        var smallPercentages: [String] = []
        for (i, row) in rows.enumerated() {
            let place = "\(path), row \(i + 2)"
            guard let code = row["measure"], let councilText = row["council"],
                  let estimate = row["estimate"].flatMap(Double.init), let moe = row["marginoferror"].flatMap(Double.init),
                  estimate.isFinite, moe.isFinite, moe >= 0 else {
                throw .invalidInput("\(place): needs measure, council, estimate and marginOfError (finite numbers, marginOfError 0 or more)")
            }
            if let y = row["surveyyear"], !y.isEmpty { year = y }
            var measure = code
            var unit: MeasureUnit = proportions.contains(code) ? .percent : .score
            if let y = year {
                guard let resolved = catalogue.measure(code: code, year: y), resolved.source == .survey else {
                    unknown.append("row \(i + 2): \(code)")
                    continue
                }
                measure = resolved.id
                unit = resolved.unit
            }
            let scale: Double
            switch (row["unit"]?.lowercased() ?? "", unit) {
            case ("", .percent), ("percent", .percent): scale = 100
            case ("", _), ("fraction", .percent): scale = 1
            case (let given, _) where given == "percent" || given == "fraction":
                throw .invalidInput("\(place): unit \(given) does not apply to \(code), a \(unit.rawValue) measure (leave unit empty)")
            case (let given, _):
                throw .invalidInput("\(place): unit \"\(given)\" is not percent or fraction")
            }
            if unit == .percent {
                guard (0...scale).contains(estimate) else {
                    throw .invalidInput("\(place): \(code) \(estimate) is not a \(scale == 100 ? "percentage (0–100)" : "fraction (0–1)")")
                }
                if scale == 100, estimate <= 1 { smallPercentages.append("row \(i + 2): \(code) \(row["estimate"] ?? "")") }
            }
            let group: GroupKey = councilText.lowercased() == "england" ? .england : .council(councilText)
            inputs.append(ComparisonInput(measure: measure, group: group, estimate: estimate / scale,
                                          standardError: moe / scale / CriticalValue.published95, surveyYear: year))
        }
        if inputs.contains(where: { proportions.contains($0.measure) }) || !smallPercentages.isEmpty {
            notes.append("\(path): proportions read as percentages (the measures' published unit) unless the unit column says fraction")
        }
        if !smallPercentages.isEmpty {
            notes.append("\(path): \(smallPercentages.count) percentage\(smallPercentages.count == 1 ? "" : "s") of 1 or less read as given (\(Self.list(smallPercentages))); if the file holds fractions, add a unit column with fraction")
        }
        if !unknown.isEmpty {
            notes.append("\(path): \(unknown.count) row\(unknown.count == 1 ? "" : "s") with a code that is not a survey measure in the ASCOF numbering of \(year ?? "its year") were not compared (\(Self.list(unknown)))")
        }
        if year == nil {
            notes.append("\(path): no survey year (give a surveyYear column or --before-year/--after-year): codes were read as today's numbering")
        }
        return YearFigures(survey: nil, surveyYear: year, inputs: inputs, notes: notes, source: path)
    }

    /// The first five items, then "…".
    static func list(_ items: [String]) -> String {
        items.prefix(5).joined(separator: "; ") + (items.count > 5 ? "; …" : "")
    }

    /// The notes of both inputs, then the (measure, group) pairs that only one input has: they are
    /// not compared, and every output says so.
    public func comparisonNotes(before: YearFigures, after: YearFigures) -> [String] {
        func keys(_ f: YearFigures) -> [ResultKey] { f.inputs.map { ResultKey(measure: $0.measure, group: $0.group) } }
        let (b, a) = (keys(before), keys(after))
        let (inBefore, inAfter) = (Set(b), Set(a))
        var notes = before.notes + after.notes
        for (side, list, other) in [("before", b, inAfter), ("after", a, inBefore)] {
            let alone = list.filter { !other.contains($0) }.map { "\($0.measure) \($0.group.label)" }
            if !alone.isEmpty {
                notes.append("\(alone.count) result\(alone.count == 1 ? "" : "s") only in the \(side) input \(alone.count == 1 ? "is" : "are") not compared (\(Self.list(alone)))")
            }
        }
        return notes
    }

    /// Year-on-year comparison of two sets of figures.
    public func compare(before: YearFigures, after: YearFigures, options: ChangeTest.Options) -> [Comparison] {
        let measures = codebooks.flatMap(\.measures)
        return ChangeTest.compare(before: before.inputs, after: after.inputs, options: options,
                                  polarity: { code in measures.first { $0.code == code }?.polarity ?? .higherIsBetter },
                                  comparable: { code, a, b in
                                      guard let a, let b, let m = measures.first(where: { $0.code == code }) else { return true }
                                      return m.isComparable(from: a, to: b)
                                  })
    }
}
