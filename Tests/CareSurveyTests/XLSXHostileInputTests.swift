import Foundation
import Testing
@testable import SurveyFiles

@Suite("XLSX reader: bad and hostile input")
struct XLSXHostileInputTests {
    func readError(_ path: String, sheet: String, limits: XLSXLimits = .default) -> FileError? {
        XLSXFixtures.error {
            let workbook = try XLSXWorkbook(path: path, limits: limits)
            var sink = XLSXRecordingSink()
            try workbook.readSheet(sheet, into: &sink)
        }
    }

    func openError(_ path: String, limits: XLSXLimits = .default) -> FileError? {
        XLSXFixtures.error { _ = try XLSXWorkbook(path: path, limits: limits) }
    }

    @Test func encryptedAndLegacyFiles() {
        let encrypted = XLSXFixtures.xlsx("encrypted.xlsx")
        let legacy = XLSXFixtures.xlsx("legacy.xls")
        #expect(openError(encrypted) == .encryptedWorkbook(file: encrypted))
        #expect(openError(legacy) == .legacyExcel(file: legacy))
    }

    @Test func notAWorkbook() {
        let text = XLSXFixtures.xlsx("text-renamed.xlsx")
        guard case .notAWorkbook(let file, let reason)? = openError(text) else {
            Issue.record("expected notAWorkbook")
            return
        }
        #expect(file == text)
        #expect(reason.contains("text file"))
        let zip = XLSXFixtures.xlsx("not-a-workbook.xlsx")
        #expect(openError(zip) == .notAWorkbook(file: zip, reason: "a zip archive but not an Excel workbook (no xl/workbook.xml)"))
    }

    @Test func missingEmptyAndDirectory() throws {
        let dir = XLSXFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("nope.xlsx").path
        guard case .unreadable(let file, _)? = openError(missing) else {
            Issue.record("expected unreadable")
            return
        }
        #expect(file == missing)
        guard case .unreadable? = openError(dir.path) else {
            Issue.record("expected unreadable for a directory")
            return
        }
        let empty = dir.appendingPathComponent("empty.xlsx")
        try Data().write(to: empty)
        #expect(openError(empty.path) == .notAWorkbook(file: empty.path, reason: "the file is empty"))
    }

