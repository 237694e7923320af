import Foundation
import Testing
@testable import SurveyFiles

@Suite("XLSX reader: real workbooks")
struct XLSXReaderTests {
    static let expectedSheets = [
        "Revision History", "Contents", "2021-22 Changes", "Instructions", "Service User Data - Codes",
        "SALT eligible pop", "Service User Data - Formats", "Sign Off Sheet", "Eligible Population",
        "Service User Data", "Survey Process Information", "ValidationLists", "Validation Tables",
        "Reporting Tables", "ASCOF Measures", "Weightings",
    ]

    @Test func blankTemplateSheetNames() throws {
        let workbook = try XLSXWorkbook(path: XLSXFixtures.blank)
        #expect(workbook.sheetNames == Self.expectedSheets)
        #expect(workbook.sheets.first { $0.name == "ValidationLists" }?.isVisible == false)
        #expect(workbook.sheets.first { $0.name == "Service User Data" }?.state == "visible")
    }

    @Test func blankTemplateHeaderAndTemplateRows() throws {
        let workbook = try XLSXWorkbook(path: XLSXFixtures.blank)
        var sink = XLSXRecordingSink()
        try workbook.readSheet("Service User Data", into: &sink)
        #expect(sink.rows.first?.number == 1)
        #expect(sink.cell("B1")?.text == "Serial Number / Unique Reference Number")
        #expect(sink.cell("A1")?.text.hasPrefix("LA Code\r\n(automatically generated)\r\n") == true)
        #expect(sink.cell("F1")?.text == "Method of Collection")
        // About 4,000 template rows, formulas everywhere, and the serial column B empty.
        #expect(sink.rows.count >= 4_000)
        let dataRows = sink.rows.filter { $0.number > 1 && $0.cells.contains { $0.column == 1 } }
        #expect(dataRows.isEmpty)
        // Cached formula results are delivered and flagged; empty formula results (<v/>) are not.
        #expect(sink.cell("CY3") == .init(column: 102, text: "_2", isFormula: true))
        #expect(sink.cell("A3") == nil)
        #expect(!sink.unbalanced)
    }

    @Test func upToRowStopsEarly() throws {
        let workbook = try XLSXWorkbook(path: XLSXFixtures.blank)
        var sink = XLSXRecordingSink()
        try workbook.readSheet("Service User Data", upToRow: 1, into: &sink)
        #expect(sink.rows.map(\.number) == [1])
    }

    @Test func renamedDataSheetSuggestsNearMatch() throws {
        let workbook = try XLSXWorkbook(path: XLSXFixtures.renamed)
        let error = XLSXFixtures.error {
            var sink = XLSXRecordingSink()
            try workbook.readSheet("Service User Data", into: &sink)
        }
        guard case .sheetNotFound(let file, let expected, let found, let suggestion)? = error else {
            Issue.record("expected sheetNotFound, got \(String(describing: error))")
            return
        }
        #expect(file == XLSXFixtures.renamed)
        #expect(expected == "Service User Data")
        #expect(found.contains("Service Userr Data"))
        #expect(found.count == 16)
        #expect(suggestion == "Service Userr Data")
        #expect(error?.description.contains("Did you mean \"Service Userr Data\"?") == true)
    }

    @Test func noSuggestionWhenNothingIsClose() throws {
        let workbook = try XLSXWorkbook(path: XLSXFixtures.blank)
        let error = XLSXFixtures.error { _ = try workbook.readGrid(sheet: "Completely different") }
        guard case .sheetNotFound(_, _, _, let suggestion)? = error else {
            Issue.record("expected sheetNotFound, got \(String(describing: error))")
            return
        }
        #expect(suggestion == nil)
        #expect(XLSXSheetSuggestion.nearest(to: "sign off sheet", in: Self.expectedSheets) == "Sign Off Sheet")
    }

    @Test func twoColumnsDeletedShiftsTheHeaders() throws {
        let full = try XLSXWorkbook(path: XLSXFixtures.blank)
        let cut = try XLSXWorkbook(path: XLSXFixtures.twoColumnsDeleted)
        var a = XLSXRecordingSink()
        var b = XLSXRecordingSink()
        try full.readSheet("Service User Data", upToRow: 1, into: &a)
        try cut.readSheet("Service User Data", upToRow: 1, into: &b)
        let fullHeaders = a.rows[0].cells.map(\.text)
        let cutHeaders = b.rows[0].cells.map(\.text)
        #expect(cutHeaders.count == fullHeaders.count - 2)
        let missing = Set(fullHeaders).subtracting(cutHeaders)
        #expect(missing.count == 2)
        #expect(missing.contains { $0.contains("equipment costs") })
        #expect(missing.contains { $0.contains("other streams of funding") })
    }

