import Foundation
import Testing
@testable import SurveyFiles

/// Helpers of the Safety* tests (robustness and safety of inputs and outputs).
enum SafetyFixtures {
    static func regression(_ name: String) -> String { Fixtures.path("fuzz-regressions/" + name) }

    /// Names of the files in a directory (to check that nothing was left behind).
    static func listing(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    /// The CSV records of a text as a spreadsheet would count them (a final line break ends the
    /// last record; it does not start another). The text must have no quoted line breaks.
    static func recordCount(_ text: String) -> Int {
        var count = 0
        var pendingCR = false
        var inRecord = false
        for b in text.utf8 {
            if b == 13 { count += 1; pendingCR = true; inRecord = false; continue }
            if b == 10 {
                if !pendingCR { count += 1 }
                pendingCR = false
                inRecord = false
                continue
            }
            pendingCR = false
            inRecord = true
        }
        return count + (inRecord ? 1 : 0)
    }
}

/// A stored (uncompressed) zip with several entries, written by hand, for hostile-workbook tests.
enum SafetyZip {
    struct Entry {
        var name: String
        var content: [UInt8]
        var flags: UInt16 = 0
        /// The uncompressed size the directory declares (nil: the true size).
        var declaredSize: UInt32?
        init(_ name: String, _ content: String, flags: UInt16 = 0, declaredSize: UInt32? = nil) {
            self.name = name
            self.content = Array(content.utf8)
            self.flags = flags
            self.declaredSize = declaredSize
        }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// `declaredEntries` overrides the entry count of the end record (to provoke the entry limit).
    static func build(_ entries: [Entry], declaredEntries: Int? = nil) -> [UInt8] {
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        var out: [UInt8] = []
        var central: [UInt8] = []
        for e in entries {
            let n = Array(e.name.utf8)
            let crc = crc32(e.content)
            let size = UInt32(e.content.count)
            let offset = UInt32(out.count)
            out += [0x50, 0x4B, 0x03, 0x04] + le16(20) + le16(Int(e.flags)) + le16(0) + le16(0) + le16(0)
            out += le32(crc) + le32(size) + le32(size) + le16(n.count) + le16(0) + n + e.content
            central += [0x50, 0x4B, 0x01, 0x02] + le16(20) + le16(20) + le16(Int(e.flags)) + le16(0) + le16(0) + le16(0)
            central += le32(crc) + le32(size) + le32(e.declaredSize ?? size) + le16(n.count) + le16(0) + le16(0)
            central += le16(0) + le16(0) + le32(0) + le32(offset) + n
        }
        let count = declaredEntries ?? entries.count
        let end: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(count) + le16(count)
            + le32(UInt32(central.count)) + le32(UInt32(out.count)) + le16(0)
        return out + central + end
    }

    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A minimal workbook: one sheet per (name, sheet XML), with optional parts replaced.
    static func workbook(_ sheets: [(String, String)], workbookXML: String? = nil, relsXML: String? = nil,
                         sharedStrings: String? = nil, sheetFlags: UInt16 = 0, sheetDeclaredSize: UInt32? = nil,
                         extra: [Entry] = []) -> [UInt8] {
        let wb = workbookXML ?? "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheets>"
            + sheets.enumerated().map { "<sheet name=\"\($0.element.0)\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined()
            + "</sheets></workbook>"
        let rels = relsXML ?? "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "</Relationships>"
        var entries = [Entry("[Content_Types].xml", "<Types/>"), Entry("xl/workbook.xml", wb), Entry("xl/_rels/workbook.xml.rels", rels)]
        if let sharedStrings { entries.append(Entry("xl/sharedStrings.xml", sharedStrings)) }
        for (i, sheet) in sheets.enumerated() {
            entries.append(Entry("xl/worksheets/sheet\(i + 1).xml", sheet.1, flags: sheetFlags, declaredSize: sheetDeclaredSize))
        }
        return build(entries + extra)
    }

    static func sheet(_ rows: String, dimension: String = "A1", after: String = "") -> String {
        "<?xml version=\"1.0\"?><worksheet xmlns=\"\(mainNS)\"><dimension ref=\"\(dimension)\"/><sheetData>\(rows)</sheetData>\(after)</worksheet>"
    }

    static func write(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
