import Foundation
import Testing
@testable import CareSurveyKit
@testable import SurveyFiles
import SurveyModel
import SurveyScoring

/// The paths a ten-million-row `measures` run takes: the CSV split (one scan that looks for CR
/// bytes and quotes a window at a time), population files parsed row by row (repeated rows found
/// by a bit per council and cell), and measure values computed on demand.
@Suite struct LargeInputPathTests {
    /// Every record of `raw` as `"row:column=bytes;…"`, read in one pass or chunk by chunk.
    struct Records: CellSink {
        var rows: [String] = []
        mutating func beginRow(_ number: Int) { rows.append("\(number):") }
        mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
            rows[rows.count - 1] += "\(column)=\(Array(bytes));"
        }
        mutating func endRow() {}
    }

    /// A CSV of several quote-search windows (`CSVChunker.quoteWindow`): plain rows, then the
    /// `late` text a few windows in (a quoted field with a line break, a CR, a stray quote).
    static func text(late: String) -> [UInt8] {
        var lines = ["a,b,c"]
        let windows = 3 * CSVChunker.quoteWindow
        var size = 6
        var row = 0
        while size < windows {
            row += 1
            let line = row == 40_000 ? late : "\(row),x\(row % 97),\(row % 13)"
            lines.append(line)
            size += line.utf8.count + 1
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    @Test(arguments: ["1,\"two\nlines\",3", "1,2\r,3", "1,5\" tall,3", "1,\"\"\"quoted\"\"\",3", "1,2,3"])
    func chunksReadAsOnePass(late: String) throws {
        let bytes = Self.text(late: late)
        var failure: FileError?
        bytes.withUnsafeBytes { raw in
            do throws(FileError) {
                var whole = Records()
                try CSVReader.read(raw, file: "t.csv", into: &whole)
                for parts in [2, 3, 8, 64] {
                    let chunks = CSVReader.chunks(raw, parts: parts)
                    #expect(chunks.count > 2, "\(parts) parts")
                    var split = Records()
                    for chunk in chunks {
                        try CSVReader.read(UnsafeRawBufferPointer(rebasing: raw[chunk.range]), file: "t.csv", firstRow: chunk.firstRow, into: &split)
                    }
                    #expect(split.rows == whole.rows, "\(parts) parts")
                }
            } catch { failure = error }
        }
        #expect(failure == nil, "\(String(describing: failure))")
    }

    /// The fast split gives up on a CR anywhere (also inside a quoted field) and on nothing else.
    @Test func fastSplitGivesUpOnlyOnCR() {
        for (late, hasCR) in [("1,2\r,3", true), ("1,\"a\rb\",3", true), ("1,\"a\nb\",3", false), ("1,2,3", false)] {
            let bytes = Self.text(late: late)
            bytes.withUnsafeBufferPointer { buffer in
                let chunks = CSVChunker.chunksWithoutCR(buffer.baseAddress!, count: buffer.count, from: 0, parts: 4)
                #expect((chunks == nil) == hasCR, "\(late.debugDescription)")
            }
        }
    }

    /// Repeated population rows are those with the same council and cell, wherever they come
    /// (councils interleaved), and only those; the diagnostics name the repeating rows.
    @Test func repeatedPopulationRows() throws {
        let codebook = try #require(Fixtures.toolkit.codebooks.first { $0.survey.lowercased() == "ascs" })
        let text = """
            LaCode,AgeBand,Gender,PSRGroup,Setting,Population
            106,18-64,Male,Physical,Community,10
            107,18-64,Male,Physical,Community,11
            106,18-64,Female,Physical,Community,12
            107,18-64,Male,Physical,Community,13
            106,18-64,Male,Physical,Community,14
            108,18-64,Male,Physical,Community,15

            106,18-64,Female,Physical,Community,16
            """
        let path = Fixtures.temporaryDirectory().appendingPathComponent("population.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try PopulationFile.read(path: path, scheme: codebook.populations)
        #expect(result.rows.count == 7)
        #expect(result.rowsRead == 7)
        let repeats = result.diagnostics.filter { $0.rule == "duplicate-population-row" }
        #expect(repeats.map(\.row) == [5, 6, 9])
        #expect(result.diagnostics.count == 3)
    }

    /// A population file whose header lacks a column is refused after the whole file is read.
    @Test func populationHeaderProblemsAreThrown() throws {
        let codebook = try #require(Fixtures.toolkit.codebooks.first { $0.survey.lowercased() == "ascs" })
        let directory = Fixtures.temporaryDirectory()
        let missing = directory.appendingPathComponent("missing.csv").path
        try "LaCode,Foo\n106,1\n".write(toFile: missing, atomically: true, encoding: .utf8)
        #expect(throws: FileError.self) { try PopulationFile.read(path: missing, scheme: codebook.populations) }
        let empty = directory.appendingPathComponent("empty.csv").path
        try "".write(toFile: empty, atomically: true, encoding: .utf8)
        #expect(throws: FileError.self) { try PopulationFile.read(path: empty, scheme: codebook.populations) }
    }

    /// Values computed on demand are the same every time and the same by index and by code.
    @Test func valuesOnDemandAreStable() throws {
        let loaded = Fixtures.toolkit.load([Fixtures.root.appendingPathComponent("Examples/sace/returns.csv").path])
        let scored = try Fixtures.toolkit.score(try #require(loaded.table))
        let all = scored.values
        #expect(all.count == scored.measures.count)
        for (i, measure) in scored.measures.enumerated() {
            let again = scored.values(measure: i)
            let byCode = try #require(scored.values(of: measure.code))
            #expect(again.count == scored.table.count)
            #expect(zip(again, all[i]).allSatisfy { $0.bitPattern == $1.bitPattern }, "\(measure.code)")
            #expect(zip(byCode, all[i]).allSatisfy { $0.bitPattern == $1.bitPattern }, "\(measure.code)")
        }
    }
}
