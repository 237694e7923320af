import SurveyModel
/// Parses a cell's bytes as a number without building a string.
enum ParsedValue: Equatable {
    case blank
    case whole(Int)
    case fraction(Double)
    case notANumber
}

enum ValueParser {
    /// Accepts optional surrounding spaces, a sign, digits, a fractional part and an exponent
    /// ("3", "-9", "3.0", "2.5", "1E+3"). Whole values (including "3.0") give `.whole`.
    @inline(__always)
    static func parse(_ bytes: UnsafeRawBufferPointer) -> ParsedValue {
        if let value = shortWhole(bytes) { return .whole(value) }
        return parseInGeneral(bytes)
    }

    /// The common cell: up to 9 digits, optionally after "-", nothing else (what `parse` would
    /// give as `.whole`); nil for anything else.
    @inline(__always)
    static func shortWhole(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let n = bytes.count
        guard n > 0, n <= 9 else { return nil }
        var i = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative {
            guard n > 1 else { return nil }
            i = 1
        }
        var value = 0
        while i < n {
            let digit = bytes[i] &- 48
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
            i += 1
        }
        return negative ? -value : value
    }

    /// One to three digits and nothing else, of value at most `ResponseTable.maxCode` (254): what
    /// `shortWhole` gives for them; nil for anything else.
    @inline(__always)
    static func smallCode(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let n = bytes.count
        guard n > 0, n <= 3 else { return nil }
        var value = Int(bytes[0] &- 48)
        guard value < 10 else { return nil }
        if n > 1 {
            let d1 = bytes[1] &- 48
            guard d1 < 10 else { return nil }
            value = value &* 10 &+ Int(d1)
            if n > 2 {
                let d2 = bytes[2] &- 48
                guard d2 < 10 else { return nil }
                value = value &* 10 &+ Int(d2)
                guard value <= ResponseTable.maxCode else { return nil }
            }
        }
        return value
    }

    static func parseInGeneral(_ bytes: UnsafeRawBufferPointer) -> ParsedValue {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 || bytes[end - 1] == 13 || bytes[end - 1] == 10 { end -= 1 }
        if start == end { return .blank }
        var i = start
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var value = 0
        var digits = 0
        var overflow = false
        while i < end, bytes[i] >= 48, bytes[i] <= 57 {
            if value < 100_000_000_000 { value = value * 10 + Int(bytes[i] - 48) } else { overflow = true }
            digits += 1
            i += 1
        }
        if i == end, digits > 0, !overflow { return .whole(negative ? -value : value) }
        // Slow path: fractions, exponents, very long numbers.
        guard let text = String(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), encoding: .utf8),
              let double = Double(text), double.isFinite,
              text.allSatisfy({ "0123456789+-.eE".contains($0) }) else { return .notANumber }
        if double == double.rounded(), abs(double) < 1e11 { return .whole(Int(double)) }
        return .fraction(double)
    }

    /// The cell as trimmed text (for identifiers and messages).
    static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        // Fast path: printable ASCII at both ends leaves nothing to trim.
        if let first = bytes.first, let last = bytes.last, first > 32, first < 127, last > 32, last < 127 {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `councilCode(text(bytes))`.
    static func code(_ bytes: UnsafeRawBufferPointer) -> String {
        let n = bytes.count
        if n >= 2, bytes[n - 1] == UInt8(ascii: "0"), bytes[n - 2] == UInt8(ascii: ".") { return councilCode(text(bytes)) }
        // Without a trailing ".0" in the bytes, neither the text nor (after trimming) its code can end with ".0"
        // unless trailing whitespace hid it: then take the general path.
        if let last = bytes.last, last > 32, last < 127 { return text(bytes) }
        return councilCode(text(bytes))
    }

    /// A council code as written: "716", also from a numeric cell "716.0".
    static func councilCode(_ text: String) -> String {
        if text.hasSuffix(".0"), let whole = Int(text.dropLast(2)) { return String(whole) }
        return text
    }
}

import Foundation
