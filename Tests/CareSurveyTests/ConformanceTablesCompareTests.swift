import Foundation
import Testing
@testable import CareSurveyKit
import SurveyEstimation
import SurveyModel
import SurveyReports

/// expected-tables.json and expected-compare.json of the conformance suite.
@Suite struct ConformanceTablesCompareTests {
    @Test(arguments: ["ascs-2021-22-edge", "ascs-2021-22-twenty/before", "ascs-2021-22-twenty/after"])
    func tablesMatchReference(set: String) throws {
        let dir = Fixtures.conformance(set)
        var options = EstimationOptions()
        options.suppressBelow = 0
        let prepared = try Fixtures.toolkit.prepare(returns: [try Fixtures.require(dir + "/returns.csv")],
                                                    populationFiles: [try Fixtures.require(dir + "/population.csv")], options: .init())
        let report = try Fixtures.toolkit.tables(prepared, options: options)
        var index: [String: MeasureResult] = [:]
        for r in report.results { index["\(r.measure)|\(r.code!)|\(r.group.level)|\(r.group.council ?? "")"] = r }
        let expected = try #require(try Fixtures.json(dir + "/expected-tables.json") as? [String: Any])
        let rows = try #require(expected["tables"] as? [[String: Any]])
        #expect(rows.count > 300)
        for row in rows {
            let key = groupKey(row)
            let id = "\(row["question"] as! String)|\(row["code"] as! Int)|\(key.level)|\(key.council ?? "")"
            let got = try #require(index[id], "missing \(id)")
            let e = try #require(got.estimate)
            #expect(close(e.estimate, row["estimate"] as? Double), "\(id) estimate")
            #expect(close(e.standardError, row["standardError"] as? Double), "\(id) SE")
            #expect(close(got.lower, row["lower"] as? Double), "\(id) lower")
            #expect(close(got.upper, row["upper"] as? Double), "\(id) upper")
            #expect(e.respondents == row["respondents"] as? Int, "\(id) respondents")
            #expect(close(e.population, row["population"] as? Double), "\(id) population")
            #expect(e.cells == row["cells"] as? Int && e.singleRespondentCells == row["singleRespondentCells"] as? Int, "\(id) cells")
        }
    }

    static func figures(_ set: String) throws -> YearFigures {
        let dir = Fixtures.conformance("ascs-2021-22-twenty/" + set)
        return try Fixtures.toolkit.yearFigures(paths: [try Fixtures.require(dir + "/returns.csv")],
                                                populations: [try Fixtures.require(dir + "/population.csv")],
                                                options: .init(), estimation: EstimationOptions())
    }

    @Test func compareMatchesReference() throws {
        var options = ChangeTest.Options()
        options.suppressBelow = 0
        let comparisons = Fixtures.toolkit.compare(before: try Self.figures("before"), after: try Self.figures("after"), options: options)
        let expected = try #require(try Fixtures.json(Fixtures.conformance("ascs-2021-22-twenty/expected-compare.json")) as? [String: Any])
        let rows = try #require(expected["comparisons"] as? [[String: Any]])
        #expect(comparisons.count == rows.count)
        var index: [String: Comparison] = [:]
        for c in comparisons { index["\(c.measure)|\(c.group.level)|\(c.group.council ?? "")"] = c }
        for row in rows {
            let key = groupKey(row)
            let id = "\(row["measure"] as! String)|\(key.level)|\(key.council ?? "")"
            let c = try #require(index[id], "missing \(id)")
            let before = row["before"] as! [String: Any]
            let after = row["after"] as! [String: Any]
            #expect(close(c.before.estimate, before["estimate"] as? Double) && close(c.before.standardError, before["standardError"] as? Double), "\(id) before")
            #expect(close(c.after.estimate, after["estimate"] as? Double) && close(c.after.standardError, after["standardError"] as? Double), "\(id) after")
            for (name, value) in [("difference", c.difference), ("standardError", c.standardError), ("lower", c.lower), ("upper", c.upper),
                                  ("z", c.z), ("pValue", c.pValue), ("pHolm", c.pHolm), ("pBH", c.pBH)] {
                #expect(close(value, row[name] as? Double), "\(id) \(name): \(value) vs \(row[name]!)")
            }
            #expect(c.significant == row["significant"] as? Bool, "\(id) significant")
            #expect(c.direction.rawValue == row["direction"] as? String, "\(id) direction")
            #expect(c.comparable)
        }
    }

