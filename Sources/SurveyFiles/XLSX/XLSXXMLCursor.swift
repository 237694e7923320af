#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Problems found by the byte-level XML tokenizer; callers add the file/sheet/row context.
enum XLSXXMLError: Error {
    /// `<!DOCTYPE`, `<!ENTITY` or another markup declaration (never processed: refused).
    case declaration(String)
    /// Structurally broken XML (unterminated tag, bad name, …).
    case malformed(String)
    /// A size limit was exceeded: (limit, reason).
    case limit(String, String)
}

/// One tag found by `XLSXXMLCursor.nextTag()`. Positions are byte offsets into the buffer.
struct XLSXTag {
    enum Kind { case start, end, eof }
    var kind: Kind = .eof
    /// The local name (after any namespace prefix such as `x:`).
    var nameStart = 0
    var nameEnd = 0
    /// The attribute region of a start tag.
    var attributesStart = 0
    var attributesEnd = 0
    var selfClosing = false
}

/// A forward-only, allocation-free XML tokenizer over UTF-8 bytes (no DOM, no XMLParser).
///
/// It understands start/end/empty tags with attributes in either quote style, namespace prefixes,
/// comments, processing instructions and CDATA; any `<!DOCTYPE`/`<!ENTITY` declaration is refused.
/// Text between tags is skipped unless the caller reads it with `text…` methods.
struct XLSXXMLCursor {
    let base: UnsafePointer<UInt8>
    let count: Int
    var pos = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        // A non-nil pointer even for an empty buffer, so that no path has to unwrap.
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = buffer.baseAddress == nil ? 0 : buffer.count
    }

    @inline(__always) func byte(_ i: Int) -> UInt8 { base[i] }

    /// Offset of the next `byte` at or after `from`, or nil.
    @inline(__always) func find(_ byte: UInt8, from: Int) -> Int? {
        // Most searches in sheet XML end within a few bytes (a tag right after a tag, a short
        // attribute value): look there before paying for a call to memchr.
        var i = from
        let near = min(count, from &+ 8)
        while i < near {
            if base[i] == byte { return i }
            i &+= 1
        }
        guard i < count, let p = memchr(base + i, Int32(byte), count - i) else { return nil }
        return UnsafeRawPointer(p) - UnsafeRawPointer(base)
    }

    /// Offset of the next occurrence of a short ASCII needle, or nil.
    func find(_ needle: StaticString, from: Int) -> Int? {
        let n = needle.utf8CodeUnitCount
        let first = needle.utf8Start[0]
        var i = from
        while let p = find(first, from: i) {
            guard p + n <= count else { return nil }
            if memcmp(base + p, needle.utf8Start, n) == 0 { return p }
            i = p + 1
        }
        return nil
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
    }

    /// True when the tag's local name is `name`.
    @inline(__always) func nameIs(_ tag: XLSXTag, _ name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount
        return tag.nameEnd - tag.nameStart == n && memcmp(base + tag.nameStart, name.utf8Start, n) == 0
    }

    /// The next start or end tag; skips text, comments, processing instructions and CDATA.
    mutating func nextTag() throws(XLSXXMLError) -> XLSXTag {
        var tag = XLSXTag()
        while true {
            guard let lt = find(UInt8(ascii: "<"), from: pos) else {
                pos = count
                return tag
            }
            guard lt + 1 < count else { throw .malformed("unterminated tag at the end of the XML") }
            let c = base[lt + 1]
            if c == UInt8(ascii: "/") {
                var i = lt + 2
                let start = i
                var local = i
                while i < count, base[i] != UInt8(ascii: ">"), !Self.isSpace(base[i]) {
                    if base[i] == UInt8(ascii: ":") { local = i + 1 }
                    i += 1
                }
                guard i > start, let gt = find(UInt8(ascii: ">"), from: i) else {
                    throw .malformed("unterminated end tag at the end of the XML")
                }
                tag.kind = .end
                tag.nameStart = local
                tag.nameEnd = i
                pos = gt + 1
                return tag
            } else if c == UInt8(ascii: "?") {
                guard let end = find("?>", from: lt + 2) else {
                    throw .malformed("unterminated processing instruction")
                }
                pos = end + 2
            } else if c == UInt8(ascii: "!") {
                pos = try skipMarkup(at: lt)
            } else {
                var i = lt + 1
                var local = i
                while i < count {
                    let b = base[i]
                    if b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || Self.isSpace(b) { break }
                    if b == UInt8(ascii: ":") { local = i + 1 }
                    i += 1
                }
                guard i > lt + 1 else { throw .malformed("a '<' that does not start a tag") }
                tag.kind = .start
                tag.nameStart = local
                tag.nameEnd = i
                tag.attributesStart = i
                while true {
                    guard i < count else { throw .malformed("unterminated tag at the end of the XML") }
                    let b = base[i]
                    if b == UInt8(ascii: ">") {
                        tag.attributesEnd = i
                        break
                    } else if b == UInt8(ascii: "/"), i + 1 < count, base[i + 1] == UInt8(ascii: ">") {
                        tag.attributesEnd = i
                        tag.selfClosing = true
                        i += 1
                        break
                    } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                        guard let q = find(b, from: i + 1) else {
                            throw .malformed("unterminated attribute value at the end of the XML")
                        }
                        i = q + 1
                    } else if b == UInt8(ascii: "<") {
                        throw .malformed("unterminated tag (a '<' inside a tag)")
                    } else {
                        i += 1
                    }
                }
                pos = i + 1
                return tag
            }
        }
    }

    /// Skips `<!-- … -->` or `<![CDATA[ … ]]>` starting at `lt`; refuses any other `<!` declaration.
    func skipMarkup(at lt: Int) throws(XLSXXMLError) -> Int {
        if hasPrefix("<!--", at: lt) {
            guard let end = find("-->", from: lt + 4) else { throw .malformed("unterminated comment") }
            return end + 3
        }
        if hasPrefix("<![CDATA[", at: lt) {
            guard let end = find("]]>", from: lt + 9) else { throw .malformed("unterminated CDATA section") }
            return end + 3
        }
        var i = lt + 2
        while i < count, i < lt + 20, !Self.isSpace(base[i]), base[i] != UInt8(ascii: ">") { i += 1 }
        let word = String(decoding: UnsafeBufferPointer(start: base + lt + 2, count: i - (lt + 2)), as: UTF8.self)
        throw .declaration(word.isEmpty ? "<!" : "<!" + word)
    }

    @inline(__always) func hasPrefix(_ s: StaticString, at i: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        return i + n <= count && memcmp(base + i, s.utf8Start, n) == 0
    }

    /// The value range of the attribute whose local name is `name` in a start tag, or nil.
    func attribute(_ name: StaticString, in tag: XLSXTag) -> Range<Int>? {
        let n = name.utf8CodeUnitCount
        var i = tag.attributesStart
        let end = tag.attributesEnd
        while i < end {
            while i < end, Self.isSpace(base[i]) { i += 1 }
            let nameStart = i
            var local = i
            while i < end, base[i] != UInt8(ascii: "="), !Self.isSpace(base[i]) {
                if base[i] == UInt8(ascii: ":") { local = i + 1 }
                i += 1
            }
            let nameEnd = i
            while i < end, base[i] != UInt8(ascii: "\""), base[i] != UInt8(ascii: "'") { i += 1 }
            guard i < end else { return nil }
            let quote = base[i]
            let valueStart = i + 1
            guard let valueEnd = find(quote, from: valueStart), valueEnd < end else { return nil }
            i = valueEnd + 1
            if nameEnd > nameStart, nameEnd - local == n, memcmp(base + local, name.utf8Start, n) == 0 {
                return valueStart..<valueEnd
            }
        }
        return nil
    }

    /// The decoded text of an attribute as a String (for the small workbook parts).
    func attributeString(_ name: StaticString, in tag: XLSXTag) -> String? {
        guard let range = attribute(name, in: tag) else { return nil }
        var scratch: [UInt8] = []
        XLSXText.appendDecoded(base, range, into: &scratch, ooxmlEscapes: false)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Appends the decoded text content of the element whose start tag was just read (the cursor
    /// is after its `>`), up to and including its end tag. CDATA is copied literally; comments and
    /// any nested tags are skipped.
    mutating func appendElementText(into out: inout [UInt8], ooxmlEscapes: Bool) throws(XLSXXMLError) {
        var depth = 0
        while true {
            guard let lt = find(UInt8(ascii: "<"), from: pos) else {
                throw .malformed("unterminated element at the end of the XML")
            }
            if depth == 0, lt > pos {
                XLSXText.appendDecoded(base, pos..<lt, into: &out, ooxmlEscapes: ooxmlEscapes)
            }
            if lt + 1 < count, base[lt + 1] == UInt8(ascii: "!") {
                if hasPrefix("<![CDATA[", at: lt) {
                    guard let end = find("]]>", from: lt + 9) else { throw .malformed("unterminated CDATA section") }
                    if depth == 0 {
                        out.append(contentsOf: UnsafeBufferPointer(start: base + lt + 9, count: end - (lt + 9)))
                    }
                    pos = end + 3
                } else {
                    pos = try skipMarkup(at: lt)
                }
                continue
            }
            pos = lt
            let tag = try nextTag()
            if tag.kind == .end {
                if depth == 0 { return }
                depth -= 1
            } else if tag.kind == .start, !tag.selfClosing {
                depth += 1
            }
        }
    }

    /// Skips the rest of the element whose start tag was just read, through its end tag.
    mutating func skipElement() throws(XLSXXMLError) {
        var depth = 0
        while true {
            let tag = try nextTag()
            switch tag.kind {
            case .eof: throw .malformed("unterminated element at the end of the XML")
            case .end:
                if depth == 0 { return }
                depth -= 1
            case .start:
                if !tag.selfClosing { depth += 1 }
            }
        }
    }

    /// Throws if the buffer (from `start`) contains a `<!DOCTYPE` or `<!ENTITY` declaration.
    func refuseDeclarations(from start: Int = 0) throws(XLSXXMLError) {
        var i = start
        while let p = find("<!", from: i) {
            if hasPrefix("<!DOCTYPE", at: p) { throw .declaration("<!DOCTYPE") }
            if hasPrefix("<!ENTITY", at: p) { throw .declaration("<!ENTITY") }
            i = p + 2
        }
    }
}
