/// XML escaping for the workbook writer.
///
/// Text content: `&`, `<`, `>` become entities; carriage return becomes `&#13;` (a literal CR would be
/// normalised away by conforming XML parsers, and the official headers hold CR LF); characters XML 1.0
/// cannot carry (other C0 controls, U+FFFE/U+FFFF) use the OOXML `_xHHHH_` escape; and a literal
/// `_xHHHH_` in the text has its underscore escaped (`_x005F_`) so readers do not decode it.
enum XLSXEscape {
    static func appendText(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        // Fast path: nothing to escape.
        if !utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x5F || $0 == 0xEF }) {
            out.append(contentsOf: utf8)
            return
        }
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            switch scalar.value {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)
            case 0x09, 0x0A: out.append(UInt8(scalar.value))
            case 0x00..<0x20, 0xFFFE, 0xFFFF: appendOOXMLEscape(scalar.value, to: &out)
            case 0x5F where looksLikeOOXMLEscape(scalars, at: i): out.append(contentsOf: "_x005F_".utf8)
            default: out.append(contentsOf: String(scalar).utf8)
            }
            i += 1
        }
    }

    /// Attribute values (sheet names): text escaping plus quotes.
    static func attribute(_ text: String) -> String {
        var out: [UInt8] = []
        appendText(text, to: &out)
        return String(decoding: out, as: UTF8.self)
            .replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "\n", with: "&#10;")
            .replacingOccurrences(of: "\t", with: "&#9;")
    }

    static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        var previousSpace = false
        for byte in text.utf8 {
            if byte == 0x0A || byte == 0x0D || byte == 0x09 || (byte == 0x20 && previousSpace) { return true }
            previousSpace = byte == 0x20
        }
        return false
    }

    private static func appendOOXMLEscape(_ value: UInt32, to out: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        out.append(contentsOf: "_x".utf8)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
        out.append(UInt8(ascii: "_"))
    }

    /// `_xHHHH_` starting at `i`.
    private static func looksLikeOOXMLEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i + 1] == "x" || scalars[i + 1] == "X", scalars[i + 6] == "_" else { return false }
        return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
