import Foundation
import Testing
@testable import CareSurveyKit
@testable import SurveyFiles
import SurveyModel

/// Issue 2: reading real returns and reporting every problem with file, sheet, row and column.
@Suite struct ValidationTests {
    static let edge = Fixtures.conformance("ascs-2021-22-edge/returns.csv")

    /// A small CSV from the edge set's header and its first respondent rows, with edits.
    static func csv(rows count: Int = 6, edit: (inout [String], inout [[String]]) -> Void = { _, _ in }) throws -> String {
        let text = try String(contentsOfFile: Fixtures.require(edge), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        var header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let respIndex = header.firstIndex(of: "Response")!
        var rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0[respIndex] == "1" }.prefix(count).map { $0 }
        edit(&header, &rows)
        let path = Fixtures.temporaryDirectory().appendingPathComponent("return.csv").path
        try ([header.joined(separator: ",")] + rows.map { $0.joined(separator: ",") }).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func set(_ header: [String], _ row: inout [String], _ column: String, _ value: String) {
        row[header.firstIndex(of: column)!] = value
    }

    static func load(_ path: String) -> LoadedReturns { Fixtures.toolkit.load([path]) }

    @Test(arguments: [("ascs-2021-22-edge", 4195, 2063), ("ascs-2021-22-twenty/before", 17563, 7486),
                      ("ascs-2021-22-twenty/after", 17563, 7406), ("sace-2021-22-twenty", 10374, 4724)] as [(String, Int, Int?)])
    func conformanceReturnsHaveNoErrors(set: String, rows: Int, respondents: Int?) throws {
        let loaded = Self.load(try Fixtures.require(Fixtures.conformance(set + "/returns.csv")))
        #expect(loaded.summary.errors == 0, "\(loaded.diagnostics.prefix(5))")
        #expect(loaded.summary.rowsRead == rows)
        if let respondents { #expect(loaded.summary.respondents == respondents) }
        #expect(loaded.summary.isBalanced)
        #expect(loaded.table?.count == rows)
    }

    @Test func blankOfficialWorkbook() throws {
        let loaded = Self.load(try Fixtures.require(Fixtures.path("reference/ascs-data-return-2021-22-blank.xlsx")))
        #expect(loaded.summary.rowsRead == 0)
        #expect(loaded.summary.errors == 0)
        #expect(loaded.summary.warnings == 0, "every expected column is found: \(loaded.diagnostics)")
        #expect(loaded.summary.templateRowsSkipped >= 4000)
        #expect(loaded.files.first?.sheet == "Service User Data")
    }

    @Test func renamedSheetNamesTheNearMatch() throws {
        let loaded = Self.load(try Fixtures.require(Fixtures.path("reference/ascs-data-return-2021-22-sheet-renamed.xlsx")))
        #expect(loaded.table == nil)
        let d = try #require(loaded.diagnostics.first)
        #expect(d.rule == "unreadable-file")
        #expect(d.message.contains("no sheet named \"Service User Data\""))
        #expect(d.message.contains("Did you mean \"Service Userr Data\""))
    }

    @Test func deletedVoluntaryColumnsAreWarnings() throws {
        let loaded = Self.load(try Fixtures.require(Fixtures.path("reference/ascs-data-return-2021-22-two-columns-deleted.xlsx")))
        #expect(loaded.summary.errors == 0)
        let missing = loaded.diagnostics.filter { $0.rule == "missing-column" }
        #expect(Set(missing.compactMap(\.column)) == ["BudgetEquipment", "BudgetOtherFunding"])
        #expect(missing.allSatisfy { $0.severity == .warning && $0.sheet == "Service User Data" && $0.row == 1 })
    }

    /// The official workbook typed in for council 716 reads to exactly the CSV rows of council 716.
    @Test func workbook716EqualsItsCSVRows() throws {
        let xlsx = Self.load(try Fixtures.require(Fixtures.conformance("ascs-2021-22-twenty/before/return-716.xlsx")))
        let csv = Self.load(try Fixtures.require(Fixtures.conformance("ascs-2021-22-twenty/before/returns.csv")))
        let a = try #require(xlsx.table)
        let b = try #require(csv.table)
        #expect(xlsx.summary.errors == 0)
        let rows716 = (0..<b.count).filter { b.councils[Int(b.council[$0])] == "716" }
        #expect(a.count == rows716.count)
        #expect(a.councils == ["716"])
        var mismatches = 0
        for (i, row) in rows716.enumerated() {
            #expect(a.serial[i] == b.serial[row])
            for (f, field) in a.codebook.fields.enumerated() where field.isCoded && !field.isExcelOnly {
                if b.codebook.fields[f].isCoded, a.columns[f][i] != b.columns[f][row] { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func missingMandatoryColumn() throws {
        let path = try Self.csv { header, rows in
            let i = header.firstIndex(of: "q3a")!
            header.remove(at: i)
            for r in rows.indices { rows[r].remove(at: i) }
        }
        let loaded = Self.load(path)
        let d = try #require(loaded.diagnostics.first { $0.rule == "missing-column" })
        #expect(d.severity == .error && d.column == "q3a" && d.row == 1 && d.file == path)
        #expect(loaded.summary.rowsRead == 6)
    }

    @Test func missingSerialColumnIsAFileError() throws {
        let path = try Self.csv { header, _ in header[header.firstIndex(of: "SerialNo")!] = "Serial" }
        let loaded = Self.load(path)
        #expect(loaded.table == nil)
        #expect(loaded.diagnostics.first?.message.contains("SerialNo") == true)
    }

    @Test func badValuesAreDiagnosedAndMadeMissing() throws {
        let path = try Self.csv { h, rows in
            Self.set(h, &rows[0], "q3a", "5")           // out of range
            Self.set(h, &rows[1], "q4a", "2.5")         // decimal
            Self.set(h, &rows[2], "q5a", "abc")         // text
            Self.set(h, &rows[3], "LaCode", "")         // no council
            Self.set(h, &rows[4], "Age", "12")          // below 18
            Self.set(h, &rows[5], "q6a", "-9")          // no answer: fine
        }
        let loaded = Self.load(path)
        func find(_ rule: String) -> Diagnostic? { loaded.diagnostics.first { $0.rule == rule } }
        let range = try #require(find("out-of-range"))
        #expect(range.row == 2 && range.column == "q3a" && range.value == "5" && range.file == path && range.sheet == nil)
        #expect(find("not-whole-number")?.row == 3)
        #expect(find("not-a-number")?.column == "q5a")
        #expect(find("council-missing")?.row == 5)
        #expect(loaded.diagnostics.contains { $0.column == "Age" && $0.rule == "out-of-range" })
        #expect(!loaded.diagnostics.contains { $0.column == "q6a" })
        let table = try #require(loaded.table)
        #expect(table.column("q3a")![0] == ResponseTable.missing)
        #expect(table.column("q4a")![1] == ResponseTable.missing)
        #expect(loaded.summary.rowsRead == 6 && loaded.summary.rowsWithErrors == 5)
    }

    @Test func nonRespondentWithAnswers() throws {
        let path = try Self.csv(rows: 2) { h, rows in
            Self.set(h, &rows[0], "Response", "3")
            Self.set(h, &rows[0], "Advocate", "1")
        }
        let loaded = Self.load(path)
        #expect(loaded.diagnostics.contains { $0.rule == "non-respondent-answer" && $0.row == 2 })
        #expect(loaded.diagnostics.contains { $0.rule == "non-respondent-rule" && $0.column == "Advocate" })
        #expect(loaded.summary.nonRespondents == 1 && loaded.summary.respondents == 1)
    }

    @Test func easyReadAllowsOnlyFiveCodes() throws {
        let path = try Self.csv(rows: 2) { h, rows in
            Self.set(h, &rows[0], "Questionnaire", "3")
            Self.set(h, &rows[0], "q1", "6")
            Self.set(h, &rows[1], "Questionnaire", "1")
            Self.set(h, &rows[1], "q1", "6")
        }
        let loaded = Self.load(path)
        let d = loaded.diagnostics.filter { $0.column == "q1" }
        #expect(d.count == 1 && d.first?.rule == "easy-read-out-of-range" && d.first?.row == 2)
    }

    @Test func brokenTickAllGroups() throws {
        let path = try Self.csv(rows: 2) { h, rows in
            Self.set(h, &rows[0], "q19a", "1"); Self.set(h, &rows[0], "q19b", ""); Self.set(h, &rows[0], "q19c", "2")
            Self.set(h, &rows[1], "q22a", "2"); Self.set(h, &rows[1], "q22b", "2"); Self.set(h, &rows[1], "q22c", "2")
            Self.set(h, &rows[1], "q22d", "2"); Self.set(h, &rows[1], "q22e", "2"); Self.set(h, &rows[1], "q22f", "2")
        }
        let loaded = Self.load(path)
        #expect(loaded.diagnostics.contains { $0.rule == "multi-tick-partial" && $0.row == 2 })
        #expect(loaded.diagnostics.contains { $0.rule == "multi-tick-none-ticked" && $0.row == 3 })
        let table = try #require(loaded.table)
        #expect(table.column("q19a")![0] == ResponseTable.missing)
        #expect(table.column("q22f")![1] == ResponseTable.missing)
    }

    @Test func duplicateSerialsAcrossFiles() throws {
        let a = try Self.csv(rows: 3)
        let b = try Self.csv(rows: 1)
        let loaded = Fixtures.toolkit.load([a, b])
        let d = try #require(loaded.diagnostics.first { $0.rule == "duplicate-serial" })
        #expect(d.file == b && d.row == 2 && d.message.contains(a))
        #expect(loaded.summary.rowsRead == 4)
    }

    @Test func truncatedCSVNamesTheRow() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("cut.csv").path
        let text = try String(contentsOfFile: Fixtures.require(Self.edge), encoding: .utf8)
        try (String(text.prefix(2000)) + ",\"unterminated").write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = Self.load(path)
        #expect(loaded.table == nil)
        let d = try #require(loaded.diagnostics.first)
        #expect(d.rule == "unreadable-file" && d.row != nil && d.message.contains("never closed"))
    }

    @Test func zipThatIsNotAWorkbookAndMixedFolder() throws {
        let dir = Fixtures.temporaryDirectory()
        let zip = dir.appendingPathComponent("notes.xlsx")
        // A zip archive with one text entry (stored), written by hand.
        try Data(ZipBytes.single(name: "notes.txt", content: Array("hello".utf8))).write(to: zip)
        try FileManager.default.copyItem(atPath: try Self.csv(rows: 3), toPath: dir.appendingPathComponent("good.csv").path)
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)).write(to: dir.appendingPathComponent("old.xls"))
        let loaded = Fixtures.toolkit.load([dir.path])
        #expect(loaded.summary.rowsRead == 3)
        #expect(loaded.unreadableFiles == 2)
        #expect(loaded.diagnostics.contains { $0.file == zip.path && $0.message.contains("not an Excel workbook") })
        #expect(loaded.diagnostics.contains { $0.message.contains(".xls") && $0.message.contains("save it as") || $0.message.contains("Excel Workbook (.xlsx)") })
    }

    @Test func unknownColumnsAreKeptAsWarnings() throws {
        let path = try Self.csv(rows: 1) { header, rows in
            header.append("MyNotes")
            rows[0].append("hello")
        }
        let loaded = Self.load(path)
        #expect(loaded.diagnostics.contains { $0.rule == "ignored-column" && $0.severity == .warning && $0.column == "MyNotes" })
        #expect(loaded.summary.errors == 0)
    }
}

/// A minimal stored (uncompressed) zip with one entry, for fixtures.
enum ZipBytes {
    static func single(name: String, content: [UInt8]) -> [UInt8] {
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        var crc: UInt32 = 0xFFFF_FFFF
        for b in content {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc ^= 0xFFFF_FFFF
        let n = Array(name.utf8)
        var local: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + le16(20) + le16(0) + le16(0) + le16(0) + le16(0)
        local += le32(crc) + le32(UInt32(content.count)) + le32(UInt32(content.count)) + le16(n.count) + le16(0) + n + content
        var central: [UInt8] = [0x50, 0x4B, 0x01, 0x02] + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0)
        central += le32(crc) + le32(UInt32(content.count)) + le32(UInt32(content.count)) + le16(n.count) + le16(0) + le16(0)
        central += le16(0) + le16(0) + le32(0) + le32(0) + n
        let end: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(1) + le16(1) + le32(UInt32(central.count)) + le32(UInt32(local.count)) + le16(0)
        return local + central + end
    }
}
