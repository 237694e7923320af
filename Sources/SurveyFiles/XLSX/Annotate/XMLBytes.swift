/// Small byte-level helpers for patching package parts in place: the annotator changes only the
/// bytes it must (a style attribute, an inserted element) and copies everything else as it was.
enum XMLBytes {
    /// The first index of `pattern` in `bytes[from..<to]`.
    static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int, to: Int? = nil) -> Int? {
        let end = min(to ?? bytes.count, bytes.count)
        guard let first = pattern.first, end - from >= pattern.count else { return nil }
        return bytes.withUnsafeBufferPointer { b -> Int? in
            var i = from
            let last = end - pattern.count
            while i <= last {
                if b[i] == first {
                    var k = 1
                    while k < pattern.count && b[i + k] == pattern[k] { k += 1 }
                    if k == pattern.count { return i }
                }
                i += 1
            }
            return nil
        }
    }

    static func find(_ pattern: String, in bytes: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
        find(Array(pattern.utf8), in: bytes, from: from, to: to)
    }

    /// Start of an element `<name` (followed by a space, `>` or `/`), from `from`.
    static func element(_ name: String, in bytes: [UInt8], from: Int = 0, to: Int? = nil) -> Int? {
        let pattern = Array("<\(name)".utf8)
        var p = from
        while let i = find(pattern, in: bytes, from: p, to: to) {
            let next = i + pattern.count
            if next < bytes.count, [0x20, 0x3E, 0x2F, 0x09, 0x0A, 0x0D].contains(bytes[next]) { return i }
            p = i + 1
        }
        return nil
    }

    /// The index just after the `>` closing the tag that starts at `start`, and whether it is `/>`.
    static func tagEnd(_ bytes: [UInt8], _ start: Int) -> (end: Int, selfClosing: Bool)? {
        var i = start
        var quote: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x3E {
                return (i + 1, i > start && bytes[i - 1] == 0x2F)
            }
            i += 1
        }
        return nil
    }

    /// The value of attribute `name` in the tag `bytes[start..<end]`, with its value's range.
    static func attribute(_ name: String, in bytes: [UInt8], tag start: Int, end: Int) -> (value: String, range: Range<Int>)? {
        let pattern = Array(" \(name)=".utf8)
        var p = start
        while let i = find(pattern, in: bytes, from: p, to: end) {
            let q = i + pattern.count
            guard q < end else { return nil }
            let quote = bytes[q]
            guard quote == 0x22 || quote == 0x27 else { p = i + 1; continue }
            guard let close = bytes[(q + 1)..<end].firstIndex(of: quote) else { return nil }
            return (String(decoding: bytes[(q + 1)..<close], as: UTF8.self), (q + 1)..<close)
        }
        // Attributes may also follow a tab or line break.
        for separator in ["\t", "\n", "\r"] {
            let alt = Array("\(separator)\(name)=".utf8)
            if let i = find(alt, in: bytes, from: start, to: end) {
                let q = i + alt.count
                guard q < end, bytes[q] == 0x22 || bytes[q] == 0x27,
                      let close = bytes[(q + 1)..<end].firstIndex(of: bytes[q]) else { return nil }
                return (String(decoding: bytes[(q + 1)..<close], as: UTF8.self), (q + 1)..<close)
            }
        }
        return nil
    }

    /// Escapes text for XML content or attribute values.
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        XLSXEscape.appendText(text, to: &out)
        return String(decoding: out, as: UTF8.self).replacingOccurrences(of: "\"", with: "&quot;")
    }
}
