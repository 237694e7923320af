/// The workbook's shared strings, in order of first use.
struct XLSXSharedStringTable {
    private var lookup: [String: Int] = [:]
    private(set) var strings: [String] = []
    private(set) var references = 0

    mutating func index(of text: String) -> Int {
        references += 1
        if let index = lookup[text] { return index }
        let index = strings.count
        strings.append(text)
        lookup[text] = index
        return index
    }

    func xml() -> [UInt8] {
        var out: [UInt8] = []
        out.append(contentsOf: XLSXPackageParts.declaration)
        out.append(contentsOf: "<sst xmlns=\"\(XLSXPackageParts.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">".utf8)
        for text in strings {
            out.append(contentsOf: (XLSXEscape.needsPreserve(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>").utf8)
            XLSXEscape.appendText(text, to: &out)
            out.append(contentsOf: "</t></si>".utf8)
        }
        out.append(contentsOf: "</sst>".utf8)
        return out
    }
}
