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
    static func parse(_ bytes: UnsafeRawBufferPointer) -> ParsedValue {
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
        String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A council code as written: "716", also from a numeric cell "716.0".
    static func councilCode(_ text: String) -> String {
        if text.hasSuffix(".0"), let whole = Int(text.dropLast(2)) { return String(whole) }
        return text
    }
}

import Foundation
