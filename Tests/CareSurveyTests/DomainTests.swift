import Foundation
import Testing
@testable import CareSurveyKit
import SurveyEstimation
import SurveyFiles
import SurveyModel

/// Demographic domains (statistics.md §4). Design-based estimates are checked against R `svyby`
/// (reference values made once by Tests/Fixtures/domains/make-domain-reference.R and committed).
@Suite struct DomainTests {
    static let dir = Fixtures.conformance("ascs-2021-22-edge")

    static func report(method: EstimationOptions.DomainMethod, domains: [String]) throws -> MeasuresReport {
        var options = EstimationOptions()
        options.suppressBelow = 0
        options.domains = domains
        options.domainMethod = method
        let prepared = try Fixtures.toolkit.prepare(returns: [dir + "/returns.csv"], populationFiles: [dir + "/population.csv"], options: .init())
        return try Fixtures.toolkit.measures(prepared, options: options)
    }

    @Test func designBasedEqualsRSvyby() throws {
        let report = try Self.report(method: .design, domains: ["gender", "age-band"])
        let rows = try SimpleCSV.records(path: Fixtures.require(Fixtures.path("domains/expected-domains-design-edge.csv")))
        #expect(rows.count == 330)
        for row in rows {
            let council = row["council"]!
            let got = try #require(report.results.first {
                $0.measure == row["measure"] && $0.group.level == .domain && $0.group.byVariable == row["by"]
                    && $0.group.byValue == row["value"] && $0.group.council == (council == "england" ? nil : council)
            }, "missing \(row)")
            let e = try #require(got.estimate)
            #expect(close(e.estimate, Double(row["estimate"]!)!, rel: 1e-9), "\(row) estimate \(e.estimate)")
            #expect(close(e.standardError, Double(row["se"]!)!, rel: 1e-9), "\(row) SE \(e.standardError)")
        }
    }

    /// The published method: each cell's population split by the domain's share of respondents.
    @Test func publishedMethodSplitsCellPopulations() throws {
        let report = try Self.report(method: .published, domains: ["gender"])
        let women = try #require(report.results.first { $0.measure == "3A" && $0.group.byValue == "Female" && $0.group.council == nil }?.estimate)
        let men = try #require(report.results.first { $0.measure == "3A" && $0.group.byValue == "Male" && $0.group.council == nil }?.estimate)
        let all = try #require(report.results.first { $0.measure == "3A" && $0.group == .england }?.estimate)
        // Domain populations add up to (at most) the group's population, and the overall value lies between the domains'.
        #expect(women.population + men.population <= all.population * (1 + 1e-12))
        #expect(min(women.estimate, men.estimate) <= all.estimate + 0.02 && all.estimate <= max(women.estimate, men.estimate) + 0.02)
    }

    @Test func domainsForTables() throws {
        var options = EstimationOptions()
        options.suppressBelow = 0
        options.domains = ["support-setting"]
        options.grouping = .englandOnly
        let prepared = try Fixtures.toolkit.prepare(returns: [Self.dir + "/returns.csv"], populationFiles: [Self.dir + "/population.csv"], options: .init())
        let report = try Fixtures.toolkit.tables(prepared, options: options)
        let shares = report.results.filter { $0.measure == "q3a" && $0.group.byValue == "Community" }.compactMap { $0.estimate?.estimate }
        #expect(shares.count == 4)
        #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
    }

    @Test func suppressionAppliesToDomains() throws {
        var options = EstimationOptions()
        options.domains = ["gender"]
        let prepared = try Fixtures.toolkit.prepare(returns: [Self.dir + "/returns.csv"], populationFiles: [Self.dir + "/population.csv"], options: .init())
        let report = try Fixtures.toolkit.measures(prepared, options: options)
        let small = report.results.filter { $0.group.level == .domain && ($0.estimate?.respondents ?? 0) < 3 }
        #expect(!small.isEmpty)
        #expect(small.allSatisfy { $0.isSuppressed })
        #expect(report.results.filter { $0.group.level == .domain && ($0.estimate?.respondents ?? 0) >= 3 }.allSatisfy { !$0.isSuppressed })
    }
}
