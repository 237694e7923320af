import Foundation
import Testing
@testable import SurveyFiles

@Suite("XLSX reader: value types and XML forms")
struct XLSXValueTypesTests {
    let workbook: XLSXWorkbook

    init() throws {
        workbook = try XLSXWorkbook(path: XLSXFixtures.xlsx("types.xlsx"))
    }

    func read(_ sheet: String) throws -> XLSXRecordingSink {
        var sink = XLSXRecordingSink()
        try workbook.readSheet(sheet, into: &sink)
        return sink
    }

    @Test func sheetNamesAndStates() {
        #expect(workbook.sheetNames == ["Data", "Prefixed", "Hidden & Co", "Empty"])
        #expect(workbook.sheets[2].state == "hidden")
        #expect(workbook.sharedStringCount == 7)
    }

    @Test func sharedStrings() throws {
        #expect(workbook.sharedString(0) == "Plain")
        #expect(workbook.sharedString(1) == "Rich text")  // runs joined, phonetic run ignored
        #expect(workbook.sharedString(3) == "A & B <C> \"q\" 's' \n\u{263A} &unknown; &#xD800;")
        #expect(workbook.sharedString(4) == "Line1\r\nLine2\r")  // literal CR LF kept, _x000D_ decoded
        #expect(workbook.sharedString(5) == "")
        #expect(workbook.sharedString(7) == nil)
    }

    @Test func everyValueType() throws {
        let sink = try read("Data")
        #expect(sink.rows.map(\.number) == [1, 2, 5, 7, 8, 9])
        let cells = sink.byReference
        #expect(cells["A1"] == "Plain")
        #expect(cells["B1"] == "Rich text")
        #expect(cells["C1"] == "42")
        #expect(cells["D1"] == "1")
        #expect(cells["E1"] == nil)  // error value skipped
        #expect(sink.cell("F1") == .init(column: 5, text: "a&b", isFormula: true))
        #expect(cells["G1"] == nil)  // <v/>
        #expect(cells["H1"] == "0123")  // number stored as text keeps its zero
        #expect(sink.cell("I1") == .init(column: 8, text: "1.5E-3", isFormula: true))  // shared formula
        #expect(cells["J1"] == nil)
        #expect(sink.cell("C1")?.isFormula == false)
    }

    @Test func cellsWithoutReferencesAndInlineStrings() throws {
        let sink = try read("Data")
        let row2 = try #require(sink.rows.first { $0.number == 2 })
        #expect(row2.cells.map(\.column) == [0, 1, 4, 5])
        #expect(row2.cells.map(\.text) == ["1", "A & B <C> \"q\" 's' \n\u{263A} &unknown; &#xD800;", "inline", "rich inline"])
        #expect(sink.byReference["A9"] == "<cdata> & text")
        #expect(sink.byReference["B9"] == "2022-03-31T00:00:00")
        #expect(sink.byReference["C9"] == "716-00001")
    }

    @Test func sparseRowsQuotesAndWhitespace() throws {
        let sink = try read("Data")
        #expect(sink.byReference["AA5"] == "5")
        #expect(sink.byReference["XFD5"] == "last")
        let row7 = try #require(sink.rows.first { $0.number == 7 })
        #expect(row7.cells.map(\.column) == [2, 3, 4])  // F7 (empty shared string) and G7 (<v></v>) absent
        #expect(sink.byReference["C7"] == "0")
        #expect(sink.byReference["D7"] == " 7 ")  // numbers as written
        #expect(sink.byReference["E7"] == "Line1\r\nLine2\r")
        #expect(sink.rows.first { $0.number == 8 }?.cells.isEmpty == true)  // <row/> still delivered
    }

    @Test func namespacePrefixesAndAbsoluteTarget() throws {
        let sink = try read("Prefixed")
        #expect(sink.byReference == ["A1": "Plain", "B1": "prefixed", "C1": "2"])
        #expect(sink.cell("C1")?.isFormula == true)
    }

    @Test func hiddenAndEmptySheets() throws {
        #expect(try workbook.readGrid(sheet: "Hidden & Co") == [1: [0: "1"]])
        #expect(try read("Empty").rows.isEmpty)
        #expect(try workbook.cellValues(sheet: "Empty", refs: ["A1"]).isEmpty)
    }

    @Test func workbookIsSendable() async throws {
        let workbook = self.workbook
        let count = try await Task.detached { () throws -> Int in
            try workbook.readGrid(sheet: "Data").count
        }.value
        #expect(count == 5)
    }

    @Test func relationshipTargets() {
        #expect(XLSXWorkbookParts.resolve("worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml")
        #expect(XLSXWorkbookParts.resolve("/xl/worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml")
        #expect(XLSXWorkbookParts.resolve("../customXml/item1.xml") == "customXml/item1.xml")
        #expect(XLSXWorkbookParts.resolve("./worksheets/sheet%201.xml") == "xl/worksheets/sheet 1.xml")
    }
}
