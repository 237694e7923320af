import Foundation

/// Writes a minimal, valid `.xlsx` workbook: one worksheet per sheet, numbers as numeric cells,
/// text through the shared-string table, a minimal style sheet. Enough for the official data-return
/// layout (`caresurvey example`) and readable by Excel, LibreOffice and any OOXML reader.
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
    }

    /// A worksheet: its name (at most 31 characters, none of `[ ] : * ? / \`) and its rows.
    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Value?]]
        /// Freeze the first row (the header) when scrolling.
        public var freezeHeaderRow: Bool
        public init(name: String, rows: [[Value?]], freezeHeaderRow: Bool = false) {
            self.name = name
            self.rows = rows
            self.freezeHeaderRow = freezeHeaderRow
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
        var strings = XLSXSharedStringTable()
        var parts: [(String, [UInt8])] = []
        var sheetParts: [[UInt8]] = []
        for sheet in sheets {
            sheetParts.append(XLSXSheetXML.render(sheet, strings: &strings))
        }
        parts.append(("[Content_Types].xml", XLSXPackageParts.contentTypes(sheetCount: sheets.count)))
        parts.append(("_rels/.rels", XLSXPackageParts.rootRelationships))
        parts.append(("xl/workbook.xml", XLSXPackageParts.workbook(sheetNames: sheets.map(\.name))))
        parts.append(("xl/_rels/workbook.xml.rels", XLSXPackageParts.workbookRelationships(sheetCount: sheets.count)))
        parts.append(("xl/styles.xml", XLSXPackageParts.styles))
        parts.append(("xl/sharedStrings.xml", strings.xml()))
        for (index, xml) in sheetParts.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", xml))
        }
        return try zip(parts)
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
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            throw .invalidSheetName(name, reason: "contains a control character")
        }
    }

    static func zip(_ parts: [(String, [UInt8])]) throws(WriteError) -> Data {
        do {
            var archive = ZipArchiveWriter()
            for (name, bytes) in parts { try archive.add(name, bytes) }
            return Data(try archive.finish())
        } catch {
            throw .archive(error.description)
        }
    }
}
