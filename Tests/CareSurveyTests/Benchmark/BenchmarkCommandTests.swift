import Foundation
import Testing
import CareSurveyKit
import SurveyBenchmark
import SurveyReports

/// `caresurvey benchmark` end to end: both ASCOF vintages give the same benchmark, the JSON
/// contract's fields, the CSV, text and HTML outputs, and refused inputs.
@Suite("Benchmark command")
struct BenchmarkCommandTests {
    static func fixture(_ name: String) -> String { Fixtures.path("published/" + name) }

    static func results(_ json: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        return try #require(object["results"] as? [[String: Any]])
    }

    @Test func bothColumnVintagesGiveTheSameBenchmark() throws {
        let toolkit = Fixtures.toolkit
        let old = try toolkit.benchmark(BenchmarkRequest(inputs: [Self.fixture("ascof-2022-23-old-columns.csv")], draws: 2_000))
        let new = try toolkit.benchmark(BenchmarkRequest(inputs: [Self.fixture("ascof-2223-new-columns.csv")], draws: 2_000))
        #expect(old.results.count == new.results.count)
        #expect(old.results.count > 100)
        #expect(old.results == new.results)
        // The 2023-24 numbering of the same figures: the same benchmark under the new codes.
        let renumbered = try toolkit.benchmark(BenchmarkRequest(inputs: [Self.fixture("ascof-2023-24-new-columns.csv")], draws: 2_000))
        func strip(_ r: BenchmarkResult) -> BenchmarkResult { var r = r; r.year = ""; r.displayCode = ""; return r }
        #expect(renumbered.results.map(strip) == new.results.map(strip))
    }

