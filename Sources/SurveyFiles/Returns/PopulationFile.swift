import Foundation
import SurveyModel

/// Reads eligible-population CSV files in their three forms (ascs.md §2.3, sace.md §2):
/// detailed `LaCode,AgeBand,Gender,PSRGroup,Setting,Population`, `LaCode,Stratum,Population`,
/// and `LaCode,Population` (one stratum per council, for SACE).
public enum PopulationFile {
    public struct Result: Sendable {
        public var rows: [PopulationRow]
        public var diagnostics: [Diagnostic]
        /// Data rows in the file (blank rows not counted); `rows.count` of them were used.
        public var rowsRead = 0
    }

    /// Reads the file row by row (`PopulationRowParser`): no row's cells are kept once it is
    /// parsed, so a file of a million rows costs its parsed rows, not a grid of strings.
    public static func read(path: String, scheme: PopulationScheme) throws(FileError) -> Result {
        let data = try readFile(path)
        var sink = PopulationSink(parser: PopulationRowParser(path: path, scheme: scheme))
        try withFileBytes(data) { raw throws(FileError) in try CSVReader.read(raw, file: path, into: &sink) }
        return try sink.parser.finish()
    }
}

/// Feeds each CSV row of a population file to a `PopulationRowParser` as it ends, reusing one
/// array of cells (blank cells before a filled one are "", as in `GridSink`).
private struct PopulationSink: CellSink {
    var parser: PopulationRowParser
    var current: [String] = []
    var number = 0
    mutating func beginRow(_ number: Int) {
        self.number = number
        current.removeAll(keepingCapacity: true)
    }
    mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
        while current.count < column { current.append("") }
        current.append(String(decoding: bytes, as: UTF8.self))
    }
    mutating func endRow() { parser.row(number, current) }
}

/// A population row's duplicate-detection key: the council and the cell (see `PopulationRowParser`).
struct PopulationKey: Hashable {
    let council: String
    let detail: Int
}

/// Whether two strings have the same UTF-8 bytes (`==` also equates canonically equivalent text).
func sameBytes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
}

/// Trims spaces and tabs without Foundation's character-set machinery (fast path: nothing to trim).
@inline(__always)
func trim(_ s: String) -> String {
    guard let first = s.utf8.first, let last = s.utf8.last else { return s }
    if first != 32 && first != 9 && last != 32 && last != 9 { return s }
    return s.trimmingCharacters(in: .whitespaces)
}

/// Collects a small CSV into rows of strings (population and group files).
struct GridSink: CellSink {
    var rows: [(Int, [String])] = []
    var current: [String] = []
    var number = 0
    mutating func beginRow(_ number: Int) {
        self.number = number
        // Room for as many cells as the previous row: one allocation per row.
        let width = current.count
        current = []
        current.reserveCapacity(width)
    }
    mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
        while current.count < column { current.append("") }
        current.append(String(decoding: bytes, as: UTF8.self))
    }
    mutating func endRow() { rows.append((number, current)) }
}
