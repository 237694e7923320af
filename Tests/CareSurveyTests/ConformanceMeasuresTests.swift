import Foundation
import Testing
@testable import CareSurveyKit
import SurveyEstimation
import SurveyModel

/// The conformance suite (Tests/Fixtures/conformance, copied from shared/conformance): every
/// number of expected-measures.json at 1e-9 relative, every count exactly.
@Suite struct ConformanceMeasuresTests {
    static let sets = ["ascs-2021-22-edge", "ascs-2021-22-twenty/before", "ascs-2021-22-twenty/after", "sace-2021-22-twenty"]

    static func report(_ set: String, interval: IntervalMethod = .wald, returns: [String]? = nil) throws -> MeasuresReport {
        let dir = Fixtures.conformance(set)
        var options = EstimationOptions()
        options.suppressBelow = 0
        options.interval = interval
        let prepared = try Fixtures.toolkit.prepare(returns: returns ?? [try Fixtures.require(dir + "/returns.csv")],
                                                    populationFiles: [try Fixtures.require(dir + "/population.csv")],
                                                    options: .init())
        return try Fixtures.toolkit.measures(prepared, options: options)
    }

    @Test(arguments: sets)
    func measuresMatchReference(set: String) throws {
        let report = try Self.report(set)
        let expected = try #require(try Fixtures.json(Fixtures.conformance(set + "/expected-measures.json")) as? [String: Any])
        let rows = try #require(expected["results"] as? [[String: Any]])
        #expect(report.survey == expected["survey"] as? String)
        #expect(report.surveyYear == expected["surveyYear"] as? String)
        var index: [String: MeasureResult] = [:]
        for r in report.results { index["\(r.measure)|\(r.group.level)|\(r.group.council ?? "")"] = r }
        #expect(!rows.isEmpty)
        for row in rows {
            let key = groupKey(row)
            let measure = row["measure"] as! String
            let got = try #require(index["\(measure)|\(key.level)|\(key.council ?? "")"], "missing \(measure) \(key.label)")
            let e = try #require(got.estimate, "no estimate for \(measure) \(key.label)")
            let where_ = "\(set) \(measure) \(key.label)"
            #expect(close(e.estimate, row["estimate"] as? Double), "\(where_): estimate \(e.estimate) vs \(row["estimate"]!)")
            #expect(close(e.standardError, row["standardError"] as? Double), "\(where_): SE \(e.standardError) vs \(row["standardError"]!)")
            #expect(close(got.lower, row["lower"] as? Double), "\(where_): lower")
            #expect(close(got.upper, row["upper"] as? Double), "\(where_): upper")
            #expect(e.respondents == row["respondents"] as? Int, "\(where_): respondents \(e.respondents) vs \(row["respondents"]!)")
            #expect(close(e.population, row["population"] as? Double), "\(where_): population")
            #expect(e.cells == row["cells"] as? Int, "\(where_): cells")
            #expect(e.singleRespondentCells == row["singleRespondentCells"] as? Int, "\(where_): single-respondent cells")
            #expect(got.formerCode == row["formerCode"] as? String, "\(where_): formerCode")
            #expect(got.name == row["name"] as? String, "\(where_): name")
            #expect(got.kind.rawValue == row["kind"] as? String, "\(where_): kind")
        }
        // Nothing extra at the council and England levels.
        #expect(report.results.filter { $0.group.level != .domain }.count == rows.count)
    }

    /// The official workbook's own ASCOF values for councils 716 and 412.
    @Test func workbookValues() throws {
        let report = try Self.report("ascs-2021-22-twenty/before")
        let expected = try #require(try Fixtures.json(Fixtures.conformance("ascs-2021-22-twenty/before/expected-workbook.json")) as? [String: Any])
        for row in try #require(expected["results"] as? [[String: Any]]) {
            let council = row["council"] as! String
            let measure = row["measure"] as! String
            let got = try #require(report.results.first { $0.measure == measure && $0.group == .council(council) })
            #expect(close(got.estimate?.estimate, row["estimate"] as? Double), "\(measure) \(council)")
        }
    }
}

/// expected-intervals.json through the whole pipeline (`measures --interval …`).
@Suite struct ConformanceIntervalTests {
    @Test(arguments: ["ascs-2021-22-edge", "ascs-2021-22-twenty/before"])
    func everyMethodMatchesR(set: String) throws {
        let expected = try #require(try Fixtures.json(Fixtures.conformance(set + "/expected-intervals.json")) as? [String: Any])
        let rows = try #require(expected["intervals"] as? [[String: Any]])
        for method in [IntervalMethod.waldT, .logit, .kornGraubard, .wilson] {
            let report = try ConformanceMeasuresTests.report(set, interval: method)
            for row in rows {
                let key = groupKey(row)
                let measure = row["measure"] as! String
                let got = try #require(report.results.first { $0.measure == measure && $0.group == key })
                let bounds = try #require(row[method.rawValue] as? [Double])
                #expect(close(got.lower, bounds[0]) && close(got.upper, bounds[1]), "\(set) \(measure) \(key.label) \(method.rawValue)")
                #expect(got.estimate.map { $0.respondents - $0.cells } == row["df"] as? Int)
            }
        }
    }
}

/// Council 716's official workbook (with its own Eligible Population sheet) gives the same measures
/// as its rows of the CSV with the population file.
@Suite struct WorkbookMeasuresTests {
    @Test func workbook716MeasuresEqualCSV() throws {
        let dir = Fixtures.conformance("ascs-2021-22-twenty/before")
        var options = EstimationOptions()
        options.suppressBelow = 0
        let xlsx = try Fixtures.toolkit.prepare(returns: [try Fixtures.require(dir + "/return-716.xlsx")], populationFiles: [], options: .init())
        #expect(!xlsx.loaded.workbookPopulations.isEmpty)
        let fromWorkbook = try Fixtures.toolkit.measures(xlsx, options: options)
        let csv = try ConformanceMeasuresTests.report("ascs-2021-22-twenty/before")
        let expected = try #require(try Fixtures.json(dir + "/expected-workbook.json") as? [String: Any])
        for r in fromWorkbook.results where r.group == .council("716") {
            let c = try #require(csv.results.first { $0.measure == r.measure && $0.group == .council("716") })
            #expect(close(r.estimate?.estimate, c.estimate?.estimate), "\(r.measure)")
            #expect(close(r.estimate?.standardError, c.estimate?.standardError), "\(r.measure)")
            #expect(r.estimate?.respondents == c.estimate?.respondents)
            if let w = (expected["results"] as? [[String: Any]])?.first(where: { $0["council"] as? String == "716" && $0["measure"] as? String == r.measure }) {
                #expect(close(r.estimate?.estimate, w["estimate"] as? Double), "workbook \(r.measure)")
            }
        }
    }
}