    @Test func truncatedWorkbook() throws {
        let dir = XLSXFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: XLSXFixtures.blank))
        let half = dir.appendingPathComponent("half.xlsx")
        try bytes.prefix(bytes.count / 2).write(to: half)
        guard case .notAWorkbook(let file, let reason)? = openError(half.path) else {
            Issue.record("expected notAWorkbook")
            return
        }
        #expect(file == half.path)
        #expect(reason.contains("truncated"))
    }

    @Test func damagedZipData() {
        let endless = XLSXFixtures.xlsx("endless-stream.xlsx")
        guard case .notAWorkbook(_, let reason)? = readError(endless, sheet: "Data") else {
            Issue.record("expected notAWorkbook for a deflate stream that never ends")
            return
        }
        #expect(reason.contains("damaged"))
        let badCRC = XLSXFixtures.xlsx("bad-checksum.xlsx")
        guard case .notAWorkbook(_, let crcReason)? = readError(badCRC, sheet: "Data") else {
            Issue.record("expected notAWorkbook for a checksum mismatch")
            return
        }
        #expect(crcReason.contains("checksum"))
    }

    @Test func zipBombIsRefusedBeforeInflating() {
        let bomb = XLSXFixtures.xlsx("zip-bomb.xlsx")
        guard case .limitExceeded(let file, _, let reason)? = readError(bomb, sheet: "Data") else {
            Issue.record("expected limitExceeded")
            return
        }
        #expect(file == bomb)
        #expect(reason.contains("zip bomb"))
        // A header that under-declares the size is caught while inflating.
        let lying = XLSXFixtures.xlsx("lying-size.xlsx")
        guard case .limitExceeded(_, _, let lyingReason)? = readError(lying, sheet: "Data") else {
            Issue.record("expected limitExceeded for a lying size")
            return
        }
        #expect(lyingReason.contains("more than its zip header declares"))
    }

    @Test func configurableSizeLimits() {
        let blank = XLSXFixtures.blank
        guard case .limitExceeded? = openError(blank, limits: XLSXLimits(maxTotalBytes: 1 << 20)) else {
            Issue.record("expected the total-size limit")
            return
        }
        guard case .limitExceeded? = readError(blank, sheet: "Service User Data", limits: XLSXLimits(maxEntryBytes: 1 << 20)) else {
            Issue.record("expected the entry-size limit")
            return
        }
        let ratio = XLSXLimits(maxCompressionRatio: 5, ratioCheckThresholdBytes: 0)
        guard case .limitExceeded? = readError(blank, sheet: "Service User Data", limits: ratio) else {
            Issue.record("expected the ratio limit")
            return
        }
        guard case .limitExceeded? = readError(blank, sheet: "Service User Data", limits: XLSXLimits(maxRows: 100)) else {
            Issue.record("expected the row limit (dimension A1:GB1048576)")
            return
        }
    }

    @Test func entityDeclarationsAreRefused() {
        let hostile = XLSXFixtures.xlsx("hostile-sheets.xlsx")
        guard case .limitExceeded(let file, _, let reason)? = readError(hostile, sheet: "Doctype") else {
            Issue.record("expected limitExceeded for <!DOCTYPE")
            return
        }
        #expect(file == hostile)
        #expect(reason.contains("<!DOCTYPE"))
        let sst = XLSXFixtures.xlsx("doctype-in-shared-strings.xlsx")
        guard case .limitExceeded? = openError(sst) else {
            Issue.record("expected limitExceeded for <!DOCTYPE in the shared strings")
            return
        }
    }

    @Test(arguments: ["Huge dimension", "Column beyond XFD", "Row beyond limit"])
    func absurdDimensions(sheet: String) {
        guard case .limitExceeded(_, let limit, let reason)? = readError(XLSXFixtures.xlsx("hostile-sheets.xlsx"), sheet: sheet) else {
            Issue.record("expected limitExceeded")
            return
        }
        #expect(limit.contains("1,048,576"))
        #expect(reason.contains(sheet))
    }

    @Test func malformedXMLNamesSheetAndRow() {
        let hostile = XLSXFixtures.xlsx("hostile-sheets.xlsx")
        #expect(readError(hostile, sheet: "Good") == nil)
        guard case .malformed(let file, let sheet, let row, _, let reason)? = readError(hostile, sheet: "Unterminated") else {
            Issue.record("expected malformed")
            return
        }
        #expect(file == hostile)
        #expect(sheet == "Unterminated")
        #expect(row == 3)
        #expect(reason.contains("unterminated"))
        guard case .malformed(_, _, let row4, let column, _)? = readError(hostile, sheet: "Bad shared index") else {
            Issue.record("expected malformed for a bad shared string index")
            return
        }
        #expect(row4 == 4)
        #expect(column == "C")
        for name in ["Truncated sheetData", "Nested rows", "Bad cell ref"] {
            guard case .malformed(_, let sheetName, _, _, _)? = readError(hostile, sheet: name) else {
                Issue.record("expected malformed for \(name)")
                continue
            }
            #expect(sheetName == name)
        }
    }

    /// Every prefix of a sheet's XML cut inside the sheet data throws a FileError — never a crash.
    @Test func everyTruncationOfASheetIsHandled() throws {
        let workbook = try XLSXWorkbook(path: XLSXFixtures.xlsx("types.xlsx"))
        let entry = try #require(workbook.directory.entry(named: "xl/worksheets/sheet1.xml"))
        let file = try XLSXFile(path: workbook.path)
        let xml = try XLSXZipInflater.extract(entry, from: file, limits: .default)
        let scanner = XLSXSheetScanner(path: workbook.path, sheet: "Data", limits: .default)
        // After </sheetData> the rest of the part is not needed, so only prefixes that cut the
        // sheet data short must fail.
        let close = Array("</sheetData>".utf8)
        let dataEnd = try #require((0...(xml.count - close.count)).first { xml[$0..<($0 + close.count)].elementsEqual(close) })
        var failures = 0
        for length in 0..<(dataEnd + close.count) {
            let prefix = Array(xml.prefix(length))
            var sink = XLSXRecordingSink()
            let error = XLSXFixtures.error {
                try prefix.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(FileError) in
                    try scanner.scan(buffer, strings: workbook.sharedStrings, into: &sink)
                }
            }
            if error != nil { failures += 1 }
        }
        #expect(failures == dataEnd + close.count)
    }

    /// Random byte damage anywhere in a small workbook gives a FileError or a result, never a crash.
    @Test func randomDamageNeverCrashes() throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: XLSXFixtures.xlsx("types.xlsx"))))
        let dir = XLSXFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("damaged.xlsx")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + next() % 4) {
                bytes[next() % bytes.count] = UInt8(truncatingIfNeeded: next())
            }
            try Data(bytes).write(to: path)
            _ = XLSXFixtures.error {
                let workbook = try XLSXWorkbook(path: path.path)
                for name in workbook.sheetNames {
                    var sink = XLSXRecordingSink()
                    try workbook.readSheet(name, into: &sink)
                }
            }
        }
    }
}
