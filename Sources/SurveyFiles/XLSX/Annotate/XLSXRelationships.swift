/// Reading and extending a relationships part (`*.rels`) in place.
enum XLSXRelationships {
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    static func parse(_ xml: [UInt8]) -> [Relationship] {
        var out: [Relationship] = []
        var p = 0
        while let s = XMLBytes.element("Relationship", in: xml, from: p), let tag = XMLBytes.tagEnd(xml, s) {
            let id = XMLBytes.attribute("Id", in: xml, tag: s, end: tag.end)?.value ?? ""
            let type = XMLBytes.attribute("Type", in: xml, tag: s, end: tag.end)?.value ?? ""
            let target = XMLBytes.attribute("Target", in: xml, tag: s, end: tag.end)?.value ?? ""
            out.append(Relationship(id: id, type: type, target: target.replacingOccurrences(of: "&amp;", with: "&")))
            p = tag.end
        }
        return out
    }

    /// Adds a relationship (creating the part when `xml` is nil); returns the part and the new Id.
    static func add(type: String, target: String, to xml: [UInt8]?) -> ([UInt8]?, String) {
        var bytes = xml ?? Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
            + XLSXPackageParts.packageRelationshipNamespace + "\"></Relationships>").utf8)
        let ids = Set(parse(bytes).map(\.id))
        var n = 1
        while ids.contains("rIdCareSurvey\(n)") { n += 1 }
        let id = "rIdCareSurvey\(n)"
        let element = Array("<Relationship Id=\"\(id)\" Type=\"\(type)\" Target=\"\(XMLBytes.escape(target))\"/>".utf8)
        if let close = XMLBytes.find("</Relationships>", in: bytes) {
            bytes.insert(contentsOf: element, at: close)
        } else if let empty = XMLBytes.element("Relationships", in: bytes), let tag = XMLBytes.tagEnd(bytes, empty), tag.selfClosing {
            bytes.replaceSubrange((tag.end - 2)..<tag.end, with: Array(">".utf8) + element + Array("</Relationships>".utf8))
        }
        return (bytes, id)
    }

    /// A target relative to the part's folder (`../comments1.xml` from `xl/worksheets`), or an
    /// absolute one (`/xl/…`), as a zip entry name.
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// `name` relative to `folder` (both zip entry names).
    static func relative(_ name: String, from folder: String) -> String {
        let from = folder.split(separator: "/")
        let to = name.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }
}
