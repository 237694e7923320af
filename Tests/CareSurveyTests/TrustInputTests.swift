import Foundation
import Testing
@testable import CareSurveyKit
@testable import SurveyFiles
import SurveyModel
import SurveyReports

/// Issue 18, items 1 and 2: a codebook that does not fit is refused; every rejected input row is
/// traceable, and incomplete input stops a command unless `--allow-partial` is given.
@Suite struct TrustInputTests {
    static func example(_ relative: String) -> String { Fixtures.root.appendingPathComponent("Examples/" + relative).path }
    static let returns = example("ascs/returns.csv")
    static let population = example("ascs/population.csv")
    static let workbook102 = example("ascs/xlsx/102.xlsx")

    /// The refusal a `prepare` throws (nil when it does not throw that way).
    static func refusal(_ paths: [String], populations: [String] = [], _ options: LoadOptions) -> PipelineError? {
        do {
            _ = try Fixtures.toolkit.prepare(returns: paths, populationFiles: populations, options: options)
            return nil
        } catch {
            return error
        }
    }

    // MARK: 1. A codebook that does not fit is refused

    /// `--survey-year 2023-24` on an ASCS return used to run it as the carers' survey.
    @Test func aReturnOfAnotherSurveyIsRefused() throws {
        let error = try #require(Self.refusal([Self.returns], populations: [Self.population], LoadOptions(surveyYear: "2023-24")))
        guard case let .codebookDoesNotFit(problems) = error else { Issue.record("expected codebookDoesNotFit, got \(error)"); return }
        #expect(error.exitCode == 1)
        let d = try #require(problems.first)
        #expect(d.rule == "codebook-mismatch" && d.file == Self.returns)
        #expect(d.message.contains("sace-2023-24") && d.message.contains("fit ascs-2021-22"))
    }

