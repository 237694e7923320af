import Foundation
import Testing
import SurveyBenchmark
import SurveyFiles
import SurveyModel

/// The benchmark of one measure: missing values, peers, distances in people, England and region.
@Suite("Benchmarker")
struct BenchmarkerTests {
    static let catalogue: MeasureCatalogue = {
        do { return try DataDirectory(root: Fixtures.root).measureCatalogue() } catch { fatalError("\(error)") }
    }()

    static func entry(_ area: String, _ estimate: Double?, se: Double? = 0.02, region: String? = "R1",
                      population: Double? = nil, missing: String? = nil) -> BenchmarkEntry {
        BenchmarkEntry(area: area, name: "Council \(area)", region: region, estimate: estimate, missing: missing,
                       standardError: estimate == nil ? nil : se, seSource: se == nil ? .none : .publishedMoE, population: population)
    }

    @Test func suppressedAndMissingValuesAreNeverRankedNorZero() throws {
        let m = try #require(Self.catalogue.measure(id: "3A"))
        let set = BenchmarkSet(measure: m, year: "2023-24", breakdown: "Total", councils: [
            Self.entry("101", 0.70), Self.entry("102", nil, missing: "suppressed (small numbers) [c]"),
            Self.entry("103", 0.80), Self.entry("104", nil, missing: "not available [x]"), Self.entry("105", 0.75),
        ], england: Self.entry("England", 0.76, se: 0.001))
        let results = Benchmarker(rankIntervals: RankInterval(draws: 2_000)).run(set)
        #expect(results.count == 5)
        let missing = results.filter { $0.estimate == nil }
        #expect(missing.count == 2)
        for r in missing {
            #expect(r.rank == nil && r.quartile == nil && r.rankLower == nil && r.suppressed && r.england == nil)
            #expect(r.notes.contains { $0.contains("not ranked, not counted as zero") })
        }
        #expect(missing.first { $0.council == "102" }!.notes[0].contains("suppressed"))
        let ranked = results.filter { $0.rank != nil }
        #expect(ranked.allSatisfy { $0.of == 3 })
        #expect(results.first { $0.council == "103" }?.rank == 1)
        // Cut points from the three values only (zero is never added).
        #expect(ranked[0].cutPoints == Quartiles.cutPoints([0.70, 0.80, 0.75]))
    }

    @Test func peersRegionEnglandAndPeople() throws {
        let m = try #require(Self.catalogue.measure(id: "3A"))
        var councils = (1...12).map { Self.entry(String(100 + $0), 0.60 + 0.02 * Double($0), population: 1000) }
        councils[0].region = "R2"
        let set = BenchmarkSet(measure: m, year: "2023-24", breakdown: "Total", councils: councils,
                               england: Self.entry("England", 0.72, se: 0.001), regions: ["R1": Self.entry("R1", 0.70, se: 0.001)])
        let peers = PeerGroups.neighbours([("101", "102", 1), ("101", "103", 2), ("101", "101", 3), ("101", "112", 4)])
        let results = Benchmarker(peers: peers, rankIntervals: RankInterval(draws: 2_000)).run(set)
        let focus = try #require(results.first { $0.council == "101" })
        // Peers: 102, 103, 112 (never itself).
        let p = try #require(focus.peers)
        #expect(p.of == 4 && close(p.average, (0.64 + 0.66 + 0.84) / 3))
        #expect(close(p.standardError, (3 * 0.0004).squareRoot() / 3))
        #expect(p.rankInPeers == 4)
        // 0.62 vs England 0.72: outside 0.62 ± 3.09 × 0.02 → much worse; its region R2 has no figure.
        #expect(focus.england?.comparison == .muchWorse && focus.england?.method == "ci-rule")
        #expect(focus.region == nil)
        let other = try #require(results.first { $0.council == "106" })
        #expect(other.region?.value == 0.70 && other.region?.comparison == .similar)
        // Quartile 4 (lowest values, higher is better): next-quartile gap × population.
        #expect(focus.quartile == 4)
        let next = try #require(focus.nextQuartile)
        #expect(close(next.gapPeople, next.gap * 1000) && next.peopleUnit == "people")
        #expect(focus.topQuartile != nil)
        #expect(results.first { $0.rank == 1 }?.nextQuartile == nil)
        let funnel = try #require(focus.funnel)
        #expect(funnel.phi > 1 && funnel.tau2 > 0, "12 councils spread far beyond their SEs")
        #expect(funnel.class == (0.62 < funnel.lower998 ? .below998 : 0.62 < funnel.lower95 ? .below95 : .within))
    }

    @Test func ratesGiveGapsInAdmissionsAndLowerIsBetter() throws {
        let m = try #require(Self.catalogue.measure(id: "2B"))
        #expect(!m.higherIsBetter)
        let councils = (1...8).map { i -> BenchmarkEntry in
            var e = Self.entry(String(200 + i), 10 + Double(i), se: 1.5)
            e.denominator = 200_000
            return e
        }
        let results = Benchmarker(rankIntervals: RankInterval(draws: 2_000)).run(
            BenchmarkSet(measure: m, year: "2023-24", breakdown: "Total", councils: councils))
        let worst = try #require(results.first { $0.council == "208" })
        #expect(worst.rank == 8 && worst.quartile == 4)
        let next = try #require(worst.nextQuartile)
        #expect(close(next.gapPeople, next.gap * 200_000 / 100_000) && next.peopleUnit == "admissions")
        #expect(results.first { $0.council == "201" }?.rank == 1)
        // No England value: comparisons absent, not "similar".
        #expect(worst.england == nil && worst.funnel == nil)
    }
}
