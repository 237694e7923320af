import Testing
import Foundation
import SurveyModel
import SurveyBenchmark
@testable import SurveyFiles

/// A small whole number in a coded field is decided by one entry of a table made per field
/// (`RowBuffers.outcome`); the same number with a trailing space takes the general number path
/// (`ReturnBuilder.setCode` after `ValueParser.parseInGeneral`). Both must read to the same table,
/// diagnostics and counts, for valid codes, "no answer" codes, out-of-range and easy-read values.
@Suite struct CellOutcomeTableTests {
    @Test(arguments: ["ascs-2021-22-edge", "ascs-2021-22-twenty/before", "sace-2021-22-twenty"])
    func tableEntriesAgreeWithTheGeneralPath(set: String) throws {
        let path = try Fixtures.require(Fixtures.conformance(set + "/returns.csv"))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let identity: Set<String> = ["LaCode", "SerialNo"]
        var rng = SplitMix64(seed: 4242)
        let choices = ["-9", "-1", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12", "99", "200", "254", "255", "300", "007", ""]
        var plain: [String] = [lines[0]]
        var padded: [String] = [lines[0]]
        for line in lines.dropFirst() {
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            for k in cells.indices where k < header.count && !identity.contains(header[k]) {
                // Keep a third of the cells as they are (respondents stay respondents), change the rest.
                if Int.random(in: 0..<3, using: &rng) > 0 { cells[k] = choices.randomElement(using: &rng)! }
            }
            plain.append(cells.joined(separator: ","))
            padded.append(cells.enumerated().map { k, cell in
                k < header.count && !identity.contains(header[k]) && Int(cell) != nil ? cell + " " : cell
            }.joined(separator: ","))
        }
        let a = ReturnLoader.loadCSV(bytes: Array((plain.joined(separator: "\n") + "\n").utf8), name: "returns.csv", codebooks: Fixtures.toolkit.codebooks)
        let b = ReturnLoader.loadCSV(bytes: Array((padded.joined(separator: "\n") + "\n").utf8), name: "returns.csv", codebooks: Fixtures.toolkit.codebooks)
        #expect(a.summary == b.summary)
        #expect(a.summary.errors > 0)
        #expect(a.diagnostics == b.diagnostics)
        #expect(a.rowHasError == b.rowHasError)
        let ta = try #require(a.table)
        let tb = try #require(b.table)
        #expect(ta.count == tb.count && ta.count == lines.count - 1)
        #expect(ta.columns == tb.columns)
        #expect(ta.council == tb.council && ta.serial == tb.serial)
    }
}
