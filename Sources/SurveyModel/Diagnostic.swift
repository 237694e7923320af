/// One problem found in the data, with where it is and which rule it breaks.
///
/// Readers and validators collect these in a list (a file with 500 problems reports 500);
/// the command decides the exit status from the severities.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    /// The file the problem is in (as given on the command line).
    public var file: String?
    /// The sheet, for workbooks; nil for CSV.
    public var sheet: String?
    /// The row a spreadsheet shows (header = 1, first data row = 2); nil for file-level problems.
    public var row: Int?
    /// The tidy column name (`q3a`, `Gender`, `SerialNo`, …), whatever the file's own header says.
    public var column: String?
    /// The offending value as written in the file.
    public var value: String?
    /// A stable rule identifier, e.g. `out-of-range`, `not-whole-number`, `duplicate-serial`.
    public var rule: String
    /// A sentence for a person.
    public var message: String

    public init(severity: Severity, file: String? = nil, sheet: String? = nil, row: Int? = nil,
                column: String? = nil, value: String? = nil, rule: String, message: String) {
        self.severity = severity
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.value = value
        self.rule = rule
        self.message = message
    }

    public static func error(_ rule: String, _ message: String, file: String? = nil, sheet: String? = nil,
                             row: Int? = nil, column: String? = nil, value: String? = nil) -> Diagnostic {
        Diagnostic(severity: .error, file: file, sheet: sheet, row: row, column: column, value: value,
                   rule: rule, message: message)
    }

    public static func warning(_ rule: String, _ message: String, file: String? = nil, sheet: String? = nil,
                               row: Int? = nil, column: String? = nil, value: String? = nil) -> Diagnostic {
        Diagnostic(severity: .warning, file: file, sheet: sheet, row: row, column: column, value: value,
                   rule: rule, message: message)
    }

    /// "file, sheet "S", row 12, column q3a" — the place, as a person reads it.
    public var location: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let sheet { parts.append("sheet \"\(sheet)\"") }
        if let row { parts.append("row \(row)") }
        if let column { parts.append("column \(column)") }
        return parts.joined(separator: ", ")
    }
}
