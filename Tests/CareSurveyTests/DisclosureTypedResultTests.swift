// A suppressed result is a different case from a published one: its figures are unreachable from
// outside the estimation module and no output reveals its count (#16 typed results, #18 item 6).
import Foundation
import Testing
import SurveyModel
import SurveyEstimation

@Suite("disclosure: suppressed results reveal nothing")
struct DisclosureTypedResultTests {
    static let returns = "Tests/Fixtures/sace/carers-data.csv"
    static let population = "Tests/Fixtures/sace/population.csv"

    @Test("a suppressed MeasureResult has no estimate, interval or notes to read")
    func typed() {
        let e = Estimate(estimate: 0.5, standardError: 0.2, respondents: 2, population: 40, cells: 1, singleRespondentCells: 0, designEffect: 1)
        var r = MeasureResult(measure: "3A", formerCode: nil, name: "x", kind: .proportion, group: .england, estimate: e,
                              lower: 0.1, upper: 0.9, notes: ["effective sample size taken as the 2 respondents"], disclosureCount: 2)
        #expect(r.estimate != nil && r.notes.count == 1)
        r.applyDisclosureControl(threshold: 3)
        #expect(r.isSuppressed && r.marker == .suppressed && r.suppression == "[c]")
        #expect(r.estimate == nil && r.lower == nil && r.upper == nil && r.notes.isEmpty)
        if case .published = r.disclosure { Issue.record("still published") }
        // The comparison input keeps the base so that ChangeTest can suppress the comparison itself.
        #expect(r.comparisonInput(surveyYear: nil)?.respondents == 2)
    }

    @Test("JSON and CSV of measures and tables: a suppressed row has no counts, population or notes", arguments: ["measures", "tables"])
    func outputs(command: String) throws {
        let json = try CLIRunner.run([command, Self.returns, "--population", Self.population, "--by", "council,gender", "--format", "json"])
        try #require(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let rows = try #require((object["results"] ?? object["tables"]) as? [[String: Any]])
        let suppressed = rows.filter { $0["suppressed"] as? Bool == true }
        #expect(suppressed.count >= 4, "the fixture must give suppressed rows")
        for r in suppressed {
            for key in ["estimate", "standardError", "lower", "upper", "population", "cells", "singleRespondentCells"] {
                #expect(r[key] is NSNull, "\(key) of a suppressed row: \(r[key] ?? "absent")")
            }
            if r["designEffect"] != nil { #expect(r["designEffect"] is NSNull) }
            #expect(["[c]", "[x]"].contains(r["respondents"] as? String))
            #expect((r["notes"] as? [Any])?.isEmpty ?? true)
        }
        let csv = try CLIRunner.run([command, Self.returns, "--population", Self.population, "--by", "council,gender", "--format", "csv"])
        let lines = try CSVTestParser.parse(csv.stdoutText)
        let header = try #require(lines.first)
        let suppressedCol = try #require(header.firstIndex(of: "suppressed"))
        let hidden = lines.dropFirst().filter { $0.count == header.count && $0[suppressedCol] == "true" }
        #expect(hidden.count == suppressed.count)
        for row in hidden {
            for key in ["estimate", "standardError", "lower", "upper", "population", "cells", "singleRespondentCells"] {
                let i = try #require(header.firstIndex(of: key))
                #expect(row[i].isEmpty, "\(key) = \(row[i]) in a suppressed CSV row")
            }
        }
    }
}
