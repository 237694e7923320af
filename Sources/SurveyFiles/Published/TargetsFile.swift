import Foundation
import SurveyModel

/// A targets file for the cabinet scorecard (benchmarking.md §6): `measure,target[,amber]`, one line
/// per measure, with or without a header row (`measure`, `target`, `amber`, matched by text in any
/// order). Values are in the measure's **published** unit (a percentage measure's target as a
/// percentage, `65` for 65%); the caller converts them by the measure's definition. `amber`, the
/// tolerance band, is optional and not negative. Every bad line is a diagnostic with its row; nothing
/// is dropped silently.
public enum TargetsFile {
    public struct Line: Sendable, Hashable {
        public var measure: String
        public var target: Double
        public var amber: Double?
        /// The spreadsheet row (header = 1).
        public var row: Int
    }

    public static func read(path: String) throws(FileError) -> (lines: [Line], diagnostics: [Diagnostic]) {
        let data = try readFile(path)
        var grid = GridSink()
        try withFileBytes(data) { raw throws(FileError) in try CSVReader.read(raw, file: path, into: &grid) }
        var rows = grid.rows.map { ($0.0, $0.1.map { trimmedSpaces($0) }) }.filter { !$0.1.allSatisfy(\.isEmpty) }
        guard let first = rows.first else {
            throw .malformed(file: path, sheet: nil, row: nil, column: nil, reason: "the targets file is empty; expected lines measure,target[,amber]")
        }
        var columns = (measure: 0, target: 1, amber: 2)
        if first.1.count > 1, number(first.1[1]) == nil {
            let keys = first.1.map { $0.lowercased().filter { $0.isLetter } }
            guard let m = keys.firstIndex(of: "measure"), let t = keys.firstIndex(of: "target") else {
                throw .missingColumns(file: path, sheet: nil, columns: ["measure", "target"].filter { !keys.contains($0) })
            }
            columns = (m, t, keys.firstIndex(of: "amber") ?? -1)
            rows.removeFirst()
        }
        var lines: [Line] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for (row, cells) in rows {
            func cell(_ i: Int) -> String { i >= 0 && i < cells.count ? cells[i] : "" }
            let measure = cell(columns.measure)
            guard !measure.isEmpty else {
                diagnostics.append(.error("target-measure-missing", "no measure code", file: path, row: row, column: "measure"))
                continue
            }
            guard let target = number(cell(columns.target)) else {
                diagnostics.append(.error("target-not-number", "the target of \(measure) is not a number", file: path, row: row,
                                          column: "target", value: cell(columns.target)))
                continue
            }
            var amber: Double?
            let amberText = cell(columns.amber)
            if !amberText.isEmpty {
                guard let a = number(amberText), a >= 0 else {
                    diagnostics.append(.error("amber-not-number", "the amber tolerance of \(measure) must be a number, 0 or more",
                                              file: path, row: row, column: "amber", value: amberText))
                    continue
                }
                amber = a
            }
            if let earlier = seen[measure.uppercased()] {
                diagnostics.append(.error("target-duplicate", "\(measure) has a target on row \(earlier) already", file: path, row: row,
                                          column: "measure", value: measure))
                continue
            }
            seen[measure.uppercased()] = row
            lines.append(Line(measure: measure, target: target, amber: amber, row: row))
        }
        return (lines, diagnostics)
    }

    /// A plain decimal number (`65`, `65.5`, `0.12`); a trailing `%` is allowed and ignored (the
    /// unit is the measure's, not the sign's).
    static func number(_ text: String) -> Double? {
        var t = text
        if t.hasSuffix("%") { t.removeLast() }
        guard let v = Double(trimmedSpaces(t)), v.isFinite else { return nil }
        return v
    }
}
