/// In-place edits of the workbook-level parts for the annotated copy.
enum XLSXWorkbookPatcher {
    typealias Failure = XLSXSheetPatcher.Failure

    /// Inserts a sheet first in `<sheets>`, with a new sheetId; sheet-index references (a defined
    /// name's `localSheetId`, the window's `activeTab`) move up by one so they still mean the same
    /// sheets, and the tab bar starts at the new sheet.
    static func insertFirstSheet(_ xml: [UInt8], name: String, relationship: String) throws(Failure) -> [UInt8] {
        guard let sheets = XMLBytes.element("sheets", in: xml), let tag = XMLBytes.tagEnd(xml, sheets), !tag.selfClosing else {
            throw .malformed("workbook.xml has no <sheets>")
        }
        var maxID = 0
        var p = 0
        while let s = XMLBytes.element("sheet", in: xml, from: p), let t = XMLBytes.tagEnd(xml, s) {
            if let id = XMLBytes.attribute("sheetId", in: xml, tag: s, end: t.end).flatMap({ Int($0.value) }) { maxID = max(maxID, id) }
            p = t.end
        }
        var out = Array(xml[0..<tag.end])
        out.append(contentsOf: ("<sheet xmlns:r=\"\(XLSXPackageParts.relationshipNamespace)\" name=\"\(XMLBytes.escape(name))\" "
            + "sheetId=\"\(maxID + 1)\" r:id=\"\(relationship)\"/>").utf8)
        out.append(contentsOf: xml[tag.end...])
        out = shift("localSheetId", in: out, element: "definedName")
        out = shift("activeTab", in: out, element: "workbookView")
        return set("firstSheet", to: "0", in: out, element: "workbookView")
    }

    /// Adds 1 to a numeric attribute on every `element`.
    private static func shift(_ attribute: String, in xml: [UInt8], element: String) -> [UInt8] {
        var out = xml
        var p = 0
        while let s = XMLBytes.element(element, in: out, from: p), let tag = XMLBytes.tagEnd(out, s) {
            if let a = XMLBytes.attribute(attribute, in: out, tag: s, end: tag.end), let n = Int(a.value) {
                let new = Array(String(n + 1).utf8)
                out.replaceSubrange(a.range, with: new)
                p = tag.end + new.count - a.range.count
            } else {
                p = tag.end
            }
        }
        return out
    }

    private static func set(_ attribute: String, to value: String, in xml: [UInt8], element: String) -> [UInt8] {
        var out = xml
        if let s = XMLBytes.element(element, in: out), let tag = XMLBytes.tagEnd(out, s),
           let a = XMLBytes.attribute(attribute, in: out, tag: s, end: tag.end) {
            out.replaceSubrange(a.range, with: Array(value.utf8))
        }
        return out
    }

    /// Content types for the new parts.
    static func addContentTypes(_ xml: [UInt8], overrides: [(String, String)], vmlDefault: Bool) throws(Failure) -> [UInt8] {
        guard let close = XMLBytes.find("</Types>", in: xml) else { throw .malformed("[Content_Types].xml has no </Types>") }
        var add = ""
        let text = String(decoding: xml, as: UTF8.self).lowercased()
        if vmlDefault, !text.contains("extension=\"vml\"") {
            add += "<Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>"
        }
        for (part, type) in overrides { add += "<Override PartName=\"\(XMLBytes.escape(part))\" ContentType=\"\(type)\"/>" }
        var out = xml
        out.insert(contentsOf: Array(add.utf8), at: close)
        return out
    }

    /// `<legacyDrawing r:id="…"/>` at its place in the worksheet's element order (after
    /// `drawing`, before `legacyDrawingHF`, `picture`, `oleObjects`, `controls`, `webPublishItems`,
    /// `tableParts`, `extLst`).
    static func addLegacyDrawing(_ xml: [UInt8], relationship: String) throws(Failure) -> [UInt8] {
        guard let end = XMLBytes.find("</worksheet>", in: xml) else { throw .malformed("worksheet not closed") }
        let after = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]
        guard let data = XMLBytes.find("</sheetData>", in: xml) ?? XMLBytes.find("<sheetData/>", in: xml) else { throw .malformed("no sheetData") }
        // A nested <extLst> (inside conditional formats) is not the worksheet's own: look for the
        // worksheet's elements only after the last element that precedes legacyDrawing.
        var from = data
        for before in ["</conditionalFormatting>", "</dataValidations>", "</hyperlinks>", "<pageMargins", "<pageSetup", "</headerFooter>", "<drawing "] {
            var p = from
            while let i = XMLBytes.find(before, in: xml, from: p, to: end) { from = max(from, i); p = i + 1 }
        }
        let at = after.compactMap { XMLBytes.element($0, in: xml, from: from, to: end) }.min() ?? end
        var out = xml
        out.insert(contentsOf: Array("<legacyDrawing xmlns:r=\"\(XLSXPackageParts.relationshipNamespace)\" r:id=\"\(relationship)\"/>".utf8), at: at)
        return out
    }
}
