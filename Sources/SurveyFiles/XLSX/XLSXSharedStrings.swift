/// The shared-string table (`xl/sharedStrings.xml`), stored as one contiguous UTF-8 buffer.
///
/// String `i` is `bytes[start(i)..<ends[i]]`, with `start(0) == 0` and `start(i) == ends[i - 1]`.
/// Rich-text runs (`<r><t>…</t></r>`) are concatenated; phonetic runs (`<rPh>`) are ignored.
/// Text is kept as written (a header's `\r\n` stays `\r\n`); entities, numeric character
/// references and OOXML `_xHHHH_` escapes are decoded.
struct XLSXSharedStrings: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []

    var count: Int { ends.count }

    func string(_ index: Int) -> String? {
        guard index >= 0, index < ends.count else { return nil }
        let start = index == 0 ? 0 : ends[index - 1]
        return String(decoding: bytes[start..<ends[index]], as: UTF8.self)
    }

    static func parse(_ xml: UnsafeBufferPointer<UInt8>) throws(XLSXXMLError) -> XLSXSharedStrings {
        var table = XLSXSharedStrings()
        table.bytes.reserveCapacity(xml.count / 2)
        var cursor = XLSXXMLCursor(xml)
        try cursor.refuseDeclarations()
        var inItem = false
        while true {
            let tag = try cursor.nextTag()
            switch tag.kind {
            case .eof:
                if inItem { throw .malformed("the shared strings end inside a string item (<si>)") }
                return table
            case .start:
                if cursor.nameIs(tag, "si") {
                    if tag.selfClosing {
                        table.ends.append(table.bytes.count)
                    } else {
                        inItem = true
                    }
                } else if cursor.nameIs(tag, "t") {
                    if inItem, !tag.selfClosing {
                        try cursor.appendElementText(into: &table.bytes, ooxmlEscapes: true)
                    }
                } else if cursor.nameIs(tag, "rPh") {
                    if !tag.selfClosing { try cursor.skipElement() }
                }
            case .end:
                if inItem, cursor.nameIs(tag, "si") {
                    table.ends.append(table.bytes.count)
                    inItem = false
                }
            }
        }
    }
}
