/// Counts of what a read accounted for. `rowsRead` = `respondents` + `nonRespondents` +
/// `responseUnknown`; skipped template and blank rows are counted apart, never in `rowsRead`.
public struct ReadSummary: Sendable, Hashable, Codable {
    public var rowsRead = 0
    public var respondents = 0
    public var nonRespondents = 0
    /// Rows whose Response code is missing or invalid: kept, neither respondent nor non-respondent.
    public var responseUnknown = 0
    /// Unused rows of the Excel template (no serial number and no data).
    public var templateRowsSkipped = 0
    /// Completely empty records (CSV blank lines, empty sheet rows).
    public var blankRowsSkipped = 0
    public var rowsWithErrors = 0
    /// Rows read but left out of the results: a council whose rows another file already gave.
    public var rowsNotUsed = 0
    public var errors = 0
    public var warnings = 0

    public init() {}

    public static func + (a: ReadSummary, b: ReadSummary) -> ReadSummary {
        var s = a
        s.rowsRead += b.rowsRead
        s.respondents += b.respondents
        s.nonRespondents += b.nonRespondents
        s.responseUnknown += b.responseUnknown
        s.templateRowsSkipped += b.templateRowsSkipped
        s.blankRowsSkipped += b.blankRowsSkipped
        s.rowsWithErrors += b.rowsWithErrors
        s.rowsNotUsed += b.rowsNotUsed
        s.errors += b.errors
        s.warnings += b.warnings
        return s
    }

    /// Whether every row is accounted for.
    public var isBalanced: Bool { rowsRead == respondents + nonRespondents + responseUnknown }
}

/// What one input file gave.
public struct FileReport: Sendable, Codable {
    public var path: String
    public var format: String
    public var sheet: String?
    public var codebook: String?
    /// The status of that codebook in its data file (a provisional one is flagged in the outputs).
    public var codebookStatus: Status?
    public var summary: ReadSummary
    /// Why the file could not be read at all (nil when it was read).
    public var error: String?

    public init(path: String, format: String, sheet: String?, codebook: String?, summary: ReadSummary, error: String?) {
        self.path = path
        self.format = format
        self.sheet = sheet
        self.codebook = codebook
        self.summary = summary
        self.error = error
    }
}

