import Foundation

/// Writes a valid `.xlsx` workbook: one worksheet per sheet, numbers as numeric cells (full
/// precision, with a display format), text through the shared-string table (never a formula: the
/// writer has no formula cells, so text that begins with `=` stays text), a small fixed style
/// sheet (`Style`), column widths, frozen panes and links to other sheets. Used for the official
/// data-return layout (`caresurvey example`) and every `--format xlsx` output.
///
/// ```swift
/// try XLSXWriter.write(sheets: [XLSXWriter.Sheet(name: "Data", rows: [[.text("Age")], [.integer(67)]])],
///                      to: "out.xlsx")
/// ```
///
/// Rows are 1-based as a spreadsheet shows them: `rows[0]` is row 1. A `nil` cell (or a short row)
/// is left empty; an empty row is omitted. Output is deterministic: the same sheets give the same
/// bytes (fixed zip timestamps).
public enum XLSXWriter {
    /// One cell value.
    public enum Value: Sendable, Hashable {
        case text(String)
        case integer(Int)
        /// A finite number (NaN and infinities are written as empty cells).
        case number(Double)
        /// A number shown with a display format (the cell keeps the full value).
        case formatted(Double, Style)
        /// Text in a style (title, header, link, wrapped).
        case styled(String, Style)
    }

    /// The writer's cell formats (the `cellXfs` of its style sheet, in this order).
    public enum Style: Int, Sendable, Hashable, CaseIterable {
        case normal = 0
        /// Bold, larger: a sheet's title in A1.
        case title
        /// Bold: a table's header row.
        case header
        /// `#,##0`: counts.
        case count
        /// `0.0%`: proportions stored as fractions.
        case percent
        /// `0.000`: scores and other non-proportion estimates.
        case decimal
        /// `0.0000`: p-values.
        case pValue
        /// Blue, underlined: a link.
        case link
        /// Wrapped text, top-aligned (notes).
        case wrapped
        /// `0`: whole numbers without thousands separators (codes, row numbers).
        case whole
    }

    /// A link from a cell to a place in the workbook (`'Sheet name'!A1`).
    public struct Link: Sendable, Hashable {
        public var row: Int
        public var column: Int
        public var location: String
        public init(row: Int, column: Int, location: String) {
            self.row = row
            self.column = column
            self.location = location
        }
    }

    /// A worksheet: its name (at most 31 characters, none of `[ ] : * ? / \`) and its rows.
    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Value?]]
        /// Rows and columns frozen at the top and left when scrolling (0 for none).
        public var frozenRows: Int
        public var frozenColumns: Int
        /// Column widths in characters (missing or nil: the default width).
        public var columnWidths: [Double?]
        /// Links from cells (0-based row and column) to places in the workbook.
        public var links: [Link]
        /// Freeze the first row (the header) when scrolling.
        public var freezeHeaderRow: Bool {
            get { frozenRows == 1 && frozenColumns == 0 }
            set { frozenRows = newValue ? 1 : 0; frozenColumns = 0 }
        }
        public init(name: String, rows: [[Value?]], freezeHeaderRow: Bool = false) {
            self.name = name
            self.rows = rows
            frozenRows = freezeHeaderRow ? 1 : 0
            frozenColumns = 0
            columnWidths = []
            links = []
        }
    }

    public enum WriteError: Error, CustomStringConvertible, Equatable {
        case noSheets
        case invalidSheetName(String, reason: String)
        case duplicateSheetName(String)
        case tooLarge(sheet: String, reason: String)
        case archive(String)
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case .noSheets: return "a workbook needs at least one sheet"
            case let .invalidSheetName(name, reason): return "sheet name \"\(name)\": \(reason)"
            case let .duplicateSheetName(name): return "two sheets are named \"\(name)\" (names are compared ignoring case)"
            case let .tooLarge(sheet, reason): return "sheet \"\(sheet)\": \(reason)"
            case let .archive(reason): return "cannot build the workbook archive: \(reason)"
            case let .cannotWrite(path, reason): return "\(path): cannot write: \(reason)"
            }
        }
    }

    /// Excel's limits.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    /// Writes the workbook atomically (temporary file in the same folder, then a rename).
    public static func write(sheets: [Sheet], to path: String) throws(WriteError) {
        let bytes = try data(sheets: sheets)
        do {
            try OutputFile.write(bytes, to: path)
        } catch {
            switch error {
            case let .cannotWrite(_, reason): throw .cannotWrite(path: path, reason: reason)
            case .wouldOverwriteInput: throw .cannotWrite(path: path, reason: error.description)
            }
        }
    }

    /// Convenience form: sheets as (name, rows) pairs.
    public static func write(sheets: [(name: String, rows: [[Value?]])], to path: String) throws(WriteError) {
        try write(sheets: sheets.map { Sheet(name: $0.name, rows: $0.rows) }, to: path)
    }

    /// The workbook's bytes.
    public static func data(sheets: [Sheet]) throws(WriteError) -> Data {
        guard !sheets.isEmpty else { throw .noSheets }
        var seen: Set<String> = []
        for sheet in sheets {
            try checkName(sheet.name)
            if !seen.insert(sheet.name.lowercased()).inserted { throw .duplicateSheetName(sheet.name) }
            if sheet.rows.count > maxRows {
                throw .tooLarge(sheet: sheet.name, reason: "\(sheet.rows.count) rows; a worksheet holds at most \(maxRows)")
            }
            if let widest = sheet.rows.map(\.count).max(), widest > maxColumns {
                throw .tooLarge(sheet: sheet.name, reason: "\(widest) columns; a worksheet holds at most \(maxColumns)")
            }
        }
        do {
            // Sheets are streamed through the deflater as they are rendered; the shared strings
            // they collect follow them.
            var archive = ZipArchiveWriter(level: 1)  // zlib's fastest level: deflate was a third of a national `tables` run at level 6
            try archive.add("[Content_Types].xml", XLSXPackageParts.contentTypes(sheetCount: sheets.count))
            try archive.add("_rels/.rels", XLSXPackageParts.rootRelationships)
            try archive.add("xl/workbook.xml", XLSXPackageParts.workbook(sheetNames: sheets.map(\.name)))
            try archive.add("xl/_rels/workbook.xml.rels", XLSXPackageParts.workbookRelationships(sheetCount: sheets.count))
            try archive.add("xl/styles.xml", XLSXPackageParts.styles)
            var strings = XLSXSharedStringTable()
            for (index, sheet) in sheets.enumerated() {
                try archive.begin("xl/worksheets/sheet\(index + 1).xml")
                try XLSXSheetXML.render(sheet, strings: &strings, into: &archive)
                try archive.end()
            }
            try archive.add("xl/sharedStrings.xml", strings.xml())
            return Data(try archive.finish())
        } catch {
            throw .archive(error.description)
        }
    }

    static func checkName(_ name: String) throws(WriteError) {
        if name.isEmpty { throw .invalidSheetName(name, reason: "empty") }
        if name.count > 31 { throw .invalidSheetName(name, reason: "longer than 31 characters") }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            throw .invalidSheetName(name, reason: "contains \"\(bad)\"")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw .invalidSheetName(name, reason: "starts or ends with an apostrophe")
        }
        if name.lowercased() == "history" { throw .invalidSheetName(name, reason: "\"History\" is reserved by Excel") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            throw .invalidSheetName(name, reason: "contains a control character")
        }
    }
}