    @Test func identicalYearsShowNoChange() throws {
        let a = try Self.figures("before")
        let comparisons = Fixtures.toolkit.compare(before: a, after: a, options: .init())
        #expect(!comparisons.isEmpty)
        for c in comparisons {
            #expect(c.difference == 0 && c.pValue == 1 && !c.significant && c.direction == .noSignificantChange)
        }
    }

    /// A results JSON for one year against returns for the other gives the same comparison.
    @Test func resultsFileAgainstReturns() throws {
        let dir = Fixtures.conformance("ascs-2021-22-twenty/before")
        var options = EstimationOptions()
        options.suppressBelow = 0
        let prepared = try Fixtures.toolkit.prepare(returns: [dir + "/returns.csv"], populationFiles: [dir + "/population.csv"], options: .init())
        let json = MeasuresJSON.render(try Fixtures.toolkit.measures(prepared, options: options))
        let path = Fixtures.temporaryDirectory().appendingPathComponent("before.json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        let fromFile = try Fixtures.toolkit.yearFigures(paths: [path], populations: [], options: .init(), estimation: EstimationOptions())
        var test = ChangeTest.Options()
        test.suppressBelow = 0
        let viaFile = Fixtures.toolkit.compare(before: fromFile, after: try Self.figures("after"), options: test)
        let viaReturns = Fixtures.toolkit.compare(before: try Self.figures("before"), after: try Self.figures("after"), options: test)
        #expect(viaFile.count == viaReturns.count)
        for (x, y) in zip(viaFile, viaReturns) { #expect(close(x.pValue, y.pValue) && x.direction == y.direction) }
    }

    @Test func comparabilityBreakIsFlagged() throws {
        var a = try Self.figures("before")
        let b = try Self.figures("after")
        a.inputs = a.inputs.map { var x = $0; x.surveyYear = "2013-14"; return x }
        let comparisons = Fixtures.toolkit.compare(before: a, after: b, options: .init())
        #expect(!comparisons.isEmpty && comparisons.allSatisfy { !$0.comparable })
    }

    @Test func publishedFiguresCSV() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("published.csv").path
        try "measure,council,estimate,marginOfError,surveyYear\n3A,716,77.1,3.6,2021-22\n3A,England,0.70,0.01,2021-22\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let figures = try Fixtures.toolkit.yearFigures(paths: [path], populations: [], options: .init(), estimation: EstimationOptions())
        #expect(figures.inputs.count == 2)
        #expect(close(figures.inputs[0].estimate, 0.771) && close(figures.inputs[0].standardError, 0.036 / 1.96))
        #expect(figures.inputs[1].group == .england)
        #expect(figures.surveyYear == "2021-22")
    }

    @Test func multipleTestingAdjustments() {
        let p = [0.01, 0.04, 0.03, 0.005]
        // R: p.adjust(c(.01,.04,.03,.005), "holm") = 0.03 0.06 0.06 0.02 ; "BH" = 0.02 0.04 0.04 0.02
        let holm = MultipleTesting.holm(p)
        let bh = MultipleTesting.benjaminiHochberg(p)
        for (a, b) in zip(holm, [0.03, 0.06, 0.06, 0.02]) { #expect(close(a, b)) }
        for (a, b) in zip(bh, [0.02, 0.04, 0.04, 0.02]) { #expect(close(a, b)) }
    }
}
