import SurveyModel
import SurveyFiles

/// What stops a command before it publishes anything: returns read with a codebook that does not
/// fit, input files that could not be read, population rows that were rejected, and councils given
/// twice. Each is a list of diagnostics (file, row, column, value, rule).
public struct InputProblems: Sendable {
    /// `codebook-mismatch` (a file fits another codebook) and missing mandatory columns.
    public var codebook: [Diagnostic] = []
    /// Files that could not be read (`unreadable-file`), and councils given by two files.
    public var files: [Diagnostic] = []
    /// Rejected population rows.
    public var populationRows: [Diagnostic] = []

    /// The diagnostics that make the input incomplete (`--allow-partial` accepts them).
    public var partial: [Diagnostic] { files + populationRows }

    /// Rules that mean the returns were read with a codebook that does not fit.
    static let codebookRules: Set<String> = ["codebook-mismatch", "missing-column"]
    /// Rules of the file-level problems that leave input out.
    static let fileRules: Set<String> = ["unreadable-file", "council-in-two-files", "mixed-surveys"]

    public init(loaded: LoadedReturns, populationDiagnostics: [Diagnostic]) {
        for d in loaded.diagnostics where d.severity == .error {
            if Self.codebookRules.contains(d.rule) { codebook.append(d) } else if Self.fileRules.contains(d.rule) { files.append(d) }
            // Cells of a workbook's Eligible Population sheet.
            if d.rule == "invalid-population" { populationRows.append(d) }
        }
        populationRows += populationDiagnostics.filter { $0.severity == .error }
    }

    /// One line per diagnostic, at most `limit`.
    static func lines(_ diagnostics: [Diagnostic], limit: Int = 20) -> String {
        var out = diagnostics.prefix(limit).map { "  - \($0.location): \($0.message) [\($0.rule)]" }
        if diagnostics.count > limit { out.append("  … and \(diagnostics.count - limit) more (run `caresurvey validate` with --population for all)") }
        return out.joined(separator: "\n")
    }

    /// The notes every output carries when the input was accepted although incomplete or forced.
    func notes(loaded: LoadedReturns) -> [String] {
        var notes: [String] = []
        for d in loaded.diagnostics where d.rule == "codebook-forced" {
            notes.append("WARNING: \(d.file ?? "a file"): \(d.message)")
        }
        if !codebook.isEmpty {
            notes.append("WARNING: read with --force-codebook despite \(codebook.count) codebook problem\(codebook.count == 1 ? "" : "s") (\(codebook.map(\.rule).uniqued().joined(separator: ", ")))")
        }
        if !files.isEmpty {
            let used = loaded.files.filter { $0.error == nil }.count
            notes.append("partial input (--allow-partial): \(used) of \(loaded.files.count) files used; not used: " + files.map { "\($0.file ?? "?") [\($0.rule)]" }.uniqued().joined(separator: ", "))
        }
        if !populationRows.isEmpty {
            let files = populationRows.compactMap(\.file).uniqued()
            notes.append("partial input (--allow-partial): \(populationRows.count) population row\(populationRows.count == 1 ? "" : "s") rejected and not used (\(files.joined(separator: ", "))): rows " + populationRows.prefix(10).map { "\($0.row.map(String.init) ?? "?")" }.joined(separator: ", ") + (populationRows.count > 10 ? ", …" : ""))
        }
        return notes
    }
}

extension Array where Element == String {
    /// The strings in order, each once.
    func uniqued() -> [String] {
        var seen: Set<String> = []
        return filter { seen.insert($0).inserted }
    }
}
