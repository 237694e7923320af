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

    public static func read(path: String, scheme: PopulationScheme) throws(FileError) -> Result {
        let data = try readFile(path)
        var grid = GridSink()
        try withFileBytes(data) { raw throws(FileError) in try CSVReader.read(raw, file: path, into: &grid) }
        return try parse(grid.rows, path: path, scheme: scheme)
    }

    static func parse(_ rows: [(Int, [String])], path: String, scheme: PopulationScheme) throws(FileError) -> Result {
        guard let (_, header) = rows.first else { throw .malformed(file: path, sheet: nil, row: 1, column: nil, reason: "the population file is empty") }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func col(_ name: String) -> Int? { names.firstIndex(of: name.lowercased()) }
        guard let councilCol = col("LaCode"), let popCol = col("Population") else {
            throw .missingColumns(file: path, sheet: nil, columns: ["LaCode", "Population"].filter { col($0) == nil })
        }
        let dimCols = scheme.dimensions.map { ($0, col($0)) }
        let detailed = dimCols.allSatisfy { $0.1 != nil }
        let stratumCol = col("Stratum")
        if !detailed, dimCols.contains(where: { $0.1 != nil }) {
            throw .missingColumns(file: path, sheet: nil, columns: dimCols.filter { $0.1 == nil }.map(\.0))
        }
        var out: [PopulationRow] = []
        out.reserveCapacity(rows.count)
        var diagnostics: [Diagnostic] = []
        var rowsRead = 0
        // Allowed values per dimension column (a short list: a linear search beats hashing).
        let allowedLists = dimCols.map { scheme.values[$0.0] }
        // Duplicate rows are found by the key "council|value|…". When every dimension has a list of
        // allowed values without "|", a key is exactly (council, the values' positions in their
        // lists), which hashes far faster; and rows with the same values share one dictionary.
        var radix = 1
        let fast = allowedLists.allSatisfy { list in
            guard let list, !list.contains(where: { $0.contains("|") }) else { return false }
            radix = radix.multipliedReportingOverflow(by: list.count + 1).partialValue
            return radix > 0 && radix < 1 << 40
        }
        var seen: Set<String> = []
        var seenFast: Set<PopulationKey> = []
        seenFast.reserveCapacity(rows.count)
        var shared: [Int: [String: String]] = [:]
        for (number, cells) in rows.dropFirst() {
            func cell(_ i: Int) -> String { i < cells.count ? trim(cells[i]) : "" }
            if cells.allSatisfy({ trim($0).isEmpty }) { continue }
            rowsRead += 1
            let council = cell(councilCol)
            let popText = cell(popCol)
            guard !council.isEmpty else {
                diagnostics.append(.error("council-missing", "population row without a council code", file: path, row: number, column: "LaCode"))
                continue
            }
            let population: Double
            switch PopulationNumber.parse(popText) {
            case let .success(value): population = value
            case let .failure(refusal):
                diagnostics.append(.error("invalid-population", "population \"\(popText)\" is not a number of people (0 or more): \(refusal.reason); the row is not used", file: path, row: number, column: "Population", value: popText))
                continue
            }
            var row = PopulationRow(council: council, population: population)
            let isNew: Bool
            if detailed && fast {
                var bad = false
                var combination = 0
                var exact = true
                for (d, (name, c)) in dimCols.enumerated() {
                    let value = cell(c!)
                    let allowed = allowedLists[d]!
                    guard let k = allowed.firstIndex(of: value) else {
                        diagnostics.append(.error("invalid-dimension", "\(name) \"\(value)\" is not one of \(allowed.joined(separator: ", "))", file: path, row: number, column: name, value: value))
                        bad = true
                        continue
                    }
                    if exact && !sameBytes(value, allowed[k]) { exact = false }
                    combination = combination * (allowed.count + 1) + k + 1
                }
                if bad { continue }
                if exact, let dims = shared[combination] {
                    row.dimensions = dims
                } else {
                    var dims: [String: String] = Dictionary(minimumCapacity: dimCols.count)
                    for (name, c) in dimCols { dims[name] = cell(c!) }
                    if exact { shared[combination] = dims }
                    row.dimensions = dims
                }
                isNew = seenFast.insert(PopulationKey(council: council, detail: combination)).inserted
            } else if detailed {
                var key = council
                var dims: [String: String] = Dictionary(minimumCapacity: dimCols.count)
                var bad = false
                for (d, (name, c)) in dimCols.enumerated() {
                    let value = cell(c!)
                    if let allowed = allowedLists[d], !allowed.contains(value) {
                        diagnostics.append(.error("invalid-dimension", "\(name) \"\(value)\" is not one of \(allowed.joined(separator: ", "))", file: path, row: number, column: name, value: value))
                        bad = true
                    }
                    dims[name] = value
                    key.append("|")
                    key.append(value)
                }
                if bad { continue }
                row.dimensions = dims
                isNew = seen.insert(key).inserted
            } else if let stratumCol {
                let text = cell(stratumCol)
                guard let stratum = Int(text), stratum > 0 else {
                    diagnostics.append(.error("invalid-stratum", "stratum \"\(text)\" is not a stratum number", file: path, row: number, column: "Stratum", value: text))
                    continue
                }
                row.stratum = stratum
                // "council|stratum": the stratum has no "|", so the pair is the key.
                isNew = seenFast.insert(PopulationKey(council: council, detail: stratum)).inserted
            } else {
                row.stratum = 1
                isNew = seenFast.insert(PopulationKey(council: council, detail: 0)).inserted
            }
            if !isNew {
                diagnostics.append(.warning("duplicate-population-row", "this population row repeats an earlier one for the same council and cell; both are added", file: path, row: number))
            }
            out.append(row)
        }
        return Result(rows: out, diagnostics: diagnostics, rowsRead: rowsRead)
    }
}

/// A population row's duplicate-detection key: the council and the cell (see `parse`).
private struct PopulationKey: Hashable {
    let council: String
    let detail: Int
}

/// Whether two strings have the same UTF-8 bytes (`==` also equates canonically equivalent text).
private func sameBytes(_ a: String, _ b: String) -> Bool {
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