    /// `--survey-year 2022-23` on a 2021-22 workbook used to report missing mandatory columns and
    /// still publish 3C1 from a different question.
    @Test func aWorkbookOfAnotherYearIsRefusedUnlessForced() throws {
        let error = try #require(Self.refusal([Self.workbook102], LoadOptions(surveyYear: "2022-23")))
        guard case let .codebookDoesNotFit(problems) = error else { Issue.record("expected codebookDoesNotFit, got \(error)"); return }
        #expect(problems.contains { $0.rule == "codebook-mismatch" && $0.file == Self.workbook102 && $0.message.contains("ascs-2022-23")
            && $0.message.contains("fit ascs-2021-22") && $0.message.contains("q7c") })
        #expect(error.description.contains("--force-codebook"))

        // Forced: read, and every output carries the warning.
        let prepared = try Fixtures.toolkit.prepare(returns: [Self.workbook102], populationFiles: [],
                                                    options: LoadOptions(surveyYear: "2022-23", forceCodebook: true))
        #expect(prepared.codebook.id == "ascs-2022-23")
        #expect(prepared.loaded.diagnostics.contains { $0.rule == "codebook-forced" })
        let report = try Fixtures.toolkit.measures(prepared, options: EstimationOptions())
        #expect(report.notes.contains { $0.hasPrefix("WARNING") && $0.contains("--force-codebook") })
        let tables = try Fixtures.toolkit.tables(prepared, options: EstimationOptions())
        #expect(tables.notes.contains { $0.hasPrefix("WARNING") && $0.contains("--force-codebook") })
        // The CSV, which has no notes, carries it on every row.
        for csv in [MeasuresJSON.csv(report), TablesJSON.csv(tables)] {
            let rows = try CSVTestParser.parse(csv)
            let column = try #require(rows.first?.firstIndex(of: "inputWarnings"))
            #expect(rows.count > 1 && rows.dropFirst().allSatisfy { $0[column].hasPrefix("WARNING") && $0[column].contains("--force-codebook") })
        }
    }

    /// A workbook of the users' survey given as the carers' survey names the sheet it has.
    @Test func aWorkbookWithAnotherSurveysSheetIsRefused() throws {
        let error = try #require(Self.refusal([Self.workbook102], LoadOptions(survey: "sace", surveyYear: "2023-24")))
        guard case let .codebookDoesNotFit(problems) = error else { Issue.record("expected codebookDoesNotFit, got \(error)"); return }
        #expect(problems.first?.message.contains("\"Service User Data\"") == true)
        #expect(problems.first?.message.contains("fit ascs-2021-22") == true)
    }

    /// A missing mandatory column (no codebook fits better) stops the estimates, not the read.
    @Test func aMissingMandatoryColumnStopsTheEstimates() throws {
        let path = try ValidationTests.csv { header, rows in
            let i = header.firstIndex(of: "q4a")!
            header.remove(at: i)
            for r in rows.indices { rows[r].remove(at: i) }
        }
        let error = try #require(Self.refusal([path], populations: [Self.population], LoadOptions()))
        guard case let .codebookDoesNotFit(problems) = error else { Issue.record("expected codebookDoesNotFit, got \(error)"); return }
        #expect(problems.contains { $0.rule == "missing-column" && $0.column == "q4a" && $0.file == path })
    }

    @Test func theDetectedCodebookIsNotRefused() throws {
        let prepared = try Fixtures.toolkit.prepare(returns: [Self.returns], populationFiles: [Self.population], options: LoadOptions())
        #expect(prepared.codebook.id == "ascs-2021-22")
        #expect(prepared.notes.allSatisfy { !$0.contains("WARNING") })
    }

    // MARK: 2. Every rejected input row is traceable

    @Test(arguments: [("1,387", 1387.0), (" 1387 ", 1387), ("\u{A0}12,345.5\u{A0}", 12345.5), ("0", 0), ("1234567", 1234567),
                      ("1,234,567", 1234567)])
    func populationsAsExcelWritesThem(text: String, value: Double) {
        #expect((try? PopulationNumber.parse(text).get()) == value)
    }

    @Test(arguments: ["abc", "NaN", "-5", "inf", "1e3", "1,38", "12,3456", "0x10", "1.", ".5", "1.2.3", ""])
    func populationsThatAreNotNumbersAreRefused(text: String) {
        #expect(throws: PopulationNumber.Refusal.self) { try PopulationNumber.parse(text).get() }
    }

    /// The example population file with edits to its Population column (1-based data rows).
    static func population(_ edits: [Int: String]) throws -> String {
        var lines = try String(contentsOfFile: population, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        for (row, value) in edits {
            var cells = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[cells.count - 1] = value
            lines[row] = cells.joined(separator: ",")
        }
        let path = Fixtures.temporaryDirectory().appendingPathComponent("population.csv").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Thousands separators (as Excel saves "1,387", quoted) and spaces give the same results.
    @Test func thousandsSeparatorsAndSpacesAreRead() throws {
        let plain = try Fixtures.toolkit.prepare(returns: [Self.returns], populationFiles: [Self.population], options: LoadOptions())
        let lines = try String(contentsOfFile: Self.population, encoding: .utf8).split(whereSeparator: \.isNewline)
        func population(_ k: Int) -> Int { Int(lines[k].split(separator: ",").last ?? "") ?? 0 }
        let big = try #require(lines.indices.dropFirst().first { population($0) >= 1000 })
        let value = population(big)
        let formatted = "\"\(value / 1000),\(String(format: "%03d", value % 1000))\""
        let edited = try Self.population([big: formatted, 1: " \(population(1)) "])
        let excel = try Fixtures.toolkit.prepare(returns: [Self.returns], populationFiles: [edited], options: LoadOptions())
        #expect(excel.populationDiagnostics.isEmpty, "\(excel.populationDiagnostics)")
        let a = try Fixtures.toolkit.measures(plain, options: EstimationOptions())
        let b = try Fixtures.toolkit.measures(excel, options: EstimationOptions())
        #expect(a.results.count == b.results.count && !a.results.isEmpty)
        for (x, y) in zip(a.results, b.results) { #expect(x.estimate?.estimate == y.estimate?.estimate) }
    }

    /// `abc`, `NaN` and `-5` used to drop the rows silently (exit 0, a count in the report).
    @Test func rejectedPopulationRowsStopTheCommandUnlessPartialIsAllowed() throws {
        let edited = try Self.population([3: "abc", 5: "NaN", 7: "-5"])
        let error = try #require(Self.refusal([Self.returns], populations: [edited], LoadOptions()))
        guard case let .partialInput(problems) = error else { Issue.record("expected partialInput, got \(error)"); return }
        #expect(error.exitCode == 1)
        #expect(problems.count == 3)
        #expect(problems.map(\.row) == [4, 6, 8])
        #expect(problems.allSatisfy { $0.file == edited && $0.column == "Population" && $0.rule == "invalid-population" })
        #expect(problems.map(\.value) == ["abc", "NaN", "-5"])

        let partial = try Fixtures.toolkit.prepare(returns: [Self.returns], populationFiles: [edited], options: LoadOptions(allowPartial: true))
        #expect(partial.notes.contains { $0.contains("3 population rows rejected") && $0.contains("4, 6, 8") })
    }

    /// `validate --population` reports each rejected row with file, row, column, value and rule.
    @Test func validatePopulationTracesEveryRow() throws {
        let edited = try Self.population([3: "abc", 10: "\"1,38\""])
        let codebook = try #require(Fixtures.toolkit.codebooks.first { $0.id == "ascs-2021-22" })
        let checked = PopulationInputs.check(files: [edited, "/nonexistent/population.csv"], codebook: codebook)
        #expect(checked.files.count == 2)
        #expect(checked.files[0].summary.rowsRead == 2160 && checked.files[0].summary.rowsWithErrors == 2)
        #expect(checked.files[1].error != nil)
        let rows = checked.diagnostics.filter { $0.rule == "invalid-population" }
        #expect(rows.map(\.row) == [4, 11] && rows.map(\.value) == ["abc", "1,38"])
        #expect(checked.diagnostics.contains { $0.rule == "unreadable-file" && $0.file == "/nonexistent/population.csv" })
    }

    /// Two unreadable workbooks out of three used to exit 0 with results from one council.
    @Test func unreadableFilesStopTheCommandUnlessPartialIsAllowed() throws {
        let dir = Fixtures.temporaryDirectory()
        let broken1 = dir.appendingPathComponent("174.xlsx").path
        let broken2 = dir.appendingPathComponent("224.xlsx").path
        try Data("PK\u{3}\u{4}not really a workbook".utf8).write(to: URL(fileURLWithPath: broken1))
        try Data([0x50, 0x4B, 0x03, 0x04, 0, 0]).write(to: URL(fileURLWithPath: broken2))
        let paths = [Self.workbook102, broken1, broken2]
        let error = try #require(Self.refusal(paths, LoadOptions()))
        guard case let .partialInput(problems) = error else { Issue.record("expected partialInput, got \(error)"); return }
        #expect(error.exitCode == 3)
        #expect(Set(problems.compactMap(\.file)) == [broken1, broken2])

        let partial = try Fixtures.toolkit.prepare(returns: paths, populationFiles: [], options: LoadOptions(allowPartial: true))
        #expect(partial.notes.contains { $0.contains("1 of 3 files used") && $0.contains(broken1) && $0.contains(broken2) })
        let report = try Fixtures.toolkit.measures(partial, options: EstimationOptions())
        #expect(report.notes.contains { $0.contains("1 of 3 files used") })
    }
}
