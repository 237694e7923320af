import Foundation
import Testing
@testable import CareSurveyKit
import SurveyModel
import SurveyEstimation
import SurveyReports

/// Issue 16, item 3: nothing is left out silently. A domain the codebook lacks, a council in no
/// group, a result only one year has, an unusable published row: each is a note or an error, and a
/// published figure's unit comes from the measure definition, never from the size of the number.
@Suite("No silent fallbacks")
struct NoSilentFallbackTests {
    static let sace = "Tests/Fixtures/sace/carers-data.csv"
    static let sacePopulation = "Tests/Fixtures/sace/population.csv"

    static func published(_ text: String) throws -> YearFigures {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("published.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try Fixtures.toolkit.readPublished(path, surveyYear: nil)
    }

    @Test("a proportion in a published CSV is a percentage by its definition, whatever its size")
    func proportionUnitFromTheDefinition() throws {
        // 3A (2021-22 numbering: overall satisfaction) is a proportion: published in percent.
        let figures = try Self.published("measure,council,estimate,marginOfError,surveyYear\n3A,716,77.1,3.6,2021-22\n3A,England,0.70,0.01,2021-22\n")
        try #require(figures.inputs.count == 2)
        #expect(abs(figures.inputs[0].estimate - 0.771) < 1e-12)
        #expect(abs(figures.inputs[1].estimate - 0.0070) < 1e-12, "0.70 is 0.70% by the definition, not a fraction")
        #expect(abs(figures.inputs[1].standardError - 0.0001 / 1.96) < 1e-15)
        #expect(figures.notes.contains { $0.contains("1 percentage of 1 or less") && $0.contains("row 3") })
    }

    @Test("a unit column says fraction or percent; a score is never divided")
    func unitColumn() throws {
        let figures = try Self.published("measure,council,estimate,marginOfError,surveyYear,unit\n3A,England,0.70,0.01,2021-22,fraction\n3A,716,64.5,2,2021-22,percent\n1A,England,19.1,0.1,2021-22,\n")
        try #require(figures.inputs.count == 3)
        #expect(abs(figures.inputs[0].estimate - 0.70) < 1e-12 && abs(figures.inputs[0].standardError - 0.01 / 1.96) < 1e-15)
        #expect(abs(figures.inputs[1].estimate - 0.645) < 1e-12)
        #expect(abs(figures.inputs[2].estimate - 19.1) < 1e-12, "1A is a score: read as given")
        #expect(!figures.notes.contains { $0.contains("of 1 or less") })
    }

    @Test("impossible values and units are errors naming the row", arguments: [
        ("3A,England,170,1,2021-22,", "row 2"), ("3A,England,1.5,0.1,2021-22,fraction", "fraction (0–1)"),
        ("1A,England,19.1,0.1,2021-22,percent", "does not apply"), ("3A,England,50,1,2021-22,per-cent", "not percent or fraction"),
        ("3A,England,50,-1,2021-22,", "marginOfError 0 or more"),
    ])
    func impossibleRows(row: String, phrase: String) throws {
        #expect {
            _ = try Self.published("measure,council,estimate,marginOfError,surveyYear,unit\n" + row + "\n")
        } throws: { error in
            "\(error)".contains(phrase)
        }
    }

    @Test("--by a domain the return's codebook lacks: no domain results and a note (measures and tables)")
    func domainTheCodebookLacks() throws {
        for command in ["measures", "tables"] {
            let run = try CLIRunner.run([command, Self.sace, "--population", Self.sacePopulation, "--by", "psr-group", "--format", "json"])
            #expect(run.status == 0, "\(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
            let notes = try #require(object["notes"] as? [String])
            #expect(notes.contains { $0.contains("--by psr-group: not a domain of SACE") }, "\(command): \(notes)")
        }
    }

    @Test("a council in no group of the group file is named in the notes")
    func councilInNoGroup() throws {
        let file = Fixtures.temporaryDirectory().appendingPathComponent("groups.csv").path
        let councils = Fixtures.toolkit.load([Self.sace]).table?.councils ?? []
        try #require(councils.count >= 2)
        try "LaCode,Group\n\(councils[0]),North\n".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["measures", Self.sace, "--population", Self.sacePopulation, "--by", file, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let notes = try #require(object["notes"] as? [String])
        let expected = "\(councils.count - 1) loaded council\(councils.count == 2 ? " is" : "s are") in no group of the group file"
        #expect(notes.contains { $0.contains(expected) && $0.contains(councils[1]) }, "\(notes)")
    }

    @Test("results only one year has are named, in JSON and text")
    func unmatchedResults() throws {
        let before = try Self.published("measure,council,estimate,marginOfError,surveyYear\n3A,England,64.0,1,2021-22\n3A,716,60.0,3,2021-22\n")
        let after = try Self.published("measure,council,estimate,marginOfError,surveyYear\n3A,England,66.0,1,2021-22\n")
        let notes = Fixtures.toolkit.comparisonNotes(before: before, after: after)
        #expect(notes.contains { $0.contains("1 result only in the before input is not compared") && $0.contains("council 716") }, "\(notes)")
        let comparisons = Fixtures.toolkit.compare(before: before, after: after, options: .init())
        #expect(comparisons.count == 1)
        let text = CompareOutput.text(comparisons, kinds: { _ in .proportion }, adjust: .none, alpha: 0.05, notes: notes)
        #expect(text.contains("Notes:") && text.contains("only in the before input"))
    }

    @Test("respondents in cells without a population are counted in a note, not dropped silently")
    func cellsWithoutPopulation() throws {
        let stats = [CellStats.indicator(count: 3, n: 5), CellStats.indicator(count: 2, n: 4)]
        var issues: [DesignIssue] = []
        let estimate = try #require(try StratifiedEstimator.estimate(
            cells: [0, 1], stats: stats, populations: [100, nil], policy: .certainty, missingPopulationIsError: false,
            describe: { _ in ("716", 1) }, populationSet: "community", item: "q2c", issues: &issues))
        #expect(estimate.respondents == 5 && estimate.respondentsWithoutPopulation == 4)
        #expect(estimate.coverageNote?.contains("4 respondents") == true)
        #expect(issues.isEmpty)
    }
}