    @Test func jsonContractFields() throws {
        let run = try CLIRunner.run(["benchmark", Self.fixture("ascof-2022-23-old-columns.csv"), "--council", "702", "--format", "json",
                                     "--draws", "2000"])
        #expect(run.status == 0, "\(run.stderr)")
        let results = try Self.results(run.stdoutText)
        #expect(results.count == 6)
        let keys = ["measure", "year", "breakdown", "council", "name", "unit", "polarity", "estimate", "standardError", "seSource",
                    "lower", "upper", "rank", "of", "rankLower", "rankUpper", "quartile", "cutPoints", "nextQuartile", "topQuartile",
                    "england", "region", "peers", "funnel", "suppressed", "notes"]
        for r in results { #expect(keys.allSatisfy { r.keys.contains($0) }) }
        let control = try #require(results.first { $0["measure"] as? String == "3A" })
        #expect(control["unit"] as? String == "percent" && (control["estimate"] as? Double ?? 9) < 1, "proportions are fractions")
        #expect(control["seSource"] as? String == "published-moe")
        let rate = try #require(results.first { $0["measure"] as? String == "2B" })
        #expect(rate["unit"] as? String == "rate" && rate["polarity"] as? String == "lower")
        #expect(rate["seSource"] as? String == "approximate")
        let england = try #require(control["england"] as? [String: Any])
        #expect(england["method"] as? String == "ci-rule")
    }

    @Test func peersCsvTextAndHtml() throws {
        let dir = Fixtures.temporaryDirectory()
        let peers = dir.appendingPathComponent("peers.csv").path
        try "LaCode,NeighbourLaCode,Rank\n702,703,1\n702,704,2\n702,702,3\n".write(toFile: peers, atomically: true, encoding: .utf8)
        let input = Self.fixture("ascof-2022-23-old-columns.csv")
        let json = try CLIRunner.run(["benchmark", input, "--council", "702", "--peers", peers, "--format", "json", "--draws", "2000"])
        let control = try #require(try Self.results(json.stdoutText).first { $0["measure"] as? String == "3A" })
        let p = try #require(control["peers"] as? [String: Any])
        #expect(p["of"] as? Int == 3)
        let csv = try CLIRunner.run(["benchmark", input, "--council", "702", "--format", "csv", "--draws", "2000"])
        let lines = csv.stdoutText.split(separator: "\n")
        #expect(lines.count == 7 && lines[0].hasPrefix("measure,year,breakdown,council,name,unit,polarity,estimate"))
        let text = try CLIRunner.run(["benchmark", input, "--council", "702", "--format", "text", "--draws", "2000"])
        #expect(text.stdoutText.contains("Camden (702) — 2022-23") && text.stdoutText.contains("1B (now 3A)"))
        let html = dir.appendingPathComponent("bench.html").path
        let written = try CLIRunner.run(["benchmark", input, "--council", "702", "-o", html, "--draws", "2000"])
        #expect(written.status == 0, "\(written.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("polyline class=\"lim998\"") && page.contains("mk focus"))
        #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"))
    }

    @Test func refusedInputsNameTheProblem() throws {
        let noYear = try CLIRunner.run(["benchmark", Self.fixture("ascof-no-year.csv"), "--format", "json"])
        #expect(noYear.status != 0 && noYear.stderr.contains("ascof-no-year.csv") && noYear.stderr.contains("--year"))
        let withYear = try CLIRunner.run(["benchmark", Self.fixture("ascof-no-year.csv"), "--year", "2022-23", "--format", "json",
                                          "--draws", "2000"])
        #expect(withYear.status == 0)
        let badCouncil = try CLIRunner.run(["benchmark", Self.fixture("ascof-2223-new-columns.csv"), "--council", "999", "--format", "json"])
        #expect(badCouncil.status != 0 && badCouncil.stderr.contains("999"))
        let badMeasure = try CLIRunner.run(["benchmark", Self.fixture("ascof-2223-new-columns.csv"), "--measures", "9Z", "--format", "json"])
        #expect(badMeasure.status != 0 && badMeasure.stderr.contains("9Z"))
        let badDraws = try CLIRunner.run(["benchmark", Self.fixture("ascof-2223-new-columns.csv"), "--draws", "10"])
        #expect(badDraws.status == 2)
    }
}

/// A council's own, unpublished year against the latest published year before it.
@Suite("Benchmark against last year's published figures")
struct BenchmarkAgainstLastYearTests {
    @Test func ownNewYearIsPlacedAmongLastYearsPublishedCouncils() throws {
        let dir = Fixtures.temporaryDirectory()
        let own = dir.appendingPathComponent("own.csv").path
        let made = try CLIRunner.run(["measures", "Examples/ascs/returns.csv", "--population", "Examples/ascs/population.csv",
                                      "--format", "csv", "-o", own])
        #expect(made.status == 0, "\(made.stderr)")
        let published = Fixtures.path("published/ascof-2022-23-old-columns.csv")
        let run = try CLIRunner.run(["benchmark", published, own, "--year", "2023-24", "--council", "716", "--format", "json", "--draws", "2000"])
        #expect(run.status == 0, "\(run.stderr)")
        let results = try BenchmarkCommandTests.results(run.stdoutText)
        let qol = try #require(results.first { $0["measure"] as? String == "1A" && $0["breakdown"] as? String == "Total" })
        #expect(qol["year"] as? String == "2023-24" && qol["seSource"] as? String == "computed")
        // 24 published councils of 2022-23 and council 716's own 2023-24 value; the other councils of
        // the own results are not mixed in.
        #expect(qol["of"] as? Int == 25)
        #expect((qol["notes"] as? [String])?.contains { $0.contains("published 2022-23 figures") } == true)
        let england = try #require(qol["england"] as? [String: Any])
        #expect(england["value"] as? Double == 19.2 && england["method"] as? String == "ci-rule")
    }

    @Test func reportGetsABenchmarkingSectionWhenPublishedFiguresAreGiven() throws {
        let html = Fixtures.temporaryDirectory().appendingPathComponent("report.html").path
        let run = try CLIRunner.run(["report", "Examples/ascs/returns.csv", "--population", "Examples/ascs/population.csv",
                                     "--council", "716", "--published", Fixtures.path("published/ascof-2022-23-old-columns.csv"), "-o", html])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<section id=\"published-benchmark\">") && page.contains("polyline class=\"lim95\""))
        #expect(page.range(of: "published-benchmark")!.lowerBound < page.range(of: "</main>")!.lowerBound)
    }
}
