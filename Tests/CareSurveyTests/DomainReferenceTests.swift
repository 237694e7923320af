import Foundation
import Testing
@testable import CareSurveyKit
import SurveyEstimation
import SurveyFiles
import SurveyModel

/// Domain estimates against R `survey` (issue 16, item 6). Reference values made once by
/// Tests/Fixtures/domains/make-domain-published-reference.R (shared data preparation in
/// domain-data.R) on the conformance set ascs-2021-22-edge, and committed:
/// - the published method (cell populations split by the domain's share of respondents);
/// - t-based (`wald-t`) intervals of design-based domain estimates, with R's degrees of freedom
///   `degf(subset(design, domain))` = the domain's respondents − the cells holding them.
@Suite("Domains: R references")
struct DomainReferenceTests {
    static func report(_ method: EstimationOptions.DomainMethod, interval: IntervalMethod = .wald, level: Double = 0.95) throws -> MeasuresReport {
        var options = EstimationOptions()
        options.suppressBelow = 0
        options.domains = ["gender", "age-band"]
        options.domainMethod = method
        options.interval = interval
        options.level = level
        let dir = DomainTests.dir
        let prepared = try Fixtures.toolkit.prepare(returns: [dir + "/returns.csv"], populationFiles: [dir + "/population.csv"], options: .init())
        return try Fixtures.toolkit.measures(prepared, options: options)
    }

    static func result(_ report: MeasuresReport, _ row: [String: String]) -> MeasureResult? {
        let council = row["council"]
        return report.results.first {
            $0.measure == row["measure"] && $0.group.level == .domain && $0.group.byVariable == row["by"]
                && $0.group.byValue == row["value"] && $0.group.council == (council == "england" ? nil : council)
        }
    }

    static func relativelyClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test("published domain method equals R svymean on the split-population design")
    func publishedMethodEqualsR() throws {
        let report = try Self.report(.published)
        let rows = try SimpleCSV.records(path: Fixtures.require(Fixtures.path("domains/expected-domains-published-edge.csv")))
        try #require(rows.count == 315)
        for row in rows {
            let got = try #require(Self.result(report, row), "missing \(row)")
            let e = try #require(got.estimate)
            #expect(Self.relativelyClose(e.estimate, Double(row["estimate"]!)!), "\(row) estimate \(e.estimate)")
            #expect(Self.relativelyClose(e.standardError, Double(row["se"]!)!), "\(row) SE \(e.standardError)")
        }
    }

    @Test("wald-t intervals of design-based domains use R's degrees of freedom", arguments: [0.95, 0.90])
    func designTIntervalsEqualR(level: Double) throws {
        let report = try Self.report(.design, interval: .waldT, level: level)
        let rows = try SimpleCSV.records(path: Fixtures.require(Fixtures.path("domains/expected-domains-design-t-edge.csv")))
        try #require(rows.count == 306)
        let suffix = level == 0.95 ? "95" : "90"
        for row in rows {
            let got = try #require(Self.result(report, row), "missing \(row)")
            let e = try #require(got.estimate)
            #expect(e.respondents - e.cells == Int(row["df"]!)!, "\(row) df \(e.respondents - e.cells)")
            #expect(Self.relativelyClose(e.standardError, Double(row["se"]!)!), "\(row) SE \(e.standardError)")
            #expect(Self.relativelyClose(try #require(got.lower), Double(row["lower" + suffix]!)!), "\(row) lower \(got.lower ?? .nan)")
            #expect(Self.relativelyClose(try #require(got.upper), Double(row["upper" + suffix]!)!), "\(row) upper \(got.upper ?? .nan)")
        }
    }
}
