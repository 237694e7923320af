/// Errors that stop a whole file from being read. Problems inside a readable file are
/// `Diagnostic` values instead, collected in a list.
public enum FileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read at all.
    case unreadable(file: String, reason: String)
    /// The file is not a workbook or CSV file we can read (wrong content, truncated zip, …).
    case notAWorkbook(file: String, reason: String)
    /// An encrypted (password-protected) Office file.
    case encryptedWorkbook(file: String)
    /// An old binary Excel (.xls, BIFF) file.
    case legacyExcel(file: String)
    /// The expected sheet does not exist. `found` lists the sheets, `suggestion` the near match.
    case sheetNotFound(file: String, expected: String, found: [String], suggestion: String?)
    /// Structurally broken content at a location.
    case malformed(file: String, sheet: String?, row: Int?, column: String?, reason: String)
    /// A safety limit was exceeded (zip bomb, absurd dimensions, entity expansion, …).
    case limitExceeded(file: String, limit: String, reason: String)
    /// A required column is missing, so the file cannot be interpreted.
    case missingColumns(file: String, sheet: String?, columns: [String])
    /// The file's columns do not fit the chosen (or detected) codebook; `fits` is the one they fit.
    case codebookMismatch(file: String, sheet: String?, expected: String, fits: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the file: \(reason)"
        case let .notAWorkbook(file, reason):
            return "\(file): not a readable .xlsx workbook or CSV file: \(reason)"
        case let .encryptedWorkbook(file):
            return "\(file): the workbook is password-protected (encrypted). Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it as .xlsx and try again."
        case let .legacyExcel(file):
            return "\(file): this is an old binary Excel file (.xls). Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx), then try again."
        case let .sheetNotFound(file, expected, found, suggestion):
            var text = "\(file): no sheet named \"\(expected)\"; the workbook has: \(found.map { "\"\($0)\"" }.joined(separator: ", "))"
            if let suggestion { text += ". Did you mean \"\(suggestion)\"? Rename it to \"\(expected)\"." }
            return text
        case let .malformed(file, sheet, row, column, reason):
            var place = file
            if let sheet { place += ", sheet \"\(sheet)\"" }
            if let row { place += ", row \(row)" }
            if let column { place += ", column \(column)" }
            return "\(place): \(reason)"
        case let .limitExceeded(file, limit, reason):
            return "\(file): refused: \(reason) (limit: \(limit))"
        case let .missingColumns(file, sheet, columns):
            var place = file
            if let sheet { place += ", sheet \"\(sheet)\"" }
            return "\(place): required columns missing: \(columns.joined(separator: ", "))"
        case let .codebookMismatch(file, _, expected, fits, reason):
            return "\(file): the columns do not fit \(expected) (\(reason)); they fit \(fits). Choose it with --survey and --survey-year, or read it as \(expected) anyway with --force-codebook"
        }
    }
}
