import SurveyModel
import SurveyFiles

/// Eligible populations from `--population` files and from workbooks' population sheets.
public enum PopulationInputs {
    public struct Loaded: Sendable {
        public var populations: Populations
        public var diagnostics: [Diagnostic]
        public var notes: [String]
    }

    public enum Failure: Error, CustomStringConvertible {
        case file(FileError)
        case none
        public var description: String {
            switch self {
            case let .file(error): return error.description
            case .none: return "no eligible populations: give --population FILE (LaCode,AgeBand,Gender,PSRGroup,Setting,Population; LaCode,Stratum,Population; or LaCode,Population), or returns whose workbooks fill in the Eligible Population sheet"
            }
        }
    }

    /// Every population file checked as `validate --population` does: a report per file (rows read,
    /// rows with errors) and the diagnostics; a file that cannot be read is an `unreadable-file` error.
    public static func check(files: [String], codebook: Codebook) -> (files: [FileReport], diagnostics: [Diagnostic]) {
        var reports: [FileReport] = []
        var diagnostics: [Diagnostic] = []
        for path in files {
            var summary = ReadSummary()
            do {
                let result = try PopulationFile.read(path: path, scheme: codebook.populations)
                summary.rowsRead = result.rowsRead
                summary.rowsWithErrors = Set(result.diagnostics.filter { $0.severity == .error }.compactMap(\.row)).count
                summary.errors = result.diagnostics.filter { $0.severity == .error }.count
                summary.warnings = result.diagnostics.count - summary.errors
                diagnostics += result.diagnostics
                reports.append(FileReport(path: path, format: "population", sheet: nil, codebook: codebook.id, summary: summary, error: nil))
            } catch {
                summary.errors = 1
                diagnostics.append(.error("unreadable-file", error.description, file: path))
                reports.append(FileReport(path: path, format: "population", sheet: nil, codebook: codebook.id, summary: summary, error: error.description))
            }
        }
        return (reports, diagnostics)
    }

    /// Files take precedence over workbook tables for the same council.
    /// `prefetched`: the files already read with the codebook's scheme, in order, up to and with
    /// the first that could not be read (`PopulationPrefetch`); nil = read them here.
    public static func load(files: [String], workbookRows: [PopulationRow], codebook: Codebook,
                            prefetched: [Result<PopulationFile.Result, FileError>]? = nil) throws(Failure) -> Loaded {
        var rows: [PopulationRow] = []
        var diagnostics: [Diagnostic] = []
        for (i, path) in files.enumerated() {
            do {
                let result: PopulationFile.Result
                if let prefetched { result = try prefetched[i].get() } else { result = try PopulationFile.read(path: path, scheme: codebook.populations) }
                if rows.isEmpty { rows = result.rows } else { rows.append(contentsOf: result.rows) }
                diagnostics.append(contentsOf: result.diagnostics)
            } catch {
                throw .file(error)
            }
        }
        let fromFiles = Set(rows.map(\.council))
        let fromWorkbooks = workbookRows.filter { !fromFiles.contains($0.council) }
        if !fromWorkbooks.isEmpty { rows.append(contentsOf: fromWorkbooks) }
        guard !rows.isEmpty else { throw .none }
        let populations = Populations(rows: rows, scheme: codebook.populations)
        var notes: [String] = []
        for set in populations.fallbackSets {
            notes.append("population set \"\(set)\" fell back to stratum populations: the population file has no age/gender/PSR/setting detail")
        }
        return Loaded(populations: populations, diagnostics: diagnostics, notes: notes)
    }
}
