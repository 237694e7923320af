import Foundation
@testable import SurveyFiles
import SurveyModel

/// Builds a changed data-return template from the official one by rewriting sheet XML inside the
/// zip: the data sheet's header row, the codes sheet's blocks, and sheet names. Every other part is
/// copied unchanged.
struct TemplateEditor {
    var headers: [String]
    var blocks: [CodebookTemplate.CodesBlock]
    /// Sheet renames (old → new) in the workbook part.
    var renames: [String: String] = [:]
    let original: String
    let template: CodebookTemplate

    init(_ path: String) throws {
        original = path
        template = try CodebookTemplateReader.read(path: path, dataSheet: "Service User Data")
        let workbook = try XLSXWorkbook(path: path)
        var sink = XLSXGridSink()
        try workbook.readSheet("Service User Data", upToRow: 1, into: &sink)
        headers = (sink.grid[1] ?? [:]).keys.sorted().map { sink.grid[1]?[$0] ?? "" }
        blocks = template.blocks
    }

    func column(_ prefix: String) -> Int { headers.firstIndex { $0.hasPrefix(prefix) }! }
    func block(_ prefix: String) -> Int { blocks.firstIndex { $0.title.hasPrefix(prefix) }! }

    /// Renames the question number at the start of a header or block title (`Q12` → `Q13`).
    static func renumber(_ text: String, _ from: String, _ to: String) -> String {
        text.hasPrefix(from) ? to + text.dropFirst(from.count) : text
    }

    func write(to path: String) throws {
        let workbook = try XLSXWorkbook(path: original)
        let parts = Dictionary(uniqueKeysWithValues: workbook.sheets.enumerated().compactMap { i, s in workbook.sheetParts[i].map { (s.name, $0) } })
        let file = try XLSXFile(path: original)
        let directory = try XLSXZipDirectory.read(file, limits: .default)
        var zip = ZipArchiveWriter(level: 1)
        for entry in directory.entries {
            var bytes = try XLSXZipInflater.extract(entry, from: file, limits: .default)
            if entry.name == parts["Service User Data"] {
                bytes = Self.replacing(bytes, from: "<row r=\"1\"", to: "</row>", with: Self.row(1, headers.enumerated().map { ($0.offset, $0.element) }))
            } else if entry.name == parts[template.codesSheet] {
                var rows = [Self.row(3, [(1, "Field"), (2, "Code"), (4, "Label")])]
                var r = 4
                for block in blocks {
                    for (i, code) in block.codes.enumerated() {
                        var cells: [(Int, String)] = [(2, String(code.code)), (4, code.label)]
                        if i == 0 { cells.insert((1, block.title), at: 0) }
                        rows.append(Self.row(r, cells))
                        r += 1
                    }
                }
                bytes = Self.replacing(bytes, from: "<sheetData", to: "</sheetData>", with: "<sheetData>" + rows.joined() + "</sheetData>")
            } else if entry.name == "xl/workbook.xml" {
                var xml = String(decoding: bytes, as: UTF8.self)
                for (old, new) in renames { xml = xml.replacingOccurrences(of: "name=\"\(Self.escape(old))\"", with: "name=\"\(Self.escape(new))\"") }
                bytes = Array(xml.utf8)
            }
            try zip.add(entry.name, bytes)
        }
        try Data(try zip.finish()).write(to: URL(fileURLWithPath: path))
    }

    static func row(_ r: Int, _ cells: [(Int, String)]) -> String {
        "<row r=\"\(r)\">" + cells.map { c, text in
            let ref = XLSXCellRef.reference(row: r, column: c)
            if Int(text) != nil { return "<c r=\"\(ref)\"><v>\(text)</v></c>" }
            return "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
        }.joined() + "</row>"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "\r", with: "&#13;")
    }

    /// `bytes` with the first span from `from` through the next `to` replaced.
    static func replacing(_ bytes: [UInt8], from: String, to: String, with: String) -> [UInt8] {
        let xml = String(decoding: bytes, as: UTF8.self)
        guard let start = xml.range(of: from), let end = xml.range(of: to, range: start.upperBound..<xml.endIndex) else { return bytes }
        return Array((xml[..<start.lowerBound] + with + xml[end.upperBound...]).utf8)
    }
}
