/// Cell notes (the comments part and its legacy VML drawing, which is what Excel and LibreOffice
/// draw), created or appended to. Existing comments and shapes are kept as they are.
enum XLSXCommentParts {
    struct Note {
        var row: Int      // 1-based
        var column: Int   // 0-based
        var text: String
    }

    static let author = "CareSurvey validate"

    static func newComments(_ notes: [Note]) -> [UInt8] {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<comments xmlns=\"\(XLSXPackageParts.mainNamespace)\">"
            + "<authors><author>\(author)</author></authors><commentList>"
        xml += notes.map { comment($0, author: 0) }.joined()
        return Array((xml + "</commentList></comments>").utf8)
    }

    /// Appends notes to an existing comments part; cells that already have a comment are skipped
    /// (a cell holds one note). Returns the part and the notes added.
    static func append(_ notes: [Note], to existing: [UInt8]) throws(XLSXSheetPatcher.Failure) -> ([UInt8], [Note]) {
        var xml = existing
        var taken: Set<String> = []
        var p = 0
        while let s = XMLBytes.element("comment", in: xml, from: p), let tag = XMLBytes.tagEnd(xml, s) {
            if let ref = XMLBytes.attribute("ref", in: xml, tag: s, end: tag.end) { taken.insert(ref.value.uppercased()) }
            p = tag.end
        }
        let added = notes.filter { !taken.contains("\(XLSXCellRef.columnName($0.column))\($0.row)") }
        var authors = 0
        guard let authorsStart = XMLBytes.element("authors", in: xml), let authorsTag = XMLBytes.tagEnd(xml, authorsStart) else {
            throw .malformed("comments without authors")
        }
        if authorsTag.selfClosing {
            xml.replaceSubrange(authorsStart..<authorsTag.end, with: Array("<authors><author>\(author)</author></authors>".utf8))
        } else {
            guard let close = XMLBytes.find("</authors>", in: xml, from: authorsTag.end) else { throw .malformed("authors not closed") }
            var q = authorsTag.end
            while let a = XMLBytes.element("author", in: xml, from: q, to: close) { authors += 1; q = a + 1 }
            xml.insert(contentsOf: Array("<author>\(author)</author>".utf8), at: close)
        }
        let body = Array(added.map { comment($0, author: authors) }.joined().utf8)
        if let close = XMLBytes.find("</commentList>", in: xml) {
            xml.insert(contentsOf: body, at: close)
        } else if let empty = XMLBytes.find("<commentList/>", in: xml) {
            xml.replaceSubrange(empty..<(empty + 14), with: Array("<commentList>".utf8) + body + Array("</commentList>".utf8))
        } else {
            throw .malformed("comments without commentList")
        }
        return (xml, added)
    }

    private static func comment(_ note: Note, author: Int) -> String {
        "<comment ref=\"\(XLSXCellRef.columnName(note.column))\(note.row)\" authorId=\"\(author)\"><text><r><rPr><b/><sz val=\"9\"/></rPr>"
            + "<t xml:space=\"preserve\">CareSurvey:\n</t></r><r><rPr><sz val=\"9\"/></rPr><t xml:space=\"preserve\">\(XMLBytes.escape(note.text))</t></r></text></comment>"
    }

    static let shapeType = "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">"
        + "<v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>"

    static func newDrawing(_ notes: [Note]) -> [UInt8] {
        let xml = "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
            + "xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"1\"/></o:shapelayout>"
            + shapeType + shapes(notes) + "</xml>"
        return Array(xml.utf8)
    }

    static func append(_ notes: [Note], toDrawing existing: [UInt8]) throws(XLSXSheetPatcher.Failure) -> [UInt8] {
        guard let close = XMLBytes.find("</xml>", in: existing) else { throw .malformed("VML drawing not closed") }
        var xml = existing
        let type = XMLBytes.find("_x0000_t202", in: existing) == nil ? shapeType : ""
        xml.insert(contentsOf: Array((type + shapes(notes)).utf8), at: close)
        return xml
    }

    private static func shapes(_ notes: [Note]) -> String {
        notes.enumerated().map { i, note in
            let r = note.row - 1, c = note.column
            return "<v:shape id=\"_x0000_s\(61_000 + i)\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:80pt;margin-top:2pt;"
                + "width:260pt;height:90pt;z-index:\(i + 1);visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">"
                + "<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>"
                + "<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>"
                + "<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>"
                + "<x:Anchor>\(c + 1), 15, \(max(r - 1, 0)), 2, \(c + 5), 15, \(r + 5), 4</x:Anchor><x:AutoFill>False</x:AutoFill>"
                + "<x:Row>\(r)</x:Row><x:Column>\(c)</x:Column></x:ClientData></v:shape>"
        }.joined()
    }
}
