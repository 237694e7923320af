#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Small parsers used by the sheet scanner: cell references, types, numbers, dimensions.
extension XLSXSheetScanner {
    static let excelLimits = "Excel's limits of 1,048,576 rows and 16,384 columns (XFD)"

    func exceeded(row: Int) -> XLSXXMLError {
        .limit(limits.maxRows == 1_048_576 ? Self.excelLimits : "\(limits.maxRows) rows",
               "row \(row) is beyond the last row allowed")
    }

    func exceeded(column: Int) -> XLSXXMLError {
        .limit(limits.maxColumns == 16_384 ? Self.excelLimits : "\(limits.maxColumns) columns",
               "a cell in column \(column + 1) is beyond the last column allowed")
    }

    /// The `r` and `t` attribute values of a `<c>` tag, in one pass.
    @inline(__always)
    func cellAttributes(_ c: XLSXXMLCursor, _ tag: XLSXTag) -> (Range<Int>?, Range<Int>?) {
        var r: Range<Int>?
        var t: Range<Int>?
        var i = tag.attributesStart
        let end = tag.attributesEnd
        while i < end {
            while i < end, XLSXXMLCursor.isSpace(c.byte(i)) { i += 1 }
            var local = i
            while i < end, c.byte(i) != UInt8(ascii: "="), !XLSXXMLCursor.isSpace(c.byte(i)) {
                if c.byte(i) == UInt8(ascii: ":") { local = i + 1 }
                i += 1
            }
            let nameLength = i - local
            let name = nameLength == 1 ? c.byte(local) : 0
            while i < end, c.byte(i) != UInt8(ascii: "\""), c.byte(i) != UInt8(ascii: "'") { i += 1 }
            guard i < end, let close = c.find(c.byte(i), from: i + 1), close < end else { break }
            if name == UInt8(ascii: "r") {
                r = (i + 1)..<close
            } else if name == UInt8(ascii: "t") {
                t = (i + 1)..<close
            }
            i = close + 1
        }
        return (r, t)
    }

    /// The 0-based column of a cell reference such as `B2` (checked against the limits).
    func cellColumn(_ c: XLSXXMLCursor, _ r: Range<Int>, _ row: Int) throws(XLSXXMLError) -> Int {
        var i = r.lowerBound
        var column = 0
        while i < r.upperBound {
            let upper = c.byte(i) & 0xDF
            guard upper >= 0x41, upper <= 0x5A else { break }
            column = column * 26 + Int(upper - 0x40)
            if column > limits.maxColumns { throw exceeded(column: column - 1) }
            i += 1
        }
        var refRow = 0
        var digits = 0
        while i < r.upperBound, c.byte(i) >= 0x30, c.byte(i) <= 0x39 {
            refRow = refRow * 10 + Int(c.byte(i) - 0x30)
            digits += 1
            if refRow > limits.maxRows { throw exceeded(row: refRow) }
            i += 1
        }
        guard column > 0, digits > 0, i == r.upperBound else {
            throw .malformed("invalid cell reference \"\(Self.text(c, r))\"")
        }
        return column - 1
    }

    static func type(_ c: XLSXXMLCursor, _ t: Range<Int>) -> XLSXCellType {
        switch t.count {
        case 1:
            switch c.byte(t.lowerBound) {
            case UInt8(ascii: "s"): return .shared
            case UInt8(ascii: "b"): return .boolean
            case UInt8(ascii: "e"): return .error
            default: return .number  // n, d
            }
        case 3 where c.hasPrefix("str", at: t.lowerBound): return .string
        case 9 where c.hasPrefix("inlineStr", at: t.lowerBound): return .inline
        default: return .number
        }
    }

    /// A non-negative decimal integer (surrounding spaces allowed), or nil.
    static func number(_ c: XLSXXMLCursor, _ r: Range<Int>) -> Int? {
        number(UnsafeRawBufferPointer(start: c.base + r.lowerBound, count: r.count))
    }

    static func number(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let trimmed = trim(bytes)
        guard !trimmed.isEmpty, trimmed.count <= 18 else { return nil }
        var value = 0
        for b in trimmed {
            guard b >= 0x30, b <= 0x39 else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }

    static func trim(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var lo = 0
        var hi = bytes.count
        while lo < hi, XLSXXMLCursor.isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, XLSXXMLCursor.isSpace(bytes[hi - 1]) { hi -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[lo..<hi])
    }

    static func text(_ c: XLSXXMLCursor, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: c.base + r.lowerBound, count: min(r.count, 40)), as: UTF8.self)
    }

    /// `<dimension ref="A1:GB4001">`: refuses a range beyond the row/column limits.
    func checkDimension(_ c: XLSXXMLCursor, _ ref: Range<Int>) throws(XLSXXMLError) {
        var i = ref.lowerBound
        while i < ref.upperBound {
            var column = 0
            var row = 0
            while i < ref.upperBound, c.byte(i) == UInt8(ascii: "$") { i += 1 }
            while i < ref.upperBound, (c.byte(i) & 0xDF) >= 0x41, (c.byte(i) & 0xDF) <= 0x5A {
                column = min(column * 26 + Int((c.byte(i) & 0xDF) - 0x40), Int(Int32.max))
                i += 1
            }
            while i < ref.upperBound, c.byte(i) == UInt8(ascii: "$") { i += 1 }
            while i < ref.upperBound, c.byte(i) >= 0x30, c.byte(i) <= 0x39 {
                row = min(row * 10 + Int(c.byte(i) - 0x30), Int(Int32.max))
                i += 1
            }
            if column > limits.maxColumns || row > limits.maxRows {
                throw .limit(limits.maxRows == 1_048_576 && limits.maxColumns == 16_384
                                ? Self.excelLimits : "\(limits.maxRows) rows, \(limits.maxColumns) columns",
                             "the sheet declares the dimension \(Self.text(c, ref))")
            }
            while i < ref.upperBound, c.byte(i) == UInt8(ascii: ":") || XLSXXMLCursor.isSpace(c.byte(i)) { i += 1 }
            if i < ref.upperBound, !((c.byte(i) & 0xDF) >= 0x41 && (c.byte(i) & 0xDF) <= 0x5A), c.byte(i) != UInt8(ascii: "$") {
                return  // not a range we understand: the dimension is advisory, ignore it
            }
        }
    }
}

/// The value type of a cell (`t` attribute).
enum XLSXCellType { case number, shared, string, inline, boolean, error }
