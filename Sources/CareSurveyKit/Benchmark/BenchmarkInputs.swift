import Foundation
import SurveyModel
import SurveyFiles
import SurveyEstimation
import SurveyBenchmark

/// What `caresurvey benchmark` reads: published ASCOF data files, the ASCS annex tables, and
/// CareSurvey's own `measures` results (JSON or CSV), for one or more years.
public struct BenchmarkInputs: Sendable {
    public var published = PublishedFigures()
    public var annex: [AnnexTables] = []
    /// CareSurvey's own results, by file.
    public var own: [YearFigures] = []
    public var notes: [String] = []

    public init() {}
}

extension Toolkit {
    enum BenchmarkInputKind { case ascof, annex, resultsJSON, resultsCSV }

    static func benchmarkInputKind(_ path: String) -> BenchmarkInputKind? {
        if path.lowercased().hasSuffix(".xlsx") { return .annex }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
        let trimmed = head.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
        if trimmed.hasPrefix("{") { return .resultsJSON }
        let first = (trimmed.split(whereSeparator: \.isNewline).first.map(String.init) ?? "").lowercased().filter { $0.isLetter || $0 == "," }
        if first.contains("measuretype") { return .ascof }
        if first.hasPrefix("measure,") && first.contains("standarderror") { return .resultsCSV }
        return nil
    }

    /// Reads every input, whatever its kind (told from its content).
    public func readBenchmarkInputs(_ paths: [String], year: String?, councils: Councils,
                                    catalogue: MeasureCatalogue) throws(PipelineError) -> BenchmarkInputs {
        var inputs = BenchmarkInputs()
        let ascof = AscofDataFile(catalogue: catalogue, councils: councils)
        // The ASCOF files are read in parallel first; the loop below uses them in the inputs' order.
        let kinds = paths.map { FileManager.default.isReadableFile(atPath: $0) ? Self.benchmarkInputKind($0) : nil }
        let ascofAt = paths.indices.filter { kinds[$0] == .ascof }
        var read: [Int: Result<PublishedFigures, FileError>] = [:]
        for (i, result) in zip(ascofAt, ascof.readEach(paths: ascofAt.map { paths[$0] }, year: year)) { read[i] = result }
        for (i, path) in paths.enumerated() {
            guard FileManager.default.isReadableFile(atPath: path) else { throw .invalidInput("\(path): cannot read the file") }
            do {
                switch kinds[i] {
                case .ascof: inputs.published.append(try read[i]!.get())
                case .annex: inputs.annex.append(try AnnexTablesReader.read(path: path, year: year))
                case .resultsJSON: inputs.own.append(try Self.readResultsJSON(path))
                case .resultsCSV: inputs.own.append(try Self.readResultsCSV(path, year: year))
                case nil:
                    throw PipelineError.invalidInput("\(path): not an ASCOF data file (no \"Measure type\" column), annex tables workbook (.xlsx) or CareSurvey measures output")
                }
            } catch let error as FileError {
                throw .invalidInput(error.description)
            } catch let error as PipelineError {
                throw error
            } catch {
                throw .invalidInput("\(path): \(error)")
            }
        }
        for own in inputs.own where own.surveyYear == nil {
            throw .invalidInput("\(own.source): the results do not say their survey year; give it with --year")
        }
        return inputs
    }

    /// CareSurvey's `measures --format csv` output (its documented columns). The CSV has no year
    /// column: `year` must be given.
    static func readResultsCSV(_ path: String, year: String?) throws(PipelineError) -> YearFigures {
        let rows: [[String: String]]
        do { rows = try SimpleCSV.records(path: path) } catch { throw .invalidInput(error.description) }
        var inputs: [ComparisonInput] = []
        var skipped = 0
        for (i, row) in rows.enumerated() {
            guard let measure = row["measure"], let level = row["level"].flatMap(GroupKey.Level.init(rawValue:)) else {
                throw .invalidInput("\(path), row \(i + 2): needs measure and level (a CSV written by `caresurvey measures`)")
            }
            guard row["suppressed"] != "true", let estimate = row["estimate"].flatMap(Double.init),
                  let se = row["standarderror"].flatMap(Double.init) else { skipped += 1; continue }
            var key = GroupKey(level: level, council: row["council"].flatMap { $0.isEmpty ? nil : $0 },
                               group: row["group"].flatMap { $0.isEmpty ? nil : $0 })
            if let v = row["byvariable"], !v.isEmpty { key.byVariable = v; key.byValue = row["byvalue"] }
            var input = ComparisonInput(measure: measure, group: key, estimate: estimate, standardError: se, surveyYear: year,
                                        respondents: row["respondents"].flatMap { Int($0) })
            input.population = row["population"].flatMap(Double.init)
            inputs.append(input)
        }
        let notes = skipped > 0 ? ["\(path): \(skipped) results without an estimate (suppressed) were not used"] : []
        return YearFigures(survey: nil, surveyYear: year, inputs: inputs, notes: notes, source: path)
    }
}