    @Test func return716MatchesReturnsCSV() throws {
        // The council's rows in returns.csv, by serial number.
        let csv = try String(contentsOfFile: XLSXFixtures.returnsCSV, encoding: .utf8)
        var lines = csv.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        let field = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        let council = lines.filter { $0[field["LaCode"]!] == "716" }
        let expected = Dictionary(uniqueKeysWithValues: council.map { ($0[field["SerialNo"]!], $0) })
        #expect(council.count == 792)

        let workbook = try XLSXWorkbook(path: XLSXFixtures.return716)
        #expect(workbook.sheetNames == Self.expectedSheets)
        var sink = XLSXRecordingSink()
        try workbook.readSheet("Service User Data", into: &sink)
        let headerRow = try #require(sink.rows.first { $0.number == 1 })
        func column(_ prefix: String) throws -> Int {
            try #require(headerRow.cells.first { $0.text.hasPrefix(prefix) }?.column, "no header \(prefix)")
        }
        let serial = try column("Serial Number / Unique Reference Number")
        let checks: [(csv: String, column: Int)] = [
            ("MethodCollection", try column("Method of Collection")),
            ("Response", try column("Response/ Non Response")),
            ("Gender", try column("Gender")),
            ("Age", try column("Age (Years)")),
            ("PrimarySupportReason", try column("Primary Support Reason")),
            ("q1", try column("Q1 - Overall")),
            ("q22f", try column("Q22[f]")),
        ]
        let dataRows = sink.rows.filter { row in row.number > 1 && row.cells.contains { $0.column == serial } }
        #expect(dataRows.count == 792)
        var compared = 0
        for row in dataRows {
            let cells = Dictionary(row.cells.map { ($0.column, $0.text) }, uniquingKeysWith: { a, _ in a })
            let id = try #require(cells[serial])
            let record = try #require(expected[id], "serial \(id) not in returns.csv")
            for check in checks {
                #expect((cells[check.column] ?? "") == record[field[check.csv]!], "\(id) \(check.csv)")
                compared += 1
            }
        }
        #expect(compared == 792 * checks.count)
        // LA code column A is a formula whose cached value is the council code.
        #expect(sink.cell("A2") == .init(column: 0, text: "716", isFormula: true))
    }

    @Test func cellValuesAndGrid() throws {
        let workbook = try XLSXWorkbook(path: XLSXFixtures.return716)
        let values = try workbook.cellValues(sheet: "Sign Off Sheet", refs: ["E2", "$B$2", "Z999", "not a ref"])
        #expect(values == ["E2": "716", "$B$2": "Council Code:"])
        let grid = try workbook.readGrid(sheet: "Eligible Population")
        #expect(grid[7]?[1] == "Gender")
        #expect(grid[8]?[1] == "Male")
        #expect(grid[8]?[3] == "100")
        let blank = try XLSXWorkbook(path: XLSXFixtures.blank)
        #expect(try blank.cellValues(sheet: "Sign Off Sheet", refs: ["E2"]) == ["E2": "Select LA name in cell below"])
    }

    @Test func cellReferenceHelpers() {
        #expect(XLSXCellRef.columnIndex("A") == 0)
        #expect(XLSXCellRef.columnIndex("z") == 25)
        #expect(XLSXCellRef.columnIndex("AA") == 26)
        #expect(XLSXCellRef.columnIndex("XFD") == 16_383)
        #expect(XLSXCellRef.columnIndex("") == nil)
        #expect(XLSXCellRef.columnIndex("ABCD") == nil)
        #expect(XLSXCellRef.columnIndex("A1") == nil)
        for index in [0, 25, 26, 51, 52, 701, 702, 16_383] {
            #expect(XLSXCellRef.columnIndex(XLSXCellRef.columnName(index)) == index)
        }
        #expect(XLSXCellRef.columnName(16_383) == "XFD")
        #expect(XLSXCellRef.columnName(27) == "AB")
        #expect(XLSXCellRef.parse("$E$2")! == (2, 4))
        #expect(XLSXCellRef.parse("e2")! == (2, 4))
        #expect(XLSXCellRef.parse("E0") == nil)
        #expect(XLSXCellRef.parse("2E") == nil)
        #expect(XLSXCellRef.reference(row: 3, column: 26) == "AA3")
    }
}
