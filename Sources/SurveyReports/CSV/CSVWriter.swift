/// Writes RFC 4180 CSV. Text cells that a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, tab or carriage return) are neutralised with a leading `'`; numbers are
/// written as numbers (a negative estimate stays a number).
public struct CSVWriter: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case integer(Int)
        case empty
        public static func optional(_ x: Double?) -> Cell { x.map { $0.isFinite ? .number($0) : .empty } ?? .empty }
    }

    public private(set) var output = ""

    public init(header: [String]) { writeRow(header.map(Cell.text)) }

    public mutating func writeRow(_ cells: [Cell]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { output += "," }
            switch cell {
            case let .text(s): output += CSVWriter.quote(CSVWriter.neutralise(s))
            case let .number(d): output += JSONValue.format(d)
            case let .integer(n): output += String(n)
            case .empty: break
            }
        }
        output += "\n"
    }

    /// Prefixes `'` to text a spreadsheet would treat as a formula.
    public static func neutralise(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + s : s
    }

    static func quote(_ s: String) -> String {
        // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else { return s }
        // Doubled byte by byte: `replacingOccurrences` compares Characters and misses a quote that a
        // combining mark follows, which would let the value close its quotes early.
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(s.utf8.count + 8)
        for b in s.utf8 {
            bytes.append(b)
            if b == UInt8(ascii: "\"") { bytes.append(b) }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}

import Foundation
