import Foundation
import Testing
@testable import CareSurveyKit
@testable import SurveyFiles
import SurveyModel
import SurveyReports

/// Inputs found by fuzzing (Fuzz/, kept in Tests/Fixtures/fuzz-regressions) stay fixed.
@Suite("Safety: fuzz regressions")
struct SafetyFuzzRegressionTests {
    // MARK: - Fuzz regressions (Tests/Fixtures/fuzz-regressions, found by Fuzz/)

    /// `CSVReader.header` tracked quotes by toggling on every `"`, so a quote inside an unquoted
    /// header field (`q18"`) made it read past the header's line end and fail with "never
    /// closed" on input that `CSVReader.read` accepts. It now tracks quotes as `read` does.
    @Test(arguments: ["csv-header-stray-quote.csv", "csv-header-stray-quote-fuzzer.csv"])
    func csvHeaderAgreesWithTheReader(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try Fixtures.require(SafetyFixtures.regression(name)))))
        struct FirstRecord: CellSink {
            var names: [String] = []
            var row = 0
            mutating func beginRow(_ number: Int) { row = number }
            mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
                guard row == 1 else { return }
                while names.count < column { names.append("") }
                names.append(String(decoding: bytes, as: UTF8.self))
            }
            mutating func endRow() {}
        }
        var sink = FirstRecord()
        var header: [String] = []
        var failure: FileError?
        bytes.withUnsafeBytes { raw in
            do throws(FileError) {
                try CSVReader.read(raw, file: name, into: &sink)
                header = try CSVReader.header(raw, file: name)
            } catch { failure = error }
        }
        #expect(failure == nil, "\(String(describing: failure))")
        #expect(header == sink.names)
        // And the whole loader path is unaffected.
        let loaded = ReturnLoader.loadCSV(bytes: bytes, name: name, codebooks: Fixtures.toolkit.codebooks)
        #expect(loaded.summary.isBalanced)
    }

    /// `CSVReader.chunks` (the split `ParallelCSV` uses for files of 2 MiB and more) toggled its
    /// quote state on every `"` and `read` skipped a byte-order mark at the start of every chunk:
    /// records split in the wrong places, wrong row numbers, a U+FEFF lost. The header chunk plus
    /// every body chunk must read exactly as one pass.
    @Test(arguments: ["csv-chunks-quote-after-closing-fuzzer.csv", "csv-chunks-bom-at-chunk-start-fuzzer.csv",
                      "csv-header-stray-quote.csv", "csv-header-stray-quote-fuzzer.csv"])
    func chunksReadAsOnePass(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: try Fixtures.require(SafetyFixtures.regression(name)))))
        typealias Records = LargeInputPathTests.Records  // every record as text
        var failure: FileError?
        bytes.withUnsafeBytes { raw in
            do throws(FileError) {
                var whole = Records()
                try CSVReader.read(raw, file: name, into: &whole)
                for parts in [2, 3, 8, 64] {
                    var split = Records()
                    for chunk in CSVReader.chunks(raw, parts: parts) {
                        try CSVReader.read(UnsafeRawBufferPointer(rebasing: raw[chunk.range]), file: name, firstRow: chunk.firstRow, into: &split)
                    }
                    #expect(split.rows == whole.rows, "\(name), \(parts) parts")
                }
            } catch { failure = error }
        }
        #expect(failure == nil, "\(String(describing: failure))")
    }

    /// A CSV above the parallel threshold (2 MiB) with stray quotes inside unquoted fields: every
    /// row is read, numbered as its record, and diagnosed at the right row.
    @Test(arguments: ["\n", "\r\n"])
    func largeCSVWithStrayQuotesKeepsRowNumbers(lineEnd: String) throws {
        let source = try String(contentsOfFile: Fixtures.require(Fixtures.conformance("ascs-2021-22-edge/returns.csv")), encoding: .utf8)
        let lines = source.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let serial = try #require(header.firstIndex(of: "SerialNo"))
        let age = try #require(header.firstIndex(of: "Age"))
        var out = [lines[0]]
        var copy = 0
        while out.joined(separator: lineEnd).utf8.count < (2 << 20) + 100_000 {
            copy += 1
            for line in lines.dropFirst() {
                var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                cells[serial] += "-\(copy)"
                out.append(cells.joined(separator: ","))
            }
        }
        func setAge(_ record: Int, _ value: String) {
            var cells = out[record - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[age] = value
            out[record - 1] = cells.joined(separator: ",")
        }
        let records = out.count
        let marked = [5, 1_000, records / 2, records - 1]
        for record in marked { setAge(record, "4\"") }        // a stray quote, and a not-a-number error
        setAge(records, "abc")
        let text = out.joined(separator: lineEnd) + lineEnd
        #expect(text.utf8.count >= ParallelCSV.chunkThreshold)
        // The split ParallelCSV makes on this machine (when it has more than one core) is exact.
        let utf8 = Array(text.utf8)
        var chunks: [(range: Range<Int>, firstRow: Int)] = []
        utf8.withUnsafeBytes { raw in chunks = CSVReader.chunks(raw, parts: 4) }
        #expect(chunks.count > 2)
        for chunk in chunks {
            // No quoted line breaks here: a record starts after every LF.
            let breaks = utf8[0..<chunk.range.lowerBound].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            #expect(chunk.firstRow == breaks + 1, "chunk at \(chunk.range.lowerBound)")
        }
        let path = Fixtures.temporaryDirectory().appendingPathComponent("large.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = Fixtures.toolkit.load([path])
        #expect(loaded.files[0].error == nil, "\(loaded.files[0].error ?? "")")
        SafetyInputTests.expectBalanced(loaded.summary, dataRows: records - 1)
        let table = try #require(loaded.table)
        #expect(table.sourceRow.map(Int.init) == Array(2...records))
        let flagged = loaded.diagnostics.filter { $0.column == "Age" && $0.severity == .error }.compactMap(\.row)
        #expect(flagged == marked + [records])
    }

    @Test func csvHeaderQuotingCases() throws {
        func header(_ text: String) throws -> [String] {
            var result: [String] = []
            var failure: FileError?
            Array(text.utf8).withUnsafeBytes { raw in
                do throws(FileError) { result = try CSVReader.header(raw, file: "x.csv") } catch { failure = error }
            }
            if let failure { throw failure }
            return result
        }
        #expect(try header("a\"\n\"b\n\"c\"\n") == ["a\""])
        #expect(try header("\"a,\n1\",b\nc") == ["a,\n1", "b"])
        #expect(try header("\"a\"\"\n\",b\r\n1,2") == ["a\"\n", "b"])
        #expect(try header("\u{FEFF}\"LaCode\",SerialNo\n") == ["LaCode", "SerialNo"])
        #expect(try header("\"x\"junk\"\n,y") == ["x"])
    }
}
