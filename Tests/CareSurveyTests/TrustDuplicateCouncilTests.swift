import Foundation
import Testing
@testable import CareSurveyKit
@testable import SurveyFiles
import SurveyModel

/// Issue 18, item 3: the same council loaded twice is never counted twice.
@Suite struct TrustDuplicateCouncilTests {
    static let returns = TrustInputTests.returns
    static let workbooks = ["102", "174", "224"].map { TrustInputTests.example("ascs/xlsx/\($0).xlsx") }

    /// The example CSV's rows of some councils (or of all but them), as a new CSV file.
    static func csv(councils: Set<String>, except: Bool = false, edit: ((inout [String]) -> Bool)? = nil) throws -> String {
        let lines = try String(contentsOfFile: returns, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        var kept = [lines[0]]
        var edited = false
        for line in lines.dropFirst() {
            let council = String(line.prefix { $0 != "," })
            guard councils.contains(council) != except else { continue }
            if let edit, !edited {
                var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                edited = edit(&cells)
                kept.append(cells.joined(separator: ","))
            } else {
                kept.append(line)
            }
        }
        let path = Fixtures.temporaryDirectory().appendingPathComponent("returns.csv").path
        try kept.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A copy of a file under another name (the same return given twice).
    static func copy(_ path: String) throws -> String {
        let to = Fixtures.temporaryDirectory().appendingPathComponent((path as NSString).lastPathComponent).path
        try FileManager.default.copyItem(atPath: path, toPath: to)
        return to
    }

    /// Respondents per council in the loaded table, and England's n of 3A in `measures`.
    static func counts(_ paths: [String]) throws -> (perCouncil: [String: Int], england: Int) {
        let prepared = try Fixtures.toolkit.prepare(returns: paths, populationFiles: [TrustInputTests.population], options: LoadOptions())
        let table = prepared.scored.table
        let response = try #require(table.column("Response"))
        var per: [String: Int] = [:]
        for row in 0..<table.count where response[row] == 1 { per[table.councils[Int(table.council[row])], default: 0] += 1 }
        var options = EstimationOptions()
        options.grouping = .englandOnly
        let report = try Fixtures.toolkit.measures(prepared, options: options)
        let england = try #require(report.results.first { $0.measure == "3A" }?.estimate?.respondents)
        return (per, england)
    }

    enum Kind: String, CaseIterable { case csv, workbook }

    /// {CSV, workbook} × {CSV, workbook} × {same councils, different councils}: every respondent once.
    @Test(arguments: Kind.allCases, Kind.allCases)
    func respondentsAreCountedOnce(first: Kind, second: Kind) throws {
        let three: Set<String> = ["102", "174", "224"]
        let single = try Self.counts([Self.returns]).perCouncil
        #expect(single.count == 20)
        // Same councils: the second file gives councils the first already gave (identical rows).
        let firstFile = first == .csv ? try Self.csv(councils: three) : Self.workbooks[0]
        let sameCouncils = first == .csv ? (second == .csv ? [try Self.copy(firstFile)] : Self.workbooks) : (second == .csv ? [try Self.csv(councils: ["102"])] : [try Self.copy(Self.workbooks[0])])
        let expectedSame = first == .csv ? single.filter { three.contains($0.key) } : single.filter { $0.key == "102" }
        let same = try Self.counts([firstFile] + sameCouncils)
        #expect(same.perCouncil == expectedSame, "\(first) + \(second), same councils")
        #expect(same.england == (try Self.counts(first == .csv ? [firstFile] : [Self.workbooks[0]]).england))
        let sameLoaded = Fixtures.toolkit.load([firstFile] + sameCouncils)
        #expect(sameLoaded.diagnostics.contains { $0.rule == "duplicate-council-rows" })
        #expect(sameLoaded.summary.rowsNotUsed > 0)

        // Different councils.
        let otherFiles: [String]
        let expectedDifferent: [String: Int]
        switch (first, second) {
        case (.csv, .csv):
            otherFiles = [try Self.csv(councils: three, except: true)]
            expectedDifferent = single
        case (.csv, .workbook):
            otherFiles = Self.workbooks
            let firstCSV = try Self.csv(councils: three, except: true)
            let different = try Self.counts([firstCSV] + otherFiles)
            #expect(different.perCouncil == single, "csv + workbook, different councils")
            #expect(Fixtures.toolkit.load([firstCSV] + otherFiles).summary.rowsNotUsed == 0)
            return
        case (.workbook, .csv):
            otherFiles = [try Self.csv(councils: ["102"], except: true)]
            expectedDifferent = single
        case (.workbook, .workbook):
            otherFiles = Array(Self.workbooks.dropFirst())
            expectedDifferent = single.filter { three.contains($0.key) }
        }
        let different = try Self.counts([firstFile] + otherFiles)
        #expect(different.perCouncil == expectedDifferent, "\(first) + \(second), different councils")
        #expect(Fixtures.toolkit.load([firstFile] + otherFiles).summary.rowsNotUsed == 0)
    }

    /// The README's case: the CSV and the workbooks together used to give England n 5,842 → 6,741.
    @Test func theCSVAndTheWorkbooksTogetherCountOnce() throws {
        let alone = try Self.counts([Self.returns])
        let both = try Self.counts([Self.returns] + Self.workbooks)
        #expect(both.perCouncil == alone.perCouncil)
        #expect(both.england == alone.england)
    }

    /// Rows of the same council that differ are an error naming both files, not a silent merge.
    @Test func aCouncilWhoseRowsDifferIsAnErrorNamingBothFiles() throws {
        let header = try String(contentsOfFile: Self.returns, encoding: .utf8).prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        let q3a = try #require(header.firstIndex(of: "q3a"))
        let changed = try Self.csv(councils: ["102"]) { cells in
            guard cells[q3a] == "1" || cells[q3a] == "2" else { return false }
            cells[q3a] = cells[q3a] == "1" ? "2" : "1"
            return true
        }
        let loaded = Fixtures.toolkit.load([Self.workbooks[0], changed])
        let d = try #require(loaded.diagnostics.first { $0.rule == "council-in-two-files" })
        #expect(d.severity == .error && d.file == changed && d.message.contains(Self.workbooks[0]) && d.value == "102")
        #expect(throws: PipelineError.self) {
            _ = try Fixtures.toolkit.prepare(returns: [Self.workbooks[0], changed], populationFiles: [], options: LoadOptions())
        }
        let partial = try Fixtures.toolkit.prepare(returns: [Self.workbooks[0], changed], populationFiles: [],
                                                   options: LoadOptions(allowPartial: true))
        let single = try Self.counts([Self.returns]).perCouncil
        let table = partial.scored.table
        let response = try #require(table.column("Response"))
        #expect((0..<table.count).filter { response[$0] == 1 }.count == single["102"])
    }

    /// A council's return split over two files with no serial in common is still one return.
    @Test func aReturnSplitOverFilesIsCombined() throws {
        let loaded = Fixtures.toolkit.load([try Self.csv(councils: ["102"]), try Self.csv(councils: ["174"])])
        #expect(loaded.summary.rowsNotUsed == 0)
        #expect(!loaded.diagnostics.contains { $0.rule == "council-in-two-files" })
    }
}
