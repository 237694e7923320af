/// Parsers for the small workbook parts: `xl/workbook.xml` and `xl/_rels/workbook.xml.rels`.
enum XLSXWorkbookParts {
    struct SheetRecord: Equatable {
        var name: String
        var state: String
        var relationshipID: String
    }

    struct Relationship: Equatable {
        var target: String
        var type: String
        var external: Bool
    }

    /// The `<sheet>` elements of `<sheets>`, in workbook order.
    static func sheets(_ xml: UnsafeBufferPointer<UInt8>) throws(XLSXXMLError) -> [SheetRecord] {
        var cursor = XLSXXMLCursor(xml)
        try cursor.refuseDeclarations()
        var result: [SheetRecord] = []
        var inSheets = false
        while true {
            let tag = try cursor.nextTag()
            switch tag.kind {
            case .eof:
                return result
            case .start:
                if cursor.nameIs(tag, "sheets") {
                    inSheets = !tag.selfClosing
                } else if inSheets, cursor.nameIs(tag, "sheet") {
                    guard let name = cursor.attributeString("name", in: tag) else {
                        throw .malformed("a <sheet> without a name")
                    }
                    result.append(SheetRecord(
                        name: name,
                        state: cursor.attributeString("state", in: tag) ?? "visible",
                        relationshipID: cursor.attributeString("id", in: tag) ?? ""))
                    if !tag.selfClosing { try cursor.skipElement() }
                }
            case .end:
                if cursor.nameIs(tag, "sheets") { inSheets = false }
            }
        }
    }

    /// Relationship id → relationship.
    static func relationships(_ xml: UnsafeBufferPointer<UInt8>) throws(XLSXXMLError) -> [String: Relationship] {
        var cursor = XLSXXMLCursor(xml)
        try cursor.refuseDeclarations()
        var result: [String: Relationship] = [:]
        while true {
            let tag = try cursor.nextTag()
            switch tag.kind {
            case .eof:
                return result
            case .start where cursor.nameIs(tag, "Relationship"):
                if let id = cursor.attributeString("Id", in: tag), let target = cursor.attributeString("Target", in: tag) {
                    let mode = cursor.attributeString("TargetMode", in: tag) ?? ""
                    result[id] = Relationship(target: target, type: cursor.attributeString("Type", in: tag) ?? "",
                                              external: mode == "External")
                }
            default:
                continue
            }
        }
    }

    /// Resolves a relationship target against the folder of the part that holds it (`xl/`):
    /// `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`, `/xl/worksheets/sheet1.xml` →
    /// `xl/worksheets/sheet1.xml`, `../x.xml` → `x.xml`. Percent-escapes are decoded.
    static func resolve(_ target: String, relativeTo folder: String = "xl/") -> String {
        let decoded = target.removingPercentEncodingIfValid
        let joined = decoded.hasPrefix("/") ? String(decoded.dropFirst()) : folder + decoded
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}

private extension String {
    /// `%20` → space etc.; the string unchanged when it has no valid escapes.
    var removingPercentEncodingIfValid: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        let utf8 = Array(self.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let high = hex(utf8[i + 1]), let low = hex(utf8[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}
