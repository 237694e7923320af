/// Conversions between Excel column letters / cell references and 0-based indexes.
public enum XLSXCellRef {
    /// `A` → 0, `Z` → 25, `AA` → 26, `XFD` → 16383. Case-insensitive. Returns nil for an empty
    /// string, a non-letter, or more than 3 letters.
    public static func columnIndex(_ letters: String) -> Int? {
        var value = 0
        var count = 0
        for byte in letters.utf8 {
            let upper = byte & 0xDF
            guard upper >= 0x41, upper <= 0x5A else { return nil }
            value = value * 26 + Int(upper - 0x40)
            count += 1
            if count > 3 { return nil }
        }
        return count == 0 ? nil : value - 1
    }

    /// 0 → `A`, 26 → `AA`, 16383 → `XFD`. Negative indexes give an empty string.
    public static func columnName(_ index: Int) -> String {
        guard index >= 0 else { return "" }
        var n = index + 1
        var bytes: [UInt8] = []
        while n > 0 {
            let rem = (n - 1) % 26
            bytes.append(UInt8(0x41 + rem))
            n = (n - 1) / 26
        }
        return String(decoding: bytes.reversed(), as: UTF8.self)
    }

    /// Parses `B2` / `$B$2` / `b2` into (row 1-based, column 0-based). Returns nil when malformed.
    public static func parse(_ ref: String) -> (row: Int, column: Int)? {
        var column = 0
        var letters = 0
        var row = 0
        var digits = 0
        for byte in ref.utf8 {
            if byte == UInt8(ascii: "$") { continue }
            let upper = byte & 0xDF
            if digits == 0, upper >= 0x41, upper <= 0x5A {
                letters += 1
                if letters > 3 { return nil }
                column = column * 26 + Int(upper - 0x40)
            } else if byte >= 0x30, byte <= 0x39, letters > 0 {
                digits += 1
                if digits > 9 { return nil }
                row = row * 10 + Int(byte - 0x30)
            } else {
                return nil
            }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        return (row, column - 1)
    }

    /// `(row: 2, column: 1)` → `B2`.
    public static func reference(row: Int, column: Int) -> String {
        columnName(column) + String(row)
    }
}
