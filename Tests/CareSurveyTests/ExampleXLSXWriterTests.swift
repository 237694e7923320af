import Foundation
import Testing
@testable import SurveyFiles

@Suite("XLSXWriter")
struct ExampleXLSXWriterTests {
    static let oddTexts = [
        "plain", "quote \" and apostrophe ' and ’ curly", "ampersand & <tag> > end", "line\nbreak", "CR LF\r\nheader\r\n",
        "  leading and trailing  ", "tab\there", "unicode: é ß 日本 😀", "literal _x000D_ escape", "control \u{1} char",
        "", "=SUM(A1:A2)", String(repeating: "long ", count: 2000),
    ]

    func roundTrip(_ sheets: [XLSXWriter.Sheet]) throws -> XLSXWorkbook {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("t.xlsx").path
        try XLSXWriter.write(sheets: sheets, to: path)
        return try XLSXWorkbook(path: path)
    }

    @Test("odd text survives a round trip through the project's reader")
    func oddText() throws {
        let rows: [[XLSXWriter.Value?]] = Self.oddTexts.map { [.text($0), nil, .text($0)] }
        let book = try roundTrip([XLSXWriter.Sheet(name: "Text & 'odd' <names>", rows: rows)])
        #expect(book.sheetNames == ["Text & 'odd' <names>"])
        let grid = try book.readGrid(sheet: "Text & 'odd' <names>")
        for (i, text) in Self.oddTexts.enumerated() where !text.isEmpty {
            #expect(grid[i + 1]?[0] == text, "row \(i + 1)")
            #expect(grid[i + 1]?[2] == text)
            #expect(grid[i + 1]?[1] == nil)
        }
    }

    @Test("numbers: integers, negatives, fractions, large values; non-finite left empty")
    func numbers() throws {
        let values: [XLSXWriter.Value] = [.integer(0), .integer(-9), .integer(716), .integer(Int(Int32.max) + 5),
                                          .number(2.5), .number(-0.125), .number(3.0), .number(1e20), .number(.nan)]
        let book = try roundTrip([XLSXWriter.Sheet(name: "N", rows: [values])])
        let row = try #require(try book.readGrid(sheet: "N")[1])
        #expect(row[0] == "0" && row[1] == "-9" && row[2] == "716" && row[3] == String(Int(Int32.max) + 5))
        #expect(Double(row[4] ?? "") == 2.5 && Double(row[5] ?? "") == -0.125 && row[6] == "3")
        #expect(Double(row[7] ?? "") == 1e20)
        #expect(row[8] == nil)
    }

    @Test("several sheets, sparse rows and columns, cell lookups")
    func layout() throws {
        var rows: [[XLSXWriter.Value?]] = Array(repeating: [], count: 7)
        rows[1] = [nil, nil, nil, nil, .integer(102)]
        rows[6] = Array(repeating: nil, count: 30) + [.text("AE7")]
        let book = try roundTrip([XLSXWriter.Sheet(name: "Sign Off Sheet", rows: rows),
                                  XLSXWriter.Sheet(name: "Data", rows: [[.text("h")], [.integer(1)]], freezeHeaderRow: true)])
        #expect(book.sheetNames == ["Sign Off Sheet", "Data"])
        let cells = try book.cellValues(sheet: "Sign Off Sheet", refs: ["E2", "AE7", "A1"])
        #expect(cells == ["E2": "102", "AE7": "AE7"])
    }

    @Test("the package parts are well-formed and named as OOXML expects")
    func parts() throws {
        let data = try XLSXWriter.data(sheets: [XLSXWriter.Sheet(name: "A", rows: [[.text("x & y")]])])
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let book = try roundTrip([XLSXWriter.Sheet(name: "A", rows: [[.text("x & y")]])])
        #expect(book.sharedStringCount == 1)
        #expect(book.sharedString(0) == "x & y")
        // The same content gives the same bytes.
        #expect(try XLSXWriter.data(sheets: [XLSXWriter.Sheet(name: "A", rows: [[.text("x & y")]])]) == data)
    }

    @Test("invalid sheet names and duplicate sheets are refused")
    func invalidNames() {
        for name in ["", "a/b", "x[1]", "what?", String(repeating: "n", count: 32), "'quoted'"] {
            #expect(throws: XLSXWriter.WriteError.self) { try XLSXWriter.data(sheets: [XLSXWriter.Sheet(name: name, rows: [])]) }
        }
        #expect(throws: XLSXWriter.WriteError.duplicateSheetName("data")) {
            try XLSXWriter.data(sheets: [XLSXWriter.Sheet(name: "Data", rows: []), XLSXWriter.Sheet(name: "data", rows: [])])
        }
        #expect(throws: XLSXWriter.WriteError.noSheets) { try XLSXWriter.data(sheets: []) }
    }
}
