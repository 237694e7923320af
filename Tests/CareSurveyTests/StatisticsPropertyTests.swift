import Foundation
import Testing
@testable import CareSurveyKit
import SurveyEstimation
import SurveyModel

/// statistics.md §7: properties every implementation must pass.
@Suite struct StatisticsPropertyTests {
    static let dir = Fixtures.conformance("ascs-2021-22-edge")

    static func prepared(_ returns: [String]? = nil) throws -> PreparedSurvey {
        try Fixtures.toolkit.prepare(returns: returns ?? [dir + "/returns.csv"], populationFiles: [dir + "/population.csv"], options: .init())
    }

    static func run(_ p: PreparedSurvey, populations: Populations? = nil) throws -> MeasuresReport {
        var options = EstimationOptions()
        options.suppressBelow = 0
        return try MeasuresAnalysis.run(p.scored, populations: populations ?? p.populations!, options: options)
    }

    @Test func scalingPopulationsLeavesEstimatesUnchanged() throws {
        let p = try Self.prepared()
        let base = try Self.run(p)
        let scaled = try Self.run(p, populations: p.populations!.scaled(by: 7.5))
        for (a, b) in zip(base.results, scaled.results) {
            guard let x = a.estimate, let y = b.estimate else { continue }
            #expect(close(x.estimate, y.estimate, rel: 1e-12))
            // Larger populations reduce the FPC, so SEs differ slightly; with an infinite-population
            // limit they would be equal. The point estimate and weights' shape must not change.
            #expect(y.standardError >= x.standardError * (1 - 1e-12))
        }
    }

    @Test func oneCellIsThePlainMean() throws {
        let values: [Double] = [3, 5, 9, .nan, 4, 4, 7]
        let stats = CellStats.accumulate(values: values, cellOfRow: Array(repeating: 0, count: values.count), cellCount: 1)
        var issues: [DesignIssue] = []
        let e = try #require(try StratifiedEstimator.estimate(cells: [0], stats: stats, populations: [50], policy: .certainty,
                                                              missingPopulationIsError: true, describe: { _ in ("x", 1) },
                                                              populationSet: "stratum", item: "y", issues: &issues))
        let valid = values.filter { !$0.isNaN }
        let n = Double(valid.count)
        let mean = valid.reduce(0, +) / n
        let s2 = valid.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
        #expect(close(e.estimate, mean, rel: 1e-14))
        #expect(close(e.standardError, ((1 - n / 50) * s2 / n).squareRoot(), rel: 1e-14))
    }

    @Test func fullyEnumeratedCellsHaveZeroSE() throws {
        let values: [Double] = [1, 0, 1, 1, 0, 1]
        let cells: [Int32] = [0, 0, 0, 1, 1, 1]
        let stats = CellStats.accumulate(values: values, cellOfRow: cells, cellCount: 2)
        var issues: [DesignIssue] = []
        let e = try #require(try StratifiedEstimator.estimate(cells: [0, 1], stats: stats, populations: [3, 3], policy: .certainty,
                                                              missingPopulationIsError: true, describe: { _ in ("x", 1) },
                                                              populationSet: "stratum", item: "y", issues: &issues))
        #expect(e.standardError == 0)
    }

    @Test func splittingACouncilsFileGivesIdenticalResults() throws {
        let text = try String(contentsOfFile: Self.dir + "/returns.csv", encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let header = lines.removeFirst()
        let tmp = Fixtures.temporaryDirectory()
        let a = tmp.appendingPathComponent("a.csv").path
        let b = tmp.appendingPathComponent("b.csv").path
        let odd = lines.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let even = lines.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        try ([header] + even).joined(separator: "\n").write(toFile: a, atomically: true, encoding: .utf8)
        try ([header] + odd).joined(separator: "\n").write(toFile: b, atomically: true, encoding: .utf8)
        let whole = try Self.run(Self.prepared())
        let split = try Self.run(Self.prepared([a, b]))
        #expect(whole.results.count == split.results.count)
        for (x, y) in zip(whole.results, split.results) {
            #expect(x.group == y.group && x.measure == y.measure)
            #expect(close(x.estimate?.estimate, y.estimate?.estimate, rel: 1e-12) && close(x.estimate?.standardError, y.estimate?.standardError, rel: 1e-12))
        }
    }

    @Test func badDesignInputsNameTheCell() throws {
        let p = try Self.prepared()
        let rows = [PopulationRow(council: "716", stratum: 1, population: 2), PopulationRow(council: "716", stratum: 2, population: 500)]
        let pops = Populations(rows: rows, scheme: p.codebook.populations)
        #expect {
            _ = try Self.run(p, populations: pops)
        } throws: { error in
            guard case let .badDesign(issues) = error as? EstimationError else { return false }
            return issues.contains { $0.council == "716" && $0.stratum == 1 && $0.reason.contains("below") }
                && issues.contains { $0.council == "717" && $0.reason.contains("no eligible population") }
        }
    }

    @Test func singleRespondentPolicies() throws {
        let p = try Self.prepared()
        var options = EstimationOptions()
        options.suppressBelow = 0
        options.singleRespondent = .fail
        #expect(throws: EstimationError.self) { _ = try MeasuresAnalysis.run(p.scored, populations: p.populations!, options: options) }
        options.singleRespondent = .average
        let avg = try MeasuresAnalysis.run(p.scored, populations: p.populations!, options: options)
        let cert = try Self.run(p)
        let a = try #require(avg.results.first { $0.measure == "1A" && $0.group == .council("716") }?.estimate)
        let c = try #require(cert.results.first { $0.measure == "1A" && $0.group == .council("716") }?.estimate)
        #expect(a.singleRespondentCells == 1 && a.estimate == c.estimate && a.standardError > c.standardError)
    }

    @Test func plannerMatchesThePublishedFigures() {
        #expect(SampleSizePlanner.completes(population: 1000, margin: 0.05).completesRequired == 278)
        let m = SampleSizePlanner.margin(population: 1000, returns: 360).margin
        #expect((m * 1000).rounded() / 10 == 4.1)
        #expect(SampleSizePlanner.completes(population: 1000, margin: 0.05, responseRate: 0.4).toSend == 695)
    }
}
