/// Appends to a workbook's `styles.xml` what the annotated copy needs — two fills (problem
/// highlights), three fonts and new cell formats — without changing any existing entry: existing
/// style indexes keep their meaning, so every untouched cell looks exactly as before.
struct XLSXStylesPatcher {
    enum Failure: Error { case malformed(String) }

    private var xml: [UInt8]
    /// The `<xf>` elements of `cellXfs`, as written.
    private var formats: [[UInt8]] = []
    private var newFormats: [String] = []
    private var cache: [String: Int] = [:]
    private(set) var errorFill = 0, warningFill = 0
    private var boldFont = 0, titleFont = 0, linkFont = 0

    init(_ styles: [UInt8]) throws(Failure) {
        xml = styles
        guard let xfsStart = XMLBytes.element("cellXfs", in: xml), let open = XMLBytes.tagEnd(xml, xfsStart), !open.selfClosing,
              let close = XMLBytes.find("</cellXfs>", in: xml, from: open.end) else { throw .malformed("no cellXfs") }
        var p = open.end
        while let start = XMLBytes.element("xf", in: xml, from: p, to: close) {
            guard let tag = XMLBytes.tagEnd(xml, start) else { throw .malformed("unclosed xf") }
            var end = tag.end
            if !tag.selfClosing {
                guard let c = XMLBytes.find("</xf>", in: xml, from: tag.end, to: close) else { throw .malformed("unclosed xf") }
                end = c + 5
            }
            formats.append(Array(xml[start..<end]))
            p = end
        }
        guard !formats.isEmpty else { throw .malformed("empty cellXfs") }
        let fills = try Self.append(["<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFC7CE\"/><bgColor indexed=\"64\"/></patternFill></fill>",
                                     "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFEB9C\"/><bgColor indexed=\"64\"/></patternFill></fill>"],
                                    to: "fills", child: "fill", in: &xml)
        (errorFill, warningFill) = (fills, fills + 1)
        let fonts = try Self.append(["<font><b/><sz val=\"10\"/><name val=\"Arial\"/><family val=\"2\"/></font>",
                                     "<font><b/><sz val=\"14\"/><name val=\"Arial\"/><family val=\"2\"/></font>",
                                     "<font><u/><sz val=\"10\"/><color rgb=\"FF0563C1\"/><name val=\"Arial\"/><family val=\"2\"/></font>"],
                                    to: "fonts", child: "font", in: &xml)
        (boldFont, titleFont, linkFont) = (fonts, fonts + 1, fonts + 2)
    }

    /// A new format: the cell's own format (`original`) with the highlight fill.
    mutating func highlighted(_ original: Int, error: Bool) -> Int {
        let key = "\(original)|\(error)"
        if let id = cache[key] { return id }
        let base = original >= 0 && original < formats.count ? formats[original] : formats[0]
        var tag = String(decoding: base, as: UTF8.self)
        tag = Self.setAttribute("fillId", String(error ? errorFill : warningFill), in: tag)
        tag = Self.setAttribute("applyFill", "1", in: tag)
        return add(tag, key: key)
    }

    /// The formats of the problem-list sheet, one per `XLSXWriter.Style` (in its order).
    mutating func listStyles() -> [Int] {
        XLSXWriter.Style.allCases.map { style in
            let font: Int
            let format: Int
            switch style {
            case .title: (font, format) = (titleFont, 0)
            case .header: (font, format) = (boldFont, 0)
            case .link: (font, format) = (linkFont, 0)
            case .whole: (font, format) = (0, 1)
            default: (font, format) = (0, 0)
            }
            var tag = "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
            if font != 0 { tag += " applyFont=\"1\"" }
            if format != 0 { tag += " applyNumberFormat=\"1\"" }
            tag += style == .wrapped ? " applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>" : "/>"
            return add(tag, key: "list|\(style.rawValue)")
        }
    }

    private mutating func add(_ tag: String, key: String) -> Int {
        let id = formats.count + newFormats.count
        newFormats.append(tag)
        cache[key] = id
        return id
    }

    /// The patched `styles.xml`.
    func result() throws(Failure) -> [UInt8] {
        var out = xml
        _ = try Self.append(newFormats, to: "cellXfs", child: "xf", in: &out)
        return out
    }

    /// Appends elements at the end of the list `name` and updates its `count`; returns the index
    /// of the first appended element.
    private static func append(_ elements: [String], to name: String, child: String, in xml: inout [UInt8]) throws(Failure) -> Int {
        guard let start = XMLBytes.element(name, in: xml), let open = XMLBytes.tagEnd(xml, start), !open.selfClosing,
              let close = XMLBytes.find("</\(name)>", in: xml, from: open.end) else { throw .malformed("no \(name)") }
        // Count the direct children (the count attribute may be missing or wrong).
        var existing = 0
        var p = open.end
        while let s = XMLBytes.element(child, in: xml, from: p, to: close) {
            guard let tag = XMLBytes.tagEnd(xml, s) else { throw .malformed("unclosed \(child)") }
            existing += 1
            if tag.selfClosing {
                p = tag.end
            } else {
                guard let c = XMLBytes.find("</\(child)>", in: xml, from: tag.end, to: close) else { throw .malformed("unclosed \(child)") }
                p = c + child.utf8.count + 3
            }
        }
        guard !elements.isEmpty else { return existing }
        var out = Array(xml[0..<close])
        out.append(contentsOf: elements.joined().utf8)
        out.append(contentsOf: xml[close...])
        if let count = XMLBytes.attribute("count", in: out, tag: start, end: open.end) {
            out.replaceSubrange(count.range, with: Array(String(existing + elements.count).utf8))
        }
        xml = out
        return existing
    }

    /// Sets `name="value"` in an element's start tag (replacing it if present).
    static func setAttribute(_ name: String, _ value: String, in element: String) -> String {
        let bytes = Array(element.utf8)
        guard let tag = XMLBytes.tagEnd(bytes, 0) else { return element }
        if let a = XMLBytes.attribute(name, in: bytes, tag: 0, end: tag.end) {
            var out = bytes
            out.replaceSubrange(a.range, with: Array(value.utf8))
            return String(decoding: out, as: UTF8.self)
        }
        let insertAt = tag.selfClosing ? tag.end - 2 : tag.end - 1
        var out = bytes
        out.insert(contentsOf: Array(" \(name)=\"\(value)\"".utf8), at: insertAt)
        return String(decoding: out, as: UTF8.self)
    }
}
