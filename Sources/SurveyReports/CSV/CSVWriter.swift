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

    /// The CSV written so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }
    /// Built as UTF-8 bytes: appends without String's per-append checks.
    private var bytes: [UInt8] = []

    public init(header: [String]) {
        bytes.reserveCapacity(4096)
        writeRow(header.map(Cell.text))
    }

    public mutating func writeRow(_ cells: [Cell]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            switch cell {
            case let .text(s): CSVWriter.appendQuoted(s, to: &bytes)
            case let .number(d): CSVWriter.append(JSONValue.format(d), to: &bytes)
            case let .integer(n): CSVWriter.append(String(n), to: &bytes)
            case .empty: break
            }
        }
        bytes.append(10)
    }

    @inline(__always)
    private static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// `quote(neutralise(s))` appended: a leading `'` before a formula character, the value in
    /// quotes with quotes doubled when it holds a comma, quote or line break.
    private static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { utf8 in
            // The formula characters are all ASCII: the first byte is the first scalar.
            let formula = utf8.first.map { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
                || $0 == UInt8(ascii: "@") || $0 == 9 || $0 == 13 } ?? false
            let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            if needsQuotes { out.append(UInt8(ascii: "\"")) }
            if formula { out.append(UInt8(ascii: "'")) }
            if needsQuotes {
                for b in utf8 {
                    out.append(b)
                    if b == UInt8(ascii: "\"") { out.append(b) }
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(contentsOf: utf8)
            }
        }
    }

    /// Prefixes `'` to text a spreadsheet would treat as a formula.
    public static func neutralise(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + s : s
    }
}

import Foundation
