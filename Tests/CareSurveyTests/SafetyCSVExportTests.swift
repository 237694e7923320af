import Foundation
import Testing
import SurveyFiles
import SurveyModel
import SurveyReports

/// CSV exports never hand a spreadsheet a formula: text cells starting with `=`, `+`, `-`, `@`,
/// tab or carriage return get a leading `'`; numbers (negative ones included) stay numbers.
@Suite("Safety: CSV export neutralisation")
struct SafetyCSVExportTests {
    /// The single data cell of a one-column CSV.
    static func cell(_ value: CSVWriter.Cell) -> String {
        var w = CSVWriter(header: ["x"])
        w.writeRow([value])
        let output = w.output
        #expect(output.hasPrefix("x\n") && output.hasSuffix("\n"))
        return String(output.dropFirst(2).dropLast())
    }

    @Test(arguments: [("=1+1", "'=1+1"), ("+x", "'+x"), ("-x", "'-x"), ("@x", "'@x"),
                      ("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""),
                      ("-2+3", "'-2+3"), ("@SUM(A1:A9)", "'@SUM(A1:A9)")])
    func formulaLikeTextIsNeutralised(text: String, expected: String) {
        #expect(Self.cell(.text(text)) == expected)
    }

    @Test func tabAndCarriageReturnAreNeutralisedAndQuoted() {
        #expect(Self.cell(.text("\tx")) == "'\tx")
        // A CR inside a field also needs quoting (RFC 4180); the `'` comes first, inside the quotes.
        #expect(Self.cell(.text("\rx")) == "\"'\rx\"")
        #expect(Self.cell(.text("\r\n=1")) == "\"'\r\n=1\"")
    }

    @Test(arguments: ["x=1", "716", "[c]", "[x]", "a-b", "", "England", " =1"])
    func ordinaryTextIsUnchanged(text: String) {
        #expect(Self.cell(.text(text)) == text)
    }

    @Test func numbersStayNumbers() {
        #expect(Self.cell(.number(-0.25)) == "-0.25")
        #expect(Self.cell(.number(-1)) == "-1.0")
        #expect(Self.cell(.number(-1e-05)) == "-1e-05")
        #expect(Self.cell(.integer(-9)) == "-9")
        #expect(Self.cell(.number(0.5)) == "0.5")
        #expect(Self.cell(.optional(nil)) == "")
        #expect(Self.cell(.optional(.infinity)) == "")
        #expect(Self.cell(.empty) == "")
    }

    @Test func headerCellsAreNeutralisedToo() {
        let w = CSVWriter(header: ["=cmd", "ok"])
        #expect(w.output == "'=cmd,ok\n")
    }

    /// The diagnostics CSV of `validate` carries values from the input: they are neutralised.
    @Test func validationCSVNeutralisesInputValues() {
        let d = Diagnostic.error("not-a-number", "q1: \"=1+1\" is not a number", file: "-returns.csv", row: 2, column: "q1", value: "=1+1")
        let csv = ValidationOutput.csv([d])
        let line = csv.split(separator: "\n")[1]
        #expect(line.hasPrefix("error,'-returns.csv,,2,q1,'=1+1,not-a-number,"))
        #expect(!csv.contains(",=1+1,"))
    }

    /// A value with a CRLF line break inside ("\r\n" is one Swift Character) must be quoted, or
    /// the CSV splits there and the next line can start with a live formula.
    @Test func crlfInsideAValueIsQuoted() {
        #expect(Self.cell(.text("x\r\n=1+1")) == "\"x\r\n=1+1\"")
        #expect(Self.cell(.text("x\n=1+1")) == "\"x\n=1+1\"")
        let d = Diagnostic.error("not-a-number", "q1 is not a number", file: "r.csv", row: 2, column: "q1", value: "x\r\n=HYPERLINK(1)")
        let csv = ValidationOutput.csv([d])
        #expect(csv.contains(",\"x\r\n=HYPERLINK(1)\","))
        // Read back with the RFC 4180 reader: two records, the value intact.
        let rows = Self.parse(csv)
        #expect(rows.count == 2)
        #expect(rows.last?[5] == "x\r\n=HYPERLINK(1)")
    }

    // Quotes are doubled whatever follows them (a quote with a combining mark after it is one Character).
    @Test func quotesFollowedByCombiningMarksAreEscaped() {
        let text = "a\"\u{301},b"
        let rows = Self.parse(Self.csvOf(text))
        #expect(rows.count == 2 && rows.last == [text])
        // Without that, a value could close its quotes and start a new cell holding a live formula.
        let breakout = "x\"\u{301},=HYPERLINK(\"http://evil\")"
        let parsed = Self.parse(Self.csvOf(breakout))
        #expect(parsed.last == [breakout])
    }

    static func csvOf(_ text: String) -> String {
        var w = CSVWriter(header: ["x"])
        w.writeRow([.text(text)])
        return w.output
    }

    /// Every record's fields, as the package's own RFC 4180 reader sees them.
    static func parse(_ csv: String) -> [[String]] {
        struct Rows: CellSink {
            var rows: [[String]] = []
            mutating func beginRow(_ number: Int) { rows.append([]) }
            mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
                while rows[rows.count - 1].count < column { rows[rows.count - 1].append("") }
                rows[rows.count - 1].append(String(decoding: bytes, as: UTF8.self))
            }
            mutating func endRow() {}
        }
        var sink = Rows()
        Array(csv.utf8).withUnsafeBytes { raw in
            do throws(FileError) { try CSVReader.read(raw, file: "out.csv", into: &sink) } catch { Issue.record("unreadable CSV: \(error)") }
        }
        return sink.rows
    }

    /// A negative estimate in a measures CSV stays a number (no `'`).
    @Test func negativeEstimatesStayNumbersInMeasuresCSV() {
        var w = CSVWriter(header: ["measure", "estimate"])
        w.writeRow([.text("1B"), .number(-0.1234)])
        #expect(w.output == "measure,estimate\n1B,-0.1234\n")
    }
}
